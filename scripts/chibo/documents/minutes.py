"""BIÊN BẢN sinh hoạt chi bộ (type BB): one per meeting, as the minutes book keeps it — who
attended, every figure a reviewer checks, the meeting's parts in the order it ran (a combined
meeting's regular part, then its thematic part), the discussion, the upper committee's
guidance, the conclusion, the vote, the rating, the closing read back and adopted."""

from __future__ import annotations

import datetime as dt
import re

from ..wording import (date_in_words, decimal, document_number, paragraphs, percent, quoted,
                       sentence, short_date, time_in_words)
from ..workbook import schema
from ..workbook.model import (Attendance, Record, Workbook, attendance, is_upper_delegate,
                              parse_vote, people_in, quarter_of, rating_of, upper_delegates)
from ..workbook.values import matching_key
from .common import (POSITION_TITLES, activity, header_context, member_title, name_of,
                     planned_theme, position_of, register_entry, task_line, theme_of_meeting,
                     upper_first)
from .document import Document, Planned
from .kinds import PLAN

# Where a combined meeting's summary turns from its regular part to its thematic part.
REGULAR_PART = re.compile(r"^\s*phần (?:sinh hoạt )?thường kỳ\s*:\s*", re.I)
THEMATIC_PART = re.compile(r"\s*phần (?:sinh hoạt )?chuyên đề\s*:\s*", re.I)


def _names(members) -> str:
    return ", ".join(m.name for m in members)


def _by_membership(figures: Attendance, members: list[Record]) -> str:
    """'(chính thức 12, dự bị 1)', each as on the meeting's day: a reader sees at once who
    may vote."""
    full = len(figures.full(members))
    return f"(chính thức {full}, dự bị {len(members) - full})"


def _line(text: str, sub: bool = False) -> dict:
    return {"text": text, "sub": sub}


def attendance_lines(figures: Attendance) -> list[dict]:
    """The attendance block of the minutes (domain.md §2): everyone counted, by name where
    a reviewer needs the name, full and probationary members told apart, those absent with
    and without reason as the two kinds of «Vắng mặt»."""
    lines = [_line(f"Tổng số đảng viên của chi bộ {figures.total} đồng chí "
                   f"{_by_membership(figures, figures.members)}.")]
    lines.append(_line(f"Miễn sinh hoạt {len(figures.exempt)} đồng chí ({_names(figures.exempt)})."
                       if figures.exempt else "Không có đảng viên miễn sinh hoạt."))
    lines.append(_line(f"Đảng viên phải dự họp {figures.required} đồng chí."))
    lines.append(_line(f"Có mặt {figures.present} đồng chí "
                       f"{_by_membership(figures, figures.present_members)}, đạt tỷ lệ "
                       f"{percent(figures.rate)}."))
    if not figures.absent:
        return lines + [_line("Vắng mặt: không có.")]
    lines.append(_line(f"Vắng mặt {figures.absent} đồng chí:"))
    if figures.absent_with_reason:
        listed = "; ".join(f"{m.name} – {reason[0].lower() + reason[1:]}".rstrip(".")
                           for m, reason in figures.absent_with_reason)
        lines.append(_line(f"Vắng có lý do {len(figures.absent_with_reason)} đồng chí ({listed}).",
                           sub=True))
    if figures.absent_without_reason:
        lines.append(_line(f"Vắng không lý do {len(figures.absent_without_reason)} đồng chí "
                           f"({_names(figures.absent_without_reason)}).", sub=True))
    return lines


def guest_lines(workbook: Workbook, meeting: Record) -> list[dict]:
    """The upper committee's members who attended (the liaison of `Thông tin` among them,
    with his post), and the guests, each by name."""
    lines = []
    delegates = upper_delegates(workbook, meeting)
    if delegates:
        people = "; ".join(f"đồng chí {p}" for p in delegates)
        lines.append(_line(f"Đại biểu cấp trên: {people}{',' if ',' in people else ''} dự và "
                           "chỉ đạo."))
    if meeting.guests:
        lines.append(_line(f"Khách mời: {'; '.join(people_in(meeting.guests))}."))
    return lines


def vote_line(figures: Attendance, vote: tuple[int, int] | None) -> str:
    """'Đảng viên chính thức có mặt 12; tán thành 12/12 (100%), không tán thành 0': only
    full members vote (Điều lệ Đảng, Điều 5)."""
    agree, voters = vote or (figures.voters, figures.voters)
    share = percent(100.0 * agree / voters) if voters else percent(0)
    return (f"Đảng viên chính thức có mặt {figures.voters}; tán thành {agree}/{voters} "
            f"({share}), không tán thành {voters - agree}.")


def _material_step(workbook: Workbook, meeting: Record) -> str | None:
    """How the material reached the members: from 2026, posted on the Sổ tay đảng viên điện
    tử where the cell says that is how (HD 42: at least a day before)."""
    sent = meeting.material_sent
    if not sent:
        return None
    if workbook.settings.values.get("material_on_app") == "Có" and \
            sent.year >= schema.TWO_LEVEL_YEAR:
        days = (meeting.date - sent).days
        return (f"tài liệu được đăng trên Sổ tay đảng viên điện tử ngày {short_date(sent)}, "
                f"trước buổi sinh hoạt {days} ngày")
    return f"tài liệu được gửi đến đảng viên ngày {short_date(sent)}"


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
    material = _material_step(workbook, meeting)
    if material:
        steps.append(material)
    if preparer or steps:
        who = [f"đồng chí {preparer} chuẩn bị chuyên đề"] if preparer else []
        lines.append(sentence(upper_first("; ".join(who + steps))))
    if presenter and presenter not in (meeting.summary or ""):
        lines.append(f"Đồng chí {presenter} trình bày chuyên đề.")
    return lines


def text_line(line: str) -> dict:
    return {"text": line, "speaker": "", "item": False, "lead": False}


def _lead(line: str) -> dict:
    """A line that introduces what follows it, and stays on its page."""
    return {**text_line(line), "lead": True}


def _two_parts(summary: str | None) -> tuple[list[str], list[str]]:
    """A combined meeting's summary as (its regular part, its thematic part): split where
    she wrote «Phần chuyên đề:»; without it, all of it is the regular part."""
    text = REGULAR_PART.sub("", summary or "")
    found = THEMATIC_PART.search(text)
    regular, thematic = (text[:found.start()], text[found.end():]) if found else (text, "")
    return ([upper_first(p) for p in paragraphs(regular)],
            [upper_first(p) for p in paragraphs(thematic)])


def _content(workbook: Workbook, meeting: Record, part) -> None:
    """What the meeting was about: a combined meeting in two parts, regular then thematic."""
    title, presenter = theme_of_meeting(workbook, meeting)
    if meeting.kind == "Kết hợp":
        regular, thematic = _two_parts(meeting.summary)
        part("Phần sinh hoạt thường kỳ", [text_line(p) for p in regular])
        part("Phần sinh hoạt chuyên đề",
             [text_line(line) for line in thematic_lines(workbook, meeting, title, presenter)]
             + [text_line(p) for p in thematic])
        return
    content = [text_line(p) for p in paragraphs(meeting.summary)]
    if meeting.kind in schema.THEMATIC_KINDS:
        content[:0] = [text_line(line) for line in thematic_lines(workbook, meeting, title, presenter)]
    elif title:
        content.insert(0, text_line(sentence(title)))
    part("Nội dung sinh hoạt", content)


def discussion(workbook: Workbook, meeting: Record, part) -> None:
    """The members' opinions, then the upper committee's guidance («ý kiến chỉ đạo»)."""
    opinions = workbook.of_meeting("opinions", meeting)
    spoken = [{**text_line(sentence(o.text)), "speaker": name_of(workbook, o.speaker)}
              for o in opinions if not is_upper_delegate(workbook, meeting, o.speaker)]
    guidance = [{**text_line(sentence(o.text)), "speaker": o.speaker}
                for o in opinions if is_upper_delegate(workbook, meeting, o.speaker)]
    part("Thảo luận", spoken)
    part("Ý kiến chỉ đạo của đại biểu cấp trên", guidance)


def _conclusion_and_after(workbook: Workbook, meeting: Record, figures: Attendance,
                          part) -> None:
    """The chair's conclusion with the tasks given, the vote, the meeting's rating."""
    tasks = workbook.of_meeting("tasks", meeting)
    conclusion = [text_line(p) for p in paragraphs(meeting.conclusion)]
    if tasks:
        conclusion.append(_lead("Phân công thực hiện:"))
        conclusion += [{**text_line(task_line(workbook, t)), "item": True} for t in tasks]
    if conclusion:
        conclusion.insert(0, _lead("Đồng chí chủ trì kết luận:"))
    part("Kết luận", conclusion)
    vote = parse_vote(meeting.vote)
    adopted = "kết luận và nghị quyết" if meeting.resolution == "Có" else "kết luận"
    if meeting.vote:
        part("Biểu quyết", [text_line(f"Biểu quyết thông qua {adopted}: {vote_line(figures, vote)}"
                                  if vote else f"Kết quả biểu quyết thông qua {adopted}: "
                                  f"{sentence(meeting.vote)}")])
    rating = rating_of(meeting, workbook.settings, figures)
    if rating:
        scored = f"đạt {decimal(meeting.score)} điểm, " if meeting.score is not None else ""
        part("Đánh giá chất lượng buổi sinh hoạt",
             [text_line(f"Buổi sinh hoạt {scored}xếp loại {rating}.")])


def _parts(workbook: Workbook, meeting: Record, figures: Attendance, chair_name: str | None) -> list[dict]:
    """The numbered parts of the minutes, in the order the meeting ran."""
    parts: list[dict] = []

    def part(heading, lines):
        if lines:
            parts.append({"heading": f"{len(parts) + 1}. {heading}", "lines": lines})

    chair_title = POSITION_TITLES.get(position_of(workbook, chair_name), "")
    chair = f"Đồng chí {chair_name}, {chair_title}," if chair_title and \
        chair_title != "đảng viên" else f"Đồng chí {chair_name}"
    part("Khai mạc", [text_line(f"{chair} chủ trì buổi sinh hoạt, tuyên bố lý do, giới thiệu thành "
                            "phần dự họp và thông qua chương trình.")])
    _content(workbook, meeting, part)
    discussion(workbook, meeting, part)
    _conclusion_and_after(workbook, meeting, figures, part)
    return parts


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """The BIÊN BẢN of a meeting: when and where, who attended, the parts of the meeting, and
    the closing read back and adopted."""
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
        "attendance": attendance_lines(figures) + guest_lines(workbook, meeting) + [
            _line(f"Chủ trì: {member_title(workbook, chair_name)}."),
            _line(f"Thư ký: {member_title(workbook, minute_taker)}.")],
        "parts": _parts(workbook, meeting, figures, chair_name),
        "closing": (f"Buổi sinh hoạt kết thúc vào lúc {time_in_words(meeting.end)} cùng ngày. Biên "
                    + (f"bản đã được đọc lại trước chi bộ và được {agree}/{voters} đảng viên "
                       "chính thức có mặt nhất trí thông qua./." if vote else
                       "bản đã được đọc lại trước chi bộ và được chi bộ thông qua./.")),
        "chair": chair_name,
        "minute_taker": minute_taker,
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
