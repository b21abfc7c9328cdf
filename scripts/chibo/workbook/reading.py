"""Reading the secretary's workbook: from a file on disk to clean `Record`s and the problems
of form (missing sheets and columns, wrong types, empty required cells, values not allowed).

The file is only ever opened for reading. `container.py` first says what the file really is
and how large its sheets really are; values then come from python-calamine (fast, values
only), or openpyxl for what calamine cannot hold or open.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from . import schema
from .container import Container, SheetPart, open_container, transitional_copy
from ..errors import WorkbookUnreadable
from ..files import lock_file_beside, lock_owner, program_holding
from .model import Record, RowCells, Workbook
from ..problems import Report
from .values import (DATE_EXAMPLE, EXCEL_ERRORS, BadValue, clean_text, column_number, is_empty,
                     matching_key, show)

MAX_COLUMNS_READ = 64   # columns right of this are never part of the contract



def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def closest(wanted: str, present: list[str]) -> str | None:
    keys = {matching_key(p): p for p in present}
    found = difflib.get_close_matches(matching_key(wanted), list(keys), n=1, cutoff=0.5)
    return keys[found[0]] if found else None


# --- sheets and cells -------------------------------------------------------------------------

def read_workbook(path: str | Path, sheets: tuple = schema.SHEETS,
                  model=Workbook) -> tuple[Workbook | None, Report]:
    """Read and clean the workbook (by default a cell's; `sheets` and `model` name another
    contract, such as the Đảng ủy's settings). Returns (None, report) when the file cannot
    be read."""
    path = Path(path)
    report = Report(sheet_order=(schema.GUIDE_SHEET,) + tuple(s.name for s in sheets))
    try:
        container = open_container(path)
    except WorkbookUnreadable as unreadable:
        report.add(unreadable.code, sheet=path.name, message=str(unreadable))
        return None, report
    lock = lock_file_beside(path)
    if lock is not None:
        report.add("open-in-excel", sheet=path.name, program=program_holding(path, lock),
                   lock=lock.name, holder=_holder(lock))
    try:
        found = _read_sheets(container, sheets, report)
    except WorkbookUnreadable as unreadable:
        report.add(unreadable.code, sheet=path.name, message=str(unreadable))
        return None, report
    finally:
        container.close()
    return _records(path, found, sheets, model, report), report


def _holder(lock: Path) -> str:
    """' của Nguyễn Thị Hà, từ 08:15 ngày 01/12/2026': who opened the book, and when — a
    lock days old was likely left by a machine that stopped without closing Excel."""
    import datetime as dt

    owner = lock_owner(lock)
    try:
        since = dt.datetime.fromtimestamp(lock.stat().st_mtime)
    except OSError:
        since = None
    return ((f" của {owner}" if owner else "")
            + (f", từ {since:%H:%M} ngày {since:%d/%m/%Y}" if since else ""))


def workbook_from_rows(rows: dict[str, list[list]], path: str | Path = "so-trong-bo-nho.xlsx",
                       sheets: tuple = schema.SHEETS, model=Workbook) -> tuple[Workbook, Report]:
    """A workbook from the raw rows of its sheets (sheet name -> rows from A1, as a reader
    gives them), cleaned and judged exactly as if read from a file: how tests build books in
    memory, and how another program can hand chibo what it holds."""
    report = Report(sheet_order=(schema.GUIDE_SHEET,) + tuple(s.name for s in sheets))
    named = _contract_names(list(rows), sheets, report)
    found = _contract_sheets(named, Container(Path(path), {}), lambda name, part: (rows[name], []))
    return _records(Path(path), found, sheets, model, report), report


def _records(path: Path, found: dict, sheets: tuple, model, report: Report):
    """The model (by default a cell's `Workbook`) from each sheet's rows."""
    tables: dict = {}
    for sheet in sheets:
        if sheet.field not in found:
            # a missing settings sheet reads as every setting at its default (its error says why)
            tables[sheet.field] = [] if not sheet.is_key_value else Record(
                sheet.name, 1, {s.field: s.default for s in sheet.settings}, {})
            continue
        rows, merged, formula_cells = found[sheet.field]
        _report_merged(sheet, merged, report)
        if sheet.is_key_value:
            tables[sheet.field] = _read_settings(sheet, rows, formula_cells, report)
        else:
            tables[sheet.field] = _read_table(sheet, rows, formula_cells, report)
    year = getattr(tables.get("settings"), "values", {}).get("year")
    if year:   # an example in a message is of the book's own year
        report.problems = [replace(p, message=p.message.replace(DATE_EXAMPLE, f"15/03/{year}"))
                           for p in report.problems]
    return model(path=str(path), **tables)


def _read_sheets(container: Container, sheets: tuple, report: Report) -> dict:
    """Every sheet of the contract: (rows, merged ranges, formula cells) by field. calamine
    reads; a sheet it cannot hold densely, or a workbook it cannot open, goes to openpyxl."""
    import python_calamine

    try:
        book = (python_calamine.CalamineWorkbook.from_path(str(container.source))
                if container.image is None else
                python_calamine.CalamineWorkbook.from_object(io.BytesIO(container.image)))
    except BaseException as error:   # a workbook calamine does not support, or panics on
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        return _read_sheets_with_openpyxl(container, sheets, report)
    row_by_row = _RowByRow(container)
    aside = _Aside(container)

    def read_here(name: str, part: SheetPart) -> tuple[list[list], list]:
        return _sheet_cells(book, row_by_row, name, part)

    try:
        worksheets = [m.name for m in book.sheets_metadata   # a chart sheet holds no cells
                      if m.typ == python_calamine.SheetTypeEnum.WorkSheet]
        named = _contract_names(worksheets, sheets, report)
        aside.start(list(named.values()))
        # the sheet read aside is taken last: the others are read here meanwhile
        last = dict(sorted(named.items(), key=lambda item: item[1] == aside.name))
        return _contract_sheets(last, container,
                                lambda name, part: aside.cells(name) or read_here(name, part))
    finally:
        aside.close()
        book.close()
        row_by_row.close()


class _Aside:
    """The largest sheet of the contract in a big book, read by calamine on a thread of its
    own while this one reads the others: calamine lets go of Python while it parses, and the
    machine has a second core. Only when each thread has `BYTES` of XML to read: a book of
    the commune's, or one of a single large sheet, is read in one."""

    BYTES = 1024 * 1024

    def __init__(self, container: Container):
        self.container = container
        self.name: str | None = None
        self.pool: Any = None
        self.read: Any = None   # the future of its cells

    def start(self, names: list[str]) -> None:
        """Begin reading the largest of the sheets `names` aside, if the book is big."""
        image, parts = self.container.image, self.container.parts
        sizes = {name: parts[name].size for name in names if name in parts
                 and not parts[name].too_big_to_read_densely}
        if image is None or not sizes:
            return
        largest = max(sizes, key=sizes.__getitem__)
        if min(sizes[largest], sum(sizes.values()) - sizes[largest]) < self.BYTES:
            return
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(max_workers=1)
        try:
            self.read = self.pool.submit(_read_aside, image, largest)
        except RuntimeError:   # no thread to be had (the interpreter ending): read here
            return
        self.name = largest

    def cells(self, name: str) -> tuple[list[list], list] | None:
        """The rows and merges of the sheet read aside, if it is this one and its reading
        went well (else None: it is read here, as any other)."""
        if name != self.name:
            return None
        try:
            return self.read.result()
        except BaseException as error:   # a Rust panic is a BaseException
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            return None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def _read_aside(image: bytes, name: str) -> tuple[list[list], list]:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_object(io.BytesIO(image))
    try:
        sheet = book.get_sheet_by_name(name)
        return sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges or []
    finally:
        book.close()


def _contract_names(names: list[str], sheets: tuple, report: Report) -> dict[str, str]:
    """The sheet of the workbook's `names` that is each sheet of the contract, by field (one
    missing is reported)."""
    present = {clean_text(n): n for n in names}
    return {sheet.field: actual for sheet in sheets
            if (actual := _find_sheet(sheet, present, report, sheets)) is not None}


def _contract_sheets(named: dict[str, str], container: Container, cells_of) -> dict:
    """(rows, merged ranges, formula cells) by field, for each sheet of the contract `named`
    (`_contract_names`); `cells_of(name, part)` reads one sheet's rows and merges."""
    found: dict[str, tuple] = {}
    for field, actual in named.items():
        part = container.part(actual)
        found[field] = (*cells_of(actual, part), part.uncached_formulas)
    return found


def _openpyxl_source(container: Container) -> Path:
    """The file openpyxl reads: Strict Open XML only after its namespaces are converted."""
    if not container.strict:
        return container.source
    copy = transitional_copy(container.source)
    container.close()
    container.temporary = container.source = copy
    container.strict = False
    return copy


def _read_only_book(container: Container):
    """The workbook as openpyxl's read-only reader opens it, which parses each sheet only as
    its rows are asked for (openpyxl's warnings about the file's oddities are not hers)."""
    import warnings

    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(_openpyxl_source(container), read_only=True,
                                      data_only=True)


def _read_sheets_with_openpyxl(container: Container, sheets: tuple, report: Report) -> dict:
    name = container.source.name
    try:
        book = _read_only_book(container)
    except Exception as error:
        raise WorkbookUnreadable("broken-file", f"Tệp {name} có phần chibo không đọc được "
                                 f"({_unsupported(error)}): hãy mở bằng Excel rồi lưu lại thành "
                                 "Sổ làm việc Excel (.xlsx).") from None
    try:
        worksheets = [sheet.title for sheet in book.worksheets]   # chart sheets left out
        return _contract_sheets(_contract_names(worksheets, sheets, report), container,
                                lambda name, part: (_rows_read(book, container, name), []))
    finally:
        book.close()


def _unsupported(error: BaseException) -> str:
    text = str(error)
    if "macrosheet" in text.lower() or "xlm" in text.lower():
        return "trang macro Excel 4.0"
    if "utf-16" in text.lower() or "encoding" in text.lower():
        return "phần XML mã hóa UTF-16"
    return type(error).__name__


def _sheet_cells(book, row_by_row: _RowByRow, name: str,
                 part: SheetPart) -> tuple[list[list], list]:
    """Rows of raw values from A1, and the merged ranges as ((top, left), (bottom, right))."""
    if part.too_big_to_read_densely:
        return row_by_row.rows(name), []
    try:
        sheet = book.get_sheet_by_name(name)
        return sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges or []
    except BaseException as error:  # a Rust panic is a BaseException
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
    # python-calamine panics on a few values (a huge negative number in a time cell), and
    # refuses a few valid sheets: this rare sheet is read row by row, without its merges.
    return row_by_row.rows(name), []


class _RowByRow:
    """openpyxl's row-by-row reader, for the sheets calamine must not or cannot read: the
    workbook opened once for all of them (a workbook's structure can take openpyxl long)."""

    def __init__(self, container: Container):
        self.container = container
        self.book = None

    def rows(self, name: str) -> list[list]:
        """A sheet's rows, only as far as the contract's columns reach."""
        import warnings

        if self.book is None:
            try:
                self.book = _read_only_book(self.container)
            except Exception as error:
                raise _broken_sheet(self.container, name, error) from None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _rows_read(self.book, self.container, name)

    def close(self) -> None:
        if self.book is not None:
            self.book.close()


def _rows_read(book, container: Container, name: str) -> list[list]:
    """The rows of a sheet of a read-only openpyxl workbook, which parses as it goes: a sheet
    broken further on fails here, and is named."""
    try:
        return _rows_of(book[name])
    except Exception as error:
        raise _broken_sheet(container, name, error) from None


def _broken_sheet(container: Container, name: str, error: BaseException) -> WorkbookUnreadable:
    return WorkbookUnreadable("broken-file", f"Tệp {container.source.name}: trang «{name}» bị "
                              f"hỏng hoặc có phần chibo không đọc được ({_unsupported(error)}): "
                              "hãy mở bằng Excel rồi lưu lại.")


def _rows_of(worksheet) -> list[list]:
    """The rows of a read-only openpyxl sheet as far as the contract's columns reach.
    Trailing empty rows are dropped as they come, so a stray cell far below costs time,
    not memory."""
    rows: list[list] = []
    pending = 0
    for row in worksheet.iter_rows(max_col=MAX_COLUMNS_READ, values_only=True):
        if any(value is not None and value != "" for value in row):
            rows.extend([[]] * pending)
            rows.append(list(row))
            pending = 0
        else:
            pending += 1
    return rows


def _find_sheet(sheet: schema.Sheet, present: dict[str, str], report: Report,
                sheets: tuple) -> str | None:
    for shown, actual in present.items():
        if matching_key(shown) == matching_key(sheet.name):
            return actual
    if sheet.optional:
        return None   # a workbook made before this sheet existed: as if it were empty
    others = [n for n in present if matching_key(n) not in
              {matching_key(s.name) for s in sheets}]
    near = closest(sheet.name, others)
    hint = f" (có trang «{near}»: hãy đổi tên thành «{sheet.name}»)" if near else ""
    report.add("missing-sheet", sheet=sheet.name, name=sheet.name, hint=hint)
    return None


def _report_merged(sheet: schema.Sheet, merged, report: Report) -> None:
    for (top, left), (bottom, right) in merged:
        area = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
        report.add("merged-cells", sheet=sheet.name, cell=f"{column_letter(left)}{top + 1}",
                   area=area)


def _header_row(sheet: schema.Sheet, rows: list[list], report: Report) -> int:
    """Where the headers are (0-based): row 1 by the contract, but a title typed above them is
    forgiven with a warning rather than turned into a dozen missing columns."""
    for index, row in enumerate(rows[:10]):
        if not _headers(sheet, row)[1]:   # every required column is there
            if index:
                report.add("header-not-first-row", sheet=sheet.name, cell=f"A{index + 1}",
                           row=index + 1)
            return index
    return 0


def _header_map(sheet: schema.Sheet, header_row: list, report: Report) -> dict[str, int]:
    """Field name -> column index, reporting missing required columns."""
    positions, missing = _headers(sheet, header_row)
    for code, words in missing:
        report.add(code, sheet=sheet.name, cell="A1", **words)
    return positions


# Every cell's book has the same headers, written by `chibo init`: each row of them is
# matched to the contract once per process. Sheets are the schema's own objects (by id).
_HEADERS: dict[tuple, tuple[dict[str, int], list[tuple[str, dict]]]] = {}


def _headers(sheet: schema.Sheet, row: list) -> tuple[dict[str, int], list[tuple[str, dict]]]:
    """A row read as the sheet's headers: field -> column index, and the problems of the
    required columns it lacks, each naming the header present that looks like it."""
    shown = row[:MAX_COLUMNS_READ]
    try:
        return _remembered(_HEADERS, (id(sheet), tuple(shown)), 1000, _match_headers, sheet, shown)
    except TypeError:   # a value that cannot be a key (rows handed in by another program)
        return _match_headers(sheet, shown)


def _remembered(store: dict, key, limit: int, compute: Callable[..., Any], *arguments) -> Any:
    """`compute(*arguments)` once per key for this process, in a store emptied past `limit`
    entries (a TypeError: the key cannot be one)."""
    found = store.get(key)
    if found is None:
        if len(store) > limit:
            store.clear()
        found = store[key] = compute(*arguments)
    return found


def _match_headers(sheet: schema.Sheet, shown: list) -> tuple[dict[str, int], list[tuple[str, dict]]]:
    headers: dict[str, int] = {}
    for index, raw in enumerate(shown):
        if not is_empty(raw):
            headers.setdefault(matching_key(show(raw)), index)
    found, missing = {}, []
    for column in sheet.columns:
        position = headers.get(matching_key(column.header))
        if position is not None:
            found[column.field] = position
        elif column.required:
            present = [show(h) for h in shown if not is_empty(h)]
            near = closest(column.header, [h for h in present if matching_key(h) not in
                                           {matching_key(c.header) for c in sheet.columns}])
            hint = f"; có cột «{near}» — có phải là cột này?" if near else ""
            missing.append(("missing-column", {"header": column.header, "hint": hint}))
    return found, missing


def _cell_outcome(column: schema.Column, raw) -> tuple[object, tuple | None, bool]:
    """What one non-formula cell reads as: (its clean value, None, whether it is empty), or
    (None, (code, its words), …) when it cannot be used. It depends on the column and the
    raw value alone."""
    if is_empty(raw):
        return column.default, (("required", {"header": column.header}) if column.required
                                else None), True
    if isinstance(raw, str) and raw.strip() in EXCEL_ERRORS:
        return None, ("excel-error", {"header": column.header, "value": raw.strip()}), False
    try:
        return column.parse(raw), None, False
    except BadValue as bad:
        code = "not-allowed" if column.kind == "choice" else "wrong-type"
        return None, (code, {"header": column.header, "reason": bad}), False


# What each raw value of each column reads as, for this process: a value met again — a
# member's name, a Mã buổi, a date, the commune's own wording in every cell's book — is
# parsed once. Columns are the schema's own objects (their id is the key); bounded.
_OUTCOMES: dict[tuple, tuple[object, tuple | None, bool]] = {}
MAX_REMEMBERED_VALUES = 200_000


class _CellReader:
    """The clean value of each cell, or None (and a problem at its cell)."""

    def __init__(self, sheet: schema.Sheet, formula_cells: set[str], report: Report):
        self.sheet, self.formula_cells, self.report = sheet, formula_cells, report

    def __call__(self, column: schema.Column, raw, letter: str, row: int):
        """The value of the cell at column `letter`, row `row` (its address is written out
        only for a problem: a big book has hundreds of thousands of cells)."""
        if self.formula_cells and f"{letter}{row}" in self.formula_cells:
            self.report.add("formula-no-value", sheet=self.sheet.name, cell=f"{letter}{row}")
            return None
        try:
            value, problem, _ = _remembered_outcome(column, raw)
        except TypeError:   # a value that cannot be a key: read as it is
            value, problem, _ = _cell_outcome(column, raw)
        if problem is not None:
            self.report.add(problem[0], sheet=self.sheet.name, cell=f"{letter}{row}", **problem[1])
        return value


def _read_table(sheet: schema.Sheet, rows: list[list], formula_cells: set[str],
                report: Report) -> list[Record]:
    """The records of a table sheet, read column by column: each distinct value of a column
    is judged once (a big book repeats its names, Mã buổi and dates thousands of times)."""
    rows = rows or [[]]
    header = _header_row(sheet, rows, report)
    positions = _header_map(sheet, rows[header], report)
    body, first_row = rows[header + 1:], header + 2   # first_row: the sheet row of body[0]
    layout = [(column, positions[column.field]) for column in sheet.columns
              if column.field in positions]
    formulas = _formula_positions(formula_cells, {i for _, i in layout}, first_row, len(body))
    width = min(map(len, body), default=0)   # calamine's rows are all as wide as the sheet
    read = [_read_column(column, [row[index] for row in body] if index < width else
                         [row[index] if index < len(row) else None for row in body],
                         formulas.get(index, ()))
            for column, index in layout]
    kept = [i for i, empty in enumerate(zip(*(empty for _, empty, _ in read), strict=True))
            if not all(empty)]   # a row empty in every contract column is skipped
    kept_rows = set(kept)
    for (_, index), (_, _, problems) in zip(layout, read, strict=True):
        for i, code, words in problems:
            if i in kept_rows:
                report.add(code, sheet=sheet.name, cell=f"{column_letter(index)}{first_row + i}",
                           **words)
    absent = {c.field: c.default for c in sheet.columns if c.field not in positions}
    fields = [column.field for column, _ in layout]
    letters = {column.field: column_letter(index) for column, index in layout}
    value_rows = list(zip(*(values for values, _, _ in read), strict=True))
    return [Record(sheet.name, first_row + i, _values(fields, value_rows[i], absent),
                   RowCells(letters, first_row + i))
            for i in kept]


def _values(fields: list[str], row: tuple, absent: dict[str, Any]) -> dict[str, Any]:
    """A record's values by field: its row's, and the defaults of the columns the sheet does
    not have (merged only when there are any: a big book makes fifty thousand records)."""
    values = dict(zip(fields, row, strict=True))
    if absent:
        values.update(absent)
    return values


def _formula_positions(formula_cells: set[str], indices: set[int], first_row: int,
                       height: int) -> dict[int, set[int]]:
    """The formulas without a value in the contract's columns: column index -> rows (from 0)."""
    found: dict[int, set[int]] = {}
    for reference in formula_cells:
        letters = reference.rstrip("0123456789")
        index, row = column_number(letters) - 1, int(reference[len(letters):]) - first_row
        if index in indices and 0 <= row < height:
            found.setdefault(index, set()).add(row)
    return found


def _read_column(column: schema.Column, raws: list, formulas: set[int] | tuple = ()
                 ) -> tuple[list, list[bool], list[tuple[int, str, dict]]]:
    """One column's cells: their clean values, which are empty, and the problems as (row
    from 0, code, words). A formula without a saved value reads as None, and not empty."""
    outcomes, wrong = _column_outcomes(column, raws)
    values = [outcome[0] for outcome in outcomes]
    empty = [outcome[2] for outcome in outcomes]
    problems = [(i, *outcome[1]) for i, outcome in enumerate(outcomes) if outcome[1]] \
        if wrong else []
    if formulas:
        problems = [p for p in problems if p[0] not in formulas]
        for i in formulas:
            values[i], empty[i] = None, False
            problems.append((i, "formula-no-value", {}))
    return values, empty, problems


_NOTHING = frozenset({"", None})   # what an empty cell reads as, from either reader


def _column_outcomes(column: schema.Column, raws: list) -> tuple[list[Any], bool]:
    """Each cell's outcome (`_cell_outcome`), each distinct value judged once; and whether
    any of them is a problem."""
    try:
        distinct = set(raws)
    except TypeError:   # a value that cannot be a key (rows handed in by another program)
        judged = [_cell_outcome(column, raw) for raw in raws]
        return judged, any(outcome[1] for outcome in judged)
    if distinct <= _NOTHING:   # an optional column left empty
        nothing = _remembered_outcome(column, None)
        return [nothing] * len(raws), nothing[1] is not None
    # 1, 1.0 and TRUE are equal keys: a column of mixed types keys each value by its type too
    keys: list = raws if len(set(map(type, raws))) < 2 else \
        list(zip(map(type, raws), raws, strict=True))
    known = {key: _remembered_outcome(column, key if keys is raws else key[1])
             for key in (distinct if keys is raws else set(keys))}
    return [known[key] for key in keys], any(outcome[1] for outcome in known.values())


def _remembered_outcome(column: schema.Column, raw) -> tuple[object, tuple | None, bool]:
    key = (id(column), type(raw), raw)   # a value met before is found here, without a call
    return _OUTCOMES.get(key) or _remembered(_OUTCOMES, key, MAX_REMEMBERED_VALUES,
                                             _cell_outcome, column, raw)


def _read_settings(sheet: schema.Sheet, rows: list[list], formula_cells: set[str],
                   report: Report) -> Record:
    rows = rows or [[]]
    header = _header_row(sheet, rows, report)
    positions = _header_map(sheet, rows[header], report)
    key_index, value_index = positions.get("key", 0), positions.get("value", 1)
    read = _CellReader(sheet, formula_cells, report)
    by_key: dict[str, tuple[int, object]] = {}
    shown_keys = []
    for row_index, row in enumerate(rows[header + 1:], start=header + 2):
        if key_index < len(row) and not is_empty(row[key_index]):
            raw = row[value_index] if value_index < len(row) else None
            by_key.setdefault(matching_key(show(row[key_index])), (row_index, raw))
            shown_keys.append(show(row[key_index]))
    known = {matching_key(s.header) for s in sheet.settings}
    values, cells = {}, {}
    for setting in sheet.settings:
        found = by_key.get(matching_key(setting.header))
        if found is None:
            values[setting.field] = setting.default
            if setting.required:
                near = closest(setting.header,
                               [k for k in shown_keys if matching_key(k) not in known])
                hint = f" (có mục «{near}» — có phải là mục này?)" if near else ""
                report.add("missing-setting", sheet=sheet.name, cell="A1",
                           header=setting.header, key=schema.KEY, hint=hint)
            continue
        row_index, raw = found
        cell = f"{column_letter(value_index)}{row_index}"
        cells[setting.field] = cell
        values[setting.field] = read(setting, raw, column_letter(value_index), row_index)
    return Record(sheet.name, 1, values, cells)
