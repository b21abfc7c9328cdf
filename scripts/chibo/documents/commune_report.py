"""BÁO CÁO of the commune's Đảng ủy on its cells' thematic meetings (type BC, HD 36 layout),
and the figures of one cell it is composed from."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem
from ..wording import (date_in_words, document_number, header_lines, percent, period_words,
                       quoted, recipient_lines)
from ..workbook import schema
from ..workbook.model import Committee, excellent_allowed
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
    unknown: bool = False                 # a meeting's date could not be read: held or not?

    @property
    def missed(self) -> bool:
        """Over, without its thematic meeting — as far as the book can tell."""
        return self.ended and not self.held and not self.unknown

    @property
    def state(self) -> str:
        """The summary's word for the quarter's thematic meeting."""
        if self.held:
            return self.held
        if self.unknown:
            return "chưa rõ (ngày họp ghi chưa đúng)"
        return "chưa tổ chức" if self.ended else "chưa đến hạn"


@dataclass
class CellRatings:
    """A cell's year's end as its book proposes it (`Xếp loại`): the level it proposes for
    itself, how many members at each level, and the cap it is held to."""

    own: str | None = None                # the level proposed for the cell itself
    members: int = 0                      # in the cell at the year's end
    levels: dict[str, int] = field(default_factory=dict)   # proposed level -> members
    cap: float = 20                       # % of «Hoàn thành tốt» that may be «xuất sắc»

    @property
    def rated(self) -> int:
        return sum(self.levels.values())

    @property
    def reported(self) -> bool:
        return self.own is not None or self.rated > 0

    @property
    def allowed(self) -> int:
        """How many «Hoàn thành xuất sắc» the cap allows."""
        return excellent_allowed(self.cap, self.levels.get(schema.LEVELS[1], 0))

    @property
    def over_cap(self) -> bool:
        return self.levels.get(schema.LEVELS[0], 0) > self.allowed


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
    year_report_number: int | None = None
    ratings: CellRatings | None = None    # the year's end, once December has come
    saved: float = 0                      # when its file was last saved (of two copies: the later)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    def short_of(self, quarter: int | None) -> list[str]:
        """What a reader of its report misses, in Party words: the parts of its book still
        written wrong, its report's number."""
        wrong = list(dict.fromkeys(SHEET_WORDS.get(p.sheet or "", "tệp sổ sinh hoạt")
                                   for p in self.problems if p.severity == "error"))
        missing = []
        if wrong:
            missing.append("sổ sinh hoạt ghi chưa đúng " + ", ".join(wrong))
        chosen = [q for q in self.quarters if quarter is None or q.quarter == quarter]
        ended = bool(chosen) and all(q.ended for q in chosen)
        number = self.year_report_number if quarter is None else (
            chosen[0].report_number if chosen else None)
        if ended and number is None:
            missing.append("báo cáo chưa có số")
        return missing


# The parts of a cell's book as a Đảng ủy office names them.
SHEET_WORDS = {"Thông tin": "thông tin của chi bộ", "Căn cứ": "căn cứ của kế hoạch",
               "Kế hoạch": "kế hoạch", "Chuyên đề": "chuyên đề các quý",
               "Đảng viên": "danh sách đảng viên", "Buổi sinh hoạt": "các buổi sinh hoạt",
               "Vắng mặt": "danh sách vắng mặt", "Ý kiến": "ý kiến thảo luận",
               "Nhiệm vụ": "nhiệm vụ được giao", "Đánh giá": "phần đánh giá",
               "Tiêu chí": "tiêu chí chấm điểm", "Chấm điểm": "bảng chấm điểm",
               "Xếp loại": "kết quả xếp loại chất lượng cuối năm",
               "Văn bản": "số, ngày văn bản", "Nơi nhận": "nơi nhận"}


def _not_reported(cells: list[Cell], counted: list[Cell], total: int,
                  quarter: int | None) -> list[str]:
    """Section IV: the cells whose report is missing or incomplete, named as cells — a file
    name means nothing to the upper committee — and what their report lacks."""
    lines = []
    for cell in sorted(cells, key=lambda c: matching_key(c.name)):
        if cell.note.startswith("sổ năm"):
            lines.append(f"{cell.name}: báo cáo chưa đúng kỳ ({cell.note}).")
        elif not cell.note and cell.short_of(quarter):
            lines.append(f"{cell.name}: báo cáo chưa đầy đủ ({'; '.join(cell.short_of(quarter))}).")
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
    """The cells whose figures the report adds up: every book that could be read for the
    year — one with errors for what its readable meetings show (and named in section IV)."""
    return [c for c in cells if not c.note]


def _cell_rows(counted: list[Cell], quarter: int | None) -> tuple[list[dict], list[str]]:
    """One row per cell counted, and the cells that missed a thematic meeting (a quarter
    not over yet, or one the book cannot tell, is not missed)."""
    quarters = [quarter] if quarter else [1, 2, 3, 4]
    rows, missing = [], []
    for number, cell in enumerate(sorted(counted, key=lambda c: matching_key(c.name)), start=1):
        chosen = [q for q in cell.quarters if q.quarter in quarters]
        held = [q for q in chosen if q.held]
        missed = [q for q in chosen if q.missed]
        if quarter and missed:
            missing.append(cell.name)
        if quarter is None and missed:
            missing.append(f"{cell.name} ({len(held)}/{len(held) + len(missed)} quý)")
        rows.append({
            "number": str(number), "cell": cell.name,
            "held": ", ".join(q.held for q in held if q.held)
            or "; ".join(dict.fromkeys(q.state[:1].upper() + q.state[1:] for q in chosen)),
            "theme": "; ".join(quoted(q.theme) for q in held if q.theme),
            "attendance": "; ".join(percent(q.rate) for q in held if q.rate is not None),
            "rating": "; ".join(q.rating for q in held if q.rating),
        })
    return rows, missing


def _summary(total: int, counted: list[Cell], incomplete: list[Cell], totals: dict) -> list[str]:
    """Section I: the figures over the cells counted."""
    holding, ratings = totals["holding"], totals["ratings"]
    return [
        f"Đảng bộ có {total} chi bộ trực thuộc; đã tổng hợp báo cáo của {len(counted)} chi bộ"
        + (f" ({len(incomplete)} chi bộ báo cáo chưa đầy đủ, xem mục IV)." if incomplete
           else "."),
        f"Số chi bộ tổ chức sinh hoạt chuyên đề{totals['what']}: {holding}/{totals['known']}"
        + (f" ({percent(100 * holding / totals['known'])})." if totals["known"] else "."),
        "Tỷ lệ đảng viên dự sinh hoạt chuyên đề bình quân: "
        + (f"{percent(totals['rate'])}." if totals["rate"] is not None else "chưa có số liệu."),
        "Xếp loại chất lượng buổi sinh hoạt chuyên đề: "
        + ("; ".join(f"{r}: {ratings[r]}" for r in schema.RATINGS if r in ratings) or "chưa có")
        + ".",
        f"Số lượt đảng viên vắng sinh hoạt không lý do: {totals['absences']}.",
    ]


def rating_lines(ratings: dict | None, total: int, year: int) -> list[str]:
    """Section V of the year's report: the cells' proposals of the year's end (QĐ 366-QĐ/TW),
    summed by the commune stage (`ratings`; None before December)."""
    if not ratings:
        return []

    def shares(counts: dict[str, int]) -> str:
        whole = sum(counts.values())
        return "; ".join(f"{level}: {counts[level]} ({percent(100 * counts[level] / whole)})"
                         for level in schema.LEVELS if counts[level]) if whole else "chưa có"

    rated = sum(ratings["levels"].values())
    lines = [f"Tập thể chi bộ: {ratings['reported']}/{total} chi bộ đã đề nghị xếp loại chất "
             f"lượng năm {year}; {shares(ratings['own'])}.",
             f"Đảng viên: {rated} đảng viên được chi bộ đề nghị xếp loại; "
             f"{shares(ratings['levels'])}."]
    over = ratings["over_cap"]
    lines.append(f"Chi bộ đề nghị {quoted(schema.LEVELS[0])} vượt tỷ lệ tối đa: "
                 + (", ".join(over) + "; đề nghị chi bộ xem xét lại." if over else "không có."))
    silent = ratings["silent"]
    missing = total - ratings["reported"] - len(silent)
    if silent or missing > 0:
        lines.append("Chi bộ chưa báo cáo kết quả kiểm điểm, xếp loại: "
                     + ", ".join(silent + ([f"{missing} chi bộ chưa gửi sổ"] if missing > 0
                                           else [])) + ".")
    return lines


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
            totals: dict, ratings: dict | None = None) -> Document:
    """The Đảng ủy's BÁO CÁO of its cells for a quarter or the year (quarter None): the
    figures over the cells counted (`totals`, summed by the commune stage), one row per
    cell, the cells that missed their meeting, the cells not (fully) reported; the year's
    also the cells' proposals of the year's end (`ratings`)."""
    period = f"Quý {quarter}" if quarter else "Năm"
    words = period_words(quarter, year)
    name = str(committee.settings.committee_name)
    counted = counted_cells(cells)
    incomplete = [c for c in counted if c.short_of(quarter)]
    total = committee.settings.cell_count or len(counted)
    rows, missing = _cell_rows(counted, quarter)
    what = "sinh hoạt chuyên đề" + (" và kiểm điểm, đánh giá, xếp loại chất lượng"
                                    if quarter is None and ratings else "")
    context = _header(committee, period, year)
    context.update({
        "subject": f"kết quả {what} của các chi bộ {words}",
        "opening": (f"Căn cứ báo cáo của các chi bộ trực thuộc, {name} báo cáo kết quả {what} "
                    f"của các chi bộ {words} như sau:"),
        "summary": _summary(total, counted, incomplete, totals),
        "cells": rows,
        "missing": missing or ["Không có."],
        "broken": _not_reported(cells, counted, total, quarter),
        "ratings": rating_lines(ratings, total, year) if quarter is None else [],
        "closing": f"Trên đây là báo cáo kết quả {what} của các chi bộ {words} của {name}./.",
    })
    stem = f"quy-{quarter}-{year}" if quarter else f"nam-{year}"
    return Document(COMMUNE_REPORT, period, COMMUNE_REPORT.file.format(stem=stem) + ".docx",
                    COMMUNE_REPORT.label.format(what=words), context)
