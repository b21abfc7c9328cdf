"""The few known failures that stop a command. The command line catches `ChiboError` and prints
its Vietnamese message with exit 1; anything else is a bug and keeps its traceback."""

from __future__ import annotations


class ChiboError(Exception):
    """A failure the user can fix; `str(error)` is the Vietnamese message to show."""


class WorkbookUnreadable(ChiboError):
    """The file cannot be read as a workbook at all (missing, not .xlsx, encrypted, broken)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class OutputExists(ChiboError):
    """A command would overwrite a file of the user's."""
