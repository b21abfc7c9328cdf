"""BIÊN BẢN sinh hoạt chi bộ (type BB): one per meeting, as the minutes book keeps it."""

from __future__ import annotations

import datetime as dt
import re

from ..wording import (date_in_words, decimal, document_number, paragraphs, percent, quoted,
                       sentence, short_date, time_in_words)
from ..workbook import schema
from ..workbook.model import Attendance, Record, Workbook, attendance, parse_vote, quarter_of, rating_of
from ..workbook.values import matching_key
from .common import (POSITION_TITLES, activity, header_context, member_title, name_of,
                     planned_theme, position_of, register_entry, task_line, theme_of_meeting,
                     upper_first)
from .document import Document, Planned
from .kinds import PLAN


def _names(members) -> str:
    return ", ".join(m.name for m in members)


def _by_membership(members) -> str:
    """'(chính thức 12, dự bị 1)': a reader sees at once who may vote."""
    full = sum(1 for m in members if m.membership == "Chính thức")
    return f"(chính thức {full}, dự bị {len(members) - full})"


def attendance_lines(figures: Attendance) -> list[str]:
    """The attendance block of the minutes (domain.md §2): everyone counted, by name where
    a reviewer needs the name, full and probationary members told apart."""
    lines = [f"Tổng số đảng viên của chi bộ {figures.total} đồng chí "
             f"{_by_membership(figures.members)}."]
    if figures.exempt:
        lines.append(f"Miễn sinh hoạt {len(figures.exempt)} đồng chí ({_names(figures.exempt)}).")
    else:
        lines.append("Không có đảng viên miễn sinh hoạt.")
    lines.append(f"Đảng viên phải dự họp {figures.required} đồng chí.")
    lines.append(f"Có mặt {figures.present} đồng chí {_by_membership(figures.present_members)}, "
                 f"đạt tỷ lệ {percent(figures.rate)}.")
    if not figures.absent:
        lines.append("Vắng mặt: không có.")
        return lines
    lines.append(f"Vắng mặt {figures.absent} đồng chí.")
    if figures.absent_with_reason:
        listed = "; ".join(f"{m.name} – {reason[0].lower() + reason[1:]}".rstrip(".")
                           for m, reason in figures.absent_with_reason)
        lines.append(f"Vắng có lý do {len(figures.absent_with_reason)} đồng chí ({listed}).")
    if figures.absent_without_reason:
        lines.append(f"Vắng không lý do {len(figures.absent_without_reason)} đồng chí "
                     f"({_names(figures.absent_without_reason)}).")
    return lines


def _people(text: str) -> list[str]:
    """The people of a guests cell, one per ';' or line break, without a typed 'Đồng chí'."""
    found = [p.strip().rstrip(".,;") for p in re.split(r"[;\n]", text or "")]
    return [re.sub(r"^(đồng chí|đ/c)\s+", "", p, flags=re.I) for p in found if p]


def guest_lines(meeting: Record) -> list[str]:
    """The upper committee's member who attended, and the guests, each by name."""
    lines = []
    if meeting.upper_delegate:
        people = "; ".join(f"đồng chí {p}" for p in _people(meeting.upper_delegate))
        lines.append(f"Đại biểu cấp trên: {people} dự và chỉ đạo.")
    if meeting.guests:
        lines.append(f"Khách mời: {'; '.join(_people(meeting.guests))}.")
    return lines


def vote_line(figures: Attendance, vote: tuple[int, int] | None) -> str:
    """'Đảng viên chính thức có mặt 12; tán thành 12/12 (100%), không tán thành 0': only
    full members vote (Điều lệ Đảng, Điều 5)."""
    agree, voters = vote or (figures.voters, figures.voters)
    share = percent(100.0 * agree / voters) if voters else percent(0)
    return (f"Đảng viên chính thức có mặt {figures.voters}; tán thành {agree}/{voters} "
            f"({share}), không tán thành {voters - agree}.")


def thematic_lines(workbook: Workbook, meeting: Record, title: str | None,
                   presenter: str | None) -> list[str]:
    """What the minutes book keeps of a thematic meeting (HD 12, HD 42): the theme as the
    plan adopted it, who prepared it, when the chi ủy approved the outline and when the
    material reached the members, then who presented it."""
    planned = planned_theme(workbook, meeting)
    quarter, year = quarter_of(meeting.date), meeting.date.year
    plan_entry = register_entry(workbook, PLAN, "Năm")
    plan = ("Kế hoạch số"
            f"{document_number(plan_entry.number, PLAN.code, workbook.settings.issuer_code or 'CB')[2:]}"
            if plan_entry and plan_entry.number else "kế hoạch sinh hoạt chuyên đề")
    lines = []
    if planned is not None:
        lines.append(f"Chuyên đề quý {quarter} năm {year} theo {plan} của chi bộ: "
                     f"{quoted(planned.title)}.")
        if title and matching_key(title.rstrip(".")) != matching_key(planned.title.rstrip(".")):
            lines.append(f"Nội dung trình bày tại buổi sinh hoạt: {quoted(title)}.")
    elif title:
        lines.append(f"Chuyên đề: {quoted(title)}.")
    preparer = name_of(workbook, planned.preparer if planned and planned.preparer else presenter)
    steps = []
    if meeting.outline_approved:
        steps.append(f"đề cương được chi ủy duyệt ngày {short_date(meeting.outline_approved)}")
    if meeting.material_sent:
        steps.append(f"tài liệu được gửi đến đảng viên ngày {short_date(meeting.material_sent)}")
    if preparer or steps:
        who = [f"đồng chí {preparer} chuẩn bị chuyên đề"] if preparer else []
        lines.append(sentence(upper_first("; ".join(who + steps))))
    if presenter and presenter not in (meeting.summary or ""):
        lines.append(f"Đồng chí {presenter} trình bày chuyên đề.")
    return lines


def _discussion_and_after(workbook: Workbook, meeting: Record, figures: Attendance,
                          part) -> None:
    """The parts after the content: the discussion, the chair's conclusion with the tasks
    given, the vote, the meeting's rating."""
    opinions = workbook.of_meeting("opinions", meeting)
    part("Thảo luận", [{"text": sentence(o.text), "speaker": name_of(workbook, o.speaker),
                        "item": False} for o in opinions])
    tasks = workbook.of_meeting("tasks", meeting)
    conclusion = [_text(p) for p in paragraphs(meeting.conclusion)]
    if tasks:
        conclusion.append(_text("Phân công thực hiện:"))
        conclusion += [{"text": task_line(workbook, t), "speaker": "", "item": True}
                       for t in tasks]
    if conclusion:
        conclusion.insert(0, _text("Đồng chí chủ trì kết luận:"))
    part("Kết luận", conclusion)
    vote = parse_vote(meeting.vote)
    if meeting.vote:
        part("Biểu quyết", [_text(f"Biểu quyết thông qua kết luận: {vote_line(figures, vote)}"
                                  if vote else f"Kết quả biểu quyết thông qua kết luận: "
                                  f"{sentence(meeting.vote)}")])
    rating = rating_of(meeting, workbook.settings, figures)
    if rating or meeting.score is not None:
        scored = f"đạt {decimal(meeting.score)} điểm, " if meeting.score is not None else ""
        part("Đánh giá chất lượng buổi sinh hoạt",
             [_text(f"Buổi sinh hoạt {scored}xếp loại {rating}.")])


def _text(line: str) -> dict:
    return {"text": line, "speaker": "", "item": False}


def _parts(workbook: Workbook, meeting: Record, figures: Attendance, chair_name: str | None) -> list[dict]:
    """The numbered parts of the minutes, in the order the meeting ran."""
    parts: list[dict] = []

    def part(heading, lines):
        if lines:
            parts.append({"heading": f"{len(parts) + 1}. {heading}", "lines": lines})

    title, presenter = theme_of_meeting(workbook, meeting)
    chair_title = POSITION_TITLES.get(position_of(workbook, chair_name), "")
    chair = f"Đồng chí {chair_name}, {chair_title}," if chair_title and \
        chair_title != "đảng viên" else f"Đồng chí {chair_name}"
    part("Khai mạc", [_text(f"{chair} chủ trì buổi sinh hoạt, tuyên bố lý do, giới thiệu thành "
                              "phần dự họp và thông qua chương trình.")])
    content = [_text(p) for p in paragraphs(meeting.summary)]
    if meeting.kind in schema.THEMATIC_KINDS:
        content[:0] = [_text(line) for line in thematic_lines(workbook, meeting, title, presenter)]
    elif title:
        content.insert(0, _text(sentence(title)))
    part("Nội dung sinh hoạt", content)
    _discussion_and_after(workbook, meeting, figures, part)
    return parts


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """The BIÊN BẢN of a meeting: when and where, who attended (every figure a reviewer
    checks), the parts of the meeting, and the closing read back and adopted."""
    s = workbook.settings
    meeting = planned.meeting
    assert meeting is not None   # year_documents gives each its meeting
    figures = attendance(workbook, meeting)
    chair_name, minute_taker = name_of(workbook, meeting.chair), name_of(workbook, meeting.minute_taker)
    vote = parse_vote(meeting.vote)
    agree, voters = vote or (figures.voters, figures.voters)
    context = header_context(workbook, planned.kind, planned.period, default_date=meeting.date)
    context.update({
        "subject": activity(meeting),
        "opening": (f"Hôm nay, vào lúc {time_in_words(meeting.start)}, {date_in_words(meeting.date)}, "
                    f"tại {meeting.place}, {s.cell_name} tiến hành {activity(meeting)}."),
        "attendance": attendance_lines(figures) + guest_lines(meeting) + [
            f"Chủ trì: {member_title(workbook, chair_name)}.",
            f"Thư ký: {member_title(workbook, minute_taker)}."],
        "parts": _parts(workbook, meeting, figures, chair_name),
        "closing": (f"Buổi sinh hoạt kết thúc vào lúc {time_in_words(meeting.end)} cùng ngày. Biên "
                    + (f"bản đã được đọc lại trước chi bộ và được {agree}/{voters} đảng viên "
                       "chính thức có mặt nhất trí thông qua./." if vote else
                       "bản đã được đọc lại trước chi bộ và được chi bộ thông qua./.")),
        "chair": chair_name,
        "minute_taker": minute_taker,
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
