"""NGHỊ QUYẾT of the cell after a meeting (type NQ, HD 36 layout)."""

from __future__ import annotations

import datetime as dt

from ..wording import date_in_words, paragraphs, quoted, sentence
from ..workbook import schema
from ..workbook.model import Workbook
from .common import header_context, task_line, theme_of_meeting
from .document import Document, Planned


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """The cell's NGHỊ QUYẾT after a meeting (HD 36 layout, type NQ): its bases, then what the
    cell resolved — the conclusion, and each task with who carries it out and by when."""
    s = workbook.settings
    meeting = planned.meeting
    assert meeting is not None   # year_documents gives each its meeting
    title, _ = theme_of_meeting(workbook, meeting)
    if meeting.kind in schema.THEMATIC_KINDS and title:
        subject = f"về chuyên đề {quoted(title)}"
    else:
        subject = (f"về lãnh đạo thực hiện nhiệm vụ chính trị tháng {meeting.date.month} năm "
                   f"{meeting.date.year}")
    points = [sentence(p) for p in paragraphs(meeting.conclusion)]
    points += [task_line(workbook, task) for task in workbook.of_meeting("tasks", meeting)]
    context = header_context(workbook, planned.kind, planned.period, default_date=meeting.date)
    context.update({
        "subject": subject,
        "bases": ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
                  f"Căn cứ biên bản buổi sinh hoạt chi bộ {date_in_words(meeting.date)},"],
        "resolves": f"{s.cell_name.upper()} QUYẾT NGHỊ:",
        "points": [f"{number}. {point}" for number, point in enumerate(points, start=1)]
        or ["1. Chi bộ thống nhất thực hiện kết luận của buổi sinh hoạt."],
        "closing": "Chi ủy, các đồng chí đảng viên trong chi bộ có trách nhiệm thực hiện nghị "
                   "quyết này./.",
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
