"""The rules of each meeting (domain.md §2): its date in the plan year, its officers, its
length, its rating against its score and HD 12's minimum criteria, its material (HD 42), its
attendance and its vote."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..files import not_a_file
from ..wording import decimal, percent, short_date
from ..workbook import schema
from ..workbook.model import (Attendance, Record, attendance, materials_of, minutes_between,
                              parse_vote, quarter_of, rating_for, short_of_good,
                              twelve_months_after)
from ..workbook.values import matching_key
from .checker import Checker

# HD 42-HD/BTCTW: the material reaches the members at least a day before the meeting.
MATERIAL_DAYS_BEFORE = 1


def check_meetings(c: Checker) -> None:
    seen: dict[str, Record] = {}
    for meeting in c.wb.meetings:
        if meeting.id is not None:
            first = seen.setdefault(meeting.id, meeting)
            if first is not meeting:
                c.flag("duplicate-id", meeting, "id", meeting=meeting.id,
                       first=f"{first.sheet}!{first.cell('id')}")
        day = meeting.date
        if day and c.year and day.year != c.year:
            c.flag("outside-year", meeting, "date", day=short_date(day), year=c.year)
        _officers(c, meeting)
        figures = attendance(c.wb, meeting) if day and c.wb.members and meeting.id else None
        _duration(c, meeting)
        _rating(c, meeting, figures)
        if day:
            _material(c, meeting)
            _swapped_date(c, meeting)
        if meeting.materials and c.on_her_machine:
            _material_files(c, meeting)
        if figures is not None:
            _attendance(c, meeting, figures)
            _vote(c, meeting, figures)
        if meeting.kind in schema.THEMATIC_KINDS and not meeting.presenter and day:
            preparers = [t.preparer for t in c.wb.themes
                         if t.quarter == quarter_of(day) and t.preparer]
            if not meeting.theme and not preparers:
                c.flag("no-presenter", meeting, "presenter")


def _officers(c: Checker, meeting: Record) -> None:
    """The chair, the minute taker and the presenter: members in the cell on the day, and
    present."""
    absent = c.absent_names(meeting) if meeting.id else set()
    for field, label in (("chair", "Chủ trì"), ("minute_taker", "Thư ký"),
                         ("presenter", "Người trình bày")):
        person = c.member_on(meeting, field, label, meeting.date)
        if person is not None and matching_key(person.name) in absent:
            c.flag("absent-officer", meeting, field, label=label, name=person.name)
    if meeting.chair and meeting.minute_taker and \
            matching_key(meeting.chair) == matching_key(meeting.minute_taker):
        c.flag("chair-is-minute-taker", meeting, "minute_taker")


def _duration(c: Checker, meeting: Record) -> None:
    if not (meeting.start and meeting.end):
        return
    length = minutes_between(meeting.start, meeting.end)
    if length <= 0:
        c.flag("end-before-start", meeting, "end", end=f"{meeting.end:%H:%M}",
               start=f"{meeting.start:%H:%M}")
        return
    combined = meeting.kind == "Kết hợp"
    minimum = c.wb.settings.values.get("min_minutes_combined" if combined else "min_minutes")
    if minimum and length < minimum:
        c.flag("too-short", meeting, "end", length=length, minimum=minimum,
               what="buổi kết hợp chuyên đề với thường kỳ" if combined else "buổi sinh hoạt",
               rule=c.length_rule)


def _rating(c: Checker, meeting: Record, figures: Attendance | None) -> None:
    """A typed rating agrees with the score — or is the «Khá» HD 12 holds a high score to."""
    settings = c.wb.settings.values
    if meeting.score is None or meeting.rating is None:
        return
    good, fair, average = (settings.get(k) for k in ("score_good", "score_fair", "score_average"))
    if good is None or fair is None or average is None:
        return
    expected = rating_for(meeting.score, good, fair, average)
    held_back = expected == "Tốt" and meeting.rating == "Khá" and figures is not None and \
        bool(short_of_good(figures, settings.get("min_attendance")))
    if expected != meeting.rating and not held_back:
        c.flag("rating-mismatch", meeting, "rating", rating=meeting.rating,
               score=decimal(meeting.score), expected=expected)


def _material_files(c: Checker, meeting: Record) -> None:
    missing = [p.name for p in materials_of(c.wb, meeting) if not_a_file(p) is not None]
    if missing:
        c.flag("material-missing", meeting, "materials", files=", ".join(missing),
               folder=Path(c.wb.path).resolve().parent)


def _swapped_date(c: Checker, meeting: Record) -> None:
    """A Windows set to US dates stores 05/03 as 3 May. When the Mã buổi names a month
    («2026-T03») or a quarter («2026-Q1») that only the swapped date fits, say so."""
    day = meeting.date
    if day.day > 12 or day.day == day.month or not meeting.id:
        return
    swapped = dt.date(day.year, day.day, day.month)
    month = re.search(r"(?:^|[^A-Za-z])T(?:háng)?\s*0?(\d{1,2})\b", meeting.id, re.IGNORECASE)
    quarter = re.search(r"(?:^|[^A-Za-z])Q(?:uý)?\s*([1-4])\b", meeting.id, re.IGNORECASE)
    fits = ((month and int(month.group(1)) == swapped.month != day.month)
            or (quarter and int(quarter.group(1)) == quarter_of(swapped) != quarter_of(day)))
    if fits:
        c.flag("swapped-date", meeting, "date", day=short_date(day), meeting=meeting.id,
               swapped=short_date(swapped), typed=f"{day.day:02d}/{day.month:02d}",
               month=day.month, day_of_month=day.day)


def _material(c: Checker, meeting: Record) -> None:
    """HD 12 and HD 42: the chi ủy approves the outline, and the material reaches the
    members at least a day before the meeting."""
    day, approved, sent = meeting.date, meeting.outline_approved, meeting.material_sent
    if approved and approved > day:
        c.flag("outline-after-meeting", meeting, "outline_approved", approved=short_date(approved),
               day=short_date(day))
    if sent and sent > day:
        c.flag("material-after-meeting", meeting, "material_sent", sent=short_date(sent),
               day=short_date(day))
    elif sent and (day - sent).days < MATERIAL_DAYS_BEFORE:
        c.flag("material-late", meeting, "material_sent", sent=short_date(sent),
               days=MATERIAL_DAYS_BEFORE, day=short_date(day))
    if approved and sent and sent < approved:
        c.flag("material-before-outline", meeting, "material_sent", sent=short_date(sent),
               approved=short_date(approved))


def _attendance(c: Checker, meeting: Record, figures: Attendance) -> None:
    """Attendance below the minimum; «Tốt» for a meeting short of HD 12's minimum criteria."""
    minimum = c.wb.settings.values.get("min_attendance")
    if figures.required and minimum is not None and figures.rate < minimum:
        c.flag("low-attendance", meeting, "id", rate=percent(figures.rate), present=figures.present,
               required=figures.required, minimum=percent(minimum))
    if meeting.rating == "Tốt":
        reasons = short_of_good(figures, minimum)
        if reasons:
            c.flag("good-below-criteria", meeting, "rating", day=short_date(meeting.date),
                   reasons=" và ".join(reasons), rule=c.quality_rule)
        if meeting.kind == "Thường kỳ" and not c.wb.of_meeting("opinions", meeting):
            c.flag("good-without-discussion", meeting, "rating", day=short_date(meeting.date),
                   rule=c.quality_rule)


def _vote(c: Checker, meeting: Record, figures: Attendance) -> None:
    """The vote counts the full members present: the minutes would contradict themselves."""
    vote = parse_vote(meeting.vote)
    if not vote:
        return
    agree, voters = vote
    if agree > voters:
        c.flag("vote-count", meeting, "vote", vote=meeting.vote,
               why=": số nhất trí lớn hơn số biểu quyết")
    elif voters != figures.voters:
        c.flag("vote-count", meeting, "vote", vote=meeting.vote,
               why=f" nhưng có {figures.voters} đảng viên chính thức dự họp theo trang Vắng mặt "
                   "(đảng viên dự bị không biểu quyết)" + _promoted_since(figures))


def _promoted_since(figures: Attendance) -> str:
    """The likely cause of a vote that no longer adds up: a member set to «Chính thức» whose
    12 months were not over on the meeting's day, and whose promotion date is not recorded."""
    doubtful = [m for m in figures.full(figures.present_members)
                if m.values.get("promoted") is None and m.values.get("admitted") is not None
                and twelve_months_after(m.admitted) > figures.day]
    if not doubtful:
        return ": hãy sửa số biểu quyết hoặc trang Vắng mặt"
    names = ", ".join(f"«{m.name}» (vào Đảng ngày {short_date(m.admitted)})" for m in doubtful)
    return (f"; đồng chí {names} ghi Loại «Chính thức» nhưng ngày {short_date(figures.day)} "
            "chưa đủ 12 tháng dự bị: hãy ghi «Ngày chuyển chính thức» ở trang Đảng viên để các "
            "buổi họp trước ngày đó vẫn tính đồng chí là dự bị")
