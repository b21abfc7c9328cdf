"""The rules of the field (domain.md §2) and the workbook's own consistency, checked across
records. The reader has already checked each cell's form; here a cell is judged against the
rest of the workbook: names against `Đảng viên`, meetings against the plan year, and so on.

One function per sheet, then the rules that look at the whole year. Errors are what would
make a document wrong; warnings are what a careful secretary wants to know before she signs
(a short meeting, a missing document number). A cell already in error raises no warning of
what follows from it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from . import schema
from .documents import register_entry, year_documents
from .model import (Record, Workbook, assignees, attendance, in_cell_on, is_collective,
                    meets_minimum_criteria, minutes_between, parse_vote, probation_ends,
                    quarter_end, quarter_of, rating_for)
from .problems import Report
from .reading import read_workbook
from .values import matching_key
from .wording import decimal, percent, short_date

# Điều lệ Đảng, Điều 8: a member who misses cell meetings in three months of a year without
# good reason is to be considered for removal.
MONTHS_ABSENT_WITHOUT_REASON = 3
# HD 42-HD/BTCTW: the material reaches the members at least a day before the meeting.
MATERIAL_DAYS_BEFORE = 1
# Documents the secretary numbers in `Văn bản`; minutes may go unnumbered, score sheets are.
NUMBERED = ("KH", "BC", "NQ")


def check(path: str | Path, today: dt.date | None = None) -> Report:
    """Read and check a workbook; every problem found, errors first."""
    return read_and_check(path, today)[1]


def read_and_check(path: str | Path, today: dt.date | None = None) -> tuple[Workbook | None, Report]:
    """The workbook (None when the file cannot be read) and every problem found in it."""
    workbook, report = read_workbook(path)
    if workbook is not None and is_blank(workbook):
        return workbook, to_do_list(workbook, report)
    if workbook is not None:
        check_rules(workbook, report, today or dt.date.today())
    return workbook, report


def is_blank(workbook: Workbook) -> bool:
    """A workbook just made by `chibo init`: no member, theme, plan or meeting yet."""
    return not (workbook.members or workbook.themes or workbook.plan_paragraphs
                or workbook.meetings)


def to_do_list(workbook: Workbook, read: Report) -> Report:
    """What a brand-new workbook needs first, in the order to fill it — not every consequence
    of an empty book. Problems of the file itself (a missing sheet, a merged cell) stay."""
    todo = Report(sheet_order=read.sheet_order)
    todo.problems = [p for p in read.problems
                     if not (p.sheet == schema.SETTINGS.name and p.code == "required")]
    settings = workbook.settings
    missing = [s for s in schema.SETTINGS.settings
               if s.required and not settings.values.get(s.field)]
    if missing:
        todo.error("to-fill", "Ghi các mục " + ", ".join(f"«{s.header}»" for s in missing) + ".",
                   sheet=schema.SETTINGS.name, cell=settings.cells.get(missing[0].field, "B2"))
    steps = [(schema.MEMBERS, "Ghi danh sách đảng viên: họ và tên, loại (chính thức, dự bị), "
              "chức vụ.", workbook.members),
             (schema.LEGAL_BASES, "Ghi các văn bản làm căn cứ của kế hoạch.", workbook.legal_bases),
             (schema.PLAN_PARAGRAPHS, "Ghi mục đích, yêu cầu và biện pháp thực hiện của kế hoạch.",
              workbook.plan_paragraphs),
             (schema.THEMES, "Ghi chuyên đề của bốn quý.", workbook.themes)]
    for sheet, what, rows in steps:
        if not rows:
            todo.error("to-fill", what, sheet=sheet.name, cell="A2")
    return todo


def check_rules(workbook: Workbook, report: Report, today: dt.date) -> None:
    checker = Checker(workbook, report, today)
    for rule in SHEET_RULES + YEAR_RULES:
        rule(checker)


def check_committee(committee, report: Report) -> None:
    """The Đảng ủy's own workbook: its report needs somewhere to go."""
    if not committee.recipients:
        example = schema.COMMITTEE_RECIPIENTS.columns[0].hint_for(
            committee.settings.values.get("year"))
        report.error("no-recipients", "Chưa có nơi nhận của báo cáo tổng hợp: hãy ghi ít nhất "
                     f"một dòng ({example[0].lower() + example[1:]}).",
                     sheet=schema.COMMITTEE_RECIPIENTS.name, cell="A2")


def _plain(text: str) -> str:
    """Without diacritics, to suggest 'Nguyễn Thị Lan' for 'Nguyen Thi Lan'."""
    decomposed = unicodedata.normalize("NFD", matching_key(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _next_free_row(records: list[Record]) -> str:
    return f"A{max((r.row for r in records), default=1) + 1}"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


class Checker:
    """What every rule needs: the workbook, the report, the day, and a few lookups."""

    def __init__(self, workbook: Workbook, report: Report, today: dt.date):
        self.wb = workbook
        self.report = report
        self.today = today
        self.year = workbook.settings.values.get("year")
        self._absent_names: dict[str, set[str]] = {}
        # Cells already in error when the rules begin: the reader could not read them.
        self.unreadable = {(p.sheet, p.cell) for p in report.errors}

    def error(self, code: str, record: Record, field: str, message: str) -> None:
        self.report.error(code, message, sheet=record.sheet, cell=record.cell(field))

    def warning(self, code: str, record: Record, field: str, message: str) -> None:
        self.report.warning(code, message, sheet=record.sheet, cell=record.cell(field))

    def is_unreadable(self, record: Record, field: str) -> bool:
        return (record.sheet, record.cell(field)) in self.unreadable

    def year_meetings(self) -> list[Record]:
        return [m for m in self.wb.meetings if m.date and m.date.year == self.year]

    def suggest_member(self, name: str) -> str | None:
        names = [m.name for m in self.wb.members if m.name]
        plain = {_plain(n): n for n in names}
        if _plain(name) in plain:
            return plain[_plain(name)]
        found = difflib.get_close_matches(_plain(name), list(plain), n=1, cutoff=0.6)
        return plain[found[0]] if found else None

    def member(self, record: Record, field: str, label: str) -> Record | None:
        """The member a name cell refers to, or None with an error suggesting the closest."""
        name = record.values.get(field)
        if not name:
            return None
        member = self.wb.member_named(name)
        if member is None:
            near = self.suggest_member(name)
            hint = f"; có phải đồng chí «{near}»?" if near else "; hãy thêm vào trang Đảng viên"
            self.error("unknown-name", record, field,
                       f"{label} «{name}» không có trong danh sách Đảng viên{hint}")
        return member

    def member_on(self, record: Record, field: str, label: str, day: dt.date | None) -> Record | None:
        """As `member`, and also in the cell on `day`."""
        member = self.member(record, field, label)
        if member is not None and day is not None and not in_cell_on(member, day):
            joined, left = member.values.get("joined"), member.values.get("left")
            if joined and day < joined:
                message = (f"{label} «{member.name}» chưa sinh hoạt ở chi bộ vào ngày "
                           f"{short_date(day)} (chuyển đến ngày {short_date(joined)})")
            else:
                assert left is not None  # not in the cell, yet not before joining: so moved out
                message = (f"{label} «{member.name}» không còn sinh hoạt ở chi bộ vào ngày "
                           f"{short_date(day)} (chuyển đi ngày {short_date(left)})")
            self.error("not-in-cell", record, field, message)
        return member

    def meeting(self, record: Record) -> Record | None:
        meeting_id = record.values.get("meeting_id")
        if meeting_id is None:
            return None
        meeting = self.wb.meeting_with_id(meeting_id)
        if meeting is None:
            ids = [m.id for m in self.wb.meetings if m.id]
            near = difflib.get_close_matches(meeting_id, ids, n=1)
            hint = f"; có phải «{near[0]}»?" if near else ""
            self.error("unknown-meeting", record, "meeting_id",
                       f"Mã buổi «{meeting_id}» không có ở trang Buổi sinh hoạt{hint}")
        return meeting

    def absent_names(self, meeting: Record) -> set[str]:
        if meeting.id not in self._absent_names:
            self._absent_names[meeting.id] = {matching_key(a.name)
                                              for a in self.wb.absences_of(meeting) if a.name}
        return self._absent_names[meeting.id]

    def as_of(self) -> dt.date:
        """The day by which periods are judged ended: today; a past year is judged to its
        end, so a year whose meetings stop in June has its missing months named."""
        return min(self.today, dt.date(self.year + 1, 1, 1)) if self.year else self.today


# --- one rule per sheet ---------------------------------------------------------------------

def check_settings(c: Checker) -> None:
    s = c.wb.settings
    c.member(s, "cell_secretary", "Bí thư")
    c.member(s, "deputy_secretary", "Phó bí thư")
    good, fair, average = (s.values.get(k) for k in ("score_good", "score_fair", "score_average"))
    if good is not None and fair is not None and average is not None and not good > fair > average:
        c.error("score-levels", s, "score_fair",
                f"Các mức điểm phải giảm dần: Tốt ({decimal(good)}) > Khá ({decimal(fair)}) > "
                f"Trung bình ({decimal(average)})")


def check_plan(c: Checker) -> None:
    """A plan without its purpose, requirements or measures is sent back."""
    present = {p.part for p in c.wb.plan_paragraphs if p.text}
    missing = [part for part in schema.PLAN_PARTS if part not in present]
    if missing:
        parts = ", ".join(f"«{part}»" for part in missing)
        c.report.error("empty-plan-part", f"Kế hoạch chưa có phần {parts}: hãy ghi các đoạn văn "
                       "của từng phần, mỗi đoạn một dòng (cột Phần ghi tên phần).",
                       sheet=schema.PLAN_PARAGRAPHS.name, cell=_next_free_row(c.wb.plan_paragraphs))


def check_members(c: Checker) -> None:
    if not c.wb.members:
        c.report.error("no-members", "Chưa có đảng viên nào.", sheet=schema.MEMBERS.name, cell="A2")
    first_row: dict[str, Record] = {}
    for member in c.wb.members:
        if member.name:
            earlier = first_row.setdefault(matching_key(member.name), member)
            if earlier is not member:
                c.error("duplicate-name", member, "name",
                        f"«{member.name}» trùng tên với {earlier.sheet}!{earlier.cell('name')}: "
                        f"hãy thêm dấu phân biệt, ví dụ «{member.name} "
                        f"({member.birth_year or 'năm sinh'})», và ghi đúng như vậy ở các trang khác")
        if member.joined and member.left and member.left <= member.joined:
            c.error("left-before-joined", member, "left", "Ngày chuyển đi phải sau ngày chuyển đến")
        ends = probation_ends(member)
        if ends is not None and ends < c.as_of():
            c.warning("probation-over", member, "admitted",
                      f"Đồng chí «{member.name}» là đảng viên dự bị từ ngày "
                      f"{short_date(member.admitted)}, đủ 12 tháng ngày {short_date(ends)}: chi bộ "
                      "cần xét, đề nghị chuyển đảng viên chính thức (Điều lệ Đảng, Điều 5)")
    secretary = c.wb.member_named(c.wb.settings.values.get("cell_secretary"))
    if secretary is not None and secretary.position not in (None, "Bí thư"):
        c.warning("position-mismatch", secretary, "position",
                  f"Đồng chí «{secretary.name}» là Bí thư ở trang Thông tin nhưng Chức vụ ghi "
                  f"«{secretary.position}»")


def check_themes(c: Checker) -> None:
    quarters = {t.quarter for t in c.wb.themes if t.quarter}
    missing = [str(q) for q in (1, 2, 3, 4) if q not in quarters]
    if missing:
        c.report.error("missing-theme", f"Quý {', '.join(missing)} chưa có chuyên đề.",
                       sheet=schema.THEMES.name, cell=_next_free_row(c.wb.themes))
    for theme in c.wb.themes:
        c.member(theme, "preparer", "Người chuẩn bị")
        month = theme.planned_month
        if theme.quarter and month and quarter_of(dt.date(2000, month, 1)) != theme.quarter:
            c.warning("month-outside-quarter", theme, "planned_month",
                      f"Tháng {month} không thuộc quý {theme.quarter}")


def check_meetings(c: Checker) -> None:
    settings = c.wb.settings.values
    seen: dict[str, Record] = {}
    for meeting in c.wb.meetings:
        if meeting.id is not None:
            first = seen.setdefault(meeting.id, meeting)
            if first is not meeting:
                c.error("duplicate-id", meeting, "id",
                        f"Mã buổi «{meeting.id}» trùng với {first.sheet}!{first.cell('id')}")
        day = meeting.date
        if day and c.year and day.year != c.year:
            c.error("outside-year", meeting, "date",
                    f"Ngày họp {short_date(day)} không thuộc năm kế hoạch {c.year}")
        absent = c.absent_names(meeting) if meeting.id else set()
        for field, label in (("chair", "Chủ trì"), ("minute_taker", "Thư ký"),
                             ("presenter", "Người trình bày")):
            person = c.member_on(meeting, field, label, day)
            if person is not None and matching_key(person.name) in absent:
                c.error("absent-officer", meeting, field,
                        f"{label} «{person.name}» lại được ghi vắng mặt ở trang Vắng mặt")
        if meeting.chair and meeting.minute_taker and \
                matching_key(meeting.chair) == matching_key(meeting.minute_taker):
            c.warning("chair-is-minute-taker", meeting, "minute_taker",
                      "Chủ trì và thư ký là cùng một người")
        figures = attendance(c.wb, meeting) if day and c.wb.members and meeting.id else None
        _duration(c, meeting, settings)
        _rating(c, meeting, settings, figures)
        if day:
            _material(c, meeting)
            _swapped_date(c, meeting)
        if meeting.materials:
            _material_files(c, meeting)
        if figures is not None:
            _attendance(c, meeting, settings, figures)
        if meeting.kind in schema.THEMATIC_KINDS and not meeting.presenter and day:
            preparers = [t.preparer for t in c.wb.themes
                         if t.quarter == quarter_of(day) and t.preparer]
            if not meeting.theme and not preparers:
                c.warning("no-presenter", meeting, "presenter", "Chưa ghi người trình bày chuyên đề")


def _duration(c: Checker, meeting: Record, settings: dict) -> None:
    if not (meeting.start and meeting.end):
        return
    length = minutes_between(meeting.start, meeting.end)
    if length <= 0:
        c.error("end-before-start", meeting, "end",
                f"Giờ kết thúc {meeting.end:%H:%M} phải sau giờ bắt đầu {meeting.start:%H:%M}")
        return
    combined = meeting.kind == "Kết hợp"
    minimum = settings.get("min_minutes_combined" if combined else "min_minutes")
    if minimum and length < minimum:
        what = "buổi kết hợp chuyên đề với thường kỳ" if combined else "buổi sinh hoạt"
        c.warning("too-short", meeting, "end",
                  f"Buổi họp kéo dài {length} phút, ít hơn {minimum} phút tối thiểu cho {what}")


def _rating(c: Checker, meeting: Record, settings: dict, figures) -> None:
    if meeting.score is None or meeting.rating is None:
        return
    good, fair, average = (settings.get(k) for k in ("score_good", "score_fair", "score_average"))
    if good is None or fair is None or average is None:
        return
    expected = rating_for(meeting.score, good, fair, average)
    held_back = expected == "Tốt" and meeting.rating == "Khá" and figures is not None and \
        not meets_minimum_criteria(figures, settings.get("min_attendance"))
    if expected != meeting.rating and not held_back:   # HD 12 may hold a high score at Khá
        c.error("rating-mismatch", meeting, "rating",
                f"Xếp loại «{meeting.rating}» không khớp với {decimal(meeting.score)} điểm "
                f"(theo thang điểm ở trang Thông tin là «{expected}»)")


def _material_files(c: Checker, meeting: Record) -> None:
    from .inviting import materials_of

    missing = [p.name for p in materials_of(c.wb, meeting) if not p.is_file()]
    if missing:
        c.warning("material-missing", meeting, "materials",
                f"Không tìm thấy tệp tài liệu {', '.join(missing)} trong thư mục của sổ "
                f"({Path(c.wb.path).resolve().parent})")


def _swapped_date(c: Checker, meeting: Record) -> None:
    """A Windows set to US dates stores 05/03 as 3 May. When the Mã buổi names a month
    («2026-T03») or a quarter («2026-Q1») that only the swapped date fits, say so."""
    import re

    day = meeting.date
    if day.day > 12 or day.day == day.month or not meeting.id:
        return
    swapped = dt.date(day.year, day.day, day.month)
    month = re.search(r"(?:^|[^A-Za-z])T(?:háng)?\s*0?(\d{1,2})\b", meeting.id, re.IGNORECASE)
    quarter = re.search(r"(?:^|[^A-Za-z])Q(?:uý)?\s*([1-4])\b", meeting.id, re.IGNORECASE)
    fits = ((month and int(month.group(1)) == swapped.month != day.month)
            or (quarter and int(quarter.group(1)) == quarter_of(swapped) != quarter_of(day)))
    if fits:
        c.warning("swapped-date", meeting, "date",
                  f"Ngày {short_date(day)} không khớp với Mã buổi «{meeting.id}»: có phải "
                  f"{short_date(swapped)}? (Máy đặt định dạng ngày kiểu Mỹ hiểu "
                  f"{day.day:02d}/{day.month:02d} là ngày {day.month} tháng {day.day}.)")


def _material(c: Checker, meeting: Record) -> None:
    """HD 12 and HD 42: the chi ủy approves the outline, and the material reaches the
    members at least a day before the meeting."""
    day, approved, sent = meeting.date, meeting.outline_approved, meeting.material_sent
    if approved and approved > day:
        c.error("outline-after-meeting", meeting, "outline_approved",
                f"Ngày duyệt đề cương {short_date(approved)} sau ngày họp {short_date(day)}")
    if sent and sent > day:
        c.error("material-after-meeting", meeting, "material_sent",
                f"Ngày gửi tài liệu {short_date(sent)} sau ngày họp {short_date(day)}")
    elif sent and (day - sent).days < MATERIAL_DAYS_BEFORE:
        c.warning("material-late", meeting, "material_sent",
                  f"Tài liệu đến đảng viên ngày {short_date(sent)}, chưa đủ "
                  f"{MATERIAL_DAYS_BEFORE} ngày trước buổi họp {short_date(day)} (Hướng dẫn "
                  "42-HD/BTCTW: gửi tài liệu ít nhất 1 ngày trước)")
    if approved and sent and sent < approved:
        c.warning("material-before-outline", meeting, "material_sent",
                  f"Tài liệu gửi ngày {short_date(sent)}, trước khi chi ủy duyệt đề cương "
                  f"({short_date(approved)})")


def _attendance(c: Checker, meeting: Record, settings: dict, figures) -> None:
    minimum = settings.get("min_attendance")
    if figures.required and minimum is not None and figures.rate < minimum:
        c.warning("low-attendance", meeting, "id",
                  f"Tỷ lệ dự họp {percent(figures.rate)} ({figures.present}/{figures.required}) "
                  f"thấp hơn mức tối thiểu {percent(minimum)}")
    if meeting.rating == "Tốt":
        _good_meeting(c, meeting, figures, minimum)
    vote = parse_vote(meeting.vote)
    if vote:
        agree, voters = vote
        if agree > voters:
            c.error("vote-count", meeting, "vote",
                    f"Biểu quyết «{meeting.vote}»: số nhất trí lớn hơn số biểu quyết")
        elif voters != figures.voters:   # the minutes would contradict themselves
            c.error("vote-count", meeting, "vote",
                    f"Biểu quyết «{meeting.vote}» nhưng có {figures.voters} đảng viên chính thức "
                    "dự họp theo trang Vắng mặt (đảng viên dự bị không biểu quyết): hãy sửa số "
                    "biểu quyết hoặc trang Vắng mặt")


def _good_meeting(c: Checker, meeting: Record, figures, minimum) -> None:
    """HD 12's minimum criteria: a meeting with a member absent without reason, or with
    attendance not above the minimum, is not «Tốt» whatever its score."""
    why = []
    if figures.absent_without_reason:
        names = ", ".join(m.name for m in figures.absent_without_reason)
        why.append(f"có đảng viên vắng không lý do ({names})")
    if minimum is not None and figures.required and figures.rate <= minimum:
        why.append(f"tỷ lệ dự họp {percent(figures.rate)} không cao hơn {percent(minimum)}")
    if why:
        c.warning("good-below-criteria", meeting, "rating",
                  f"Buổi họp ngày {short_date(meeting.date)} xếp loại Tốt nhưng {' và '.join(why)}: "
                  "theo tiêu chí tối thiểu của Hướng dẫn 12-HD/BTCTW, buổi này không đạt loại Tốt")


def check_absences(c: Checker) -> None:
    seen: set[tuple[str, str]] = set()
    months_without_reason: dict[str, set[int]] = defaultdict(set)
    for absence in c.wb.absences:
        meeting = c.meeting(absence)
        day = meeting.date if meeting is not None else None
        member = c.member_on(absence, "name", "Người vắng", day)
        if member is None or meeting is None:
            continue
        key = (meeting.id, matching_key(member.name))
        if key in seen:
            c.error("duplicate-absence", absence, "name",
                    f"«{member.name}» đã được ghi vắng mặt ở buổi {meeting.id}")
        seen.add(key)
        if member.exempt == "Có":
            c.warning("exempt-absent", absence, "name",
                      f"«{member.name}» được miễn sinh hoạt nên không cần ghi vắng mặt")
        elif not absence.reason and day:
            months_without_reason[member.name].add(day.month)
            if len(months_without_reason[member.name]) == MONTHS_ABSENT_WITHOUT_REASON:
                c.warning("absent-without-reason", absence, "reason",
                          f"«{member.name}» đã vắng không lý do trong "
                          f"{MONTHS_ABSENT_WITHOUT_REASON} tháng của năm; theo Điều lệ Đảng "
                          "(Điều 8), chi bộ cần xem xét")


def check_opinions(c: Checker) -> None:
    for opinion in c.wb.opinions:
        meeting = c.meeting(opinion)
        day = meeting.date if meeting is not None else None
        speaker = c.member_on(opinion, "speaker", "Người phát biểu", day)
        if speaker is not None and meeting is not None and \
                matching_key(speaker.name) in c.absent_names(meeting):
            c.error("absent-speaker", opinion, "speaker",
                    f"«{speaker.name}» phát biểu nhưng được ghi vắng mặt ở buổi {meeting.id}")


def check_tasks(c: Checker) -> None:
    for task in c.wb.tasks:
        meeting = c.meeting(task)
        for name in assignees(task.assignee):
            if not is_collective(name) and c.wb.member_named(name) is None:
                near = c.suggest_member(name)
                hint = (f"; có phải đồng chí «{near}»?" if near else
                        f"; hãy ghi họ tên đảng viên hoặc {', '.join(schema.COLLECTIVE_ASSIGNEES[:3])}")
                c.error("unknown-name", task, "assignee",
                        f"Người thực hiện «{name}» không có trong danh sách Đảng viên{hint}")
        if meeting is not None and meeting.date and task.due and task.due < meeting.date:
            c.warning("due-before-meeting", task, "due",
                      f"Thời hạn {short_date(task.due)} trước ngày họp {short_date(meeting.date)}")


def check_assessments(c: Checker) -> None:
    seen: dict[str, Record] = {}
    for assessment in c.wb.assessments:
        if assessment.period:
            first = seen.setdefault(assessment.period, assessment)
            if first is not assessment:
                c.error("duplicate-period", assessment, "period",
                        f"Kỳ «{assessment.period}» đã có ở {first.sheet}!{first.cell('period')}")


def check_register(c: Checker) -> None:
    """`Văn bản`: one row per document, numbers not reused, and no document dated before
    what it records."""
    by_key: dict[tuple[str, str], Record] = {}
    numbers: Counter = Counter()
    for document in c.wb.documents:
        kind, period = document.doc_type, document.period
        if not (kind and period):
            continue
        if kind in schema.MEETING_DOCUMENTS:
            period = _register_meeting(c, document)
        elif period not in (("Năm",) if kind == "KH" else schema.PERIODS):
            allowed = "Năm" if kind == "KH" else "Quý 1 … Quý 4 hoặc Năm"
            c.error("bad-period", document, "period",
                    f"Kỳ «{period}» không hợp lệ cho văn bản {kind}: ghi {allowed}")
            continue
        if period is None:
            continue
        first = by_key.setdefault((kind, period), document)
        if first is not document:
            c.error("duplicate-document", document, "period",
                    f"Văn bản {kind} kỳ «{period}» đã có ở {first.sheet}!{first.cell('period')}")
        if document.number is None and kind != "BB":   # minutes may go unnumbered
            c.warning("missing-number", document, "number",
                      f"Văn bản {kind} kỳ «{period}» chưa có số: văn bản sẽ để trống số để ghi tay")
        elif document.number is not None:
            numbers[(kind, document.number)] += 1
            if numbers[(kind, document.number)] == 2:
                c.warning("duplicate-number", document, "number",
                          f"Số {document.number} đã dùng cho một văn bản {kind} khác")
    _dated_before_its_meetings(c)
    if not c.year:
        return
    for planned in year_documents(c.wb, c.today):
        if planned.doc_type in NUMBERED and (planned.doc_type, planned.period) not in by_key:
            c.report.warning(
                "missing-number", f"Chưa có số của văn bản {planned.doc_type} kỳ «{planned.period}»: "
                f"hãy thêm một dòng (Loại {planned.doc_type}, Kỳ {planned.period}, Số, Ngày).",
                sheet=schema.DOCUMENTS.name, cell=_next_free_row(c.wb.documents))


def _register_meeting(c: Checker, document: Record) -> str | None:
    if c.wb.meeting_with_id(document.period) is None:
        what = "Biên bản" if document.doc_type == "BB" else "Nghị quyết"
        c.error("bad-period", document, "period",
                f"{what} phải ghi Kỳ là một Mã buổi ở trang Buổi sinh hoạt; không có buổi "
                f"«{document.period}»")
        return None
    return document.period


def _dated_before_its_meetings(c: Checker) -> None:
    """A report cannot be dated before a meeting it reports on, nor minutes before their
    meeting: a document says only what is true on its date."""
    if not c.year:
        return
    for planned in year_documents(c.wb, c.today):
        entry = register_entry(c.wb, planned.doc_type, planned.period)
        if entry is None or entry.date is None or planned.doc_type == "KH":
            continue
        if planned.doc_type in schema.MEETING_DOCUMENTS:
            assert planned.meeting is not None  # year_documents gives each its meeting
            covered = [planned.meeting]
        else:
            covered = [m for m in c.year_meetings() if m.date <= c.today and
                       (planned.quarter is None or quarter_of(m.date) == planned.quarter)]
        later = [m for m in covered if m.date > entry.date]
        if later:
            last = max(later, key=lambda m: m.date)
            what = {"BB": "Biên bản", "NQ": "Nghị quyết"}.get(planned.doc_type,
                                                               f"Báo cáo {planned.period.lower()}")
            c.error("dated-before-meeting", entry, "date",
                    f"{what} đề ngày {short_date(entry.date)}, trước buổi sinh hoạt ngày "
                    f"{short_date(last.date)} ({last.id}) mà văn bản ghi lại: hãy ghi ngày văn "
                    f"bản từ ngày {short_date(last.date)} trở đi")


def check_recipients(c: Checker) -> None:
    if not c.wb.recipients:
        c.report.warning("no-recipients", "Chưa có nơi nhận: văn bản sẽ không có mục «Nơi nhận».",
                         sheet=schema.RECIPIENTS.name, cell="A2")


def check_scores(c: Checker) -> None:
    """`Chấm điểm` against `Tiêu chí` and each meeting's `Điểm`: no criterion above its
    maximum, and the points of a meeting add up to its score."""
    criteria: dict[int, Record] = {}
    for row in c.wb.criteria:
        if row.number is not None:
            criteria.setdefault(row.number, row)
    if c.wb.scores and criteria:
        top = sum(r.maximum for r in criteria.values() if r.maximum is not None)
        if abs(top - 100) > 1e-9:
            c.report.warning("criteria-total", f"Tổng điểm tối đa các tiêu chí là {decimal(top)}, "
                             "không phải 100: các mức xếp loại ở trang Thông tin tính trên thang "
                             "100 điểm.", sheet=schema.CRITERIA.name, cell="C2")
    totals: dict[str, float] = defaultdict(float)
    for score in c.wb.scores:
        meeting = c.meeting(score)
        criterion = criteria.get(score.criterion) if score.criterion is not None else None
        if score.criterion is not None and criterion is None:
            c.error("unknown-criterion", score, "criterion",
                    f"Không có tiêu chí STT {score.criterion} ở trang Tiêu chí")
        elif criterion is not None and score.points is not None and \
                criterion.maximum is not None and score.points > criterion.maximum:
            c.error("points-over-maximum", score, "points",
                    f"{decimal(score.points)} điểm vượt điểm tối đa {decimal(criterion.maximum)} "
                    f"của tiêu chí {criterion.number}")
        if meeting is not None and score.points is not None:
            totals[meeting.id] += score.points
    for meeting in c.wb.meetings:
        if c.is_unreadable(meeting, "score"):
            continue   # its own error says what to fix first
        if meeting.id in totals and (meeting.score is None
                                     or abs(totals[meeting.id] - meeting.score) > 1e-9):
            c.error("score-total", meeting, "score",
                    f"Tổng điểm chấm ở trang Chấm điểm là {decimal(totals[meeting.id])}, "
                    + ("chưa ghi «Điểm» của buổi" if meeting.score is None else
                       f"khác «Điểm» {decimal(meeting.score)} của buổi"))


SHEET_RULES = (check_settings, check_plan, check_members, check_themes, check_meetings,
               check_absences, check_opinions, check_tasks, check_assessments, check_scores,
               check_register, check_recipients)


# --- rules over the whole year --------------------------------------------------------------

def _unreadable_meeting_dates(c: Checker) -> bool:
    """A meeting whose date or kind could not be read would make every rule below guess."""
    return any(c.is_unreadable(m, "date") or c.is_unreadable(m, "kind") for m in c.wb.meetings)


def thematic_meeting_every_quarter(c: Checker) -> None:
    """HD 12: at least one thematic meeting in every quarter that has ended."""
    if not c.year or _unreadable_meeting_dates(c):
        return
    held = {quarter_of(m.date) for m in c.year_meetings() if m.kind in schema.THEMATIC_KINDS}
    missing = [q for q in (1, 2, 3, 4) if quarter_end(c.year, q) < c.as_of() and q not in held]
    if missing:
        c.report.warning(
            "no-thematic-meeting", f"Quý {', '.join(map(str, missing))}/{c.year} đã hết nhưng chưa "
            "có buổi sinh hoạt chuyên đề (Loại «Chuyên đề» hoặc «Kết hợp»); mỗi quý phải có ít "
            "nhất một buổi (Hướng dẫn 12-HD/BTCTW).", sheet=schema.MEETINGS.name,
            cell=_next_free_row(c.wb.meetings))


def regular_meeting_every_month(c: Checker) -> None:
    """Điều lệ Đảng, Điều 24: the cell meets every month (a combined meeting counts)."""
    if not c.year or _unreadable_meeting_dates(c):
        return
    held = {m.date.month for m in c.year_meetings() if m.kind in ("Thường kỳ", "Kết hợp")}
    missing = [month for month in range(1, 13)
               if _month_end(c.year, month) < c.as_of() and month not in held]
    if missing:
        months = f"tháng {missing[0]}" if len(missing) == 1 else \
            f"các tháng {', '.join(map(str, missing))}"
        c.report.warning(
            "no-regular-meeting", f"Chưa sinh hoạt thường kỳ {months}/{c.year} (Loại «Thường kỳ» "
            "hoặc «Kết hợp»); chi bộ sinh hoạt thường kỳ mỗi tháng một lần (Điều lệ Đảng).",
            sheet=schema.MEETINGS.name, cell=_next_free_row(c.wb.meetings))


def assessment_every_quarter(c: Checker) -> None:
    """The report of a quarter with meetings needs its «Đánh giá» row."""
    if not c.year:
        return
    have = {a.period for a in c.wb.assessments}
    quarters = sorted({p.quarter for p in year_documents(c.wb, c.today)
                       if p.doc_type == "BC" and p.quarter})
    for quarter in quarters:
        if f"Quý {quarter}" not in have:
            c.report.warning(
                "no-assessment", f"Chưa có phần đánh giá của Quý {quarter} (Ưu điểm, Hạn chế, …): "
                "báo cáo quý sẽ để trống các mục này.", sheet=schema.ASSESSMENTS.name,
                cell=_next_free_row(c.wb.assessments))


def invitations_sent(c: Checker) -> None:
    """HD 42: members and the upper committee's member are notified before a meeting."""
    from .inviting import uninvited_soon

    for meeting, days in uninvited_soon(c.wb, c.today):
        when = "hôm nay" if days == 0 else f"còn {days} ngày nữa"
        c.warning("invitation-missing", meeting, "id",
                  f"Buổi sinh hoạt ngày {short_date(meeting.date)} ({when}) chưa gửi giấy mời và "
                  "tài liệu cho đảng viên và đồng chí phụ trách chi bộ (Hướng dẫn 42-HD/BTCTW)")


YEAR_RULES = (thematic_meeting_every_quarter, regular_meeting_every_month,
              assessment_every_quarter, invitations_sent)
