"""`chibo status`: where the year stands — per quarter what was held, built and sent — and
what is due now, judged by today's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import schema
from .building import meetings_of_year, minutes_documents, plan_document, report_document
from .model import quarter_end, quarter_of
from .outputs import OutputFolder, pdf_name
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
    errors: int = 0
    warnings: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def _sent_on(log: SentLog, relative_paths: set[str]) -> str | None:
    times = [m["time"] for m in log.messages
             if any(f["path"] in relative_paths for f in m["files"])]
    return dt.datetime.fromisoformat(max(times)).strftime("%d/%m/%Y") if times else None


def status(workbook, report, output_dir: str | Path, today: dt.date) -> Status:
    """The state of a checked workbook's year (its `report` holds the check's problems)."""
    output = Path(output_dir)
    outputs = OutputFolder(output)
    log = SentLog(output)
    year = workbook.settings.year
    result = Status(workbook.settings.cell_name, year, short_date(today),
                    errors=len(report.errors), warnings=len(report.warnings))
    if result.errors:
        result.due.append(f"Sổ có {result.errors} lỗi: chạy «chibo check» để xem và sửa.")

    plan = plan_document(workbook)
    if not outputs.path_of(plan.path).exists():
        result.due.append(f"Kế hoạch năm {year} chưa lập: chạy build-report.")
    elif not _sent_on(log, {plan.path, pdf_name(plan.path)}) and _has_recipient_email(workbook):
        result.due.append(f"Kế hoạch năm {year} chưa gửi.")

    for quarter in (1, 2, 3, 4):
        themes = [t.title for t in workbook.themes if t.quarter == quarter]
        meetings = [m for m in meetings_of_year(workbook) if quarter_of(m.date) == quarter]
        thematic = [m for m in meetings if m.kind in schema.THEMATIC_KINDS]
        minutes = minutes_documents(workbook, [quarter])
        built = [d for d in minutes if outputs.path_of(d.path).exists()]
        bao_cao = report_document(workbook, quarter)
        report_built = outputs.path_of(bao_cao.path).exists()
        sent = _sent_on(log, {bao_cao.path, pdf_name(bao_cao.path)})
        places = _places(workbook, meetings)
        problems = sum(1 for p in report.problems if (p.sheet, p.cell) in places)
        result.quarters.append(QuarterStatus(
            quarter, themes[0] if themes else None, [short_date(m.date) for m in thematic],
            len(meetings), len(built), report_built, sent, problems))

        end = quarter_end(year, quarter)
        held = [m for m in thematic if m.date <= today]
        planned = [m for m in thematic if m.date > today]
        if year == today.year and quarter == quarter_of(today) and not held:
            left = (end - today).days
            when = (f" (dự kiến ngày {short_date(planned[0].date)})" if planned else "")
            result.due.append(f"Quý {quarter}: chưa có buổi sinh hoạt chuyên đề{when}, còn "
                              f"{left} ngày.")
        ended = end < today
        if ended and not thematic:
            result.due.append(f"Quý {quarter}: không tổ chức sinh hoạt chuyên đề.")
        held_ids = {m.id for m in meetings if m.date <= today}
        for document in minutes:
            if document.period not in held_ids:
                continue  # a meeting still to come has no minutes yet
            if not outputs.path_of(document.path).exists():
                result.due.append(f"Biên bản {document.period} chưa lập.")
            elif outputs.edited_by_hand(document.path):
                result.due.append(f"Biên bản {document.period} đã được sửa tay sau khi tạo.")
        if ended and meetings and not report_built:
            result.due.append(f"Báo cáo quý {quarter} chưa lập.")
        elif report_built and outputs.edited_by_hand(bao_cao.path):
            result.due.append(f"Báo cáo quý {quarter} đã được sửa tay sau khi tạo.")
        if ended and report_built and not sent and _has_recipient_email(workbook):
            result.due.append(f"Báo cáo quý {quarter} chưa gửi.")

    if quarter_end(year, 4) < today:
        yearly = report_document(workbook, None)
        if not outputs.path_of(yearly.path).exists():
            result.due.append(f"Báo cáo năm {year} chưa lập.")
        elif not _sent_on(log, {yearly.path, pdf_name(yearly.path)}) and \
                _has_recipient_email(workbook):
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


def _has_recipient_email(workbook) -> bool:
    return any(r.email for r in workbook.recipients)
