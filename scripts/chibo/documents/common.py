"""What every document of the cell shares: the header and signature of HD 36, the names
and posts of people as the `Đảng viên` sheet spells them, the meetings of a year, the theme
of a meeting, a task as a sentence.

A document is described by a `Document`: its kind and period, where it goes under output/,
and the context its template is filled with — plain strings and lists (wording.py holds the
rules for dates and numbers). Only meetings held by a given day count: a schedule typed in
advance is not yet a meeting.
"""

from __future__ import annotations

import datetime as dt

from ..errors import NotReady
from ..wording import (date_in_words, document_number, header_lines, quoted, recipient_lines,
                       sentence, short_date, slug)
from ..workbook import schema
from ..workbook.model import Record, Workbook, assignees, is_collective, quarter_of
from ..workbook.values import matching_key
from .document import Kind


POSITION_TITLES = {"Bí thư": "Bí thư chi bộ", "Phó bí thư": "Phó Bí thư chi bộ",
                   "Chi ủy viên": "Chi ủy viên", "Đảng viên": "đảng viên"}
KEEP_IN_CELL = "Lưu Chi bộ"   # minutes stay in the cell's minutes book unless told otherwise





def register_entry(workbook: Workbook, kind: Kind, period: str) -> Record | None:
    """The row of `Văn bản` that numbers and dates a document (the first, if typed twice)."""
    if "_register" not in workbook.__dict__:
        index: dict[tuple[str, str], Record] = {}
        for entry in workbook.documents:
            index.setdefault((entry.doc_type, entry.period), entry)
        workbook.__dict__["_register"] = index
    return workbook.__dict__["_register"].get((kind.code, period))


def recipients_of(workbook: Workbook, kind: Kind) -> list[str]:
    """The `Nơi nhận` lines of a kind of document; minutes and resolutions without any stay
    in the cell's minutes book."""
    lines = [r.line for r in workbook.recipients if kind.goes_to(r.doc_type) and r.line]
    if kind.stays_in_cell and not lines:
        lines = [KEEP_IN_CELL]
    return recipient_lines(lines)


def heading(value) -> str:
    """A body's name for the header: its lines (see `wording.header_lines`), upper case."""
    return "\n".join(header_lines(str(value or ""), getattr(value, "lines", None)))


def header_context(workbook: Workbook, kind: Kind, period: str, default_date=None) -> dict:
    """What every document of the cell carries: the HD 36 header (bodies, number, place and
    date from `Văn bản`), the recipients and the signature of the secretary."""
    s = workbook.settings
    entry = register_entry(workbook, kind, period)
    number = entry.number if entry else None
    day = (entry.date if entry and entry.date else None) or default_date
    secretary = name_of(workbook, s.cell_secretary)
    unnumbered = not kind.numbered and number is None   # minutes may go unnumbered
    return {
        "superior_body": heading(s.superior_body),
        "issuer": heading(s.cell_name),
        "number": "" if unnumbered else document_number(number, kind.code, s.issuer_code or "CB"),
        "place_date": f"{s.place}, {date_in_words(day, s.year)}",
        "recipients": recipients_of(workbook, kind),
        "sign_for": "T/M CHI BỘ",
        "sign_role": "BÍ THƯ",
        "signer": secretary,
    }


def position_of(workbook: Workbook, name: str | None) -> str:
    member = workbook.member_named(name)
    return (member.position if member is not None else None) or ""


def member_title(workbook: Workbook, name: str | None) -> str:
    position = position_of(workbook, name)
    title = POSITION_TITLES.get(position, "")
    return f"đồng chí {name} – {title}" if title and position != "Đảng viên" else f"đồng chí {name}"


def name_of(workbook: Workbook, name: str | None) -> str | None:
    """A person's name as the `Đảng viên` sheet spells it (a cell may differ in case or
    spacing), or as typed when no member has it."""
    member = workbook.member_named(name)
    return member.name if member is not None else name


def themes_of(workbook: Workbook, quarter: int) -> list[Record]:
    return [t for t in workbook.themes if t.quarter == quarter]


def planned_theme(workbook: Workbook, meeting: Record) -> Record | None:
    """The theme the plan adopted for a thematic meeting's quarter."""
    planned = themes_of(workbook, quarter_of(meeting.date))
    return planned[0] if planned else None


def theme_of_meeting(workbook: Workbook, meeting: Record) -> tuple[str | None, str | None]:
    """(theme title, presenter) of a thematic meeting; the quarter's plan fills the gaps."""
    if meeting.kind not in schema.THEMATIC_KINDS:
        return meeting.theme, name_of(workbook, meeting.presenter)
    planned = planned_theme(workbook, meeting)
    title = meeting.theme or (planned.title if planned else None)
    presenter = meeting.presenter or (planned.preparer if planned else None)
    return title, name_of(workbook, presenter)


def meetings_in(workbook: Workbook, quarters, until: dt.date | None = None) -> list[Record]:
    """The meetings of the plan year in these quarters, in date order; with `until`, only
    those held by that day (a schedule typed in advance is not yet a meeting)."""
    year = workbook.settings.year
    found = [m for m in workbook.meetings
             if m.id and m.date and m.date.year == year and quarter_of(m.date) in quarters
             and (until is None or m.date <= until)]
    return sorted(found, key=lambda m: (m.date, m.start or dt.time()))


def meetings_of_year(workbook: Workbook, until: dt.date | None = None) -> list[Record]:
    return meetings_in(workbook, (1, 2, 3, 4), until)


def latest_quarter(workbook: Workbook, until: dt.date | None = None) -> int | None:
    """The last quarter of the plan year with a meeting held (by `until`)."""
    meetings = meetings_of_year(workbook, until)
    return quarter_of(meetings[-1].date) if meetings else None


def ordered(records: list[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r.number is None, r.number or 0, r.row))


def activity(meeting: Record) -> str:
    """What the meeting was: 'sinh hoạt chuyên đề quý 1 năm 2022', …"""
    day = meeting.date
    quarter = quarter_of(day)
    if meeting.kind == "Chuyên đề":
        return f"sinh hoạt chuyên đề quý {quarter} năm {day.year}"
    if meeting.kind == "Kết hợp":
        return (f"sinh hoạt thường kỳ tháng {day.month} kết hợp chuyên đề quý {quarter} năm "
                f"{day.year}")
    return f"sinh hoạt chi bộ thường kỳ tháng {day.month} năm {day.year}"


def task_line(workbook: Workbook, task: Record, assigned: dt.date | None = None,
              named: bool = True) -> str:
    """'Rà soát hồ sơ (đồng chí Lê Thị Ánh; thời hạn 31/03/2022).' (without the assignee
    when not `named`: in her own self-review)."""
    details = []
    if task.assignee and (named or not _is_one_person(task.assignee)):
        details.append(f"đồng chí {name_of(workbook, task.assignee)}"
                       if _is_one_person(task.assignee) else lower_first(task.assignee))
    if assigned:
        details.append(f"giao ngày {short_date(assigned)}")
    if task.due:
        details.append(f"thời hạn {short_date(task.due)}")
    suffix = f" ({'; '.join(details)})" if details else ""
    return task.text.rstrip(".") + suffix + "."


def lower_first(text: str) -> str:
    """'Toàn chi bộ' inside a sentence: 'toàn chi bộ' (a name keeps its capitals)."""
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text.isupper() else text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_one_person(assignee: str) -> bool:
    """A person's name rather than a body ('Chi ủy', 'Toàn chi bộ') or a list of names."""
    names = assignees(assignee)
    return len(names) == 1 and not is_collective(names[0])


def meeting_by_id(workbook: Workbook, meeting_id: str) -> Record:
    for meeting in workbook.meetings:
        if meeting.id == meeting_id or (meeting.id and slug(meeting.id) == meeting_id):
            return meeting
    known = ", ".join(m.id for m in workbook.meetings if m.id)
    raise NotReady(f"Không có buổi sinh hoạt «{meeting_id}» ở trang Buổi sinh hoạt "
                   f"(có: {known}).")


def legal_basis(basis: Record) -> str:
    """A row of `Căn cứ` as a plan or a resolution cites it: 'Hướng dẫn số 12-HD/BTCTW ngày
    06 tháng 7 năm 2018 của Ban Tổ chức Trung ương “…”'."""
    subject = basis.subject.strip()
    if matching_key(subject).startswith("về "):
        subject_part = "về " + subject[3:].strip()
    else:
        subject_part = quoted(subject)
    return f"{basis.document} {date_in_words(basis.date)} của {basis.issuer} {subject_part}"


def result_on(task: Record, day: dt.date) -> str:
    """What became of a task as known on `day`: its recorded result — unless that came
    after `day` (`Ngày có kết quả`); else under way until its deadline, then no result yet."""
    state = task_state(task, day)
    if state == "result":
        return sentence(task.result)
    # under way: on that day the result was still to come
    return "Đang thực hiện." if state == "under way" else "Chưa có kết quả."


def task_state(task: Record, day: dt.date) -> str:
    """'result', 'under way' or 'no result' on `day`, as `result_on` words it."""
    if task.result and (task.result_date is None or task.result_date <= day):
        return "result"
    return "under way" if task.result or task.due is None or task.due > day else "no result"


DOTTED = "…" * 60   # a line left to write on by hand


def or_dotted(lines: list[str], count: int = 3) -> list[str]:
    """What she typed, or dotted lines to write on."""
    return lines or [DOTTED] * count


def year_rules(year: int) -> str:
    """The rules a year's review follows, named only where they were in force: QĐ 366-QĐ/TW
    and HD 43-HD/BTCTW from 2025."""
    if year >= 2025:
        return ("Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, "
                "xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị "
                "và Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương")
    return ("quy định, hướng dẫn của Trung ương về kiểm điểm, đánh giá, xếp loại chất lượng "
            "hằng năm đối với tổ chức đảng và đảng viên")
