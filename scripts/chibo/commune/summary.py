"""`chibo tong-hop`: the Đảng ủy's view of all its cells, from the cells' own workbooks — a
summary workbook (and CSV) of cells × quarters, and the Đảng ủy's BÁO CÁO in HD 36 layout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..documents.commune_report import Cell, compose, counted_cells
from ..documents.rendering import TEMPLATES_DIR, render
from ..errors import NotReady
from ..outputs.folder import OutputFolder
from ..outputs.writing import OutputFile, Written, write_outputs
from ..problems import Report
from ..rules.committee import open_committee
from ..wording import period_words
from .cells import read_cells, sort_out
from .tables import period_totals, ratings_totals, summary_csv, summary_workbook


@dataclass
class SummaryResult:
    title: str = ""
    cells: list[Cell] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    written: Written = field(default_factory=Written)   # the files and what became of them
    committee_report: Report | None = None   # the problems of the Đảng ủy's own workbook


def run_summary(paths: list[Path], notes: list[str], committee_path: Path, output: Path,
                year: int | None, quarter: int | None, year_report: bool, today: dt.date,
                progress: Callable[[int], object] | None = None, pdf: bool = False,
                csv: bool = False) -> SummaryResult:
    """Read every cell's workbook (`paths`, from `cells.cell_workbooks`) and write the
    summary workbook and the Đảng ủy's report (and its PDF, with `pdf`)."""
    if not committee_path.exists():
        raise NotReady(f"Chưa có sổ thông tin của đảng ủy {committee_path}: hãy tạo sổ của "
                       "đảng ủy rồi ghi thông tin.")
    committee, report = open_committee(committee_path)
    result = SummaryResult()
    if committee is None or report.has_errors:
        result.committee_report = report
        return result
    year = year or committee.settings.year
    result.notes = notes
    result.cells = sort_out(read_cells(paths, today, progress, meanwhile=_load_writers), year)
    chosen = None if year_report else (quarter or _latest_quarter_held(result.cells, year))
    result.title = f"Tổng hợp sinh hoạt chuyên đề {period_words(chosen, year)}"
    stem = f"quy-{chosen}-{year}" if chosen else f"nam-{year}"
    quarters = [chosen] if chosen else [1, 2, 3, 4]
    counted = counted_cells(result.cells)
    year_end = chosen is None and any(c.ratings is not None for c in counted)
    document = compose(committee, result.cells, chosen, year, period_totals(counted, quarters),
                       ratings_totals(counted) if year_end else None)
    files = [OutputFile(f"tong-hop-{stem}.xlsx", "Bảng tổng hợp các chi bộ",
                        summary_workbook(result.cells, quarters, year_end), as_pdf=False),
             OutputFile(document.path, document.label,
                        render(document, TEMPLATES_DIR, committee.settings))]
    if csv:
        files.insert(1, OutputFile(f"tong-hop-{stem}.csv", "Bảng tổng hợp dạng CSV",
                                   summary_csv(result.cells, quarters), as_pdf=False))
    result.written = write_outputs(OutputFolder(output), files, pdf)
    return result


def _load_writers() -> None:
    """What the summary is written with, loaded while the cells' books are read (pandas
    alone takes most of a second to load); what fails to load fails again where it is used."""
    import importlib

    for module in ("pandas", "openpyxl", "docxtpl"):
        try:
            importlib.import_module(module)
        except Exception:   # pragma: no cover - reported by the import that needs it
            return


def _latest_quarter_held(cells: list[Cell], year: int) -> int:
    held = [q.quarter for c in cells if not c.note for q in c.quarters if q.held]
    if not held:
        raise NotReady(f"Chưa chi bộ nào có buổi sinh hoạt chuyên đề trong năm {year}: hãy chọn "
                       "quý cần tổng hợp, hoặc cả năm.")
    return max(held)
