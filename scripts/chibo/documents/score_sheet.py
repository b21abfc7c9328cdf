"""BIỂU ĐÁNH GIÁ CHẤT LƯỢNG BUỔI SINH HOẠT: the score sheet of a scored meeting, from `Tiêu chí`
and `Chấm điểm` (unnumbered, kept in the cell, signed by the minute taker and the chair)."""

from __future__ import annotations

import datetime as dt

from ..wording import decimal, short_date
from ..workbook.model import Workbook, attendance, rating_of
from .common import activity, header_context, name_of
from .document import Document, Planned


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """The score sheet of a meeting: each criterion, its maximum and the points it got, the
    total and the rating, signed by the minute taker and the chair."""
    meeting = planned.meeting
    assert meeting is not None   # year_documents gives each its meeting
    criteria = {c.number: c for c in workbook.criteria if c.number is not None}
    rows, total, top = [], 0.0, 0.0
    for score in sorted(workbook.of_meeting("scores", meeting), key=lambda s: s.criterion or 0):
        criterion = criteria.get(score.criterion)
        maximum = criterion.maximum if criterion is not None else None
        rows.append({"number": str(score.criterion), "title": criterion.title if criterion else "",
                     "maximum": decimal(maximum) if maximum is not None else "",
                     "points": decimal(score.points) if score.points is not None else ""})
        total += score.points or 0
        top += maximum or 0
    figures = attendance(workbook, meeting)
    context = header_context(workbook, planned.kind, planned.period, default_date=meeting.date)
    context.update({
        "subject": f"{activity(meeting)}, ngày {short_date(meeting.date)}",
        "criteria": rows,
        "total": f"Tổng cộng: {decimal(total)}/{decimal(top)} điểm",
        "rating": f"Xếp loại: {rating_of(meeting, workbook.settings, figures) or 'chưa xếp loại'}.",
        "chair": name_of(workbook, meeting.chair),
        "minute_taker": name_of(workbook, meeting.minute_taker),
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
