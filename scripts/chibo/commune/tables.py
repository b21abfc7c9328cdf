"""The commune's table of cells × quarters, held by pandas: what the summary workbook, its CSV
and the figures of the Đảng ủy's report are all made from."""

from __future__ import annotations

import functools
import io

from ..documents.commune_report import Cell, CellQuarter
from ..problems import ERROR, SEVERITY_LABEL
from ..workbook import schema
from ..workbook.creating import write_value
from ..workbook.reading import column_letter

RED, AMBER = "F8CBAD", "FFE699"

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
            values += [quarter.state,
                       quarter.theme, quarter.rate, quarter.absent_without_reason,
                       quarter.minutes, quarter.rating, quarter.report_number,
                       quarter.report_date]
        else:
            values += [None] * 8
        rows.append(values + [state])
    # object columns: each value keeps its Python type (a quarter stays 2, not 2.0)
    return pd.DataFrame(rows, columns=[header for header, _ in SUMMARY_COLUMNS], dtype=object)


LEVEL_SHORT = ("Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành")
RATINGS_COLUMNS = [  # (header, width)
    ("Chi bộ", 32), ("Tệp", 22), ("Tập thể chi bộ đề nghị", 26), ("Số đảng viên", 10),
    *[(f"Đảng viên {words}", 12) for words in LEVEL_SHORT], ("Tỷ lệ tối đa (%)", 10),
    ("Xuất sắc tối đa", 10), ("Tình trạng", 30),
]


def ratings_table(cells: list[Cell]):
    """The year's end, one row per cell counted — the level each proposes for itself and
    for its members, and the cap — then the commune's totals."""
    import pandas as pd

    rows: list[list] = []
    for cell in cells:
        ratings = cell.ratings
        if ratings is None or not ratings.reported:
            rows.append([cell.name, cell.file, None, ratings.members if ratings else None]
                        + [None] * 6 + ["chưa báo cáo xếp loại"])
            continue
        state = (f"vượt tỷ lệ: {ratings.levels.get(schema.LEVELS[0], 0)} xuất sắc, tối đa "
                 f"{ratings.allowed}" if ratings.over_cap else
                 f"đã xếp loại {ratings.rated}/{ratings.members}")
        rows.append([cell.name, cell.file, ratings.own, ratings.members]
                    + [ratings.levels.get(level, 0) for level in schema.LEVELS]
                    + [ratings.cap, ratings.allowed, state])
    table = pd.DataFrame(rows, columns=[h for h, _ in RATINGS_COLUMNS], dtype=object)
    sums = ratings_totals(cells)
    totals = (["Cộng", "", f"{sums['reported']}/{len(cells)} chi bộ đã báo cáo", sums["members"]]
              + [sums["levels"][level] for level in schema.LEVELS] + [None, None, None])
    return pd.concat([table, pd.DataFrame([totals], columns=table.columns, dtype=object)],
                     ignore_index=True)


def ratings_totals(cells: list[Cell]) -> dict:
    """The commune's year's end over the cells that reported it: how many reported, the
    levels they propose for themselves and for their members, those over their cap, those
    that did not report."""
    reported = [c for c in cells if c.ratings is not None and c.ratings.reported]
    return {"reported": len(reported),
            "members": sum(c.ratings.members for c in reported if c.ratings),
            "own": {level: sum(c.ratings.own == level for c in reported if c.ratings)
                    for level in schema.LEVELS},
            "levels": {level: sum(c.ratings.levels.get(level, 0) for c in reported if c.ratings)
                       for level in schema.LEVELS},
            "over_cap": [c.name for c in reported if c.ratings and c.ratings.over_cap],
            "silent": [c.name for c in cells if c not in reported]}


def summary_csv(cells: list[Cell], quarters: list[int]) -> bytes:
    """The summary as CSV for other tools: UTF-8 with the mark Excel needs to read it so."""
    return cells_table(cells, quarters).to_csv(index=False).encode("utf-8-sig")


def summary_workbook(cells: list[Cell], quarters: list[int], year_end: bool = False) -> bytes:
    """One row per cell and quarter; the year's ratings of each cell (`year_end`); problems
    on a last sheet; rule-breaking cells filled."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    _summary_sheet(sheet, cells, quarters)
    if year_end:
        _ratings_sheet(book.create_sheet("Xếp loại"), [c for c in cells if not c.note])
    _problems_sheet(book.create_sheet("Vấn đề"), cells)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _headers(sheet, headers: list[tuple[str, int]]) -> None:
    from openpyxl.styles import Alignment, Font

    for index, (header, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index)
        write_value(cell, header)
        cell.font, cell.fill = Font(bold=True), _fill("DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[column_letter(index - 1)].width = width


@functools.cache
def _fill(colour: str):
    """One fill of each colour for the whole workbook: openpyxl looks each fill it is given
    up among those it holds, comparing them field by field — unless it is the very same."""
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor=colour)


def _fills(cell: Cell, quarter: CellQuarter) -> dict[int, str]:
    """Columns of a cell's quarter that break a rule: red for a missed meeting, amber for a
    figure below the cell's own minimum."""
    flags = {4: RED if quarter.missed else None,
             6: AMBER if quarter.rate is not None and quarter.rate < cell.min_attendance else None,
             7: AMBER if quarter.absent_without_reason else None,
             8: AMBER if quarter.minutes is not None and quarter.minutes < cell.min_minutes
             else None,
             9: AMBER if quarter.rating in ("Trung bình", "Kém") else None}
    return {column: colour for column, colour in flags.items() if colour}


def _summary_sheet(sheet, cells: list[Cell], quarters: list[int]) -> None:
    _headers(sheet, SUMMARY_COLUMNS)
    table = cells_table(cells, quarters)
    rows = zip(_cell_quarters(cells, quarters), table.itertuples(index=False), strict=True)
    for row, ((cell, quarter), values) in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            write_value(sheet.cell(row=row, column=column), value)
        fills = _fills(cell, quarter) if quarter else {}
        if cell.errors or cell.note:
            fills[len(values)] = RED
        for column, colour in fills.items():
            sheet.cell(row=row, column=column).fill = _fill(colour)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{column_letter(len(SUMMARY_COLUMNS) - 1)}{max(len(table) + 1, 1)}"


def _ratings_sheet(sheet, cells: list[Cell]) -> None:
    """The year's end: a cell over its cap, or not reported, filled; the totals in bold."""
    from openpyxl.styles import Font

    _headers(sheet, RATINGS_COLUMNS)
    table = ratings_table(cells)
    for row, values in enumerate(table.itertuples(index=False), start=2):
        for column, value in enumerate(values, start=1):
            write_value(sheet.cell(row=row, column=column), value)
        state = str(values[-1] or "")
        if state.startswith(("vượt", "chưa")):
            colour = RED if state.startswith("vượt") else AMBER
            sheet.cell(row=row, column=len(values)).fill = _fill(colour)
    for column in range(1, len(RATINGS_COLUMNS) + 1):
        sheet.cell(row=len(table) + 1, column=column).font = Font(bold=True)
    sheet.freeze_panes = "B2"


def _problems_sheet(sheet, cells: list[Cell]) -> None:
    _headers(sheet, [("Chi bộ", 32), ("Tệp", 22), ("Mức", 10), ("Trang!Ô", 22), ("Nội dung", 100)])
    row = 2
    for cell in cells:
        lines = [("Ghi chú", "", cell.note)] if cell.note else []
        lines += [(SEVERITY_LABEL[p.severity], p.location, p.message) for p in cell.problems]
        for level, place, message in lines:
            for column, value in enumerate((cell.name, cell.file, level, place, message), start=1):
                write_value(sheet.cell(row=row, column=column), value)
            if level == SEVERITY_LABEL[ERROR]:
                sheet.cell(row=row, column=3).fill = _fill(RED)
            row += 1
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:E{max(row - 1, 1)}"


def period_totals(counted: list[Cell], quarters: list[int]) -> dict:
    """The report's figures over the cells counted, from the same table as the summary:
    cells that held their thematic meeting — for the year, in every quarter already over, so
    that no cell is counted here and listed as missing a quarter — the average attendance of
    those meetings, their ratings, and the absences without reason."""
    table = cells_table(counted, quarters)
    state = table["Sinh hoạt chuyên đề"].fillna("")
    held = table[state.str.match(r"\d")]   # a date: held
    missed = set(table[state == "chưa tổ chức"]["Chi bộ"])
    unknown = set(table[state.str.startswith("chưa rõ")]["Chi bộ"]) - set(held["Chi bộ"]) - missed
    rate = held["Tỷ lệ dự họp (%)"].dropna()
    return {"holding": len(set(held["Chi bộ"]) - missed),
            "known": len(set(table["Chi bộ"]) - unknown),   # cells whose book tells
            "what": " đủ các quý đã qua" if len(quarters) > 1 else "",
            "rate": float(rate.astype(float).mean()) if len(rate) else None,
            "ratings": {str(k): int(v) for k, v in held["Xếp loại"].dropna().value_counts().items()},
            "absences": int(table["Vắng không lý do"].fillna(0).sum())}
