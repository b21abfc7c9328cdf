"""NGHỊ QUYẾT of the cell after a meeting (type NQ, HD 36 layout): what it rests on, what
became of the previous resolution's tasks, what the cell resolved — each decision once — and
the vote that adopted it."""

from __future__ import annotations

import datetime as dt
import re

from ..wording import date_in_words, document_number, paragraphs, quoted, sentence, short_date
from ..workbook import schema
from ..workbook.model import Record, Workbook, attendance, parse_vote
from ..workbook.values import matching_key
from .common import (header_context, legal_basis, ordered, register_entry, result_on,
                     task_line, theme_of_meeting)
from .document import Document, Planned
from .kinds import PLAN, RESOLUTION
from .minutes import vote_line

# A task restates a sentence of the conclusion when this share of its words stands there.
SAME_DECISION = 0.8


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", matching_key(text)))


def _sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences: a full stop followed by a capital starts the next one."""
    pieces = re.split(r"(?<=[.!?…])\s+", paragraph.strip())
    found: list[str] = []
    for piece in pieces:
        if found and not piece[:1].isupper():
            found[-1] += " " + piece
        else:
            found.append(piece)
    return [p for p in found if p]


def decisions(conclusion: str | None, tasks: list[Record]) -> list[str]:
    """The conclusion's sentences that no task states: a task is printed with who carries it
    out and by when, so the sentence that gave it would say it a second time."""
    task_words = [_words(t.text) for t in tasks if t.text]
    kept = []
    for paragraph in paragraphs(conclusion):
        for said in _sentences(paragraph):
            words = _words(said)
            if not any(len(w & words) >= SAME_DECISION * len(w) for w in task_words if w):
                kept.append(sentence(said))
    return kept


def _bases(workbook: Workbook, meeting: Record) -> list[str]:
    """What the resolution rests on: the Điều lệ, the upper committees' documents of `Căn
    cứ`, the cell's own plan for a thematic meeting, and the minutes of the meeting."""
    lines = ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"]
    lines += [f"Căn cứ {legal_basis(b)};" for b in ordered(workbook.legal_bases)]
    plan = register_entry(workbook, PLAN, "Năm")
    if meeting.kind in schema.THEMATIC_KINDS and plan is not None and plan.number:
        number = document_number(plan.number, PLAN.code, workbook.settings.issuer_code or "CB")
        dated = f" {date_in_words(plan.date)}" if plan.date else ""
        lines.append(f"Căn cứ Kế hoạch số{number[2:]}{dated} của Chi bộ về tổ chức sinh hoạt "
                     f"chuyên đề năm {meeting.date.year};")
    lines.append(f"Căn cứ biên bản buổi sinh hoạt chi bộ {date_in_words(meeting.date)},")
    return lines


def resolution_name(workbook: Workbook, meeting: Record) -> str:
    """'Nghị quyết số 03-NQ/CB ngày 07/04/2022' — its number as `Văn bản` gives it, its date
    the meeting's."""
    entry = register_entry(workbook, RESOLUTION, meeting.id)
    code = workbook.settings.issuer_code or "CB"
    named = (f"Nghị quyết số{document_number(entry.number, RESOLUTION.code, code)[2:]}"
             if entry is not None and entry.number else "nghị quyết")
    return f"{named} ngày {short_date(entry.date if entry is not None and entry.date else meeting.date)}"


def _previous(workbook: Workbook, meeting: Record) -> tuple[str, list[str]]:
    """The review of the previous resolution of the year: (its heading, each of its tasks
    with what became of it by this meeting); ('', []) for the year's first."""
    earlier = [m for m in workbook.meetings if m.resolution == "Có" and m.date and m.id
               and m.date.year == meeting.date.year and m.date < meeting.date]
    if not earlier:
        return "", []
    previous = max(earlier, key=lambda m: m.date)
    heading = (f"Kết quả thực hiện {resolution_name(workbook, previous)} của chi bộ, đến "
               f"ngày {short_date(meeting.date)}:")
    tasks = workbook.of_meeting("tasks", previous)
    lines = [f"{task_line(workbook, t, assigned=previous.date)} {result_on(t, meeting.date)}"
             for t in tasks] or ["Nghị quyết không giao nhiệm vụ cụ thể."]
    return heading, lines


def _vote(workbook: Workbook, meeting: Record) -> str:
    """The vote that adopted it, as the minutes record it (only full members vote)."""
    vote = parse_vote(meeting.vote)
    if vote is None:
        return "Nghị quyết được chi bộ biểu quyết thông qua tại buổi sinh hoạt."
    return ("Nghị quyết được chi bộ biểu quyết thông qua: "
            + vote_line(attendance(workbook, meeting), vote))


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """The NGHỊ QUYẾT after a meeting, as the cell adopted it."""
    s = workbook.settings
    meeting = planned.meeting
    assert meeting is not None   # year_documents gives each its meeting
    title, _ = theme_of_meeting(workbook, meeting)
    if meeting.kind in schema.THEMATIC_KINDS and title:
        subject = f"về chuyên đề {quoted(title)}"
    else:
        subject = (f"về lãnh đạo thực hiện nhiệm vụ chính trị tháng {meeting.date.month} năm "
                   f"{meeting.date.year}")
    tasks = workbook.of_meeting("tasks", meeting)
    points = decisions(meeting.conclusion, tasks) + [task_line(workbook, t) for t in tasks]
    review_heading, review = _previous(workbook, meeting)
    context = header_context(workbook, planned.kind, planned.period, default_date=meeting.date)
    context.update({
        "subject": subject,
        "bases": _bases(workbook, meeting),
        "review_heading": review_heading,
        "review": review,
        "resolves": f"{s.cell_name.upper()} QUYẾT NGHỊ:",
        "points": [f"{number}. {point}" for number, point in enumerate(points, start=1)]
        or ["1. Chi bộ thống nhất thực hiện kết luận của buổi sinh hoạt."],
        "vote": _vote(workbook, meeting),
        "closing": "Chi ủy, các đồng chí đảng viên trong chi bộ có trách nhiệm thực hiện nghị "
                   "quyết này./.",
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
