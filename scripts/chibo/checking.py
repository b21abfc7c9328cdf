"""The rules of the field (domain.md §2) and the workbook's own consistency, checked across
records. The reader has already checked each cell's form; here a cell is judged against the
rest of the workbook: names against `Đảng viên`, meetings against the plan year, and so on.

Errors are what would make a document wrong; warnings are what a careful secretary wants to
know before she signs (a short meeting, a missing document number).
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from . import schema
from .model import (Record, Workbook, assignees, attendance, in_cell_on, is_collective,
                    minutes_between, parse_vote, quarter_end, quarter_of, rating_for)
from .problems import Report
from .reading import read_workbook
from .values import matching_key

# Điều lệ Đảng, Điều 8: a member who misses cell meetings in three months of a year without
# good reason is to be considered for removal.
MONTHS_ABSENT_WITHOUT_REASON = 3


def check(path: str | Path, today: dt.date | None = None) -> Report:
    """Read and check a workbook; every problem found, errors first."""
    return read_and_check(path, today)[1]


def read_and_check(path: str | Path, today: dt.date | None = None) -> tuple[Workbook | None, Report]:
    """The workbook (None when the file cannot be read) and every problem found in it."""
    workbook, report = read_workbook(path)
    if workbook is not None:
        check_rules(workbook, report, today or dt.date.today())
    return workbook, report


def check_rules(workbook: Workbook, report: Report, today: dt.date) -> None:
    rules = Rules(workbook, report, today)
    for rule in (rules.settings, rules.members, rules.themes, rules.meetings, rules.absences,
                 rules.opinions, rules.tasks, rules.assessments, rules.documents,
                 rules.recipients, rules.thematic_meeting_every_quarter,
                 rules.regular_meeting_every_month, rules.assessment_every_quarter):
        rule()


def _plain(text: str) -> str:
    """Without diacritics, to suggest 'Nguyễn Thị Lan' for 'Nguyen Thi Lan'."""
    decomposed = unicodedata.normalize("NFD", matching_key(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _next_free_row(records: list[Record]) -> str:
    return f"A{max((r.row for r in records), default=1) + 1}"


def _dmy(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


class Rules:
    def __init__(self, workbook: Workbook, report: Report, today: dt.date):
        self.wb = workbook
        self.report = report
        self.today = today
        self.year = workbook.settings.values.get("year")
        self._absent_names: dict[str, set[str]] = {}

    # --- helpers ------------------------------------------------------------------------

    def _error(self, code, record: Record, field, message):
        self.report.error(code, message, sheet=record.sheet, cell=record.cell(field))

    def _warning(self, code, record: Record, field, message):
        self.report.warning(code, message, sheet=record.sheet, cell=record.cell(field))

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
            self._error("unknown-name", record, field,
                        f"{label} «{name}» không có trong danh sách Đảng viên{hint}")
        return member

    def member_on(self, record: Record, field: str, label: str, day: dt.date | None) -> Record | None:
        """As `member`, and also in the cell on `day`."""
        member = self.member(record, field, label)
        if member is not None and day is not None and not in_cell_on(member, day):
            joined, left = member.values.get("joined"), member.values.get("left")
            if joined and day < joined:
                message = (f"{label} «{member.name}» chưa sinh hoạt ở chi bộ vào ngày {_dmy(day)} "
                           f"(chuyển đến ngày {_dmy(joined)})")
            else:
                message = (f"{label} «{member.name}» không còn sinh hoạt ở chi bộ vào ngày "
                           f"{_dmy(day)} (chuyển đi ngày {_dmy(left)})")
            self._error("not-in-cell", record, field, message)
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
            self._error("unknown-meeting", record, "meeting_id",
                        f"Mã buổi «{meeting_id}» không có ở trang Buổi sinh hoạt{hint}")
        return meeting

    def absent_names(self, meeting: Record) -> set[str]:
        if meeting.id not in self._absent_names:
            self._absent_names[meeting.id] = {matching_key(a.name)
                                              for a in self.wb.absences_of(meeting) if a.name}
        return self._absent_names[meeting.id]

    # --- rules, one method per sheet ------------------------------------------------------

    def settings(self):
        s = self.wb.settings
        self.member(s, "cell_secretary", "Bí thư")
        self.member(s, "deputy_secretary", "Phó bí thư")
        good, fair, average = (s.values.get(k) for k in ("score_good", "score_fair", "score_average"))
        if None not in (good, fair, average) and not good > fair > average:
            self._error("score-levels", s, "score_fair",
                        f"Các mức điểm phải giảm dần: Tốt ({good}) > Khá ({fair}) > "
                        f"Trung bình ({average})")

    def members(self):
        if not self.wb.members:
            self.report.error("no-members", "Chưa có đảng viên nào.", sheet=schema.MEMBERS.name,
                              cell="A2")
        first_row: dict[str, Record] = {}
        for member in self.wb.members:
            if member.name:
                earlier = first_row.setdefault(matching_key(member.name), member)
                if earlier is not member:
                    self._error("duplicate-name", member, "name",
                                f"«{member.name}» trùng tên với {earlier.sheet}!"
                                f"{earlier.cell('name')}: hãy thêm dấu phân biệt, ví dụ "
                                f"«{member.name} ({member.birth_year or 'năm sinh'})», và ghi "
                                "đúng như vậy ở các trang khác")
            if member.joined and member.left and member.left <= member.joined:
                self._error("left-before-joined", member, "left",
                            "Ngày chuyển đi phải sau ngày chuyển đến")
        secretary = self.wb.member_named(self.wb.settings.values.get("cell_secretary"))
        if secretary is not None and secretary.position not in (None, "Bí thư"):
            self._warning("position-mismatch", secretary, "position",
                          f"Đồng chí «{secretary.name}» là Bí thư ở trang Thông tin nhưng Chức vụ "
                          f"ghi «{secretary.position}»")

    def themes(self):
        quarters = {t.quarter for t in self.wb.themes if t.quarter}
        for quarter in (1, 2, 3, 4):
            if quarter not in quarters:
                self.report.error("missing-theme", f"Quý {quarter} chưa có chuyên đề.",
                                  sheet=schema.THEMES.name, cell=_next_free_row(self.wb.themes))
        for theme in self.wb.themes:
            self.member(theme, "preparer", "Người chuẩn bị")
            month = theme.planned_month
            if theme.quarter and month and quarter_of(dt.date(2000, month, 1)) != theme.quarter:
                self._warning("month-outside-quarter", theme, "planned_month",
                              f"Tháng {month} không thuộc quý {theme.quarter}")

    def meetings(self):
        s = self.wb.settings.values
        seen: dict[str, Record] = {}
        for meeting in self.wb.meetings:
            if meeting.id is not None:
                first = seen.setdefault(meeting.id, meeting)
                if first is not meeting:
                    self._error("duplicate-id", meeting, "id",
                                f"Mã buổi «{meeting.id}» trùng với {first.sheet}!{first.cell('id')}")
            day = meeting.date
            if day and self.year and day.year != self.year:
                self._error("outside-year", meeting, "date",
                            f"Ngày họp {_dmy(day)} không thuộc năm kế hoạch {self.year}")
            absent = self.absent_names(meeting) if meeting.id else set()
            for field, label in (("chair", "Chủ trì"), ("minute_taker", "Thư ký"),
                                 ("presenter", "Người trình bày")):
                person = self.member_on(meeting, field, label, day)
                if person is not None and matching_key(person.name) in absent:
                    self._error("absent-officer", meeting, field,
                                f"{label} «{person.name}» lại được ghi vắng mặt ở trang Vắng mặt")
            if meeting.chair and meeting.minute_taker and \
                    matching_key(meeting.chair) == matching_key(meeting.minute_taker):
                self._warning("chair-is-minute-taker", meeting, "minute_taker",
                              "Chủ trì và thư ký là cùng một người")
            self._duration(meeting, s)
            self._rating(meeting, s)
            if day and self.wb.members and meeting.id:
                self._attendance(meeting, s)
            if meeting.kind in schema.THEMATIC_KINDS and not meeting.presenter and day:
                preparers = [t.preparer for t in self.wb.themes
                             if t.quarter == quarter_of(day) and t.preparer]
                if not meeting.theme and not preparers:
                    self._warning("no-presenter", meeting, "presenter",
                                  "Chưa ghi người trình bày chuyên đề")

    def _duration(self, meeting: Record, s: dict):
        if not (meeting.start and meeting.end):
            return
        length = minutes_between(meeting.start, meeting.end)
        if length <= 0:
            self._error("end-before-start", meeting, "end",
                        f"Giờ kết thúc {meeting.end:%H:%M} phải sau giờ bắt đầu {meeting.start:%H:%M}")
            return
        combined = meeting.kind == "Kết hợp"
        minimum = s.get("min_minutes_combined" if combined else "min_minutes")
        if minimum and length < minimum:
            what = "buổi kết hợp chuyên đề với thường kỳ" if combined else "buổi sinh hoạt"
            self._warning("too-short", meeting, "end",
                          f"Buổi họp kéo dài {length} phút, ít hơn {minimum} phút tối thiểu cho "
                          f"{what}")

    def _rating(self, meeting: Record, s: dict):
        if meeting.score is None or meeting.rating is None:
            return
        levels = [s.get(k) for k in ("score_good", "score_fair", "score_average")]
        if None in levels:
            return
        expected = rating_for(meeting.score, *levels)
        if expected != meeting.rating:
            self._error("rating-mismatch", meeting, "rating",
                        f"Xếp loại «{meeting.rating}» không khớp với {meeting.score} điểm "
                        f"(theo thang điểm ở trang Thông tin là «{expected}»)")

    def _attendance(self, meeting: Record, s: dict):
        figures = attendance(self.wb, meeting)
        minimum = s.get("min_attendance")
        if figures.required and minimum is not None and figures.rate < minimum:
            self._warning("low-attendance", meeting, "id",
                          f"Tỷ lệ dự họp {figures.rate:.1f}% ({figures.present}/{figures.required}) "
                          f"thấp hơn mức tối thiểu {minimum}%")
        vote = parse_vote(meeting.vote)
        if vote:
            agree, voters = vote
            if agree > voters:
                self._error("vote-count", meeting, "vote",
                            f"Biểu quyết «{meeting.vote}»: số nhất trí lớn hơn số biểu quyết")
            elif voters != figures.voters:
                self._warning("vote-count", meeting, "vote",
                              f"Biểu quyết «{meeting.vote}» nhưng có {figures.voters} đảng viên "
                              "chính thức dự họp theo trang Vắng mặt (đảng viên dự bị không "
                              "biểu quyết)")

    def absences(self):
        seen: set[tuple[str, str]] = set()
        months_without_reason: dict[str, set[int]] = defaultdict(set)
        for absence in self.wb.absences:
            meeting = self.meeting(absence)
            day = meeting.date if meeting is not None else None
            member = self.member_on(absence, "name", "Người vắng", day)
            if member is None or meeting is None:
                continue
            key = (meeting.id, matching_key(member.name))
            if key in seen:
                self._error("duplicate-absence", absence, "name",
                            f"«{member.name}» đã được ghi vắng mặt ở buổi {meeting.id}")
            seen.add(key)
            if member.exempt == "Có":
                self._warning("exempt-absent", absence, "name",
                              f"«{member.name}» được miễn sinh hoạt nên không cần ghi vắng mặt")
            elif not absence.reason and day:
                months_without_reason[member.name].add(day.month)
                if len(months_without_reason[member.name]) == MONTHS_ABSENT_WITHOUT_REASON:
                    self._warning("absent-without-reason", absence, "reason",
                                  f"«{member.name}» đã vắng không lý do trong "
                                  f"{MONTHS_ABSENT_WITHOUT_REASON} tháng của năm; theo Điều lệ "
                                  "Đảng (Điều 8), chi bộ cần xem xét")

    def opinions(self):
        for opinion in self.wb.opinions:
            meeting = self.meeting(opinion)
            day = meeting.date if meeting is not None else None
            speaker = self.member_on(opinion, "speaker", "Người phát biểu", day)
            if speaker is not None and meeting is not None and \
                    matching_key(speaker.name) in self.absent_names(meeting):
                self._error("absent-speaker", opinion, "speaker",
                            f"«{speaker.name}» phát biểu nhưng được ghi vắng mặt ở buổi {meeting.id}")

    def tasks(self):
        for task in self.wb.tasks:
            meeting = self.meeting(task)
            for name in assignees(task.assignee):
                if not is_collective(name) and self.wb.member_named(name) is None:
                    near = self.suggest_member(name)
                    hint = (f"; có phải đồng chí «{near}»?" if near else
                            f"; hãy ghi họ tên đảng viên hoặc {', '.join(schema.COLLECTIVE_ASSIGNEES[:3])}")
                    self._error("unknown-name", task, "assignee",
                                f"Người thực hiện «{name}» không có trong danh sách Đảng viên{hint}")
            if meeting is not None and meeting.date and task.due and task.due < meeting.date:
                self._warning("due-before-meeting", task, "due",
                              f"Thời hạn {_dmy(task.due)} trước ngày họp {_dmy(meeting.date)}")

    def assessments(self):
        seen: dict[str, Record] = {}
        for assessment in self.wb.assessments:
            if assessment.period:
                first = seen.setdefault(assessment.period, assessment)
                if first is not assessment:
                    self._error("duplicate-period", assessment, "period",
                                f"Kỳ «{assessment.period}» đã có ở {first.sheet}!{first.cell('period')}")

    def documents(self):
        by_key: dict[tuple[str, str], Record] = {}
        numbers: Counter = Counter()
        for document in self.wb.documents:
            kind, period = document.doc_type, document.period
            if not (kind and period):
                continue
            if kind == "BB":
                period = self._document_meeting(document)
            elif period not in (("Năm",) if kind == "KH" else schema.PERIODS):
                allowed = "Năm" if kind == "KH" else "Quý 1 … Quý 4 hoặc Năm"
                self._error("bad-period", document, "period",
                            f"Kỳ «{period}» không hợp lệ cho văn bản {kind}: ghi {allowed}")
                continue
            if period is None:
                continue
            first = by_key.setdefault((kind, period), document)
            if first is not document:
                self._error("duplicate-document", document, "period",
                            f"Văn bản {kind} kỳ «{period}» đã có ở {first.sheet}!{first.cell('period')}")
            if document.number is None:
                self._warning("missing-number", document, "number",
                              f"Văn bản {kind} kỳ «{period}» chưa có số: văn bản sẽ để trống số "
                              "để ghi tay")
            else:
                numbers[(kind, document.number)] += 1
                if numbers[(kind, document.number)] == 2:
                    self._warning("duplicate-number", document, "number",
                                  f"Số {document.number} đã dùng cho một văn bản {kind} khác")
        for kind, period in self._documents_due():
            if (kind, period) not in by_key:
                self.report.warning(
                    "missing-number", f"Chưa có số của văn bản {kind} kỳ «{period}»: hãy thêm một "
                    f"dòng (Loại {kind}, Kỳ {period}, Số, Ngày).", sheet=schema.DOCUMENTS.name,
                    cell=_next_free_row(self.wb.documents))

    def _document_meeting(self, document: Record) -> str | None:
        if self.wb.meeting_with_id(document.period) is None:
            self._error("bad-period", document, "period",
                        f"Biên bản phải ghi Kỳ là một Mã buổi ở trang Buổi sinh hoạt; "
                        f"không có buổi «{document.period}»")
            return None
        return document.period

    def _documents_due(self) -> list[tuple[str, str]]:
        """The documents the build will write: the plan, each minutes, each report."""
        due = [("KH", "Năm")]
        quarters = set()
        for meeting in self.wb.meetings:
            if meeting.id and meeting.date and (self.year is None or meeting.date.year == self.year):
                due.append(("BB", meeting.id))
                quarters.add(quarter_of(meeting.date))
        due += [("BC", f"Quý {q}") for q in sorted(quarters)]
        if 4 in quarters:
            due.append(("BC", "Năm"))
        return due

    def recipients(self):
        if not self.wb.recipients:
            self.report.warning("no-recipients", "Chưa có nơi nhận: văn bản sẽ không có mục "
                                "«Nơi nhận».", sheet=schema.RECIPIENTS.name, cell="A2")

    def _as_of(self) -> dt.date:
        """The day by which periods are judged ended: today; for a past year, the end of the
        month of its last meeting — a workbook of an old year is judged as far as it goes,
        that month and quarter included."""
        if self.year < self.today.year:
            dates = [m.date for m in self.wb.meetings if m.date and m.date.year == self.year]
            if not dates:
                return dt.date(self.year + 1, 1, 1)
            last = max(dates)
            return dt.date(last.year + last.month // 12, last.month % 12 + 1, 1)
        return self.today

    def regular_meeting_every_month(self):
        """Điều lệ Đảng, Điều 24: the cell meets every month (a combined meeting counts)."""
        if not self.year:
            return
        as_of = self._as_of()
        held = {m.date.month for m in self.wb.meetings if m.date and m.date.year == self.year
                and m.kind in ("Thường kỳ", "Kết hợp")}
        for month in range(1, 13):
            month_end = (dt.date(self.year + month // 12, month % 12 + 1, 1)
                         - dt.timedelta(days=1))
            if month_end < as_of and month not in held:
                self.report.warning(
                    "no-regular-meeting", f"Tháng {month}/{self.year} đã hết nhưng chưa có buổi "
                    "sinh hoạt thường kỳ (Loại «Thường kỳ» hoặc «Kết hợp»); chi bộ sinh hoạt "
                    "thường kỳ mỗi tháng một lần (Điều lệ Đảng).", sheet=schema.MEETINGS.name,
                    cell=_next_free_row(self.wb.meetings))

    def assessment_every_quarter(self):
        """The report of a quarter with meetings needs its «Đánh giá» row."""
        if not self.year:
            return
        have = {a.period for a in self.wb.assessments}
        quarters = {quarter_of(m.date) for m in self.wb.meetings
                    if m.date and m.date.year == self.year}
        for quarter in sorted(quarters):
            if f"Quý {quarter}" not in have:
                self.report.warning(
                    "no-assessment", f"Chưa có phần đánh giá của Quý {quarter} (Ưu điểm, Hạn chế, "
                    "…): báo cáo quý sẽ để trống các mục này.", sheet=schema.ASSESSMENTS.name,
                    cell=_next_free_row(self.wb.assessments))

    def thematic_meeting_every_quarter(self):
        """HD 12: at least one thematic meeting in every quarter that has ended."""
        if not self.year:
            return
        as_of = self._as_of()
        held = {quarter_of(m.date) for m in self.wb.meetings
                if m.date and m.kind in schema.THEMATIC_KINDS and m.date.year == self.year}
        for quarter in (1, 2, 3, 4):
            if quarter_end(self.year, quarter) < as_of and quarter not in held:
                self.report.warning(
                    "no-thematic-meeting", f"Quý {quarter}/{self.year} đã hết nhưng chưa có buổi "
                    "sinh hoạt chuyên đề (Loại «Chuyên đề» hoặc «Kết hợp»); mỗi quý phải có ít nhất "
                    "một buổi (Hướng dẫn 12-HD/BTCTW).", sheet=schema.MEETINGS.name,
                    cell=_next_free_row(self.wb.meetings))
