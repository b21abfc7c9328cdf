"""What every rule is given: the workbook, the report it adds to, the day it judges by, and the
lookups rules share (a name to its member, a Mã buổi to its meeting), each reporting the
problem of a name or a Mã buổi that matches nothing."""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata

from ..problems import Report
from ..wording import short_date
from ..workbook.model import Record, Workbook, in_cell_on
from ..workbook.schema import THEMATIC_KINDS, TWO_LEVEL_YEAR
from ..workbook.values import matching_key

HD12 = "Hướng dẫn 12-HD/BTCTW"
HD42 = "Hướng dẫn 42-HD/BTCTW"


def _plain(text: str) -> str:
    """Without diacritics, to suggest 'Nguyễn Thị Lan' for 'Nguyen Thi Lan'."""
    decomposed = unicodedata.normalize("NFD", matching_key(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def next_free_row(records: list[Record]) -> str:
    """The cell where a missing row would go: under the sheet's last record."""
    return f"A{max((r.row for r in records), default=1) + 1}"


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _held_when_named(typed: str, meetings: list[Record]) -> list[str]:
    """The meeting a mistyped Mã buổi most likely means, by the month or quarter it names
    ('2026-T09': the one meeting of September 2026, whatever its own Mã buổi)."""
    import re

    found = re.fullmatch(r"\s*(\d{4})\s*-\s*([TQ])\s*0?(\d{1,2})\s*", typed, re.IGNORECASE)
    if not found:
        return []
    year, letter, number = int(found[1]), found[2].upper(), int(found[3])
    held = [m for m in meetings if m.id and m.date and m.date.year == year
            and (m.date.month == number if letter == "T" else (m.date.month - 1) // 3 + 1 == number)]
    if letter == "Q":
        held = [m for m in held if m.kind in THEMATIC_KINDS] or held
    return [held[0].id] if len(held) == 1 else []


class Checker:
    """The workbook, the report, the day, and the lookups every rule needs."""

    def __init__(self, workbook: Workbook, report: Report, today: dt.date,
                 on_her_machine: bool = True):
        self.wb = workbook
        self.report = report
        self.today = today
        self.on_her_machine = on_her_machine   # files beside the book can be looked at
        self.year = workbook.settings.values.get("year")
        self._absent_names: dict[str, set[str]] = {}
        # Cells already in error when the rules begin: the reader could not read them.
        self.unreadable = {(p.sheet, p.cell) for p in report.errors}

    def flag(self, code: str, record: Record, field: str, **fields) -> None:
        """A problem at the cell of a record's field (its severity is the code's own)."""
        self.report.add(code, sheet=record.sheet, cell=record.cell(field), **fields)

    def is_unreadable(self, record: Record, field: str) -> bool:
        return (record.sheet, record.cell(field)) in self.unreadable

    def year_meetings(self) -> list[Record]:
        return [m for m in self.wb.meetings if m.date and m.date.year == self.year]

    @property
    def quality_rule(self) -> str:
        """Whose criteria a meeting's quality is judged by: HD 12 (2018); from 2026 HD 42
        (28/10/2025) is in force beside it."""
        return f"{HD12} và {HD42}" if (self.year or 0) >= TWO_LEVEL_YEAR else HD12

    @property
    def length_rule(self) -> str:
        """The source of the minimum length, where one is in force (HD 42, from 2026)."""
        return f" ({HD42})" if (self.year or 0) >= TWO_LEVEL_YEAR else ""

    def as_of(self) -> dt.date:
        """The day by which periods are judged ended: today; a past year is judged to its
        end, so a year whose meetings stop in June has its missing months named."""
        return min(self.today, dt.date(self.year + 1, 1, 1)) if self.year else self.today

    def suggest_member(self, name: str) -> str | None:
        names = [m.name for m in self.wb.members if m.name]
        plain = {_plain(n): n for n in names}
        if _plain(name) in plain:
            return plain[_plain(name)]
        found = difflib.get_close_matches(_plain(name), list(plain), n=1, cutoff=0.6)
        return plain[found[0]] if found else None

    def member(self, record: Record, field: str, label: str) -> Record | None:
        """The member a name cell refers to, or None with a problem suggesting the closest."""
        name = record.values.get(field)
        if not name:
            return None
        member = self.wb.member_named(name)
        if member is None:
            near = self.suggest_member(name)
            hint = f"; có phải đồng chí «{near}»?" if near else "; hãy thêm vào trang Đảng viên"
            self.flag("unknown-name", record, field, label=label, name=name, hint=hint)
        return member

    def member_on(self, record: Record, field: str, label: str, day: dt.date | None) -> Record | None:
        """As `member`, and also in the cell on `day`."""
        member = self.member(record, field, label)
        if member is not None and day is not None and not in_cell_on(member, day):
            joined, left = member.values.get("joined"), member.values.get("left")
            if joined and day < joined:
                why = (f"chưa sinh hoạt ở chi bộ vào ngày {short_date(day)} (chuyển đến ngày "
                       f"{short_date(joined)})")
            else:
                assert left is not None  # not in the cell, yet not before joining: so moved out
                why = (f"không còn sinh hoạt ở chi bộ vào ngày {short_date(day)} (chuyển đi ngày "
                       f"{short_date(left)})")
            self.flag("not-in-cell", record, field, label=label, name=member.name, why=why)
        return member

    def meeting(self, record: Record) -> Record | None:
        """The meeting a row's Mã buổi names, or None (with a problem when it names none)."""
        meeting_id = record.values.get("meeting_id")
        if meeting_id is None:
            return None
        meeting = self.wb.meeting_with_id(meeting_id)
        if meeting is None:
            ids = [m.id for m in self.wb.meetings if m.id]
            near = _held_when_named(meeting_id, self.wb.meetings) or difflib.get_close_matches(
                meeting_id, ids, n=1)
            self.flag("unknown-meeting", record, "meeting_id", meeting=meeting_id,
                      hint=f"; có phải «{near[0]}»?" if near else "")
        return meeting

    def absent_names(self, meeting: Record) -> set[str]:
        if meeting.id not in self._absent_names:
            self._absent_names[meeting.id] = {matching_key(a.name)
                                              for a in self.wb.absences_of(meeting) if a.name}
        return self._absent_names[meeting.id]
