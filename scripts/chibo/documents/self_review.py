"""BẢN KIỂM ĐIỂM CÁ NHÂN (Mẫu 2A, 2B or 2C of HD 43-HD/BTCTW): each member's self-review,
prefilled from the year's records — her identity and posts, the meetings she was to attend
and what became of each, the tasks the cell gave her and their results — with her own words
where `Xếp loại` holds them, and dotted lines to write on where it does not."""

from __future__ import annotations

import datetime as dt

from ..wording import paragraphs, quoted, short_date
from ..workbook.model import Workbook, is_full_on, review_row, self_review_form
from .common import (POSITION_TITLES, header_context, or_dotted, result_on, task_line,
                     upper_first, year_rules)
from .document import Document, Planned
from .review_report import review_day
from .year_records import MemberYear, member_year

FORMS = {"2A": "cấp ủy viên, cán bộ lãnh đạo, quản lý",
         "2B": "đảng viên",
         "2C": "đảng viên không thuộc hệ thống chính trị"}


def meetings_line(year: MemberYear) -> str:
    """Her year in meetings: required, attended, absent with and without reason, and when."""
    with_reason = "; ".join(f"ngày {short_date(m.date)} – {r[0].lower() + r[1:]}".rstrip(".")
                            for m, r in year.absent_with_reason)
    without = ", ".join(f"ngày {short_date(m.date)}" for m in year.absent_without_reason)
    return (f"Phải dự {len(year.required)} buổi sinh hoạt chi bộ; đã dự {year.attended} buổi; "
            f"vắng có lý do {len(year.absent_with_reason)} buổi"
            + (f" ({with_reason})" if with_reason else "")
            + f"; vắng không lý do {len(year.absent_without_reason)} buổi"
            + (f" ({without})" if without else "") + ".")


def task_lines(workbook: Workbook, year: MemberYear, day: dt.date) -> list[str]:
    return [f"{task_line(workbook, task, assigned=meeting.date, named=False)} "
            f"{result_on(task, day)}"
            for task, meeting in year.tasks] or ["Trong năm, chi bộ không giao nhiệm vụ riêng."]


def compose(workbook: Workbook, planned: Planned, until: dt.date | None = None) -> Document:
    """A member's self-review of the year, prefilled."""
    s = workbook.settings
    member = planned.member
    assert member is not None   # year_documents gives each its member
    day = review_day(workbook, until)
    form = self_review_form(workbook, member)
    row = review_row(workbook, member.name)
    year = member_year(workbook, member, day)

    def own(name: str) -> list[str]:
        return or_dotted(paragraphs(row.values.get(name)) if row is not None else [])

    post = POSITION_TITLES.get(member.position or "", "đảng viên")
    context = header_context(workbook, planned.kind, planned.period, default_date=day)
    context.update({
        "subject": f"Năm {s.year}",
        "form": f"(Mẫu {form} – dùng cho {FORMS[form]})",
        "opening": f"Thực hiện {year_rules(s.year)}, tôi tự kiểm điểm, đánh giá, xếp loại chất "
                   f"lượng năm {s.year} như sau:",
        "identity": [f"Họ và tên: {member.name}"
                     + (f"; năm sinh: {member.birth_year}" if member.birth_year else ""),
                     f"Chức vụ Đảng: {upper_first(post)}; đảng viên "
                     + ("chính thức" if is_full_on(member, day) else "dự bị"),
                     ("Nơi cư trú: " if form == "2C" else "Chức vụ, đơn vị công tác: ")
                     + "…" * 20,
                     f"Sinh hoạt tại: {s.cell_name}"],
        "meetings": meetings_line(year),
        "tasks": task_lines(workbook, year, day),
        "strengths": own("strengths"),
        "leading": or_dotted([], 2) if form == "2A" else [],
        "shortcomings": own("shortcomings"),
        "remedies": own("remedies"),
        "level": (f"Tự xếp loại chất lượng: {quoted(row.self_level)}." if row is not None
                  and row.self_level else "Tự xếp loại chất lượng: " + "…" * 40),
        "signer": member.name,
    })
    return Document(planned.kind, planned.period, planned.path, planned.label, context)
