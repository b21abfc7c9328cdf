"""Each cell's book as the Đảng ủy sees it: opened and checked (in parallel processes), its
figures for each quarter taken — thematic meeting held and when, theme, attendance, absences
without reason, length, rating, report number. A cell whose book has errors keeps them with
it, never dropped."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..documents.common import meetings_in, register_entry, theme_of_meeting
from ..documents.commune_report import UNREADABLE, Cell, CellQuarter, CellRatings
from ..documents.kinds import QUARTER_REPORT, YEAR_REPORT, year_end_due
from ..documents.year_records import level_counts, proposals
from ..errors import NotReady
from ..problems import LOCAL_CODES, Problem
from ..rules.checked import open_checked
from ..wording import short_date
from ..workbook import schema
from ..workbook.model import (Workbook, attendance, members_at_year_end, minutes_between,
                              quarter_end, rating_of, review_row)
from ..workbook.values import matching_key

COMMITTEE_FILE = "dang-uy.xlsx"   # the Đảng ủy's own workbook, beside the cells' ones


def read_cell(path: Path, today: dt.date) -> Cell:
    """One cell's figures, from what its book shows — a book with errors too, for what its
    readable meetings show; runs in a worker process, so it returns plain data."""
    checked = open_checked(path, today, on_her_machine=False)
    workbook = checked.workbook
    cell = Cell(path.name, path.stem, problems=_as_the_office_sees_them(checked, path),
                saved=path.stat().st_mtime)
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
    cell.quarters = [_quarter(workbook, quarter, today) for quarter in (1, 2, 3, 4)]
    if any(m.id and m.date is None for m in workbook.meetings):   # a date that did not read
        for row in cell.quarters:
            row.unknown = not row.held
    year_report = register_entry(workbook, YEAR_REPORT, "Năm")
    cell.year_report_number = year_report.number if year_report is not None else None
    if year_end_due(workbook, today) or workbook.ratings:
        cell.ratings = _ratings(workbook)
    return cell


def _ratings(workbook: Workbook) -> CellRatings:
    """The levels a cell's `Xếp loại` proposes: for itself, and for its members at the year's
    end."""
    members = members_at_year_end(workbook)
    own = review_row(workbook, schema.CELL_ROW)
    counts = level_counts([row for _, row in proposals(workbook, members)])
    cap = workbook.settings.values.get("excellent_cap")
    return CellRatings(own.proposed if own is not None else None, len(members),
                       {level: counts[level] for level in schema.LEVELS if counts[level]},
                       cap if cap is not None else 20)


def _as_the_office_sees_them(checked, path: Path) -> list[Problem]:
    """The book's problems without those only its secretary's machine can see (a material
    not beside the book, the book open in her Excel), and naming no folder of this one."""
    folder = str(path.resolve().parent)
    return [Problem(p.code, p.severity, p.message.replace(folder, "").replace(" ()", ""),
                    p.sheet, p.cell)
            for p in checked.problems.sorted() if p.code not in LOCAL_CODES]


def _quarter(workbook: Workbook, quarter: int, today: dt.date) -> CellQuarter:
    """One quarter of a cell: its first thematic meeting's figures, its report's number."""
    s = workbook.settings
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
    entry = register_entry(workbook, QUARTER_REPORT, f"Quý {quarter}")
    if entry is not None:
        row.report_number = entry.number
        row.report_date = short_date(entry.date) if entry.date else None
    return row


def cell_workbooks(folder: Path, committee_path: Path) -> tuple[list[Path], list[str]]:
    """The cells' workbooks of a folder, and notes on the other files, which are skipped."""
    paths, notes = [], []
    committee = committee_path.resolve()
    with os.scandir(folder) as entries:   # each entry knows whether it is a folder
        found = sorted(entries, key=lambda entry: entry.name)
    for entry in found:
        path = Path(entry.path)
        if entry.name.startswith(("~$", ".~lock", ".")) or entry.is_dir():
            continue
        if entry.name.lower() == committee.name.lower() and path.resolve() == committee:
            continue
        if path.suffix.lower() != ".xlsx":
            notes.append(f"Bỏ qua {path.name}: không phải sổ Excel (.xlsx).")
            continue
        paths.append(path)
    if not paths:
        raise NotReady(f"Thư mục {folder} không có sổ chi bộ (.xlsx) nào.")
    return paths, notes


def read_cells(paths: list[Path], today: dt.date, progress=None, meanwhile=None) -> list[Cell]:
    """Every cell's workbook, read in parallel processes (the standard library's pool, one
    per core), in batches large enough that sending them costs little next to reading;
    `meanwhile` runs in this process as they read (what is written after needs importing)."""
    from concurrent.futures import ProcessPoolExecutor

    cells: list[Cell] = []
    workers = min(len(paths) - 1, os.cpu_count() or 1, 8)
    # The first book is read here: what reading needs is imported once, before the workers
    # are forked (on Windows they start afresh and import it themselves).
    for path in paths[:1] if workers > 1 else paths:
        cells.append(read_cell_safely(path, today))
        if progress:
            progress(1)
    if workers < 2:
        if meanwhile:
            meanwhile()
        return cells
    rest = paths[1:]
    batch = max(1, min(32, len(rest) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        read = pool.map(read_cell_safely, rest, [today] * len(rest), chunksize=batch)
        side = _beside(meanwhile)   # the workers are forked by now: a thread is safe
        for cell in read:
            cells.append(cell)
            if progress:
                progress(1)
    if side is not None:
        side.join()
    return cells


def _beside(work):
    """`work` in a thread of this process, if any."""
    if work is None:
        return None
    import threading

    thread = threading.Thread(target=work, name="chibo-meanwhile", daemon=True)
    thread.start()
    return thread


def read_cell_safely(path: Path, today: dt.date) -> Cell:
    """One cell's figures; a book that breaks chibo itself is named as unreadable, and the
    others are summed all the same."""
    try:
        return read_cell(path, today)
    except Exception as error:   # a bug met in one book must not stop the commune's summary
        problem = Problem("broken-file", "error", f"Tệp {path.name}: chibo gặp lỗi khi đọc sổ này "
                          f"({type(error).__name__}); hãy báo người hỗ trợ kèm tệp sổ.", "", "")
        return Cell(path.name, path.stem, problems=[problem], note=UNREADABLE)


def sort_out(cells: list[Cell], year: int) -> list[Cell]:
    """Mark workbooks of another year and, of two books of one cell, the older (never
    dropped): the one saved last is counted, and each says why."""
    books: dict[str, list[Cell]] = {}
    for cell in cells:
        if cell.note or cell.year is None:
            continue   # no year: its errors say why, and it is counted with them
        if cell.year != year:
            cell.note = f"sổ năm {cell.year}, không phải năm {year}"
            continue
        books.setdefault(matching_key(cell.name), []).append(cell)
    for same in books.values():
        newest = max(same, key=lambda c: (c.saved, c.file))
        for cell in same:
            if cell is not newest:
                cell.note = (f"trùng chi bộ với tệp {newest.file}: tổng hợp tệp {newest.file} "
                             f"(lưu lúc {_when(newest.saved)}), mới hơn tệp này (lưu lúc "
                             f"{_when(cell.saved)})")
    return cells


def _when(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp).strftime("%H:%M ngày %d/%m/%Y")
