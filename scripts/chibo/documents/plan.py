"""KẾ HOẠCH tổ chức sinh hoạt chuyên đề năm N (type KH): the seed's plan, section by section."""

from __future__ import annotations

import datetime as dt

from ..wording import sentence
from ..workbook import schema
from ..workbook.model import Workbook
from .common import header_context, legal_basis, ordered
from .document import Document, Planned


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """The KẾ HOẠCH: the regulations it implements, its purposes, requirements and measures,
    and the theme of each quarter."""
    s = workbook.settings
    year = s.year
    bases = [legal_basis(b) for b in ordered(workbook.legal_bases)]
    by_part = {part: [p.text for p in ordered([p for p in workbook.plan_paragraphs
                                                 if p.part == part])]
               for part in schema.PLAN_PARTS}
    themes = []
    for theme in sorted(workbook.themes, key=lambda t: (t.quarter, t.row)):
        details = []
        if theme.preparer:
            details.append(f"Đồng chí {theme.preparer} chuẩn bị")
        if theme.planned_month:
            details.append(f"dự kiến tháng\u00a0{theme.planned_month}/{year}")
        detail = "; ".join(details)
        themes.append({"quarter": theme.quarter, "title": sentence(theme.title),
                       "detail": sentence(detail[0].upper() + detail[1:]) if detail else ""})
    context = header_context(workbook, planned.kind, planned.period)
    context.update({
        "subject": f"tổ chức sinh hoạt chuyên đề năm {year}",
        "opening": sentence("Thực hiện " + " và ".join(bases)) if bases else "",
        "intro": f"{s.cell_name} xây dựng kế hoạch tổ chức sinh hoạt chuyên đề năm {year} như sau:",
        "purposes": by_part["Mục đích"],
        "requirements": by_part["Yêu cầu"],
        "measures": by_part["Biện pháp thực hiện"],
        "themes": themes,
        "closing": f"Trên đây là kế hoạch tổ chức sinh hoạt chuyên đề của {s.cell_name} năm "
                   f"{year}. Chi bộ, đảng viên nghiêm túc triển khai thực hiện./.",
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
