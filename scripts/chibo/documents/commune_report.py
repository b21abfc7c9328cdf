"""BÁO CÁO of the commune's Đảng ủy on its cells' thematic meetings (type BC, HD 36 layout),
and the figures of one cell it is composed from."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem
from ..wording import (date_in_words, document_number, header_lines, percent, period_words,
                       quoted, recipient_lines)
from ..workbook import schema
from ..workbook.model import Committee
from ..workbook.values import matching_key
from .document import Document
from .kinds import COMMUNE_REPORT

UNREADABLE = "không đọc được"


@dataclass
class CellQuarter:
    """One cell in one quarter, as the summary workbook shows it."""

    quarter: int
    held: str | None = None               # date of the thematic meeting, dd/mm/yyyy
    theme: str | None = None
    rate: float | None = None             # attendance of the thematic meeting, %
    absent_without_reason: int = 0        # over all the quarter's meetings
    minutes: int | None = None            # length of the thematic meeting
    rating: str | None = None
    report_number: int | None = None
    report_date: str | None = None
    ended: bool = True                    # the quarter is over (a missing meeting is a miss)


@dataclass
class Cell:
    """What one workbook says, or why it could not say it."""

    file: str
    name: str
    year: int | None = None
    min_attendance: float = 85
    min_minutes: int = 90
    quarters: list[CellQuarter] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    note: str = ""                        # unreadable, other year, duplicate

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")


def _not_reported(cells: list[Cell], counted: list[Cell], total: int) -> list[str]:
    """Section IV: the cells whose report is missing or incomplete, named as cells — a file
    name means nothing to the upper committee."""
    lines = []
    for cell in sorted(cells, key=lambda c: matching_key(c.name)):
        if cell.note.startswith("sổ năm"):
            lines.append(f"{cell.name}: báo cáo chưa đúng kỳ ({cell.note}).")
        elif cell.errors and not cell.note:
            lines.append(f"{cell.name}: báo cáo chưa đầy đủ (sổ sinh hoạt còn {cell.errors} "
                         "lỗi), chưa tổng hợp số liệu.")
    unreadable = sum(1 for c in cells if c.note == UNREADABLE)
    if unreadable:
        lines.append(f"Có {unreadable} sổ sinh hoạt không đọc được, chưa xác định được chi bộ; "
                     "đề nghị chi bộ gửi lại.")
    reporting = {matching_key(c.name) for c in cells if not c.note or c.note.startswith("trùng")}
    missing = total - len(reporting)
    if missing > 0:
        lines.append(f"Còn {missing} chi bộ chưa báo cáo.")
    return lines or ["Không có."]


def counted_cells(cells: list[Cell]) -> list[Cell]:
    """The cells whose figures the report adds up: a book with errors is named in section IV,
    and its figures are left out."""
    return [c for c in cells if not c.note and not c.errors]


def _cell_rows(counted: list[Cell], quarter: int | None) -> tuple[list[dict], list[str]]:
    """One row per cell counted, and the cells that missed a thematic meeting."""
    quarters = [quarter] if quarter else [1, 2, 3, 4]
    rows, missing = [], []
    for number, cell in enumerate(sorted(counted, key=lambda c: matching_key(c.name)), start=1):
        chosen = [q for q in cell.quarters if q.quarter in quarters]
        held = [q for q in chosen if q.held]
        if quarter and not held:
            missing.append(cell.name)
        if quarter is None and len(held) < sum(1 for q in chosen if q.ended):
            missing.append(f"{cell.name} ({len(held)}/4 quý)")
        rows.append({
            "number": str(number), "cell": cell.name,
            "held": ", ".join(q.held for q in held if q.held) or (
                "Chưa tổ chức" if any(q.ended for q in chosen) else "Chưa đến hạn"),
            "theme": "; ".join(quoted(q.theme) for q in held if q.theme),
            "attendance": "; ".join(percent(q.rate) for q in held if q.rate is not None),
            "rating": "; ".join(q.rating for q in held if q.rating),
        })
    return rows, missing


def _summary(total: int, counted: list[Cell], with_errors: list[Cell], totals: dict) -> list[str]:
    """Section I: the figures over the cells counted."""
    holding, ratings = totals["holding"], totals["ratings"]
    return [
        f"Đảng bộ có {total} chi bộ trực thuộc; đã tổng hợp báo cáo của {len(counted)} chi bộ"
        + (f" ({len(with_errors)} chi bộ báo cáo chưa đầy đủ, xem mục IV)." if with_errors
           else "."),
        f"Số chi bộ tổ chức sinh hoạt chuyên đề: {holding}/{len(counted)}"
        + (f" ({percent(100 * holding / len(counted))})." if counted else "."),
        "Tỷ lệ đảng viên dự sinh hoạt chuyên đề bình quân: "
        + (f"{percent(totals['rate'])}." if totals["rate"] is not None else "chưa có số liệu."),
        "Xếp loại chất lượng buổi sinh hoạt chuyên đề: "
        + ("; ".join(f"{r}: {ratings[r]}" for r in schema.RATINGS if r in ratings) or "chưa có")
        + ".",
        f"Số lượt đảng viên vắng sinh hoạt không lý do: {totals['absences']}.",
    ]


def _header(committee: Committee, period: str, year: int) -> dict:
    """The HD 36 header and signature of the Đảng ủy, its number and date from `Văn bản`."""
    s = committee.settings
    entry = next((d for d in committee.documents if d.period == period), None)
    return {
        "superior_body": "\n".join(header_lines(str(s.superior_body),
                                                getattr(s.superior_body, "lines", None))),
        "issuer": "\n".join(header_lines(str(s.committee_name),
                                         getattr(s.committee_name, "lines", None))),
        "number": document_number(entry.number if entry else None, COMMUNE_REPORT.code,
                                  s.issuer_code or "ĐU"),
        "place_date": f"{s.place}, {date_in_words(entry.date if entry else None, year)}",
        "recipients": recipient_lines([r.line for r in committee.recipients if r.line]),
        "sign_for": "T/M ĐẢNG ỦY",
        "sign_role": (s.signer_role or "Bí thư").upper(),
        "signer": s.signer,
    }


def compose(committee: Committee, cells: list[Cell], quarter: int | None, year: int,
            totals: dict) -> Document:
    """The Đảng ủy's BÁO CÁO of its cells for a quarter or the year (quarter None): the
    figures over the cells counted (`totals`, summed by the commune stage), one row per
    cell, the cells that missed their meeting, the cells not (fully) reported."""
    period = f"Quý {quarter}" if quarter else "Năm"
    words = period_words(quarter, year)
    name = str(committee.settings.committee_name)
    counted = counted_cells(cells)
    with_errors = [c for c in cells if not c.note and c.errors]
    total = committee.settings.cell_count or len(counted) + len(with_errors)
    rows, missing = _cell_rows(counted, quarter)
    context = _header(committee, period, year)
    context.update({
        "subject": f"kết quả sinh hoạt chuyên đề của các chi bộ {words}",
        "opening": (f"Căn cứ báo cáo của các chi bộ trực thuộc, {name} báo cáo kết quả sinh "
                    f"hoạt chuyên đề của các chi bộ {words} như sau:"),
        "summary": _summary(total, counted, with_errors, totals),
        "cells": rows,
        "missing": missing or ["Không có."],
        "broken": _not_reported(cells, counted, total),
        "closing": f"Trên đây là báo cáo kết quả sinh hoạt chuyên đề của các chi bộ {words} "
                   f"của {name}./.",
    })
    stem = f"quy-{quarter}-{year}" if quarter else f"nam-{year}"
    return Document(COMMUNE_REPORT, period, COMMUNE_REPORT.file.format(stem=stem) + ".docx",
                    COMMUNE_REPORT.label.format(what=words), context)
