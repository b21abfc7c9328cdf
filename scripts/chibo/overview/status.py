"""`chibo status`: where the year stands — per quarter what was held, built and sent — and
what is due now, judged by the checked day."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..documents.common import meetings_in
from ..documents.kinds import (MINUTES, PLAN, QUARTER_REPORT, SELF_REVIEW, YEAR_REPORT, Planned,
                               year_documents, year_end_due)
from ..files import shown
from ..mail.record import SentLog
from ..outputs.folder import OutputFolder, pdf_name
from ..rules.checked import Checked
from ..wording import short_date
from ..workbook import schema
from ..workbook.model import (Record, Workbook, members_at_year_end, quarter_end, quarter_of,
                              review_row)


@dataclass
class QuarterStatus:
    quarter: int
    theme: str | None
    thematic_meetings: list[str]          # dates, dd/mm/yyyy
    meetings: int
    minutes_built: int
    report_built: bool
    sent: str | None                      # when the quarter's report was last sent
    problems: int                         # errors and warnings on the quarter's meetings


@dataclass
class YearEndStatus:
    """The year's review and rating (QĐ 366-QĐ/TW): its meeting, and what of its pack is
    built and sent."""

    review_meeting: str | None            # its date, dd/mm/yyyy
    held: bool
    members: int                          # in the cell at the year's end: one self-review each
    self_reviews_built: int
    rated: int                            # rows of `Xếp loại` of those members
    pack_built: int                       # of the report, the minutes and the list
    pack_documents: int
    sent: str | None                      # when the pack last went to its recipients


@dataclass
class Status:
    cell_name: str
    year: int
    today: str
    quarters: list[QuarterStatus] = field(default_factory=list)
    year_end: YearEndStatus | None = None  # from December, or once the review is in the book
    due: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # good to know, nothing to do
    errors: int = 0
    warnings: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


class _Look:
    """What the output folder and the record of mail say of the year's documents; what she
    should know of her edits goes into the status as it is looked at."""

    def __init__(self, checked: Checked, output: Path, result: Status):
        assert checked.workbook is not None   # status is asked of a readable book
        self.workbook, self.today, self.result = checked.workbook, checked.today, result
        self.outputs = OutputFolder(output)
        self.log = SentLog(checked.workbook, output)
        self.mails = any(r.email for r in checked.workbook.recipients)
        self.planned = year_documents(checked.workbook, checked.today)
        self.problems = checked.problems.problems

    def find(self, kind, period: str) -> Planned | None:
        return next((p for p in self.planned if p.kind is kind and p.period == period), None)

    def state(self, planned: Planned | None) -> tuple[bool, str | None]:
        """(built, sent on) of a document."""
        if planned is None:
            return False, None
        path = planned.path
        built = self.outputs.path_of(path).exists()
        newer = self.outputs.new_version_of(path) if built else None
        if newer is not None:
            self.result.due.append(f"{planned.label}: có hai bản — bản đồng chí đã sửa "
                                   f"({shown(self.outputs.path_of(path))}) và bản mới theo sổ "
                                   f"({shown(newer)}); hãy giữ một bản, xóa bản kia.")
        elif built and self.outputs.edited_by_hand(path):
            self.result.notes.append(f"{planned.label} đã được sửa bằng tay sau khi lập: bản "
                                     "này được làm PDF và gửi đi.")
        return built, self._sent_on({path, pdf_name(path)})

    def sent_on(self, paths: list[str]) -> str | None:
        """When any of these documents was last sent."""
        return self._sent_on({q for p in paths for q in (p, pdf_name(p))})

    def _sent_on(self, relative_paths: set[str]) -> str | None:
        times = [m["time"] for m in self.log.delivered
                 if any(f.get("path") in relative_paths for f in m["files"])]
        return dt.datetime.fromisoformat(max(times)).strftime("%d/%m/%Y") if times else None

    def yearly(self, kind, what: str) -> None:
        """The plan's or the year's report's line of what is due."""
        built, sent = self.state(self.find(kind, "Năm"))
        if not built:
            self.result.due.append(f"{what} chưa lập.")
        elif not sent and self.mails:
            self.result.due.append(f"{what} chưa gửi.")


@dataclass(frozen=True)
class TwoVersions:
    """A document she edited, and the workbook's new version beside it: hers to choose."""

    label: str
    hers: str                             # under the output folder
    new: str


def versions_to_choose(checked: Checked, output_dir: str | Path) -> list[TwoVersions]:
    assert checked.workbook is not None   # asked of a readable book
    outputs = OutputFolder(output_dir)
    found = []
    for planned in year_documents(checked.workbook, checked.today):
        newer = outputs.new_version_of(planned.path)
        if newer is not None:
            found.append(TwoVersions(planned.label, planned.path,
                                     newer.relative_to(outputs.path_of(".")).as_posix()))
    return found


def status(checked: Checked, output_dir: str | Path) -> Status:
    """The state of a checked workbook's year. It only looks at dates, kinds and file names,
    so a workbook with errors still gets its table; the errors themselves are the first
    thing due."""
    workbook, report = checked.workbook, checked.problems
    assert workbook is not None   # the faces ask status of a readable book only
    settings = workbook.settings
    result = Status(str(settings.cell_name or Path(workbook.path).stem), settings.year,
                    short_date(checked.today), errors=len(report.errors),
                    warnings=len(report.warnings))
    if report.is_to_do_list:
        result.due.append(f"Sổ mới: còn {len(report.problems)} việc cần ghi trước khi lập văn bản.")
    elif result.errors:
        result.due.append(f"Sổ có {result.errors} lỗi cần sửa trước khi lập văn bản.")
    if settings.year is None:
        return result
    look = _Look(checked, Path(output_dir), result)
    look.yearly(PLAN, f"Kế hoạch năm {settings.year}")
    for quarter in (1, 2, 3, 4):
        result.quarters.append(_quarter(look, quarter))
    if quarter_end(settings.year, 4) < checked.today:
        look.yearly(YEAR_REPORT, f"Báo cáo năm {settings.year}")
    if year_end_due(workbook, checked.today) or _review_meetings(workbook):
        result.year_end = _year_end(look)
    return result


def _review_meetings(workbook: Workbook) -> list[Record]:
    return sorted((m for m in workbook.meetings if m.kind == schema.REVIEW_KIND and m.date
                   and m.date.year == workbook.settings.year), key=lambda m: m.date)


def _year_end(look: _Look) -> YearEndStatus:
    """The year's end line, and what of it is due."""
    workbook, today, due = look.workbook, look.today, look.result.due
    reviews = _review_meetings(workbook)
    meeting = reviews[-1] if reviews else None
    held = meeting is not None and meeting.date <= today
    pack = [p for p in look.planned if p.kind.pack]
    built = {p.path for p in pack if look.state(p)[0]}
    own = [p for p in pack if p.kind is SELF_REVIEW]
    rest = [p for p in pack if p.kind is not SELF_REVIEW]
    members = members_at_year_end(workbook)
    rated = sum(1 for m in members if review_row(workbook, m.name) is not None)
    if meeting is None:
        due.append(f"Cuối năm: chưa có hội nghị kiểm điểm, đánh giá, xếp loại chất lượng (ghi "
                   f"buổi Loại «{schema.REVIEW_KIND}» ở trang Buổi sinh hoạt).")
    if own and len([p for p in own if p.path in built]) < len(own):
        due.append(f"Bản kiểm điểm cá nhân năm {workbook.settings.year}: đã lập "
                   f"{sum(p.path in built for p in own)}/{len(own)}.")
    unsent = [p for p in own if p.path in built and p.member is not None and p.member.email
              and not any(look.log.was_sent(a, p.path) for a in p.member.email)]
    if unsent and not held:
        due.append(f"Bản kiểm điểm cá nhân chưa gửi cho {len(unsent)} đồng chí để hoàn thiện "
                   "trước hội nghị.")
    due += [f"{p.label} chưa lập." for p in rest if p.path not in built]
    sent = look.sent_on([p.path for p in rest])
    if held and rest and len(built) == len(pack) and not sent and _pack_mailed(workbook):
        due.append("Hồ sơ kiểm điểm, xếp loại cuối năm chưa gửi.")
    return YearEndStatus(short_date(meeting.date) if meeting else None, held, len(members),
                         sum(p.path in built for p in own), rated,
                         sum(p.path in built for p in rest), len(rest), sent)


def year_end_line(year_end: YearEndStatus) -> str:
    """'Hội nghị kiểm điểm 20/12/2022 (đã họp); bản kiểm điểm cá nhân 15/15; …' — what both
    faces show of the year's end."""
    if year_end.review_meeting is None:
        meeting = "Chưa có hội nghị kiểm điểm"
    else:
        meeting = (f"Hội nghị kiểm điểm {year_end.review_meeting} "
                   f"({'đã họp' if year_end.held else 'sắp họp'})")
    pack = "báo cáo, biên bản, danh sách lập sau hội nghị"
    if year_end.held:
        pack = (f"báo cáo, biên bản, danh sách đã lập {year_end.pack_built}/"
                f"{year_end.pack_documents}, "
                + (f"đã gửi {year_end.sent}" if year_end.sent else "chưa gửi"))
    return "; ".join([meeting, f"bản kiểm điểm cá nhân đã lập {year_end.self_reviews_built}/"
                               f"{year_end.members}",
                      f"đã ghi xếp loại {year_end.rated}/{year_end.members} đảng viên", pack]) + "."


def _pack_mailed(workbook: Workbook) -> bool:
    return any(r.email and r.doc_type == schema.PACK_CODE for r in workbook.recipients)


def _quarter(look: _Look, quarter: int) -> QuarterStatus:
    """One quarter's line of the table, and what of it is due."""
    workbook, today, due = look.workbook, look.today, look.result.due
    year = workbook.settings.year
    themes = [t.title for t in workbook.themes if t.quarter == quarter and t.title]
    meetings = [m for m in meetings_in(workbook, [quarter]) if m.kind != schema.REVIEW_KIND]
    held_meetings = [m for m in meetings if m.date <= today]
    thematic = [m for m in meetings if m.kind in schema.THEMATIC_KINDS]
    held = [m for m in thematic if m.date <= today]
    minutes = [(look.find(MINUTES, m.id), look.state(look.find(MINUTES, m.id))[0])
               for m in held_meetings]
    report_built, sent = look.state(look.find(QUARTER_REPORT, f"Quý {quarter}"))
    end = quarter_end(year, quarter)
    if year == today.year and quarter == quarter_of(today) and not held:
        planned = [m for m in thematic if m.date > today]
        when = f" (dự kiến ngày {short_date(planned[0].date)})" if planned else ""
        due.append(f"Quý {quarter}: chưa có buổi sinh hoạt chuyên đề{when}, còn "
                   f"{(end - today).days} ngày.")
    ended = end < today
    if ended and not held:
        due.append(f"Quý {quarter}: không tổ chức sinh hoạt chuyên đề.")
    due += [f"{paper.label} chưa lập." for paper, made in minutes if paper and not made]
    if ended and held_meetings and not report_built:
        due.append(f"Báo cáo quý {quarter} chưa lập.")
    if ended and report_built and not sent and look.mails:
        due.append(f"Báo cáo quý {quarter} chưa gửi.")
    places = _places(workbook, meetings)
    return QuarterStatus(quarter, themes[0] if themes else None, [short_date(m.date) for m in held],
                         len(held_meetings), sum(1 for _, made in minutes if made), report_built,
                         sent, sum(1 for p in look.problems if (p.sheet, p.cell) in places))


def _places(workbook: Workbook, meetings: list[Record]) -> set[tuple[str, str]]:
    """Every (sheet, cell) that belongs to these meetings, their absences, opinions and tasks."""
    places = set()
    for meeting in meetings:
        rows = [meeting] + [row for table in ("absences", "opinions", "tasks")
                            for row in workbook.of_meeting(table, meeting)]
        places |= {(row.sheet, cell) for row in rows for cell in row.cells.values()}
    return places
