"""`chibo status`: where the year stands — per quarter what was held, built and sent — and
what is due now, judged by today's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import schema
from .documents import Planned, meetings_in, minutes_label, year_documents
from .model import quarter_end, quarter_of
from .outputs import OutputFolder, pdf_name, shown
from .sending import SentLog
from .wording import short_date


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


def _sent_on(log: SentLog, relative_paths: set[str]) -> str | None:
    times = [m["time"] for m in log.messages
             if any(f["path"] in relative_paths for f in m["files"])]
    return dt.datetime.fromisoformat(max(times)).strftime("%d/%m/%Y") if times else None


def status(workbook, report, output_dir: str | Path, today: dt.date) -> Status:
    """The state of a checked workbook's year (its `report` holds the check's problems).
    It only looks at dates, kinds and file names, so a workbook with errors still gets its
    table; the errors themselves are the first thing due."""
    output = Path(output_dir)
    outputs = OutputFolder(output)
    log = SentLog(workbook, output)
    settings = workbook.settings
    year = settings.year
    result = Status(str(settings.cell_name or Path(workbook.path).stem), year, short_date(today),
                    errors=len(report.errors), warnings=len(report.warnings))
    if result.errors:
        result.due.append(f"Sổ có {result.errors} lỗi cần sửa trước khi lập văn bản.")
    if year is None:
        return result
    mails = any(r.email for r in workbook.recipients)
    documents = {(p.doc_type, p.period): p for p in year_documents(workbook, today)}

    def state(planned: Planned | None) -> tuple[bool, str | None]:
        """(built, sent on) of a document; and what she should know of her edits."""
        if planned is None:
            return False, None
        path = planned.path
        built = outputs.path_of(path).exists()
        newer = outputs.new_version_of(path) if built else None
        if newer is not None:
            result.due.append(f"{planned.label}: có hai bản — bản đồng chí đã sửa "
                              f"({shown(outputs.path_of(path))}) và bản mới theo sổ "
                              f"({shown(newer)}); hãy giữ một bản, xóa bản kia.")
        elif built and outputs.edited_by_hand(path):
            result.notes.append(f"{planned.label} đã được sửa bằng tay sau khi lập: bản này "
                                "được làm PDF và gửi đi.")
        return built, _sent_on(log, {path, pdf_name(path)})

    built, sent = state(documents[("KH", "Năm")])
    if not built:
        result.due.append(f"Kế hoạch năm {year} chưa lập.")
    elif not sent and mails:
        result.due.append(f"Kế hoạch năm {year} chưa gửi.")

    for quarter in (1, 2, 3, 4):
        themes = [t.title for t in workbook.themes if t.quarter == quarter and t.title]
        meetings = meetings_in(workbook, [quarter])
        held_meetings = [m for m in meetings if m.date <= today]
        thematic = [m for m in meetings if m.kind in schema.THEMATIC_KINDS]
        held = [m for m in thematic if m.date <= today]
        minutes = [(m, state(documents.get(("BB", m.id)))) for m in held_meetings]
        report_built, sent = state(documents.get(("BC", f"Quý {quarter}")))
        places = _places(workbook, meetings)
        result.quarters.append(QuarterStatus(
            quarter, themes[0] if themes else None, [short_date(m.date) for m in held],
            len(held_meetings), sum(1 for _, (made, _) in minutes if made), report_built, sent,
            sum(1 for p in report.problems if (p.sheet, p.cell) in places)))

        end = quarter_end(year, quarter)
        if year == today.year and quarter == quarter_of(today) and not held:
            planned = [m for m in thematic if m.date > today]
            when = f" (dự kiến ngày {short_date(planned[0].date)})" if planned else ""
            result.due.append(f"Quý {quarter}: chưa có buổi sinh hoạt chuyên đề{when}, còn "
                              f"{(end - today).days} ngày.")
        ended = end < today
        if ended and not held:
            result.due.append(f"Quý {quarter}: không tổ chức sinh hoạt chuyên đề.")
        for meeting, (made, _) in minutes:
            if not made:
                result.due.append(f"{minutes_label(meeting)} chưa lập.")
        if ended and held_meetings and not report_built:
            result.due.append(f"Báo cáo quý {quarter} chưa lập.")
        if ended and report_built and not sent and mails:
            result.due.append(f"Báo cáo quý {quarter} chưa gửi.")

    if quarter_end(year, 4) < today:
        built, sent = state(documents.get(("BC", "Năm")))
        if not built:
            result.due.append(f"Báo cáo năm {year} chưa lập.")
        elif not sent and mails:
            result.due.append(f"Báo cáo năm {year} chưa gửi.")
    return result


def _places(workbook, meetings) -> set[tuple[str, str]]:
    """Every (sheet, cell) that belongs to these meetings, their absences, opinions and tasks."""
    places = set()
    for meeting in meetings:
        rows = [meeting] + [row for table in ("absences", "opinions", "tasks")
                            for row in workbook.of_meeting(table, meeting)]
        places |= {(row.sheet, cell) for row in rows for cell in row.cells.values()}
    return places


