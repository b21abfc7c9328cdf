"""Problems are data: each has a code, a severity, a place and a Vietnamese message.

Every stage collects problems into a `Report` instead of raising them one by one, so the
secretary sees everything to fix at once. Only a file that cannot be read at all stops a stage,
and even then it becomes one problem in the report (see `errors.WorkbookUnreadable`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from .values import column_number

ERROR = "error"
WARNING = "warning"

SEVERITY_LABEL = {ERROR: "Lỗi", WARNING: "Cảnh báo"}


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    message: str
    sheet: str | None = None
    cell: str | None = None

    @property
    def location(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def as_dict(self) -> dict:
        return asdict(self)


def _cell_order(cell: str | None) -> tuple[int, int]:
    """'AB12' -> (12, 28): rows first, so problems read top to bottom like the sheet."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", cell or "")
    if not match:
        return (0, 0)
    return (int(match.group(2)), column_number(match.group(1)))


@dataclass
class Report:
    """All the problems found in one workbook, errors before warnings."""

    problems: list[Problem] = field(default_factory=list)
    sheet_order: tuple[str, ...] = ()

    def add(self, code: str, severity: str, message: str, sheet: str | None = None,
            cell: str | None = None) -> None:
        self.problems.append(Problem(code, severity, message, sheet, cell))

    def error(self, code: str, message: str, sheet: str | None = None, cell: str | None = None) -> None:
        self.add(code, ERROR, message, sheet, cell)

    def warning(self, code: str, message: str, sheet: str | None = None, cell: str | None = None) -> None:
        self.add(code, WARNING, message, sheet, cell)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == WARNING]

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)

    def sorted(self) -> list[Problem]:
        def key(problem: Problem):
            sheet_rank = (self.sheet_order.index(problem.sheet)
                          if problem.sheet in self.sheet_order else -1)
            return (problem.severity != ERROR, sheet_rank, _cell_order(problem.cell))

        unique = list(dict.fromkeys(self.problems))
        return sorted(unique, key=key)

    def as_dicts(self) -> list[dict]:
        return [p.as_dict() for p in self.sorted()]
