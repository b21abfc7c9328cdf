"""The rules of the whole year, judged by the day: a thematic meeting every quarter (HD 12),
a regular meeting every month (Điều lệ Đảng), an assessment for every quarter reported."""

from __future__ import annotations

from ..documents.kinds import QUARTER_REPORT, year_documents
from ..workbook import schema
from ..workbook.model import quarter_end, quarter_of
from .checker import Checker, month_end, next_free_row


def _unreadable_meeting_dates(c: Checker) -> bool:
    """A meeting whose date or kind could not be read would make every rule below guess."""
    return any(c.is_unreadable(m, "date") or c.is_unreadable(m, "kind") for m in c.wb.meetings)


def thematic_meeting_every_quarter(c: Checker) -> None:
    """HD 12: at least one thematic meeting in every quarter that has ended."""
    if not c.year or _unreadable_meeting_dates(c):
        return
    held = {quarter_of(m.date) for m in c.year_meetings() if m.kind in schema.THEMATIC_KINDS}
    missing = [q for q in (1, 2, 3, 4) if quarter_end(c.year, q) < c.as_of() and q not in held]
    if missing:
        c.report.add("no-thematic-meeting", sheet=schema.MEETINGS.name,
                     cell=next_free_row(c.wb.meetings), quarters=", ".join(map(str, missing)),
                     year=c.year, rule=c.quality_rule)


def regular_meeting_every_month(c: Checker) -> None:
    """Điều lệ Đảng, Điều 24: the cell meets every month (a combined meeting counts)."""
    if not c.year or _unreadable_meeting_dates(c):
        return
    held = {m.date.month for m in c.year_meetings() if m.kind in ("Thường kỳ", "Kết hợp")}
    missing = [month for month in range(1, 13)
               if month_end(c.year, month) < c.as_of() and month not in held]
    if missing:
        months = f"tháng {missing[0]}" if len(missing) == 1 else \
            f"các tháng {', '.join(map(str, missing))}"
        c.report.add("no-regular-meeting", sheet=schema.MEETINGS.name,
                     cell=next_free_row(c.wb.meetings), months=months, year=c.year)


def assessment_every_quarter(c: Checker) -> None:
    """The report of a quarter with meetings needs its «Đánh giá» row."""
    if not c.year:
        return
    have = {a.period for a in c.wb.assessments}
    quarters = sorted({p.quarter for p in year_documents(c.wb, c.today)
                       if p.kind is QUARTER_REPORT and p.quarter})
    for quarter in quarters:
        if f"Quý {quarter}" not in have:
            c.report.add("no-assessment", sheet=schema.ASSESSMENTS.name,
                         cell=next_free_row(c.wb.assessments), quarter=quarter)
