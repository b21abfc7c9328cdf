"""BIÊN BẢN hội nghị kiểm điểm, đánh giá, xếp loại chất lượng (type BB): the year's review
meeting as the minutes book keeps it — the attendance arithmetic of every biên bản, the
collective reviewed first, then each member (the secretary first), each with the level she
proposes, the level the cell proposes and the full members' vote, then the conclusion."""

from __future__ import annotations

import datetime as dt

from ..wording import date_in_words, paragraphs, percent, quoted, time_in_words
from ..workbook import schema
from ..workbook.model import Attendance, Record, Workbook, attendance, review_row
from .common import (POSITION_TITLES, header_context, member_title, name_of, position_of,
                     upper_first)
from .document import Document, Planned
from .minutes import attendance_lines, discussion, guest_lines, text_line
from .year_records import level_counts, proposals


def vote_of(row: Record | None, figures: Attendance) -> str:
    """'tán thành 12/12 (100%), không tán thành 0' from a row of `Xếp loại`."""
    if row is None or row.agree is None:
        return "chưa ghi kết quả biểu quyết"
    voters = figures.voters
    share = percent(100.0 * row.agree / voters) if voters else percent(0)
    return f"tán thành {row.agree}/{voters} ({share}), không tán thành {row.disagree or 0}"


def _level(row: Record | None, field: str) -> str:
    value = row.values.get(field) if row is not None else None
    return quoted(value) if value else "(chưa ghi)"


def _collective(workbook: Workbook, figures: Attendance, secretary: str | None) -> list[dict]:
    own = review_row(workbook, schema.CELL_ROW)
    year = workbook.settings.year
    return [text_line(f"Đồng chí {secretary} trình bày báo cáo kiểm điểm, đánh giá, xếp loại chất "
                  f"lượng tập thể chi bộ năm {year}; chi bộ thảo luận, góp ý."),
            text_line(f"Tập thể chi bộ tự xếp loại: {_level(own, 'self_level')}. Chi bộ biểu quyết đề "
                  f"nghị xếp loại tập thể chi bộ: {_level(own, 'proposed')}; đảng viên chính thức "
                  f"có mặt {figures.voters}, {vote_of(own, figures)}.")]


def _members(workbook: Workbook, figures: Attendance) -> list[dict]:
    """Each member in the order the review takes them; one not at the meeting (absent, or
    exempt) is reviewed on the self-review she sent."""
    present = {id(m) for m in figures.present_members}
    lines = []
    for member, row in proposals(workbook, figures.members):
        title = POSITION_TITLES.get(member.position or "", "")
        who = f"đồng chí {member.name}" + (f" ({title})" if title and title != "đảng viên" else "")
        how = (f"{upper_first(who)} trình bày bản kiểm điểm" if id(member) in present
               else f"Chi bộ nghe bản kiểm điểm của {who} (không dự hội nghị)")
        lines.append({**text_line(f"{how}, tự xếp loại {_level(row, 'self_level')}; chi bộ đề "
                                  f"nghị xếp loại {_level(row, 'proposed')}; biểu quyết: "
                                  f"{vote_of(row, figures)}."), "item": True})
    return lines


def _conclusion(workbook: Workbook, meeting: Record, figures: Attendance) -> list[dict]:
    counts = level_counts([row for _, row in proposals(workbook, figures.members)])
    rated = sum(counts.values())
    tally = "; ".join(f"{level}: {counts[level]} đồng chí ({percent(100 * counts[level] / rated)})"
                      for level in schema.LEVELS if counts[level]) if rated else ""
    lines = [text_line(p) for p in paragraphs(meeting.conclusion)]
    if tally:
        lines.append(text_line(f"Kết quả chi bộ đề nghị xếp loại chất lượng {rated} đảng viên: {tally}."))
    return lines


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    s = workbook.settings
    meeting = planned.meeting
    assert meeting is not None   # year_documents gives each its meeting
    figures = attendance(workbook, meeting)
    chair, minute_taker = name_of(workbook, meeting.chair), name_of(workbook, meeting.minute_taker)
    secretary = name_of(workbook, s.cell_secretary)
    parts: list[dict] = []

    def part(heading, lines):
        if lines:
            parts.append({"heading": f"{len(parts) + 1}. {heading}", "lines": lines})

    title = POSITION_TITLES.get(position_of(workbook, chair), "")
    part("Khai mạc", [text_line(f"Đồng chí {chair}" + (f", {title}," if title and title != "đảng viên"
                                                    else "")
                            + " chủ trì hội nghị, tuyên bố lý do, giới thiệu thành phần dự họp và "
                              "thông qua chương trình.")])
    part("Kiểm điểm tập thể chi bộ", _collective(workbook, figures, secretary))
    part("Kiểm điểm từng đảng viên", _members(workbook, figures))
    discussion(workbook, meeting, part)
    part("Kết luận", _conclusion(workbook, meeting, figures))
    what = f"hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm {s.year}"
    context = header_context(workbook, planned.kind, planned.period, default_date=meeting.date)
    context.update({
        "subject": what,
        "opening": (f"Hôm nay, vào lúc {time_in_words(meeting.start)}, {date_in_words(meeting.date)}, "
                    f"tại {meeting.place}, {s.cell_name} tổ chức {what}."),
        "attendance": attendance_lines(figures) + guest_lines(workbook, meeting) + [
            {"text": f"Chủ trì: {member_title(workbook, chair)}.", "sub": False},
            {"text": f"Thư ký: {member_title(workbook, minute_taker)}.", "sub": False}],
        "parts": parts,
        "closing": (f"Hội nghị kết thúc vào lúc {time_in_words(meeting.end)} cùng ngày. Biên bản "
                    "đã được đọc lại trước hội nghị và được chi bộ nhất trí thông qua./."),
        "chair": chair,
        "minute_taker": minute_taker,
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
