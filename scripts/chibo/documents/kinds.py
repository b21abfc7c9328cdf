"""The kinds of document a cell writes, declared once — and the one answer to «which
documents does this year, or this period, have by a given day».

A kind says its code in `Văn bản` and `Nơi nhận`, its template, its file name, how letters
and summaries name it, whether the secretary numbers it, where it goes by default, and the
function that composes it (one module per kind). The checks, the build, `status`, `send`
and the window all read this list; nothing else compares codes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..wording import period_words, short_date, slug
from ..workbook import schema
from ..workbook.model import Record, Workbook, members_at_year_end, quarter_of
from .common import meetings_in, meetings_of_year, register_entry
from .document import Kind, Planned

PLAN = Kind("KH", "kế hoạch", "ke-hoach.docx", "ke-hoach-sinh-hoat-chuyen-de-{year}",
            "Kế hoạch sinh hoạt chuyên đề năm {year}", "plan", periods=("Năm",), folder="",
            upward=True)
MINUTES = Kind("BB", "biên bản", "bien-ban.docx", "bien-ban-{stem}", "Biên bản {what} ngày {date}",
               "minutes", numbered=False, stays_in_cell=True)
RESOLUTION = Kind("NQ", "nghị quyết", "nghi-quyet.docx", "nghi-quyet-{stem}",
                  "Nghị quyết sau buổi sinh hoạt ngày {date}", "resolution",
                  stays_in_cell=True)
SCORE_SHEET = Kind("DG", "biểu đánh giá", "bieu-danh-gia.docx", "cham-diem-{stem}",
                   "Biểu đánh giá buổi sinh hoạt ngày {date}", "score_sheet",
                   numbered=False, mailed=False, registered=False)
QUARTER_REPORT = Kind("BC", "báo cáo", "bao-cao.docx", "bao-cao-quy-{quarter}-{year}",
                      "Báo cáo quý {quarter} năm {year}", "report",
                      periods=tuple(f"Quý {q}" for q in (1, 2, 3, 4)), upward=True,
                      waits_for_its_date=True)
YEAR_REPORT = Kind("BC", "báo cáo", "bao-cao.docx", "bao-cao-nam-{year}", "Báo cáo năm {year}",
                   "report", periods=("Năm",), folder="", upward=True, waits_for_its_date=True)

# The year's review and rating pack (QĐ 366-QĐ/TW, HD 43-HD/BTCTW), filed in cuoi-nam/: the
# collective's report (Mẫu 01), each member's self-review (2A/2B/2C), the review meeting's
# minutes and the list of proposed levels.
REVIEW_REPORT = Kind("BC", "báo cáo kiểm điểm", "kiem-diem-tap-the.docx",
                     "bao-cao-kiem-diem-tap-the-{year}", "Báo cáo kiểm điểm, đánh giá, xếp loại "
                     "chất lượng tập thể chi bộ năm {year}", "review_report",
                     periods=(schema.REVIEW_PERIOD,), folder="cuoi-nam", pack=True)
SELF_REVIEW = Kind("KD", "bản kiểm điểm", "ban-kiem-diem.docx", "ban-kiem-diem-{stem}",
                   "Bản kiểm điểm cá nhân năm {year} của đồng chí {what}", "self_review",
                   numbered=False, registered=False, folder="cuoi-nam/ban-kiem-diem", pack=True)
REVIEW_MINUTES = Kind("BB", "biên bản", "bien-ban.docx", "bien-ban-kiem-diem-{stem}",
                      "Biên bản hội nghị kiểm điểm, đánh giá, xếp loại chất lượng ngày {date}",
                      "review_minutes", numbered=False, stays_in_cell=True, folder="cuoi-nam",
                      pack=True)
PROPOSAL_LIST = Kind("DS", "danh sách", "danh-sach-xep-loai.docx",
                     "danh-sach-de-nghi-xep-loai-{year}", "Danh sách đề nghị xếp loại chất lượng "
                     "đảng viên năm {year}", "proposal_list", numbered=False, registered=False,
                     folder="cuoi-nam", pack=True)

# The cell's kinds, in the order a year's documents are listed and a letter names them.
KINDS: tuple[Kind, ...] = (PLAN, MINUTES, RESOLUTION, SCORE_SHEET, QUARTER_REPORT, YEAR_REPORT,
                           REVIEW_REPORT, SELF_REVIEW, REVIEW_MINUTES, PROPOSAL_LIST)
PACK: tuple[Kind, ...] = tuple(k for k in KINDS if k.pack)
# The commune Đảng ủy's own report on its cells (`tong-hop`): composed from the cells'
# figures rather than from one workbook (documents/commune_report.py), so never planned here.
COMMUNE_REPORT = Kind("BC", "báo cáo", "bao-cao-tong-hop.docx", "bao-cao-tong-hop-{stem}",
                      "Báo cáo tổng hợp {what}", "commune_report", periods=schema.PERIODS,
                      folder="", registered=False)
REGISTER_CODES = tuple(dict.fromkeys(k.code for k in KINDS if k.registered))


def kinds_with_code(code: str | None) -> list[Kind]:
    """The kinds a `Văn bản` row's Loại names (BC: the quarter's and the year's report, and
    the year's review)."""
    return [k for k in KINDS if k.registered and k.code == code]


MEETING_WORDS = {"Chuyên đề": "sinh hoạt chuyên đề",
                 "Kết hợp": "sinh hoạt thường kỳ kết hợp chuyên đề"}


def _meeting_paper(kind: Kind, meeting: Record, stem: str) -> Planned:
    quarter = None if kind.pack else quarter_of(meeting.date)   # the pack is the year's
    return Planned(kind, meeting.id, kind.path(meeting.date.year, quarter, stem),
                   paper_label(kind, meeting), quarter, meeting)


def paper_label(kind: Kind, meeting: Record) -> str:
    """How letters and summaries name a meeting's paper: by the meeting's kind and date,
    never by its Mã buổi, which only the workbook knows."""
    what = MEETING_WORDS.get(meeting.kind, "sinh hoạt chi bộ thường kỳ")
    return kind.label.format(what=what, date=short_date(meeting.date))


def yearly(kind: Kind, year: int, quarter: int | None = None) -> Planned:
    """The plan, a quarter's report or the year's report, as planned for `year`."""
    return Planned(kind, f"Quý {quarter}" if quarter else "Năm", kind.path(year, quarter),
                   kind.label.format(year=year, quarter=quarter), quarter)


def minutes_label(meeting: Record) -> str:
    return paper_label(MINUTES, meeting)


def year_documents(workbook: Workbook, until: dt.date | None = None) -> list[Planned]:
    """Every document of the plan year by `until`: the plan; the papers of each meeting held
    (minutes; a score sheet where it was scored; a resolution where one was issued); the
    report of each quarter with a meeting held; the year's report once it is due. A meeting
    scheduled ahead has no document yet, and a report dated after `until` waits for its day:
    it would speak of days that have not come."""
    return [p for p in _year_plan(workbook, until) if not _waits_for_its_date(workbook, p, until)]


def dated_ahead(workbook: Workbook, until: dt.date) -> list[tuple[Planned, Record]]:
    """The documents the year would have by `until` that are dated after it, with the row of
    `Văn bản` that dates them: each is built once its day comes."""
    return [(p, entry) for p in _year_plan(workbook, until)
            if _waits_for_its_date(workbook, p, until)
            and (entry := register_entry(workbook, p.kind, p.period)) is not None]


def _waits_for_its_date(workbook: Workbook, planned: Planned, until: dt.date | None) -> bool:
    if until is None or not planned.kind.waits_for_its_date:
        return False
    entry = register_entry(workbook, planned.kind, planned.period)
    return entry is not None and entry.date is not None and entry.date > until


def _year_plan(workbook: Workbook, until: dt.date | None) -> list[Planned]:
    """The year's documents by `until`, worked out once per book and day (the book is read
    once and never changed: see `model.Workbook`)."""
    known = workbook.derived("year_plan", until, lambda: _plan_the_year(workbook, until))
    return list(known)


def _plan_the_year(workbook: Workbook, until: dt.date | None) -> list[Planned]:
    year = workbook.settings.year
    documents = [yearly(PLAN, year)]
    stems = minutes_stems(workbook)
    scored = {s.meeting_id for s in workbook.scores if s.meeting_id}
    quarters: list[int] = []
    for meeting in meetings_of_year(workbook, until):
        stem = stems[id(meeting)]
        if meeting.kind == schema.REVIEW_KIND:
            continue   # the year's review meeting: its minutes belong to the pack
        documents.append(_meeting_paper(MINUTES, meeting, stem))
        if meeting.id in scored:
            documents.append(_meeting_paper(SCORE_SHEET, meeting, stem))
        if meeting.resolution == "Có":
            documents.append(_meeting_paper(RESOLUTION, meeting, stem))
        if quarter_of(meeting.date) not in quarters:
            quarters.append(quarter_of(meeting.date))
    documents += [yearly(QUARTER_REPORT, year, quarter) for quarter in quarters]
    if quarters and year_report_due(workbook, until):
        documents.append(yearly(YEAR_REPORT, year))
    return documents + _year_end(workbook, until, stems)


def year_end_due(workbook: Workbook, until: dt.date | None) -> bool:
    """Whether the year's review has begun: December has come (each member completes her
    self-review before the review meeting), or the review meeting is held."""
    year = workbook.settings.year
    return until is None or until >= dt.date(year, 12, 1) or bool(review_meetings(workbook, until))


def review_meetings(workbook: Workbook, until: dt.date | None) -> list[Record]:
    return [m for m in meetings_of_year(workbook, until) if m.kind == schema.REVIEW_KIND]


def _year_end(workbook: Workbook, until: dt.date | None, stems: dict[int, str]) -> list[Planned]:
    """The year's review pack: each member's self-review from December; the collective's
    report, the review meeting's minutes and the list of proposed levels once that meeting
    is held (QĐ 366-QĐ/TW, HD 43-HD/BTCTW)."""
    if not year_end_due(workbook, until):
        return []
    year = workbook.settings.year
    documents = []
    held = review_meetings(workbook, until)
    if held:
        documents.append(Planned(REVIEW_REPORT, schema.REVIEW_PERIOD, REVIEW_REPORT.path(year),
                                 REVIEW_REPORT.label.format(year=year)))
        documents += [_meeting_paper(REVIEW_MINUTES, m, stems[id(m)]) for m in held]
        documents.append(Planned(PROPOSAL_LIST, schema.REVIEW_PERIOD, PROPOSAL_LIST.path(year),
                                 PROPOSAL_LIST.label.format(year=year)))
    return documents + [_self_review(member, year, stem)
                        for member, stem in zip(*_member_stems(workbook), strict=True)]


def _self_review(member: Record, year: int, stem: str) -> Planned:
    return Planned(SELF_REVIEW, member.name, SELF_REVIEW.path(year, stem=stem),
                   SELF_REVIEW.label.format(year=year, what=member.name), member=member)


def _member_stems(workbook: Workbook) -> tuple[list[Record], list[str]]:
    """The members in the cell at the year's end, and a distinct ASCII stem for each."""
    members = members_at_year_end(workbook)
    stems: list[str] = []
    for member in members:
        stem = slug(member.name)
        stems.append(stem if stem not in stems else f"{stem}-{stems.count(stem) + 1}")
    return members, stems


def year_report_due(workbook: Workbook, until: dt.date | None) -> bool:
    """The year's report is written once quarter 4's thematic meeting is held, or once the
    year is over, whatever it held."""
    year = workbook.settings.year
    if until is None or until > dt.date(year, 12, 31):
        return True
    return any(m.kind in schema.THEMATIC_KINDS for m in meetings_in(workbook, [4], until))


@dataclass(frozen=True)
class Period:
    """What a run builds or sends: a quarter's documents, the year's report (no quarter), or
    the year's review and rating pack."""

    quarter: int | None = None
    year_end: bool = False

    def words(self, year: int) -> str:
        """'quý 2 năm 2022', 'năm 2022', 'kiểm điểm, xếp loại chất lượng năm 2022'."""
        if self.year_end:
            return f"kiểm điểm, đánh giá, xếp loại chất lượng năm {year}"
        return period_words(self.quarter, year)

    @property
    def folder(self) -> str:
        """Its folder in the year's, where its letters are drafted."""
        return "cuoi-nam" if self.year_end else f"quy-{self.quarter}" if self.quarter else ""


def period_documents(workbook: Workbook, period: Period,
                     until: dt.date | None = None) -> list[Planned]:
    """What a period sends: the plan, then the quarter's papers and report, or the year's
    report; the year's end: its pack alone."""
    def wanted(planned: Planned) -> bool:
        if period.year_end or planned.kind.pack:
            return period.year_end and planned.kind.pack
        if planned.kind is PLAN:
            return True
        if period.quarter is None:
            return planned.kind is YEAR_REPORT
        return planned.quarter == period.quarter and planned.kind is not YEAR_REPORT

    return [p for p in year_documents(workbook, until) if wanted(p)]


def minutes_stems(workbook: Workbook) -> dict[int, str]:
    """id(meeting) -> a distinct ASCII file-name stem, for every meeting of the year."""
    stems: dict[int, str] = {}
    taken: dict[str, int] = {}
    for meeting in meetings_of_year(workbook):
        stem = slug(meeting.id)
        taken[stem] = taken.get(stem, 0) + 1
        stems[id(meeting)] = stem if taken[stem] == 1 else f"{stem}-{taken[stem]}"
    return stems
