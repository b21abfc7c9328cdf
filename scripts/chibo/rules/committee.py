"""The Đảng ủy's own workbook (`chibo init --dang-uy`), read for `tong-hop`: its report needs
somewhere to go."""

from __future__ import annotations

from pathlib import Path

from ..problems import Report
from ..workbook import schema
from ..workbook.model import Committee
from ..workbook.reading import read_workbook


def open_committee(path: Path) -> tuple[Committee | None, Report]:
    """The Đảng ủy's settings workbook and its problems (None when it cannot be read)."""
    committee, report = read_workbook(path, schema.COMMITTEE_SHEETS, Committee)
    assert committee is None or isinstance(committee, Committee)
    if committee is not None and not committee.recipients:
        example = schema.COMMITTEE_RECIPIENTS.columns[0].hint_for(
            committee.settings.values.get("year"))
        report.add("no-committee-recipients", sheet=schema.COMMITTEE_RECIPIENTS.name, cell="A2",
                   example=example[0].lower() + example[1:])
    return committee, report
