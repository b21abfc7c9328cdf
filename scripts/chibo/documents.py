"""What each document says: the KẾ HOẠCH, each BIÊN BẢN and the BÁO CÁO, as contexts for
their templates, worded as a careful secretary would write them.

Each document is described by a `Document`: its type and period, the template, where it goes
under output/, and the context — plain strings and lists (wording.py holds the rules for
dates and numbers). Only meetings held by a given day count: a schedule typed in advance is
not yet a meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import schema
from .errors import ChiboError
from .model import (Record, Workbook, assignees, attendance, is_collective, minutes_between,
                    parse_vote, quarter_end, quarter_of, rating_of)
from .values import matching_key
from .wording import (date_in_words, document_number, paragraphs, percent, period_words,
                      quoted, recipient_lines, sentence, short_date, slug, time_in_words)

POSITION_TITLES = {"Bí thư": "Bí thư chi bộ", "Phó bí thư": "Phó Bí thư chi bộ",
                   "Chi ủy viên": "Chi ủy viên", "Đảng viên": "đảng viên"}


@dataclass
class Document:
    doc_type: str            # KH, BB, BC
    period: str              # 'Năm', 'Quý N', or a Mã buổi
    template: str
    path: str                # under the output folder, '/'-separated, ASCII
    label: str               # how the summary names it
    context: dict = field(repr=False, default_factory=dict)


# --- what is common to every document --------------------------------------------------------

def _register_entry(workbook: Workbook, doc_type: str, period: str) -> Record | None:
    for entry in workbook.documents:
        if entry.doc_type == doc_type and entry.period == period:
            return entry
    return None


def _recipients(workbook: Workbook, doc_type: str) -> list[str]:
    return recipient_lines(r.line for r in workbook.recipients
                           if r.doc_type in (doc_type, "*") and r.line)


def _common(workbook: Workbook, doc_type: str, period: str, default_date=None) -> dict:
    s = workbook.settings
    entry = _register_entry(workbook, doc_type, period)
    number = entry.number if entry else None
    day = (entry.date if entry and entry.date else None) or default_date
    secretary = _name(workbook, s.cell_secretary)
    return {
        "superior_body": s.superior_body.upper(),
        "issuer": s.cell_name.upper(),
        "number": document_number(number, doc_type, s.issuer_code or "CB"),
        "place_date": f"{s.place}, {date_in_words(day, s.year)}",
        "recipients": _recipients(workbook, doc_type),
        "sign_for": "T/M CHI BỘ",
        "sign_role": "BÍ THƯ",
        "signer": secretary,
    }


def _position(workbook: Workbook, name: str) -> str:
    member = workbook.member_named(name)
    return (member.position if member is not None else None) or ""


def _member_title(workbook: Workbook, name: str) -> str:
    position = _position(workbook, name)
    title = POSITION_TITLES.get(position, "")
    return f"đồng chí {name} – {title}" if title and position != "Đảng viên" else f"đồng chí {name}"


def _themes_of(workbook: Workbook, quarter: int) -> list[Record]:
    return [t for t in workbook.themes if t.quarter == quarter]


def meetings_in(workbook: Workbook, quarters, until: dt.date | None = None) -> list[Record]:
    """The meetings of the plan year in these quarters, in date order; with `until`, only
    those held by that day (a schedule typed in advance is not yet a meeting)."""
    year = workbook.settings.year
    found = [m for m in workbook.meetings
             if m.id and m.date and m.date.year == year and quarter_of(m.date) in quarters
             and (until is None or m.date <= until)]
    return sorted(found, key=lambda m: (m.date, m.start or dt.time()))


def _name(workbook: Workbook, name: str | None) -> str | None:
    """A person's name as the `Đảng viên` sheet spells it (a cell may differ in case or
    spacing), or as typed when no member has it."""
    member = workbook.member_named(name)
    return member.name if member is not None else name


def theme_of_meeting(workbook: Workbook, meeting: Record) -> tuple[str | None, str | None]:
    """(theme title, presenter) of a thematic meeting; the quarter's plan fills the gaps."""
    if meeting.kind not in schema.THEMATIC_KINDS:
        return meeting.theme, _name(workbook, meeting.presenter)
    planned = _themes_of(workbook, quarter_of(meeting.date))
    title = meeting.theme or (planned[0].title if planned else None)
    presenter = meeting.presenter or (planned[0].preparer if planned else None)
    return title, _name(workbook, presenter)


def _ordered(records: list[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r.number is None, r.number or 0, r.row))


# --- KẾ HOẠCH ---------------------------------------------------------------------------------

def _legal_basis(basis: Record) -> str:
    subject = basis.subject.strip()
    if matching_key(subject).startswith("về "):
        subject_part = "về " + subject[3:].strip()
    else:
        subject_part = quoted(subject)
    return f"{basis.document} {date_in_words(basis.date)} của {basis.issuer} {subject_part}"


def plan_document(workbook: Workbook) -> Document:
    s = workbook.settings
    year = s.year
    bases = [_legal_basis(b) for b in _ordered(workbook.legal_bases)]
    by_part = {part: [p.text for p in _ordered([p for p in workbook.plan_paragraphs
                                                 if p.part == part])]
               for part in schema.PLAN_PARTS}
    themes = []
    for theme in sorted(workbook.themes, key=lambda t: (t.quarter, t.row)):
        details = []
        if theme.preparer:
            details.append(f"Đồng chí {theme.preparer} chuẩn bị")
        if theme.planned_month:
            details.append(f"dự kiến tháng\u00a0{theme.planned_month}/{year}")
        detail = "; ".join(details)
        themes.append({"quarter": theme.quarter, "title": sentence(theme.title),
                       "detail": sentence(detail[0].upper() + detail[1:]) if detail else ""})
    context = _common(workbook, "KH", "Năm")
    context.update({
        "subject": f"tổ chức sinh hoạt chuyên đề năm {year}",
        "opening": sentence("Thực hiện " + " và ".join(bases)) if bases else "",
        "intro": f"{s.cell_name} xây dựng kế hoạch tổ chức sinh hoạt chuyên đề năm {year} như sau:",
        "purposes": by_part["Mục đích"],
        "requirements": by_part["Yêu cầu"],
        "measures": by_part["Biện pháp thực hiện"],
        "themes": themes,
        "closing": f"Trên đây là kế hoạch tổ chức sinh hoạt chuyên đề của {s.cell_name} năm "
                   f"{year}. Chi bộ, đảng viên nghiêm túc triển khai thực hiện./.",
    })
    return Document("KH", "Năm", "ke-hoach.docx", plan_path(year),
                    f"Kế hoạch sinh hoạt chuyên đề năm {year}", context)


# --- BIÊN BẢN ---------------------------------------------------------------------------------

def _activity(meeting: Record) -> str:
    """What the meeting was: 'sinh hoạt chuyên đề quý 1 năm 2022', …"""
    day = meeting.date
    quarter = quarter_of(day)
    if meeting.kind == "Chuyên đề":
        return f"sinh hoạt chuyên đề quý {quarter} năm {day.year}"
    if meeting.kind == "Kết hợp":
        return (f"sinh hoạt thường kỳ tháng {day.month} kết hợp chuyên đề quý {quarter} năm "
                f"{day.year}")
    return f"sinh hoạt chi bộ thường kỳ tháng {day.month} năm {day.year}"


def _names(members) -> str:
    return ", ".join(m.name for m in members)


def _attendance_lines(figures) -> list[str]:
    lines = [f"Tổng số đảng viên của chi bộ: {figures.total} đồng chí (chính thức: "
             f"{figures.full_members}; dự bị: {figures.probationary})."]
    if figures.exempt:
        lines.append(f"Miễn sinh hoạt: {len(figures.exempt)} đồng chí ({_names(figures.exempt)}).")
    else:
        lines.append("Miễn sinh hoạt: không có.")
    lines.append(f"Số đảng viên phải dự họp: {figures.required} đồng chí.")
    lines.append(f"Có mặt: {figures.present} đồng chí, đạt tỷ lệ {percent(figures.rate)}.")
    lines.append(f"Vắng mặt: {figures.absent} đồng chí." if figures.absent else "Vắng mặt: không có.")
    if figures.absent_with_reason:
        listed = "; ".join(f"{m.name} – {reason[0].lower() + reason[1:]}".rstrip(".")
                           for m, reason in figures.absent_with_reason)
        lines.append(f"Vắng có lý do: {len(figures.absent_with_reason)} đồng chí ({listed}).")
    else:
        lines.append("Vắng có lý do: không có.")
    if figures.absent_without_reason:
        lines.append(f"Vắng không lý do: {len(figures.absent_without_reason)} đồng chí "
                     f"({_names(figures.absent_without_reason)}).")
    else:
        lines.append("Vắng không lý do: không có.")
    return lines


def minutes_document(workbook: Workbook, meeting: Record, file_stem: str | None = None) -> Document:
    s = workbook.settings
    figures = attendance(workbook, meeting)
    title, presenter = theme_of_meeting(workbook, meeting)
    text = lambda line: {"text": line, "speaker": "", "item": False}  # noqa: E731
    parts = []

    def part(heading, lines):
        if lines:
            parts.append({"heading": f"{len(parts) + 1}. {heading}", "lines": lines})

    chair_name, minute_taker = _name(workbook, meeting.chair), _name(workbook, meeting.minute_taker)
    chair_title = POSITION_TITLES.get(_position(workbook, chair_name), "")
    chair = f"Đồng chí {chair_name}, {chair_title}," if chair_title and \
        chair_title != "đảng viên" else f"Đồng chí {chair_name}"
    part("Khai mạc", [text(f"{chair} chủ trì buổi sinh hoạt, tuyên bố lý do, giới thiệu thành phần "
                           "dự họp và thông qua chương trình.")])
    content = [text(p) for p in paragraphs(meeting.summary)]
    if meeting.kind in schema.THEMATIC_KINDS and title and \
            not (presenter and presenter in (meeting.summary or "")):
        who = f"Đồng chí {presenter} trình bày" if presenter else "Chi bộ nghe trình bày"
        content.insert(0, text(f"{who} chuyên đề {quoted(title)}."))
    elif title and meeting.kind not in schema.THEMATIC_KINDS:
        content.insert(0, text(sentence(title)))
    part("Nội dung sinh hoạt", content)
    opinions = workbook.of_meeting("opinions", meeting)
    part("Thảo luận", [{"text": sentence(o.text), "speaker": _name(workbook, o.speaker),
                        "item": False} for o in opinions])
    tasks = workbook.of_meeting("tasks", meeting)
    conclusion = [text(p) for p in paragraphs(meeting.conclusion)]
    if tasks:
        conclusion.append(text("Phân công thực hiện:"))
        conclusion += [{"text": _task_line(workbook, t), "speaker": "", "item": True}
                       for t in tasks]
    if conclusion:
        conclusion.insert(0, text("Đồng chí chủ trì kết luận:"))
    part("Kết luận", conclusion)
    agree, voters = parse_vote(meeting.vote) or (figures.voters, figures.voters)
    if meeting.vote:
        part("Biểu quyết", [text(f"Kết quả biểu quyết thông qua kết luận: {sentence(meeting.vote)}")])
    rating = rating_of(meeting, workbook.settings)
    if rating or meeting.score is not None:
        scored = f"đạt {meeting.score} điểm, " if meeting.score is not None else ""
        part("Đánh giá chất lượng buổi sinh hoạt",
             [text(f"Buổi sinh hoạt {scored}xếp loại {rating}.")])

    guests = [f"Khách mời: {sentence(meeting.guests)}"] if meeting.guests else []
    context = _common(workbook, "BB", meeting.id, default_date=meeting.date)
    context.update({
        "subject": _activity(meeting),
        "opening": (f"Hôm nay, vào lúc {time_in_words(meeting.start)}, {date_in_words(meeting.date)}, "
                    f"tại {meeting.place}, {s.cell_name} tiến hành {_activity(meeting)}."),
        "attendance": _attendance_lines(figures) + guests + [
            f"Chủ trì: {_member_title(workbook, chair_name)}.",
            f"Thư ký: {_member_title(workbook, minute_taker)}."],
        "parts": parts,
        "closing": (f"Buổi sinh hoạt kết thúc vào lúc {time_in_words(meeting.end)} cùng ngày. Biên "
                    f"bản đã được đọc lại trước chi bộ, {agree}/{voters} đồng chí nhất trí./."),
        "chair": chair_name,
        "minute_taker": minute_taker,
    })
    return Document("BB", meeting.id, "bien-ban.docx",
                    minutes_path(meeting, file_stem or slug(meeting.id)),
                    f"Biên bản buổi {meeting.id} ({short_date(meeting.date)})", context)


def _task_line(workbook: Workbook, task: Record, assigned: dt.date | None = None) -> str:
    """'Rà soát hồ sơ (đồng chí Lê Thị Ánh; thời hạn 31/03/2022).'"""
    details = []
    if task.assignee:
        details.append(f"đồng chí {_name(workbook, task.assignee)}"
                       if _is_one_person(task.assignee) else _lower_first(task.assignee))
    if assigned:
        details.append(f"giao ngày {short_date(assigned)}")
    if task.due:
        details.append(f"thời hạn {short_date(task.due)}")
    suffix = f" ({'; '.join(details)})" if details else ""
    return task.text.rstrip(".") + suffix + "."


def _lower_first(text: str) -> str:
    """'Toàn chi bộ' inside a sentence: 'toàn chi bộ' (a name keeps its capitals)."""
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text.isupper() else text


def _is_one_person(assignee: str) -> bool:
    """A person's name rather than a body ('Chi ủy', 'Toàn chi bộ') or a list of names."""
    names = assignees(assignee)
    return len(names) == 1 and not is_collective(names[0])


# --- BÁO CÁO ----------------------------------------------------------------------------------

def report_document(workbook: Workbook, quarter: int | None,
                    until: dt.date | None = None) -> Document:
    """The quarter's report, or the year's (quarter None), of the meetings held by `until`."""
    s = workbook.settings
    year = s.year
    quarters = [quarter] if quarter else [1, 2, 3, 4]
    period = f"Quý {quarter}" if quarter else "Năm"
    words = period_words(quarter, year)
    meetings = meetings_in(workbook, quarters, until)
    period_end = quarter_end(year, quarter or 4)
    period_start = dt.date(year, 3 * (quarter - 1) + 1, 1) if quarter else dt.date(year, 1, 1)

    rows, rates, durations, ratings = [], [], [], []
    for number, meeting in enumerate(meetings, start=1):
        figures = attendance(workbook, meeting)
        title, presenter = theme_of_meeting(workbook, meeting)
        length = minutes_between(meeting.start, meeting.end)
        rating = rating_of(meeting, workbook.settings) or ""
        if meeting.kind == "Kết hợp":
            topic = f"Thường kỳ kết hợp chuyên đề {quoted(title)}" if title else "Kết hợp"
        elif meeting.kind == "Chuyên đề":
            topic = f"Chuyên đề {quoted(title)}" if title else "Chuyên đề"
        else:
            topic = f"Thường kỳ tháng {meeting.date.month}" + (f": {title}" if title else "")
        rows.append({
            "number": str(number), "date": short_date(meeting.date), "topic": topic,
            "presenter": presenter or "", "attendance": f"{figures.present}/{figures.required} "
            f"({percent(figures.rate)})", "duration": f"{length}\u00a0phút",
            "conclusion": " ".join(paragraphs(meeting.conclusion)), "rating": rating,
        })
        rates.append(figures.rate)
        durations.append(length)
        ratings.append(rating)

    thematic = [m for m in meetings if m.kind in schema.THEMATIC_KINDS]
    combined = sum(1 for m in thematic if m.kind == "Kết hợp")
    if meetings:
        summary = (f"Trong {words}, chi bộ đã tổ chức {len(meetings)} buổi sinh hoạt, trong "
                   f"đó có {len(thematic)} buổi sinh hoạt chuyên đề"
                   + (f" ({combined} buổi kết hợp với sinh hoạt thường kỳ)" if combined else "")
                   + ". Kết quả cụ thể như sau:")
    else:
        summary = f"Trong {words}, chi bộ chưa tổ chức buổi sinh hoạt nào."

    totals = None
    if quarter is None and meetings:
        counted = {r: ratings.count(r) for r in schema.RATINGS if ratings.count(r)}
        totals = (f"Cộng: {len(meetings)} buổi ({len(thematic)} chuyên đề); dự họp bình quân "
                  f"{percent(sum(rates) / len(rates))}; thời lượng bình quân "
                  f"{round(sum(durations) / len(durations))} phút; xếp loại "
                  + ", ".join(f"{r} {n}" for r, n in counted.items()) + ".")

    theme_lines = []
    for q in quarters:
        held = [m for m in thematic if quarter_of(m.date) == q]
        for theme in _themes_of(workbook, q) or [None]:
            name = quoted(theme.title) if theme else "(chưa có chuyên đề)"
            days = ", ".join(f"ngày {short_date(m.date)}" for m in held)
            status = f"đã tổ chức {days}" if held else "chưa tổ chức"
            theme_lines.append(f"Quý {q}: {name} – {status}.")

    entry = _register_entry(workbook, "BC", period)
    report_day = entry.date if entry and entry.date else period_end
    task_lines = []
    for task in workbook.tasks:
        meeting = workbook.meeting_with_id(task.meeting_id)
        if meeting is None or not meeting.date or meeting.date > min(period_end, report_day) \
                or (until is not None and meeting.date > until):
            continue
        in_period = period_start <= meeting.date <= period_end
        due_in_period = task.due is not None and period_start <= task.due <= period_end
        if not (in_period or due_in_period or (not task.result and meeting.date < period_start)):
            continue
        # A report tells only what was known on its date: a task due later is under way.
        if task.due and task.due > report_day:
            result = "Đang thực hiện."
        else:
            result = sentence(task.result) if task.result else "Chưa có kết quả."
        task_lines.append(f"{_task_line(workbook, task, assigned=meeting.date)} {result}")
    if not task_lines:
        task_lines = ["Không có nhiệm vụ nào đến hạn trong kỳ."]

    assessment = next((a for a in workbook.assessments if a.period == period), None)

    def section(field_name):
        found = paragraphs(assessment.values.get(field_name)) if assessment else []
        return found or ["Không có."]

    direction = []
    if quarter and quarter < 4:
        written = " ".join(section("direction"))
        for theme in _themes_of(workbook, quarter + 1):
            if matching_key(theme.title.rstrip(".")) in matching_key(written):
                continue  # the secretary's own direction already names it
            extra = []
            if theme.preparer:
                extra.append(f"đồng chí {theme.preparer} chuẩn bị")
            if theme.planned_month:
                extra.append(f"dự kiến tháng {theme.planned_month}")
            direction.append(f"Tổ chức sinh hoạt chuyên đề quý {quarter + 1}: {quoted(theme.title)}"
                             + (f" ({', '.join(extra)})" if extra else "") + ".")
        next_period = f"QUÝ {quarter + 1} NĂM {year}"
    else:
        next_period = f"NĂM {year + 1}"
    direction += [p for p in section("direction") if p != "Không có."] or \
        (["Không có."] if not direction else [])

    plan_entry = _register_entry(workbook, "KH", "Năm")
    if plan_entry and plan_entry.number:
        number = document_number(plan_entry.number, "KH", s.issuer_code or "CB")
        dated = f" {date_in_words(plan_entry.date)}" if plan_entry.date else ""
        opening = (f"Thực hiện Kế hoạch số{number[2:]}{dated} của Chi bộ về tổ chức sinh hoạt "
                   f"chuyên đề năm {year}, {s.cell_name} báo cáo kết quả thực hiện "
                   f"{words} như sau:")
    else:
        opening = (f"Thực hiện kế hoạch tổ chức sinh hoạt chuyên đề năm {year}, {s.cell_name} báo "
                   f"cáo kết quả thực hiện {words} như sau:")

    context = _common(workbook, "BC", period)
    context.update({
        "subject": f"kết quả sinh hoạt chuyên đề {words}",
        "opening": opening,
        "meetings_summary": summary,
        "meetings": rows,
        "totals": totals,
        "themes": theme_lines,
        "tasks": task_lines,
        "strengths": section("strengths"),
        "weaknesses": section("weaknesses"),
        "causes": section("causes"),
        "next_period": next_period,
        "direction": direction,
        "requests": section("requests"),
        "closing": f"Trên đây là báo cáo kết quả sinh hoạt chuyên đề {words} của "
                   f"{s.cell_name}./.",
    })
    return Document("BC", period, "bao-cao.docx", report_path(year, quarter),
                    f"Báo cáo {words}", context)


# --- choosing and rendering -----------------------------------------------------------------

def meetings_of_year(workbook: Workbook, until: dt.date | None = None) -> list[Record]:
    return meetings_in(workbook, (1, 2, 3, 4), until)


def latest_quarter(workbook: Workbook, until: dt.date | None = None) -> int | None:
    """The last quarter of the plan year with a meeting held (by `until`)."""
    meetings = meetings_of_year(workbook, until)
    return quarter_of(meetings[-1].date) if meetings else None


def minutes_stems(workbook: Workbook) -> dict[int, str]:
    """id(meeting) -> a distinct ASCII file-name stem, for every meeting of the year."""
    stems, taken = {}, {}
    for meeting in meetings_of_year(workbook):
        stem = slug(meeting.id)
        taken[stem] = taken.get(stem, 0) + 1
        stems[id(meeting)] = stem if taken[stem] == 1 else f"{stem}-{taken[stem]}"
    return stems


def minutes_path(meeting: Record, stem: str) -> str:
    return f"{meeting.date.year}/quy-{quarter_of(meeting.date)}/bien-ban-{stem}.docx"


def report_path(year: int, quarter: int | None) -> str:
    return (f"{year}/quy-{quarter}/bao-cao-quy-{quarter}-{year}.docx" if quarter
            else f"{year}/bao-cao-nam-{year}.docx")


def plan_path(year: int) -> str:
    return f"{year}/ke-hoach-sinh-hoat-chuyen-de-{year}.docx"


def minutes_documents(workbook: Workbook, quarters, until: dt.date | None = None) -> list[Document]:
    """One BIÊN BẢN per meeting of the quarters held by `until`, with distinct file names."""
    stems = minutes_stems(workbook)
    return [minutes_document(workbook, meeting, stems[id(meeting)])
            for meeting in meetings_in(workbook, quarters, until)]


def meeting_by_id(workbook: Workbook, meeting_id: str) -> Record:
    for meeting in workbook.meetings:
        if meeting.id == meeting_id or (meeting.id and slug(meeting.id) == meeting_id):
            return meeting
    known = ", ".join(m.id for m in workbook.meetings if m.id)
    raise ChiboError(f"Không có buổi sinh hoạt «{meeting_id}» ở trang Buổi sinh hoạt "
                     f"(có: {known}).")
