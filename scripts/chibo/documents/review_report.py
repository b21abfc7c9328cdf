"""BÁO CÁO kiểm điểm, đánh giá, xếp loại chất lượng tập thể chi bộ năm N (Mẫu 01 of HD 43-HD/
BTCTW, type BC): the year's results from the records — meetings and attendance, themes as
planned and held, resolutions and their tasks, members admitted, moved and promoted, the
meetings' quality — then the collective's own assessment and the level it proposes."""

from __future__ import annotations

import datetime as dt

from ..wording import decimal, paragraphs, percent, quoted, short_date
from ..workbook import schema
from ..workbook.model import Record, Workbook, review_row
from .common import (header_context, or_dotted, register_entry, task_state, upper_first,
                     year_rules)
from .document import Document, Planned
from .kinds import REVIEW_REPORT, review_meetings
from .report import theme_lines
from .resolution import resolution_name
from .year_records import CellYear, cell_year


def review_day(workbook: Workbook, until: dt.date | None) -> dt.date:
    """The day the year is reviewed as of: its report's date, else its review meeting's,
    else the year's end."""
    year = workbook.settings.year
    entry = register_entry(workbook, REVIEW_REPORT, schema.REVIEW_PERIOD)
    if entry is not None and entry.date:
        return entry.date
    held = review_meetings(workbook, until)
    return max(m.date for m in held) if held else min(until or dt.date(year, 12, 31),
                                                       dt.date(year, 12, 31))


def _named(members: list[Record], dated: str) -> str:
    return "; ".join(f"{m.name}, ngày {short_date(m.values[dated])}" for m in members)


def results(workbook: Workbook, figures: CellYear, day: dt.date) -> list[str]:
    """Section I: what the year's records show."""
    year = workbook.settings.year
    combined = sum(m.kind == "Kết hợp" for m in figures.meetings)
    lines = [f"Năm {year}, chi bộ tổ chức {len(figures.meetings)} buổi sinh hoạt: {figures.regular} "
             f"buổi sinh hoạt thường kỳ, {figures.thematic} buổi sinh hoạt chuyên đề"
             + (f" ({combined} buổi kết hợp với sinh hoạt thường kỳ)" if combined else "")
             + (f"; tỷ lệ đảng viên dự họp bình quân {percent(figures.rate)}." if figures.rate
                is not None else ".")]
    lines += theme_lines(workbook, [1, 2, 3, 4], figures.meetings)
    lines += [_resolution_line(workbook, meeting, day) for meeting in figures.resolutions]
    tasks = figures.tasks
    lines.append(f"Cả năm, chi bộ giao {sum(tasks.values())} nhiệm vụ: đã có kết quả {tasks['result']}, "
                 f"đang thực hiện {tasks['under way']}, chưa có kết quả {tasks['no result']}.")
    if figures.ratings:
        lines.append("Chất lượng các buổi sinh hoạt: " + ", ".join(
            f"{r} {figures.ratings[r]} buổi" for r in schema.RATINGS if figures.ratings[r])
            + (f"; điểm bình quân các buổi được chấm {decimal(round(figures.score, 1))} điểm."
               if figures.score is not None else "."))
    lines.append(_members_line(figures))
    return lines


def _resolution_line(workbook: Workbook, meeting: Record, day: dt.date) -> str:
    """'Nghị quyết số 03-NQ/CB ngày 07/04/2022: giao 2 nhiệm vụ, đã hoàn thành 2.'"""
    tasks = workbook.of_meeting("tasks", meeting)
    done = sum(task_state(t, day) == "result" for t in tasks)
    return (upper_first(resolution_name(workbook, meeting))
            + (f": giao {len(tasks)} nhiệm vụ, đã có kết quả {done}." if tasks
               else ": không giao nhiệm vụ cụ thể."))


def _members_line(figures: CellYear) -> str:
    return ("Công tác đảng viên: "
            + "; ".join([f"kết nạp {len(figures.admitted)} đồng chí"
                         + (f" ({_named(figures.admitted, 'admitted')})" if figures.admitted
                            else ""),
                         f"chuyển đảng viên chính thức {len(figures.promoted)} đồng chí"
                         + (f" ({_named(figures.promoted, 'promoted')})" if figures.promoted
                            else ""),
                         f"chuyển đến {len(figures.moved_in)}, chuyển đi "
                         f"{len(figures.moved_out)} đồng chí"]) + ".")


def _assessment(workbook: Workbook) -> dict[str, list[str]]:
    """The collective's own words, from `Đánh giá` (Kỳ «Kiểm điểm»); dotted lines where none."""
    row = next((a for a in workbook.assessments if a.period == schema.REVIEW_PERIOD), None)

    def part(name: str) -> list[str]:
        return or_dotted(paragraphs(row.values.get(name)) if row is not None else [])

    return {"strengths": part("strengths"), "weaknesses": part("weaknesses"),
            "causes": part("causes"), "direction": part("direction")}


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """The collective's report of its year, as of the day it was reviewed."""
    s = workbook.settings
    day = review_day(workbook, until)
    own = review_row(workbook, schema.CELL_ROW)
    level = (own.self_level or own.proposed) if own is not None else None
    context = header_context(workbook, planned.kind, planned.period, default_date=day)
    context.update({
        "subject": f"kiểm điểm, đánh giá, xếp loại chất lượng tập thể chi bộ năm {s.year}",
        "opening": f"Thực hiện {year_rules(s.year)}, {s.cell_name} báo cáo kết quả kiểm điểm, "
                   f"đánh giá, xếp loại chất lượng tập thể chi bộ năm {s.year} như sau:",
        "results": results(workbook, cell_year(workbook, day), day),
        **_assessment(workbook),
        "level": [f"Tập thể chi bộ tự đánh giá, xếp loại chất lượng năm {s.year}: {quoted(level)}"
                  + (f" ({decimal(own.points)} điểm)." if own is not None and own.points is not None
                     else ".")] if level else ["Tự xếp loại: " + "…" * 40],
        "closing": f"Trên đây là báo cáo kiểm điểm, đánh giá, xếp loại chất lượng tập thể "
                   f"{s.cell_name} năm {s.year}./.",
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
