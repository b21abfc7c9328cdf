"""`chibo status`: where the year stands — per quarter what was held, built and sent — and
what is due now, judged by the checked day."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..documents.common import meetings_in
from ..documents.kinds import MINUTES, PLAN, QUARTER_REPORT, YEAR_REPORT, Planned, year_documents
from ..files import shown
from ..mail.record import SentLog
from ..outputs.folder import OutputFolder, pdf_name
from ..rules.checked import Checked
from ..wording import short_date
from ..workbook import schema
from ..workbook.model import Record, Workbook, quarter_end, quarter_of


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
class Status:
    cell_name: str
    year: int
    today: str
    quarters: list[QuarterStatus] = field(default_factory=list)
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

    def _sent_on(self, relative_paths: set[str]) -> str | None:
        times = [m["time"] for m in self.log.messages
                 if any(f["path"] in relative_paths for f in m["files"])]
        return dt.datetime.fromisoformat(max(times)).strftime("%d/%m/%Y") if times else None

    def yearly(self, kind, what: str) -> None:
        """The plan's or the year's report's line of what is due."""
        built, sent = self.state(self.find(kind, "Năm"))
        if not built:
            self.result.due.append(f"{what} chưa lập.")
        elif not sent and self.mails:
            self.result.due.append(f"{what} chưa gửi.")


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
    if result.errors:
        result.due.append(f"Sổ có {result.errors} lỗi cần sửa trước khi lập văn bản.")
    if settings.year is None:
        return result
    look = _Look(checked, Path(output_dir), result)
    look.yearly(PLAN, f"Kế hoạch năm {settings.year}")
    for quarter in (1, 2, 3, 4):
        result.quarters.append(_quarter(look, quarter))
    if quarter_end(settings.year, 4) < checked.today:
        look.yearly(YEAR_REPORT, f"Báo cáo năm {settings.year}")
    return result


def _quarter(look: _Look, quarter: int) -> QuarterStatus:
    """One quarter's line of the table, and what of it is due."""
    workbook, today, due = look.workbook, look.today, look.result.due
    year = workbook.settings.year
    themes = [t.title for t in workbook.themes if t.quarter == quarter and t.title]
    meetings = meetings_in(workbook, [quarter])
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
