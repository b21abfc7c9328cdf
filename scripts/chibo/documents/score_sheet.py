"""BIỂU ĐÁNH GIÁ CHẤT LƯỢNG BUỔI SINH HOẠT: the score sheet of a scored meeting, from `Tiêu chí`
and `Chấm điểm` (unnumbered, kept in the cell, signed by the minute taker and the chair)."""

from __future__ import annotations

import datetime as dt

from ..wording import decimal, short_date
from ..workbook.model import Workbook, attendance, rating_of
from .common import activity, header_context, name_of
from .document import Document, Planned


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """The score sheet of a meeting: every criterion of `Tiêu chí`, its maximum and the points
    it got (one not scored says so, and adds nothing), the total on the whole scale and the
    rating, signed by the minute taker and the chair."""
    meeting = planned.meeting
    assert meeting is not None   # year_documents gives each its meeting
    criteria = {c.number: c for c in workbook.criteria if c.number is not None}
    points = {s.criterion: s.points for s in workbook.of_meeting("scores", meeting)}
    rows = [{"number": str(number), "title": criterion.title,
             "maximum": decimal(criterion.maximum) if criterion.maximum is not None else "",
             "points": decimal(points[number]) if points.get(number) is not None
             else "chưa chấm"}
            for number, criterion in sorted(criteria.items())]
    total = sum(p for p in points.values() if p is not None)
    top = sum(c.maximum for c in criteria.values() if c.maximum is not None)
    figures = attendance(workbook, meeting)
    context = header_context(workbook, planned.kind, planned.period, default_date=meeting.date)
    context.update({
        "subject": f"{activity(meeting)}, ngày\u00a0{short_date(meeting.date)}",
        "criteria": rows,
        "total": f"Tổng cộng: {decimal(total)}/{decimal(top)} điểm",
        "rating": f"Xếp loại: {rating_of(meeting, workbook.settings, figures) or 'chưa xếp loại'}.",
        "chair": name_of(workbook, meeting.chair),
        "minute_taker": name_of(workbook, meeting.minute_taker),
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
