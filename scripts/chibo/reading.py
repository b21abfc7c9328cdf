"""Reading the secretary's workbook: from a file on disk to clean `Record`s and the problems
of form (missing sheets and columns, wrong types, empty required cells, values not allowed).

The file is only ever opened for reading. Values come from python-calamine (fast, values
only); the few things it cannot tell — a formula without a cached value, a DTD hidden in the
XML — are read from the zip directly.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import schema
from .errors import WorkbookUnreadable
from .outputs import lock_file_beside, program_holding
from .model import Record, Workbook
from .problems import Report
from .values import EXCEL_ERRORS, BadValue, clean_text, column_number, is_empty, matching_key, show

# A real workbook of a cell is well under a megabyte; these bounds only stop a hostile file
# (a zip bomb) from filling memory before parsing.
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_COLUMNS_READ = 64   # columns right of this are never part of the contract

OPEN_IN_EXCEL_HINT = ("chibo chỉ đọc được những gì đã lưu: hãy lưu (Ctrl+S) và đóng sổ rồi chạy "
                      "lại")


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


# --- the file as a container ------------------------------------------------------------------

def check_container(path: Path) -> zipfile.ZipFile:
    """The open zip of a real .xlsx, or `WorkbookUnreadable` saying what the file really is."""
    name = path.name
    if not path.exists():
        raise WorkbookUnreadable("file-missing", f"Không tìm thấy tệp {path}.")
    if path.is_dir():
        raise WorkbookUnreadable("not-a-file", f"{path} là một thư mục, không phải tệp Excel.")
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except PermissionError:
        raise WorkbookUnreadable(
            "file-locked", f"Không mở được {name}: tệp đang bị khóa hoặc không có quyền đọc; "
            "nếu tệp đang mở trong Excel, hãy đóng tệp rồi chạy lại.") from None
    if not head:
        raise WorkbookUnreadable("file-empty", f"Tệp {name} rỗng (0 byte): hãy chọn đúng sổ Excel.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in path.read_bytes():
            raise WorkbookUnreadable(
                "encrypted", f"Tệp {name} được đặt mật khẩu: hãy mở trong Excel, bỏ mật khẩu "
                "(Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.")
        raise WorkbookUnreadable(
            "xls", f"Tệp {name} là sổ Excel 97-2003 (.xls): hãy mở trong Excel và chọn Lưu thành "
            "› Sổ làm việc Excel (.xlsx).")
    if not head.startswith(b"PK"):
        kind = "tệp văn bản (CSV?)" if _looks_like_text(path) else "không phải tệp Excel"
        raise WorkbookUnreadable(
            "not-xlsx", f"Tệp {name} là {kind}, chỉ được đổi tên thành .xlsx: hãy mở trong Excel "
            "và lưu thành Sổ làm việc Excel (.xlsx).")
    try:
        archive = zipfile.ZipFile(path)
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise WorkbookUnreadable(
            "broken-file", f"Tệp {name} bị hỏng (có thể chưa chép hết): hãy lấy lại bản đầy đủ "
            "hoặc mở bằng Excel để sửa rồi lưu lại.") from None
    if "xl/workbook.xml" not in names:
        archive.close()
        if "content.xml" in names:
            raise WorkbookUnreadable(
                "ods", f"Tệp {name} là bảng tính OpenDocument (.ods): hãy lưu thành .xlsx "
                "(Lưu thành › Excel 2007-365).")
        raise WorkbookUnreadable("not-xlsx", f"Tệp {name} không phải sổ Excel (.xlsx).")
    _refuse_bombs(archive, name)
    return archive


def _looks_like_text(path: Path) -> bool:
    sample = path.read_bytes()[:4096]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in sample


def _refuse_bombs(archive: zipfile.ZipFile, name: str) -> None:
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNCOMPRESSED_BYTES or (info.file_size > 10_000_000
                                              and ratio > MAX_COMPRESSION_RATIO):
            archive.close()
            raise WorkbookUnreadable(
                "too-large", f"Tệp {name} giải nén ra quá lớn ({info.filename}): đây không phải "
                "sổ của chi bộ, hoặc tệp đã bị làm hỏng.")
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as part:
                head = part.read(2048)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                archive.close()
                raise WorkbookUnreadable(
                    "xml-doctype", f"Tệp {name} chứa khai báo XML lạ ({info.filename}) mà Excel "
                    "không bao giờ ghi: chibo không đọc tệp này.")


_SHEET_TAG = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"', re.S)
_SHEET_TAG_REVERSED = re.compile(rb'<sheet\b[^>]*?\br:id="([^"]*)"[^>]*?\bname="([^"]*)"', re.S)
_RELATIONSHIP = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"', re.S)
_RELATIONSHIP_REVERSED = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"',
                                    re.S)
# A cell with a formula and no <v> after it: never calculated, so no value was saved.
_FORMULA_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?<!/)>(.*?)</c>', re.S)


# A cell right of column BZ (78): far beyond the contract's columns.
_WIDE_CELL = re.compile(rb'<c\b[^>]*?\br="(?:[A-Z]{3}|[C-Z][A-Z])\d')
_LAST_ROW = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
_DIMENSION = re.compile(rb'<dimension\b[^>]*?\bref="[A-Z]*\d*:?([A-Z]+)\d+"')
# python-calamine holds a sheet as one dense rectangle of cells: above this many, a sheet
# (a stray value in XFD1048576, say) is read by openpyxl, streaming, as far as column BL.
MAX_DENSE_CELLS = 4_000_000


@dataclass
class SheetPart:
    """What the zip tells about one worksheet before any parser sees it."""

    uncached_formulas: set[str]
    too_big_to_read_densely: bool


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, SheetPart]:
    """Sheet name -> its formulas without a cached value, and whether it is huge."""
    import html

    def attributes(pattern, reversed_pattern, data):
        found = {a: b for a, b in pattern.findall(data)}
        found.update({b: a for a, b in reversed_pattern.findall(data)})
        return found

    workbook_xml = archive.read("xl/workbook.xml")
    sheet_ids = attributes(_SHEET_TAG, _SHEET_TAG_REVERSED, workbook_xml)
    try:
        rels = attributes(_RELATIONSHIP, _RELATIONSHIP_REVERSED,
                          archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    result: dict[str, SheetPart] = {}
    for raw_name, rel_id in sheet_ids.items():
        target = rels.get(rel_id, b"").decode()
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        try:
            data = archive.read(part)
        except KeyError:
            continue
        missing = set()
        if b"<f" in data:
            for ref, inner in _FORMULA_CELL.findall(data):
                if b"<f" in inner and not re.search(rb"<v>[^<]", inner) and b"<is>" not in inner:
                    missing.add(ref.decode())
        last_row = _LAST_ROW.findall(data[-4096:]) or _LAST_ROW.findall(data)
        rows = int(last_row[-1]) if last_row else 0
        dimension = _DIMENSION.search(data[:4096])
        width = column_number(dimension.group(1).decode()) if dimension else 78
        huge = bool(_WIDE_CELL.search(data)) or rows * width > MAX_DENSE_CELLS
        name = clean_text(html.unescape(raw_name.decode("utf-8", "replace")))
        result[name] = SheetPart(missing, huge)
    return result


# --- sheets and cells -------------------------------------------------------------------------

def read_workbook(path: str | Path, sheets: tuple = schema.SHEETS,
                  model=Workbook) -> tuple[Workbook | None, Report]:
    """Read and clean the workbook (by default a cell's; `sheets` and `model` name another
    contract, such as the Đảng ủy's settings). Returns (None, report) when the file cannot
    be read."""
    path = Path(path)
    report = Report(sheet_order=(schema.GUIDE_SHEET,) + tuple(s.name for s in sheets))
    try:
        archive = check_container(path)
    except WorkbookUnreadable as unreadable:
        report.error(unreadable.code, str(unreadable), sheet=path.name)
        return None, report
    with archive:
        parts = sheet_parts(archive)

    lock = lock_file_beside(path)
    if lock is not None:
        report.warning("open-in-excel", f"Sổ đang mở trong {program_holding(path, lock)} (thấy "
                       f"tệp khóa {lock.name}): {OPEN_IN_EXCEL_HINT}.", sheet=path.name)

    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        present = {clean_text(n): n for n in book.sheet_names}
        found = {}
        for sheet in sheets:
            actual = _find_sheet(sheet, present, report, sheets)
            if actual is not None:
                part = parts.get(clean_text(actual), SheetPart(set(), False))
                found[sheet.field] = (*_sheet_cells(book, path, actual, part),
                                      part.uncached_formulas)
        book.close()
    except Exception as error:  # calamine's own errors carry no stable type across versions
        if isinstance(error, WorkbookUnreadable):
            raise
        report.error("broken-file", f"Không đọc được tệp {path.name}: tệp bị hỏng hoặc không "
                     f"đúng định dạng .xlsx ({type(error).__name__}).", sheet=path.name)
        return None, report

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
    return model(path=str(path), **tables), report


def _sheet_cells(book, path: Path, name: str, part: SheetPart) -> tuple[list[list], list]:
    """Rows of raw values from A1, and the merged ranges as ((top, left), (bottom, right))."""
    if part.too_big_to_read_densely:
        return _stream_with_openpyxl(path, name), []
    sheet = book.get_sheet_by_name(name)
    try:
        return sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges or []
    except BaseException as error:  # a Rust panic is a BaseException
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
    # python-calamine panics on a few values (a huge negative number in a time cell):
    # this rare sheet is read the slow way.
    import warnings

    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about the very cells at fault
        worksheet = openpyxl.load_workbook(path, data_only=True)[name]
    rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
    merged = [((r.min_row - 1, r.min_col - 1), (r.max_row - 1, r.max_col - 1))
              for r in worksheet.merged_cells.ranges]
    return rows, merged


def _stream_with_openpyxl(path: Path, name: str) -> list[list]:
    """A huge sheet, read row by row and only as far as the contract's columns reach.
    Trailing empty rows are dropped as they come, so a stray cell far below costs time,
    not memory."""
    import warnings

    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            rows: list[list] = []
            pending = 0
            for row in book[name].iter_rows(max_col=MAX_COLUMNS_READ, values_only=True):
                if any(value is not None and value != "" for value in row):
                    rows.extend([[]] * pending)
                    rows.append(list(row))
                    pending = 0
                else:
                    pending += 1
            return rows
        finally:
            book.close()


def _find_sheet(sheet: schema.Sheet, present: dict[str, str], report: Report,
                sheets: tuple) -> str | None:
    for shown, actual in present.items():
        if matching_key(shown) == matching_key(sheet.name):
            return actual
    others = [n for n in present if matching_key(n) not in
              {matching_key(s.name) for s in sheets}]
    near = closest(sheet.name, others)
    hint = f" (có trang «{near}»: hãy đổi tên thành «{sheet.name}»)" if near else ""
    report.error("missing-sheet", f"Thiếu trang «{sheet.name}»{hint}.", sheet=sheet.name)
    return None


def _report_merged(sheet: schema.Sheet, merged, report: Report) -> None:
    for (top, left), (bottom, right) in merged:
        area = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
        report.error("merged-cells", f"Ô gộp {area}: hãy bỏ gộp ô (Merge & Center › Unmerge) và "
                     "ghi giá trị vào từng ô, vì chibo chỉ thấy giá trị ở ô đầu tiên.",
                     sheet=sheet.name, cell=f"{column_letter(left)}{top + 1}")


def _header_row(sheet: schema.Sheet, rows: list[list], report: Report) -> int:
    """Where the headers are (0-based): row 1 by the contract, but a title typed above them is
    forgiven with a warning rather than turned into a dozen missing columns."""
    wanted = {matching_key(c.header) for c in sheet.columns if c.required}
    for index, row in enumerate(rows[:10]):
        present = {matching_key(show(v)) for v in row[:MAX_COLUMNS_READ] if not is_empty(v)}
        if wanted <= present:
            if index:
                report.warning("header-not-first-row", f"Dòng tiêu đề đang ở dòng {index + 1}, "
                               "không phải dòng 1: nên xóa các dòng phía trên nó.",
                               sheet=sheet.name, cell=f"A{index + 1}")
            return index
    return 0


def _header_map(sheet: schema.Sheet, header_row: list, report: Report) -> dict[str, int]:
    """Field name -> column index, reporting missing required columns."""
    headers: dict[str, int] = {}
    for index, raw in enumerate(header_row[:MAX_COLUMNS_READ]):
        if not is_empty(raw):
            headers.setdefault(matching_key(show(raw)), index)
    found = {}
    for column in sheet.columns:
        position = headers.get(matching_key(column.header))
        if position is not None:
            found[column.field] = position
        elif column.required:
            present = [show(h) for h in header_row[:MAX_COLUMNS_READ] if not is_empty(h)]
            near = closest(column.header, [h for h in present if matching_key(h) not in
                                           {matching_key(c.header) for c in sheet.columns}])
            hint = f"; có cột «{near}» — có phải là cột này?" if near else ""
            report.error("missing-column",
                         f"Thiếu cột «{column.header}» ở dòng tiêu đề (dòng 1){hint}",
                         sheet=sheet.name, cell="A1")
    return found


def _read_cell(sheet: schema.Sheet, column: schema.Column, raw, cell: str,
               formula_cells: set[str], report: Report):
    """The clean value of one cell, or None (and a problem) when it cannot be used."""
    if cell in formula_cells:
        report.error("formula-no-value", "Ô có công thức nhưng chưa có giá trị đã tính: hãy mở "
                     "tệp bằng Excel hoặc LibreOffice, lưu lại một lần rồi chạy lại.",
                     sheet=sheet.name, cell=cell)
        return None
    if is_empty(raw):
        if column.required:
            report.error("required", f"Chưa ghi «{column.header}».", sheet=sheet.name, cell=cell)
        return column.default
    if isinstance(raw, str) and raw.strip() in EXCEL_ERRORS:
        report.error("excel-error", f"«{column.header}»: ô hiện lỗi {raw.strip()} (công thức "
                     "lỗi, hoặc một số không thể là ngày/giờ): hãy ghi lại giá trị đúng.",
                     sheet=sheet.name, cell=cell)
        return None
    try:
        return column.parse(raw)
    except BadValue as bad:
        code = "not-allowed" if column.kind == "choice" else "wrong-type"
        report.error(code, f"«{column.header}»: {bad}.", sheet=sheet.name, cell=cell)
        return None


def _read_table(sheet: schema.Sheet, rows: list[list], formula_cells: set[str],
                report: Report) -> list[Record]:
    rows = rows or [[]]
    header = _header_row(sheet, rows, report)
    positions = _header_map(sheet, rows[header], report)
    records = []
    for row_index, row in enumerate(rows[header + 1:], start=header + 2):
        if all(is_empty(row[i]) for i in positions.values() if i < len(row)):
            if not any(f"{column_letter(i)}{row_index}" in formula_cells for i in positions.values()):
                continue  # an empty row
        values, cells = {}, {}
        for column in sheet.columns:
            index = positions.get(column.field)
            if index is None:
                values[column.field] = column.default
                continue
            cell = f"{column_letter(index)}{row_index}"
            cells[column.field] = cell
            raw = row[index] if index < len(row) else None
            values[column.field] = _read_cell(sheet, column, raw, cell, formula_cells, report)
        records.append(Record(sheet.name, row_index, values, cells))
    return records


def _read_settings(sheet: schema.Sheet, rows: list[list], formula_cells: set[str],
                   report: Report) -> Record:
    rows = rows or [[]]
    header = _header_row(sheet, rows, report)
    positions = _header_map(sheet, rows[header], report)
    key_index, value_index = positions.get("key", 0), positions.get("value", 1)
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
                report.error("missing-setting", f"Thiếu mục «{setting.header}» ở cột "
                             f"«{schema.KEY}»{hint}.", sheet=sheet.name, cell="A1")
            continue
        row_index, raw = found
        cell = f"{column_letter(value_index)}{row_index}"
        cells[setting.field] = cell
        values[setting.field] = _read_cell(sheet, setting, raw, cell, formula_cells, report)
    return Record(sheet.name, 1, values, cells)
