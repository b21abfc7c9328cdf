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
from pathlib import Path

from . import schema
from .errors import ChiboError
from .model import (Attendance, Record, Workbook, assignees, attendance, is_collective,
                    minutes_between, parse_vote, quarter_end, quarter_of, rating_of)
from .values import matching_key
from .wording import (date_in_words, decimal, document_number, header_lines, paragraphs, percent,
                      period_words, quoted, recipient_lines, sentence, short_date, slug,
                      time_in_words)

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
    # Written only where it was built before, and named in the summary only when it
    # changed: a document of another period that the workbook may have corrected.
    refresh: bool = False


@dataclass(frozen=True)
class Planned:
    """A document the year has, before anything is composed: what the checks, the build,
    `status` and `send` all agree on."""

    doc_type: str            # KH, BB, BC
    period: str              # 'Năm', 'Quý N', or a Mã buổi
    path: str
    label: str
    quarter: int | None = None           # a report's quarter (None: the year's); a minutes' quarter
    meeting: Record | None = field(default=None, compare=False)


def year_documents(workbook: Workbook, until: dt.date | None = None) -> list[Planned]:
    """Every document of the plan year by `until`: the plan; the minutes of each meeting
    held; the report of each quarter with a meeting held; the year's report once quarter 4
    has one. A meeting scheduled ahead has no document yet."""
    year = workbook.settings.year
    documents = [Planned("KH", "Năm", plan_path(year), f"Kế hoạch sinh hoạt chuyên đề năm {year}")]
    stems = minutes_stems(workbook)
    scored = scored_meetings(workbook)
    quarters = []
    for meeting in meetings_of_year(workbook, until):
        quarter = quarter_of(meeting.date)
        documents.append(Planned("BB", meeting.id, minutes_path(meeting, stems[id(meeting)]),
                                 minutes_label(meeting), quarter, meeting))
        if meeting.id in scored:
            documents.append(Planned("DG", meeting.id,
                                     minutes_path(meeting, stems[id(meeting)], "cham-diem"),
                                     f"Biểu đánh giá buổi sinh hoạt ngày {short_date(meeting.date)}",
                                     quarter, meeting))
        if meeting.resolution == "Có":
            documents.append(Planned("NQ", meeting.id,
                                     minutes_path(meeting, stems[id(meeting)], "nghi-quyet"),
                                     f"Nghị quyết sau buổi sinh hoạt ngày {short_date(meeting.date)}",
                                     quarter, meeting))
        if quarter not in quarters:
            quarters.append(quarter)
    for quarter in quarters:
        documents.append(Planned("BC", f"Quý {quarter}", report_path(year, quarter),
                                 f"Báo cáo quý {quarter} năm {year}", quarter))
    if quarters and year_report_due(workbook, until):
        documents.append(Planned("BC", "Năm", report_path(year, None), f"Báo cáo năm {year}"))
    return documents


def year_report_due(workbook: Workbook, until: dt.date | None) -> bool:
    """The year's report is written once quarter 4's thematic meeting is held, or once the
    year is over, whatever it held."""
    year = workbook.settings.year
    if until is None or until > dt.date(year, 12, 31):
        return True
    return any(m.kind in schema.THEMATIC_KINDS for m in meetings_in(workbook, [4], until))


def period_documents(workbook: Workbook, quarter: int | None,
                     until: dt.date | None = None) -> list[Planned]:
    """What a period sends: the plan, then the quarter's minutes and report (quarter None:
    the year's report)."""
    def wanted(planned: Planned) -> bool:
        if planned.doc_type == "KH":
            return True
        if quarter is None:
            return planned.period == "Năm"
        return planned.quarter == quarter and planned.period != "Năm"

    return [p for p in year_documents(workbook, until) if wanted(p)]


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """What a planned document says."""
    if planned.doc_type == "KH":
        return plan_document(workbook)
    if planned.doc_type == "NQ":
        assert planned.meeting is not None  # year_documents gives each its meeting
        return resolution_document(workbook, planned.meeting, planned.path, planned.label)
    if planned.doc_type == "DG":
        assert planned.meeting is not None
        return score_document(workbook, planned.meeting, planned.path, planned.label)
    if planned.doc_type == "BB":
        assert planned.meeting is not None  # year_documents gives every minutes its meeting
        return minutes_document(workbook, planned.meeting, Path(planned.path).stem[len("bien-ban-"):])
    return report_document(workbook, planned.quarter, until)


def minutes_label(meeting: Record) -> str:
    """How letters and summaries name a meeting's minutes: by its kind and date, never by
    its Mã buổi, which only the workbook knows."""
    kinds = {"Chuyên đề": "sinh hoạt chuyên đề", "Kết hợp": "sinh hoạt thường kỳ kết hợp chuyên đề"}
    return f"Biên bản {kinds.get(meeting.kind, 'sinh hoạt chi bộ thường kỳ')} ngày " \
           f"{short_date(meeting.date)}"


# --- what is common to every document --------------------------------------------------------

def register_entry(workbook: Workbook, doc_type: str, period: str) -> Record | None:
    """The row of `Văn bản` that numbers and dates a document (the first, if typed twice)."""
    if "_register" not in workbook.__dict__:
        index: dict[tuple[str, str], Record] = {}
        for entry in workbook.documents:
            index.setdefault((entry.doc_type, entry.period), entry)
        workbook.__dict__["_register"] = index
    return workbook.__dict__["_register"].get((doc_type, period))


KEEP_IN_CELL = "Lưu Chi bộ"   # minutes stay in the cell's minutes book unless told otherwise


def covers(recipient_kind: str | None, doc_type: str) -> bool:
    """Whether a `Nơi nhận` row («KH», «BB», «BC», «NQ» or «*») takes a document type.
    Minutes and resolutions go only where a row names them: «*» is the plan and reports the
    cell sends upward; its minutes stay in its minutes book (domain.md §5)."""
    return recipient_kind == doc_type or (recipient_kind == "*" and doc_type in ("KH", "BC"))


def _recipients(workbook: Workbook, doc_type: str) -> list[str]:
    """The `Nơi nhận` lines of a document type; minutes without any stay in the cell."""
    lines = [r.line for r in workbook.recipients if covers(r.doc_type, doc_type) and r.line]
    if doc_type in ("BB", "NQ") and not lines:
        lines = [KEEP_IN_CELL]
    return recipient_lines(lines)


def _heading(value) -> str:
    """A body's name for the header: its lines (see `wording.header_lines`), upper case."""
    return "\n".join(header_lines(str(value or ""), getattr(value, "lines", None)))


def _common(workbook: Workbook, doc_type: str, period: str, default_date=None) -> dict:
    s = workbook.settings
    entry = register_entry(workbook, doc_type, period)
    number = entry.number if entry else None
    day = (entry.date if entry and entry.date else None) or default_date
    secretary = _name(workbook, s.cell_secretary)
    unnumbered = doc_type in ("BB", "DG") and number is None   # minutes may go unnumbered
    return {
        "superior_body": _heading(s.superior_body),
        "issuer": _heading(s.cell_name),
        "number": "" if unnumbered else document_number(number, doc_type, s.issuer_code or "CB"),
        "place_date": f"{s.place}, {date_in_words(day, s.year)}",
        "recipients": _recipients(workbook, doc_type),
        "sign_for": "T/M CHI BỘ",
        "sign_role": "BÍ THƯ",
        "signer": secretary,
    }


def _position(workbook: Workbook, name: str | None) -> str:
    member = workbook.member_named(name)
    return (member.position if member is not None else None) or ""


def _member_title(workbook: Workbook, name: str | None) -> str:
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


def planned_theme(workbook: Workbook, meeting: Record) -> Record | None:
    """The theme the plan adopted for a thematic meeting's quarter."""
    planned = _themes_of(workbook, quarter_of(meeting.date))
    return planned[0] if planned else None


def theme_of_meeting(workbook: Workbook, meeting: Record) -> tuple[str | None, str | None]:
    """(theme title, presenter) of a thematic meeting; the quarter's plan fills the gaps."""
    if meeting.kind not in schema.THEMATIC_KINDS:
        return meeting.theme, _name(workbook, meeting.presenter)
    planned = planned_theme(workbook, meeting)
    title = meeting.theme or (planned.title if planned else None)
    presenter = meeting.presenter or (planned.preparer if planned else None)
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
    import re

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
    plan_entry = register_entry(workbook, "KH", "Năm")
    plan = ("Kế hoạch số"
            f"{document_number(plan_entry.number, 'KH', workbook.settings.issuer_code or 'CB')[2:]}"
            if plan_entry and plan_entry.number else "kế hoạch sinh hoạt chuyên đề")
    lines = []
    if planned is not None:
        lines.append(f"Chuyên đề quý {quarter} năm {year} theo {plan} của chi bộ: "
                     f"{quoted(planned.title)}.")
        if title and matching_key(title.rstrip(".")) != matching_key(planned.title.rstrip(".")):
            lines.append(f"Nội dung trình bày tại buổi sinh hoạt: {quoted(title)}.")
    elif title:
        lines.append(f"Chuyên đề: {quoted(title)}.")
    preparer = _name(workbook, planned.preparer if planned and planned.preparer else presenter)
    steps = []
    if meeting.outline_approved:
        steps.append(f"đề cương được chi ủy duyệt ngày {short_date(meeting.outline_approved)}")
    if meeting.material_sent:
        steps.append(f"tài liệu được gửi đến đảng viên ngày {short_date(meeting.material_sent)}")
    if preparer or steps:
        who = [f"đồng chí {preparer} chuẩn bị chuyên đề"] if preparer else []
        lines.append(sentence(_upper_first("; ".join(who + steps))))
    if presenter and presenter not in (meeting.summary or ""):
        lines.append(f"Đồng chí {presenter} trình bày chuyên đề.")
    return lines


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def minutes_document(workbook: Workbook, meeting: Record, file_stem: str | None = None) -> Document:
    s = workbook.settings
    figures = attendance(workbook, meeting)
    title, presenter = theme_of_meeting(workbook, meeting)
    text = lambda line: {"text": line, "speaker": "", "item": False}  # noqa: E731
    parts: list[dict] = []

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
    if meeting.kind in schema.THEMATIC_KINDS:
        content[:0] = [text(line) for line in thematic_lines(workbook, meeting, title, presenter)]
    elif title:
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
    vote = parse_vote(meeting.vote)
    if meeting.vote:
        part("Biểu quyết", [text(f"Biểu quyết thông qua kết luận: {vote_line(figures, vote)}"
                                 if vote else f"Kết quả biểu quyết thông qua kết luận: "
                                 f"{sentence(meeting.vote)}")])
    rating = rating_of(meeting, workbook.settings, figures)
    if rating or meeting.score is not None:
        scored = f"đạt {decimal(meeting.score)} điểm, " if meeting.score is not None else ""
        part("Đánh giá chất lượng buổi sinh hoạt",
             [text(f"Buổi sinh hoạt {scored}xếp loại {rating}.")])

    agree, voters = vote or (figures.voters, figures.voters)
    context = _common(workbook, "BB", meeting.id, default_date=meeting.date)
    context.update({
        "subject": _activity(meeting),
        "opening": (f"Hôm nay, vào lúc {time_in_words(meeting.start)}, {date_in_words(meeting.date)}, "
                    f"tại {meeting.place}, {s.cell_name} tiến hành {_activity(meeting)}."),
        "attendance": attendance_lines(figures) + guest_lines(meeting) + [
            f"Chủ trì: {_member_title(workbook, chair_name)}.",
            f"Thư ký: {_member_title(workbook, minute_taker)}."],
        "parts": parts,
        "closing": (f"Buổi sinh hoạt kết thúc vào lúc {time_in_words(meeting.end)} cùng ngày. Biên "
                    + (f"bản đã được đọc lại trước chi bộ và được {agree}/{voters} đảng viên "
                       "chính thức có mặt nhất trí thông qua./." if vote else
                       "bản đã được đọc lại trước chi bộ và được chi bộ thông qua./.")),
        "chair": chair_name,
        "minute_taker": minute_taker,
    })
    return Document("BB", meeting.id, "bien-ban.docx",
                    minutes_path(meeting, file_stem or slug(meeting.id)),
                    minutes_label(meeting), context)


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


# --- NGHỊ QUYẾT -------------------------------------------------------------------------------

def resolution_document(workbook: Workbook, meeting: Record, path: str, label: str) -> Document:
    """The cell's NGHỊ QUYẾT after a meeting (HD 36 layout, type NQ): its bases, then what the
    cell resolved — the conclusion, and each task with who carries it out and by when."""
    s = workbook.settings
    title, _ = theme_of_meeting(workbook, meeting)
    if meeting.kind in schema.THEMATIC_KINDS and title:
        subject = f"về chuyên đề {quoted(title)}"
    else:
        subject = (f"về lãnh đạo thực hiện nhiệm vụ chính trị tháng {meeting.date.month} năm "
                   f"{meeting.date.year}")
    points = [sentence(p) for p in paragraphs(meeting.conclusion)]
    points += [_task_line(workbook, task) for task in workbook.of_meeting("tasks", meeting)]
    context = _common(workbook, "NQ", meeting.id, default_date=meeting.date)
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
    return Document("NQ", meeting.id, "nghi-quyet.docx", path, label, context)


# --- BIỂU ĐÁNH GIÁ ----------------------------------------------------------------------------

def scored_meetings(workbook: Workbook) -> set[str]:
    return {s.meeting_id for s in workbook.scores if s.meeting_id}


def score_document(workbook: Workbook, meeting: Record, path: str, label: str) -> Document:
    """The score sheet of a meeting: each criterion, its maximum and the points it got, the
    total and the rating, signed by the minute taker and the chair."""
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
    context = _common(workbook, "DG", meeting.id, default_date=meeting.date)
    context.update({
        "subject": f"{_activity(meeting)}, ngày {short_date(meeting.date)}",
        "criteria": rows,
        "total": f"Tổng cộng: {decimal(total)}/{decimal(top)} điểm",
        "rating": f"Xếp loại: {rating_of(meeting, workbook.settings, figures) or 'chưa xếp loại'}.",
        "chair": _name(workbook, meeting.chair),
        "minute_taker": _name(workbook, meeting.minute_taker),
    })
    return Document("DG", meeting.id, "bieu-danh-gia.docx", path, label, context)


# --- BÁO CÁO ----------------------------------------------------------------------------------

def _topic(meeting: Record, title: str | None) -> str:
    if meeting.kind == "Kết hợp":
        return f"Thường kỳ kết hợp chuyên đề {quoted(title)}" if title else "Kết hợp"
    if meeting.kind == "Chuyên đề":
        return f"Chuyên đề {quoted(title)}" if title else "Chuyên đề"
    return f"Thường kỳ tháng {meeting.date.month}" + (f": {title}" if title else "")


def _meeting_rows(workbook: Workbook, meetings: list[Record]) -> list[dict]:
    """One row of the report's table per meeting, with the figures the totals add up."""
    rows = []
    for number, meeting in enumerate(meetings, start=1):
        figures = attendance(workbook, meeting)
        title, presenter = theme_of_meeting(workbook, meeting)
        length = minutes_between(meeting.start, meeting.end)
        rows.append({
            "number": str(number), "date": short_date(meeting.date),
            "topic": _topic(meeting, title), "presenter": presenter or "",
            "attendance": f"{figures.present}/{figures.required} ({percent(figures.rate)})",
            "duration": f"{length}\u00a0phút",
            "conclusion": " ".join(paragraphs(meeting.conclusion)),
            "rating": rating_of(meeting, workbook.settings, figures) or "",
            "_rate": figures.rate, "_length": length,
        })
    return rows


def _meetings_summary(words: str, meetings: list[Record]) -> str:
    if not meetings:
        return f"Trong {words}, chi bộ chưa tổ chức buổi sinh hoạt nào."
    thematic = [m for m in meetings if m.kind in schema.THEMATIC_KINDS]
    combined = sum(1 for m in thematic if m.kind == "Kết hợp")
    return (f"Trong {words}, chi bộ đã tổ chức {len(meetings)} buổi sinh hoạt, trong đó có "
            f"{len(thematic)} buổi sinh hoạt chuyên đề"
            + (f" ({combined} buổi kết hợp với sinh hoạt thường kỳ)" if combined else "")
            + ". Kết quả cụ thể như sau:")


def _year_totals(rows: list[dict], meetings: list[Record]) -> str:
    thematic = sum(1 for m in meetings if m.kind in schema.THEMATIC_KINDS)
    ratings = [r["rating"] for r in rows]
    counted = {r: ratings.count(r) for r in schema.RATINGS if ratings.count(r)}
    return (f"Cộng: {len(rows)} buổi ({thematic} chuyên đề); dự họp bình quân "
            f"{percent(sum(r['_rate'] for r in rows) / len(rows))}; thời lượng bình quân "
            f"{round(sum(r['_length'] for r in rows) / len(rows))} phút; xếp loại "
            + ", ".join(f"{r} {n}" for r, n in counted.items()) + ".")


def _theme_lines(workbook: Workbook, quarters: list[int], meetings: list[Record]) -> list[str]:
    """The plan's themes, each done (and when) or not."""
    lines = []
    for quarter in quarters:
        held = [m for m in meetings
                if m.kind in schema.THEMATIC_KINDS and quarter_of(m.date) == quarter]
        themes: list[Record | None] = list(_themes_of(workbook, quarter)) or [None]
        for theme in themes:
            name = quoted(theme.title) if theme else "(chưa có chuyên đề)"
            days = ", ".join(f"ngày {short_date(m.date)}" for m in held)
            lines.append(f"Quý {quarter}: {name} – {f'đã tổ chức {days}' if held else 'chưa tổ chức'}.")
    return lines


def _task_lines(workbook: Workbook, start: dt.date, end: dt.date, report_day: dt.date,
                until: dt.date | None) -> list[str]:
    """The tasks a report follows up: those given in the period, those due in it, and older
    ones still open. A recorded result is printed as recorded, whatever the deadline —
    unless its date (`Ngày có kết quả`) comes after the report's; a task with none is under
    way until its deadline, and after it has no result yet."""
    lines = []
    for task in workbook.tasks:
        meeting = workbook.meeting_with_id(task.meeting_id)
        if meeting is None or not meeting.date or meeting.date > min(end, report_day) \
                or (until is not None and meeting.date > until):
            continue
        given_in_period = start <= meeting.date <= end
        due_in_period = task.due is not None and start <= task.due <= end
        if not (given_in_period or due_in_period or (not task.result and meeting.date < start)):
            continue
        if task.result and (task.result_date is None or task.result_date <= report_day):
            result = sentence(task.result)
        elif task.result or task.due is None or task.due > report_day:
            result = "Đang thực hiện."   # on the report's date the result was still to come
        else:
            result = "Chưa có kết quả."
        lines.append(f"{_task_line(workbook, task, assigned=meeting.date)} {result}")
    return lines or ["Không có nhiệm vụ nào đến hạn trong kỳ."]


def _direction(workbook: Workbook, quarter: int | None, written: list[str]) -> list[str]:
    """Section III: the next quarter's planned theme (unless the secretary's own direction
    names it), then her direction."""
    lines = []
    if quarter and quarter < 4:
        said = matching_key(" ".join(written))
        for theme in _themes_of(workbook, quarter + 1):
            if matching_key(theme.title.rstrip(".")) in said:
                continue
            extra = []
            if theme.preparer:
                extra.append(f"đồng chí {theme.preparer} chuẩn bị")
            if theme.planned_month:
                extra.append(f"dự kiến tháng {theme.planned_month}")
            lines.append(f"Tổ chức sinh hoạt chuyên đề quý {quarter + 1}: {quoted(theme.title)}"
                         + (f" ({', '.join(extra)})" if extra else "") + ".")
    return lines + [p for p in written if p != "Không có."] or ["Không có."]


def _report_opening(workbook: Workbook, words: str) -> str:
    s = workbook.settings
    plan_entry = register_entry(workbook, "KH", "Năm")
    if plan_entry and plan_entry.number:
        number = document_number(plan_entry.number, "KH", s.issuer_code or "CB")
        dated = f" {date_in_words(plan_entry.date)}" if plan_entry.date else ""
        return (f"Thực hiện Kế hoạch số{number[2:]}{dated} của Chi bộ về tổ chức sinh hoạt "
                f"chuyên đề năm {s.year}, {s.cell_name} báo cáo kết quả thực hiện {words} như sau:")
    return (f"Thực hiện kế hoạch tổ chức sinh hoạt chuyên đề năm {s.year}, {s.cell_name} báo cáo "
            f"kết quả thực hiện {words} như sau:")


def report_document(workbook: Workbook, quarter: int | None,
                    until: dt.date | None = None) -> Document:
    """The quarter's report, or the year's (quarter None), of the meetings held by `until`."""
    s = workbook.settings
    year = s.year
    quarters = [quarter] if quarter else [1, 2, 3, 4]
    period = f"Quý {quarter}" if quarter else "Năm"
    words = period_words(quarter, year)
    meetings = meetings_in(workbook, quarters, until)
    end = quarter_end(year, quarter or 4)
    start = dt.date(year, 3 * (quarter - 1) + 1, 1) if quarter else dt.date(year, 1, 1)
    entry = register_entry(workbook, "BC", period)
    report_day = entry.date if entry and entry.date else end
    assessment = next((a for a in workbook.assessments if a.period == period), None)

    def section(field_name: str) -> list[str]:
        return paragraphs(assessment.values.get(field_name)) if assessment else []

    rows = _meeting_rows(workbook, meetings)
    context = _common(workbook, "BC", period)
    context.update({
        "subject": f"kết quả sinh hoạt chuyên đề {words}",
        "opening": _report_opening(workbook, words),
        "meetings_summary": _meetings_summary(words, meetings),
        "meetings": [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows],
        "totals": _year_totals(rows, meetings) if quarter is None and rows else None,
        "themes": _theme_lines(workbook, quarters, meetings),
        "tasks": _task_lines(workbook, start, end, report_day, until),
        "strengths": section("strengths") or ["Không có."],
        "weaknesses": section("weaknesses") or ["Không có."],
        "causes": section("causes") or ["Không có."],
        "next_period": f"QUÝ {quarter + 1} NĂM {year}" if quarter and quarter < 4
        else f"NĂM {year + 1}",
        "direction": _direction(workbook, quarter, section("direction")),
        "requests": section("requests") or ["Không có."],
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
    stems: dict[int, str] = {}
    taken: dict[str, int] = {}
    for meeting in meetings_of_year(workbook):
        stem = slug(meeting.id)
        taken[stem] = taken.get(stem, 0) + 1
        stems[id(meeting)] = stem if taken[stem] == 1 else f"{stem}-{taken[stem]}"
    return stems


def minutes_path(meeting: Record, stem: str, kind: str = "bien-ban") -> str:
    """Where a meeting's paper goes: its minutes, or beside them its resolution
    (kind 'nghi-quyet') and score sheet ('cham-diem')."""
    return f"{meeting.date.year}/quy-{quarter_of(meeting.date)}/{kind}-{stem}.docx"


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
