"""DANH SÁCH đề nghị xếp loại chất lượng đảng viên năm N: one row per member the year's review
rated — her post, the level she proposed, the level the cell proposes, the full members' vote,
a discipline of the year — then the counts per level, their shares, and the cap on the top
level (HD 43-HD/BTCTW; the commune's plan sets the cap)."""

from __future__ import annotations

import datetime as dt

from ..wording import decimal, percent, quoted
from ..workbook import schema
from ..workbook.model import (Record, Workbook, attendance, excellent_allowed, is_full_on,
                              members_at_year_end, review_row)
from .common import POSITION_TITLES, header_context, upper_first
from .document import Document, Planned
from .kinds import review_meetings
from .review_report import review_day
from .year_records import level_counts, proposals

EXCELLENT, GOOD = schema.LEVELS[0], schema.LEVELS[1]


def cap_line(workbook: Workbook, counts) -> str:
    """'Hoàn thành xuất sắc nhiệm vụ: 2/10 đồng chí «Hoàn thành tốt nhiệm vụ» (tối đa 20%,
    tức 2 đồng chí)'."""
    cap = workbook.settings.values.get("excellent_cap") or 0
    allowed = excellent_allowed(cap, counts[GOOD])
    return (f"Số đảng viên đề nghị {quoted(EXCELLENT)}: {counts[EXCELLENT]}, trên "
            f"{counts[GOOD]} đảng viên {quoted(GOOD)} (tối đa {decimal(cap)}%, tức {allowed} đồng "
            "chí).")


def _row(number: int, member: Record, row: Record | None, voters: int | None,
         day: dt.date) -> dict:
    title = POSITION_TITLES.get(member.position or "", "đảng viên")
    vote = (f"{row.agree}/{voters}" if row is not None and row.agree is not None and voters
            else "")
    notes = ([] if is_full_on(member, day) else ["Đảng viên dự bị"]) + (
        [f"Kỷ luật: {row.discipline}"] if row is not None and row.discipline else [])
    return {"number": str(number), "name": member.name, "post": upper_first(title),
            "self": row.self_level if row is not None and row.self_level else "",
            "proposed": row.proposed if row is not None and row.proposed else "",
            "vote": vote, "note": "; ".join(notes)}


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    s = workbook.settings
    held = review_meetings(workbook, until)
    voters = attendance(workbook, held[-1]).voters if held else None
    rated = proposals(workbook, members_at_year_end(workbook))
    counts = level_counts([row for _, row in rated])
    total = sum(counts.values())
    own = review_row(workbook, schema.CELL_ROW)
    summary = [f"Tổng số đảng viên được đề nghị xếp loại: {total}."]
    summary += [f"{level}: {counts[level]} đồng chí ({percent(100 * counts[level] / total)})."
                for level in schema.LEVELS if total]
    summary.append(cap_line(workbook, counts))
    if own is not None and own.proposed:
        summary.append(f"Tập thể chi bộ đề nghị xếp loại: {quoted(own.proposed)}.")
    day = review_day(workbook, until)
    context = header_context(workbook, planned.kind, planned.period, default_date=day)
    context.update({
        "subject": f"đề nghị xếp loại chất lượng đảng viên năm {s.year}",
        "rows": [_row(n, m, r, voters, day) for n, (m, r) in enumerate(rated, start=1)],
        "summary": summary,
        "closing": f"Danh sách gồm {len(rated)} đồng chí./.",
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
