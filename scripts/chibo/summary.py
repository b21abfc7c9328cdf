"""`chibo tong-hop`: the Đảng ủy's view of all its cells, from the cells' own workbooks.

Every workbook in a folder is read and checked (in parallel processes), its figures for each
quarter are taken — thematic meeting held and when, theme, attendance, absences without
reason, length, rating, report number — and the office gets a summary workbook and a BÁO CÁO
of the Đảng ủy in the HD 36 format. A cell whose workbook has errors is reported with its
errors, never dropped.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import schema
from .documents import Document, meetings_in, theme_of_meeting
from .errors import ChiboError
from .model import attendance, minutes_between, quarter_end, rating_of
from .problems import Problem
from .values import matching_key
from .wording import (date_in_words, document_number, header_lines, percent, period_words,
                      quoted, recipient_lines, short_date)

COMMITTEE_FILE = "dang-uy.xlsx"   # the Đảng ủy's own workbook, beside the cells' ones
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


def read_cell(path: Path, today: dt.date) -> Cell:
    """One cell's figures; runs in a worker process, so it returns plain data."""
    from .checking import read_and_check

    workbook, report = read_and_check(path, today)
    cell = Cell(path.name, path.stem, problems=report.sorted())
    if workbook is None:
        cell.note = UNREADABLE
        return cell
    s = workbook.settings
    cell.name = str(s.cell_name or path.stem)
    cell.year = s.year
    cell.min_attendance = s.min_attendance if s.min_attendance is not None else 85
    cell.min_minutes = s.min_minutes or 90
    if not s.year:
        return cell
    register = {(d.doc_type, d.period): d for d in workbook.documents}
    for quarter in (1, 2, 3, 4):
        row = CellQuarter(quarter, ended=quarter_end(s.year, quarter) < today)
        meetings = meetings_in(workbook, [quarter], today)
        figures = {id(m): attendance(workbook, m) for m in meetings}
        row.absent_without_reason = sum(len(f.absent_without_reason) for f in figures.values())
        thematic = [m for m in meetings if m.kind in schema.THEMATIC_KINDS]
        if thematic:
            meeting = thematic[0]
            row.held = short_date(meeting.date)
            row.theme = theme_of_meeting(workbook, meeting)[0]
            row.rate = round(figures[id(meeting)].rate, 1)
            if meeting.start and meeting.end:
                row.minutes = minutes_between(meeting.start, meeting.end)
            row.rating = rating_of(meeting, s, figures[id(meeting)])
        entry = register.get(("BC", f"Quý {quarter}"))
        if entry is not None:
            row.report_number = entry.number
            row.report_date = short_date(entry.date) if entry.date else None
        cell.quarters.append(row)
    return cell


def cell_workbooks(folder: Path, committee_path: Path) -> tuple[list[Path], list[str]]:
    """The cells' workbooks of a folder, and notes on the other files, which are skipped."""
    paths, notes = [], []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(("~$", ".~lock", ".")) or path.is_dir():
            continue
        if path.resolve() == committee_path.resolve():
            continue
        if path.suffix.lower() != ".xlsx":
            notes.append(f"Bỏ qua {path.name}: không phải sổ Excel (.xlsx).")
            continue
        paths.append(path)
    if not paths:
        raise ChiboError(f"Thư mục {folder} không có sổ chi bộ (.xlsx) nào.")
    return paths, notes


def read_cells(paths: list[Path], today: dt.date, progress=None) -> list[Cell]:
    """Every cell's workbook, read in parallel processes."""
    from concurrent.futures import ProcessPoolExecutor

    cells: list[Cell] = []
    workers = min(len(paths), os.cpu_count() or 1, 8)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for cell in pool.map(read_cell, paths, [today] * len(paths), chunksize=4):
                cells.append(cell)
                if progress:
                    progress(1)
    else:
        for path in paths:
            cells.append(read_cell(path, today))
            if progress:
                progress(1)
    return cells


def sort_out(cells: list[Cell], year: int) -> list[Cell]:
    """Mark workbooks of another year and cells that appear twice (never dropped)."""
    seen: dict[str, Cell] = {}
    for cell in cells:
        if cell.note:
            continue
        if cell.year is None:
            continue   # no year: its errors say why, and it is counted with them
        if cell.year != year:
            cell.note = f"sổ năm {cell.year}, không phải năm {year}"
            continue
        first = seen.setdefault(matching_key(cell.name), cell)
        if first is not cell:
            cell.note = f"trùng chi bộ với tệp {first.file}"
    return cells


# --- the summary workbook -------------------------------------------------------------------

SUMMARY_COLUMNS = [  # (header, width)
    ("Chi bộ", 32), ("Tệp", 22), ("Quý", 6), ("Sinh hoạt chuyên đề", 14), ("Chuyên đề", 50),
    ("Tỷ lệ dự họp (%)", 11), ("Vắng không lý do", 10), ("Thời lượng (phút)", 11),
    ("Xếp loại", 11), ("Số báo cáo", 10), ("Ngày báo cáo", 12), ("Tình trạng sổ", 30),
]


def _cell_quarters(cells: list[Cell], quarters: list[int]):
    """(cell, quarter) for every row of the summary: a cell without figures gets one row."""
    for cell in cells:
        chosen: list[CellQuarter | None] = [q for q in cell.quarters if q.quarter in quarters]
        for quarter in chosen or [None]:
            yield cell, quarter


def cells_table(cells: list[Cell], quarters: list[int]):
    """The summary as a pandas table, cells × quarters, with the columns of the summary
    workbook: what the workbook and the CSV (`tong-hop --csv`) are written from."""
    import pandas as pd

    rows = []
    for cell, quarter in _cell_quarters(cells, quarters):
        state = cell.note or (f"có {cell.errors} lỗi" if cell.errors else "hợp lệ")
        values = [cell.name, cell.file, quarter.quarter if quarter else None]
        if quarter:
            values += [quarter.held or ("chưa tổ chức" if quarter.ended else "chưa đến hạn"),
                       quarter.theme, quarter.rate, quarter.absent_without_reason,
                       quarter.minutes, quarter.rating, quarter.report_number,
                       quarter.report_date]
        else:
            values += [None] * 8
        rows.append(values + [state])
    # object columns: each value keeps its Python type (a quarter stays 2, not 2.0)
    return pd.DataFrame(rows, columns=[header for header, _ in SUMMARY_COLUMNS], dtype=object)


def summary_csv(cells: list[Cell], quarters: list[int]) -> bytes:
    """The summary as CSV for other tools: UTF-8 with the mark Excel needs to read it so."""
    return cells_table(cells, quarters).to_csv(index=False).encode("utf-8-sig")


def summary_workbook(cells: list[Cell], quarters: list[int]) -> bytes:
    """One row per cell and quarter; problems on a second sheet; rule-breaking cells filled."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from .creating import _set
    from .reading import column_letter

    red = PatternFill("solid", fgColor="F8CBAD")
    amber = PatternFill("solid", fgColor="FFE699")
    bold, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    for index, (header, width) in enumerate(SUMMARY_COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        _set(cell, header)
        cell.font, cell.fill = bold, head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[column_letter(index - 1)].width = width
    table = cells_table(cells, quarters)
    rows = zip(_cell_quarters(cells, quarters), table.itertuples(index=False), strict=True)
    for row, ((cell, quarter), values) in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            _set(sheet.cell(row=row, column=column), value)
        if quarter:
            flags = {4: red if not quarter.held and quarter.ended else None,
                     6: amber if quarter.rate is not None and quarter.rate < cell.min_attendance
                     else None,
                     7: amber if quarter.absent_without_reason else None,
                     8: amber if quarter.minutes is not None and quarter.minutes < cell.min_minutes
                     else None,
                     9: amber if quarter.rating in ("Trung bình", "Kém") else None}
            for column, fill in flags.items():
                if fill is not None:
                    sheet.cell(row=row, column=column).fill = fill
        if cell.errors or cell.note:
            sheet.cell(row=row, column=len(values)).fill = red
    row = len(table) + 2
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{column_letter(len(SUMMARY_COLUMNS) - 1)}{max(row - 1, 1)}"

    problems = book.create_sheet("Vấn đề")
    headers = [("Chi bộ", 32), ("Tệp", 22), ("Mức", 10), ("Trang!Ô", 22), ("Nội dung", 100)]
    for index, (header, width) in enumerate(headers, start=1):
        cell = problems.cell(row=1, column=index)
        _set(cell, header)
        cell.font, cell.fill = bold, head_fill
        problems.column_dimensions[column_letter(index - 1)].width = width
    row = 2
    for cell in cells:
        lines = [("Ghi chú", "", cell.note)] if cell.note else []
        lines += [("Lỗi" if p.severity == "error" else "Cảnh báo", p.location, p.message)
                  for p in cell.problems]
        for level, place, message in lines:
            for column, value in enumerate((cell.name, cell.file, level, place, message), start=1):
                _set(problems.cell(row=row, column=column), value)
            if level == "Lỗi":
                problems.cell(row=row, column=3).fill = red
            row += 1
    problems.freeze_panes = "A2"
    problems.auto_filter.ref = f"A1:E{max(row - 1, 1)}"
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


# --- the BÁO CÁO of the Đảng ủy -------------------------------------------------------------

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


def period_totals(counted: list[Cell], quarters: list[int]) -> dict:
    """The report's figures over the cells counted, from the same table as the summary:
    cells that held their thematic meeting, the average attendance of those meetings, their
    ratings, and the absences without reason."""
    table = cells_table(counted, quarters)
    held = table[table["Sinh hoạt chuyên đề"].fillna("").str.match(r"\d")]   # a date: held
    rate = held["Tỷ lệ dự họp (%)"].dropna()
    return {"holding": int(held["Chi bộ"].nunique()),
            "rate": float(rate.astype(float).mean()) if len(rate) else None,
            "ratings": {str(k): int(v) for k, v in held["Xếp loại"].dropna().value_counts().items()},
            "absences": int(table["Vắng không lý do"].fillna(0).sum())}


def committee_report(committee, cells: list[Cell], quarter: int | None, year: int) -> Document:
    s = committee.settings
    period = f"Quý {quarter}" if quarter else "Năm"
    words = period_words(quarter, year)
    # A workbook with errors is named in section IV, and its figures are left out.
    counted = [c for c in cells if not c.note and not c.errors]
    with_errors = [c for c in cells if not c.note and c.errors]
    quarters = [quarter] if quarter else [1, 2, 3, 4]
    total = s.cell_count or len(counted) + len(with_errors)

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
    totals = period_totals(counted, quarters)
    holding, ratings = totals["holding"], totals["ratings"]
    summary = [
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
    entry = next((d for d in committee.documents if d.period == period), None)
    recipients = [r.line for r in committee.recipients if r.line]
    name = str(s.committee_name)
    context = {
        "superior_body": "\n".join(header_lines(str(s.superior_body),
                                                getattr(s.superior_body, "lines", None))),
        "issuer": "\n".join(header_lines(name, getattr(s.committee_name, "lines", None))),
        "number": document_number(entry.number if entry else None, "BC", s.issuer_code or "ĐU"),
        "place_date": f"{s.place}, {date_in_words(entry.date if entry else None, year)}",
        "subject": f"kết quả sinh hoạt chuyên đề của các chi bộ {words}",
        "opening": (f"Căn cứ báo cáo của các chi bộ trực thuộc, {name} báo cáo kết quả sinh "
                    f"hoạt chuyên đề của các chi bộ {words} như sau:"),
        "summary": summary,
        "cells": rows,
        "missing": missing or ["Không có."],
        "broken": _not_reported(cells, counted, total),
        "closing": f"Trên đây là báo cáo kết quả sinh hoạt chuyên đề của các chi bộ {words} "
                   f"của {name}./.",
        "recipients": recipient_lines(recipients),
        "sign_for": "T/M ĐẢNG ỦY",
        "sign_role": (s.signer_role or "Bí thư").upper(),
        "signer": s.signer,
    }
    stem = f"quy-{quarter}-{year}" if quarter else f"nam-{year}"
    return Document("BC", period, "bao-cao-tong-hop.docx", f"bao-cao-tong-hop-{stem}.docx",
                    f"Báo cáo tổng hợp {words}", context)


# --- the whole command ------------------------------------------------------------------------

@dataclass
class SummaryResult:
    title: str = ""
    cells: list[Cell] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    written: object = None               # building.Written: the files and what became of them
    committee_report: object = None      # the problems of the Đảng ủy's own workbook, if any


def run_summary(paths: list[Path], notes: list[str], committee_path: Path, output: Path,
                year: int | None, quarter: int | None, year_report: bool, today: dt.date,
                progress=None, pdf: bool = False, csv: bool = False) -> SummaryResult:
    """Read every cell's workbook (`paths`, from `cell_workbooks`) and write the summary
    workbook and the Đảng ủy's report (and its PDF, with `pdf`)."""
    from .building import TEMPLATES_DIR, OutputFile, render, write_outputs
    from .checking import check_committee
    from .model import Committee
    from .outputs import OutputFolder
    from .reading import read_workbook

    if not committee_path.exists():
        raise ChiboError(f"Chưa có sổ thông tin của đảng ủy {committee_path}: hãy tạo bằng "
                         f"«chibo init --dang-uy {committee_path}» rồi ghi thông tin.")
    committee, report = read_workbook(committee_path, schema.COMMITTEE_SHEETS, Committee)
    if committee is not None:
        check_committee(committee, report)
    result = SummaryResult()
    if committee is None or report.has_errors:
        result.committee_report = report
        return result
    year = year or committee.settings.year
    result.notes = notes
    result.cells = sort_out(read_cells(paths, today, progress), year)
    if year_report:
        chosen = None
    else:
        held = [q.quarter for c in result.cells if not c.note for q in c.quarters if q.held]
        chosen = quarter or (max(held) if held else None)
        if chosen is None:
            raise ChiboError(f"Chưa chi bộ nào có buổi sinh hoạt chuyên đề trong năm {year}: "
                             "hãy chọn --quarter N hoặc --year-report.")
    words = period_words(chosen, year)
    result.title = f"Tổng hợp sinh hoạt chuyên đề {words}"
    stem = f"quy-{chosen}-{year}" if chosen else f"nam-{year}"
    outputs = OutputFolder(output)
    quarters = [chosen] if chosen else [1, 2, 3, 4]
    document = committee_report(committee, result.cells, chosen, year)
    files = [OutputFile(f"tong-hop-{stem}.xlsx", "Bảng tổng hợp các chi bộ",
                        summary_workbook(result.cells, quarters), as_pdf=False),
             OutputFile(document.path, document.label,
                        render(document, TEMPLATES_DIR, committee.settings))]
    if csv:
        files.insert(1, OutputFile(f"tong-hop-{stem}.csv", "Bảng tổng hợp dạng CSV",
                                   summary_csv(result.cells, quarters), as_pdf=False))
    result.written = write_outputs(outputs, files, pdf)
    return result
