"""BÁO CÁO kết quả sinh hoạt chuyên đề (type BC), of a quarter or of the year."""

from __future__ import annotations

import datetime as dt

from ..wording import (date_in_words, document_number, paragraphs, percent, period_words, quoted,
                       short_date)
from ..workbook import schema
from ..workbook.model import (Record, Workbook, attendance, members_figures, minutes_between,
                              quarter_end, quarter_of, rating_of)
from ..workbook.values import matching_key
from .common import (header_context, meetings_in, register_entry, result_on, task_line, theme_of_meeting,
                     themes_of)
from .document import Document, Planned
from .kinds import PLAN


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
    of_which = (f"trong đó có {len(thematic)} buổi sinh hoạt chuyên đề"
                + (f" ({combined} buổi kết hợp với sinh hoạt thường kỳ)" if combined else "")
                if thematic else "chưa tổ chức buổi sinh hoạt chuyên đề nào")
    return (f"Trong {words}, chi bộ đã tổ chức {len(meetings)} buổi sinh hoạt, {of_which}. "
            "Kết quả cụ thể như sau:")


def _year_totals(rows: list[dict], meetings: list[Record]) -> str:
    thematic = sum(1 for m in meetings if m.kind in schema.THEMATIC_KINDS)
    ratings = [r["rating"] for r in rows]
    counted = {r: ratings.count(r) for r in schema.RATINGS if ratings.count(r)}
    return (f"Cộng: {len(rows)} buổi ({thematic} chuyên đề); dự họp bình quân "
            f"{percent(sum(r['_rate'] for r in rows) / len(rows))}; thời lượng bình quân "
            f"{round(sum(r['_length'] for r in rows) / len(rows))} phút; xếp loại "
            + ", ".join(f"{r} {n}" for r, n in counted.items()) + ".")


def theme_lines(workbook: Workbook, quarters: list[int], meetings: list[Record]) -> list[str]:
    """The plan's themes, each done (and when) or not."""
    lines = []
    for quarter in quarters:
        held = [m for m in meetings
                if m.kind in schema.THEMATIC_KINDS and quarter_of(m.date) == quarter]
        themes: list[Record | None] = list(themes_of(workbook, quarter)) or [None]
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
        lines.append(f"{task_line(workbook, task, assigned=meeting.date)} "
                     f"{result_on(task, report_day)}")
    return lines or ["Không có nhiệm vụ nào đến hạn trong kỳ."]


def _members_lines(workbook: Workbook, words: str, start: dt.date, day: dt.date) -> list[str]:
    """«Tình hình đảng viên»: the members on the report's date, full and probationary, and
    who was admitted, moved in and out in the period, and whose probation is due."""
    figures = members_figures(workbook, start, day)

    def who(members, dated) -> str:
        return f"{len(members)} đồng chí (" + "; ".join(
            f"{m.name}, ngày {short_date(m.values[dated])}" for m in members) + ")"

    events = [f"kết nạp {who(figures.admitted, 'admitted')}" if figures.admitted
              else "chưa kết nạp đảng viên mới"]
    if figures.moved_in or figures.moved_out:
        events += [f"chuyển đến {who(figures.moved_in, 'joined')}" if figures.moved_in
                   else "không có đảng viên chuyển đến",
                   f"chuyển đi {who(figures.moved_out, 'left')}" if figures.moved_out
                   else "không có đảng viên chuyển đi"]
    else:
        events.append("không có đảng viên chuyển đến, chuyển đi")
    due = "; ".join(f"{m.name} (đủ 12 tháng ngày {short_date(ends)})"
                    for m, ends in figures.probation_due)
    return [f"Đến ngày {short_date(day)}, chi bộ có {len(figures.members)} đảng viên (chính thức "
            f"{figures.full}, dự bị {figures.probationary}).",
            f"Trong {words}: {'; '.join(events)}.",
            "Đảng viên dự bị đến hạn xét chuyển chính thức: " + (due or "không có") + "."]


def _direction(workbook: Workbook, quarter: int | None, written: list[str]) -> list[str]:
    """Section III: the next quarter's planned theme (unless the secretary's own direction
    names it), then her direction."""
    lines = []
    if quarter and quarter < 4:
        said = matching_key(" ".join(written))
        for theme in themes_of(workbook, quarter + 1):
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
    plan_entry = register_entry(workbook, PLAN, "Năm")
    if plan_entry and plan_entry.number:
        number = document_number(plan_entry.number, PLAN.code, s.issuer_code or "CB")
        dated = f" {date_in_words(plan_entry.date)}" if plan_entry.date else ""
        return (f"Thực hiện Kế hoạch số{number[2:]}{dated} của Chi bộ về tổ chức sinh hoạt "
                f"chuyên đề năm {s.year}, {s.cell_name} báo cáo kết quả thực hiện {words} như sau:")
    return (f"Thực hiện kế hoạch tổ chức sinh hoạt chuyên đề năm {s.year}, {s.cell_name} báo cáo "
            f"kết quả thực hiện {words} như sau:")


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """The BÁO CÁO of a quarter, or of the year (quarter None), of the meetings held by
    `until`: I. results, II. strengths and weaknesses, III. the next period's direction."""
    s = workbook.settings
    year, quarter, period = s.year, planned.quarter, planned.period
    quarters = [quarter] if quarter else [1, 2, 3, 4]
    words = period_words(quarter, year)
    meetings = [m for m in meetings_in(workbook, quarters, until)
                if m.kind != schema.REVIEW_KIND]   # the year's review: its own report
    end = quarter_end(year, quarter or 4)
    start = dt.date(year, 3 * (quarter - 1) + 1, 1) if quarter else dt.date(year, 1, 1)
    entry = register_entry(workbook, planned.kind, period)
    report_day = entry.date if entry and entry.date else end
    assessment = next((a for a in workbook.assessments if a.period == period), None)

    def section(field_name: str) -> list[str]:
        return paragraphs(assessment.values.get(field_name)) if assessment else []

    rows = _meeting_rows(workbook, meetings)
    context = header_context(workbook, planned.kind, period)
    context.update({
        "subject": f"kết quả sinh hoạt chuyên đề {words}",
        "opening": _report_opening(workbook, words),
        "meetings_summary": _meetings_summary(words, meetings),
        "meetings": [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows],
        "totals": _year_totals(rows, meetings) if quarter is None and rows else None,
        "themes": theme_lines(workbook, quarters, meetings),
        "tasks": _task_lines(workbook, start, end, report_day, until),
        "members": _members_lines(workbook, words, start, min(report_day, end)),
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
    return Document(planned.kind, period, planned.path, planned.label, context)
