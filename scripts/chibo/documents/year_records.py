"""The year as the review counts it, from the records (QĐ 366-QĐ/TW, HD 43-HD/BTCTW): each
member's meetings and tasks, the cell's meetings, themes, resolutions, tasks and members —
what the report of the collective, the self-reviews and the review's minutes all print."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ..workbook import schema
from ..workbook.model import (Record, Workbook, assignees, attendance, in_cell_on, is_full_on,
                              members_figures, rating_of, review_row)
from ..workbook.values import matching_key
from .common import meetings_of_year, task_state


@dataclass
class MemberYear:
    """One member's year: the meetings she was to attend and what became of each, the tasks
    the cell gave her."""

    member: Record
    required: list[Record] = field(default_factory=list)
    absent_with_reason: list[tuple[Record, str]] = field(default_factory=list)
    absent_without_reason: list[Record] = field(default_factory=list)
    tasks: list[tuple[Record, Record]] = field(default_factory=list)   # (task, its meeting)

    @property
    def attended(self) -> int:
        return len(self.required) - len(self.absent_with_reason) - len(self.absent_without_reason)


def business_meetings(workbook: Workbook, until: dt.date | None) -> list[Record]:
    """The year's meetings held by `until`, but the review meeting itself."""
    return [m for m in meetings_of_year(workbook, until) if m.kind != schema.REVIEW_KIND]


def member_year(workbook: Workbook, member: Record, until: dt.date | None) -> MemberYear:
    year = MemberYear(member)
    for meeting in business_meetings(workbook, until):
        if not in_cell_on(member, meeting.date) or member.exempt == "Có":
            continue
        year.required.append(meeting)
        figures = attendance(workbook, meeting)
        reason = next((r for m, r in figures.absent_with_reason if m is member), None)
        if reason is not None:
            year.absent_with_reason.append((meeting, reason))
        elif member in figures.absent_without_reason:
            year.absent_without_reason.append(meeting)
    key = matching_key(member.name)
    for task in workbook.tasks:
        given = workbook.meeting_with_id(task.meeting_id)
        if given is not None and given.date and given.date.year == workbook.settings.year \
                and key in {matching_key(n) for n in assignees(task.assignee)}:
            year.tasks.append((task, given))
    return year


@dataclass
class CellYear:
    """The cell's year as its report of the collective (Mẫu 01) counts it."""

    meetings: list[Record]
    regular: int
    thematic: int
    rate: float | None                  # average attendance, %
    ratings: Counter                    # meeting ratings
    score: float | None                 # the average of the meetings scored
    resolutions: list[Record]
    tasks: Counter                      # by task_state: 'result', 'under way', 'no result'
    admitted: list[Record]
    moved_in: list[Record]
    moved_out: list[Record]
    promoted: list[Record]              # probation ended in the year


def cell_year(workbook: Workbook, day: dt.date) -> CellYear:
    year = workbook.settings.year
    meetings = business_meetings(workbook, day)
    figures = {id(m): attendance(workbook, m) for m in meetings}
    rates = [f.rate for f in figures.values() if f.required]
    ratings = Counter(r for m in meetings if (r := rating_of(m, workbook.settings, figures[id(m)])))
    scores = [m.score for m in meetings if m.score is not None]
    tasks: Counter = Counter()
    for task in workbook.tasks:
        meeting = workbook.meeting_with_id(task.meeting_id)
        if meeting is not None and meeting.date and meeting.date.year == year \
                and meeting.date <= day:
            tasks[task_state(task, day)] += 1
    members = members_figures(workbook, dt.date(year, 1, 1), day)
    promoted = [m for m in workbook.members if m.name and (p := m.values.get("promoted"))
                and p.year == year and p <= day and is_full_on(m, day)]
    return CellYear(meetings, sum(m.kind in ("Thường kỳ", "Kết hợp") for m in meetings),
                    sum(m.kind in schema.THEMATIC_KINDS for m in meetings),
                    sum(rates) / len(rates) if rates else None, ratings,
                    sum(scores) / len(scores) if scores else None,
                    [m for m in meetings if m.resolution == "Có"], tasks, members.admitted,
                    members.moved_in, members.moved_out, promoted)


def proposals(workbook: Workbook, members: list[Record]) -> list[tuple[Record, Record | None]]:
    """Each member the review rates, in the order it reviews them — the secretary first, then
    the deputy, the chi ủy, the others — with her row of `Xếp loại` (None: not yet written)."""
    order = {"Bí thư": 0, "Phó bí thư": 1, "Chi ủy viên": 2}
    ranked = sorted(members, key=lambda m: (order.get(m.position, 3), m.row))
    return [(m, review_row(workbook, m.name)) for m in ranked]


def level_counts(rows: list[Record | None]) -> Counter:
    """How many members the cell proposes at each level."""
    return Counter(r.proposed for r in rows if r is not None and r.proposed)
