"""`chibo init`: a new workbook laid out from the schema — every sheet in contract order, bold
frozen headers, widths, date and time formats, dropdowns fed by the hidden `Danh mục` sheet, a
hint on each header, and the `Hướng dẫn` sheet. The sample workbook is written the same way.

This is the only place chibo writes a spreadsheet, and it never overwrites one by accident.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import schema
from ..errors import NotReady, OutputExists, OutputNotWritable, WorkbookUnreadable
from .reading import column_letter
from ..wording import short_date

DATA_ROWS = 500          # rows that get formats and dropdowns, beyond any real cell's needs
HEADER_FILL = "DDEBF7"
KIND_FORMATS = {"date": "dd/mm/yyyy", "time": "hh:mm"}
KIND_LABELS = {
    "text": "chữ", "integer": "số nguyên", "number": "số", "date": "ngày (dd/mm/yyyy)",
    "time": "giờ (14:00, 14h30)", "email": "email", "name": "họ tên đảng viên",
    "phone": "số điện thoại", "percent": "phần trăm", "choice": "chọn trong danh sách",
    "heading": "chữ",
}


def create_workbook(path: str | Path, year: int | None = None, force: bool = False,
                    sample: bool = False, committee: bool = False) -> Path:
    """Write a new workbook — a cell's (empty, or the shipped sample), or with `committee`
    the Đảng ủy's settings for `chibo tong-hop` — for `year` (the sample: its own year), and
    return its path."""
    path = _new_workbook_path(path, force)
    if sample:
        from . import sample as content
        settings, rows = dict(content.SETTINGS), content.ROWS
    else:
        settings, rows = {}, {}
    if year is not None:
        settings["Năm"] = year
    if not sample and not committee:   # the default score table, editable to a province's own
        rows = {schema.CRITERIA.name: schema.default_criteria_rows()}
    sheets = schema.COMMITTEE_SHEETS if committee else schema.SHEETS
    if committee:
        rows = {schema.COMMITTEE_DOCUMENTS.name: [{"Kỳ": p} for p in schema.PERIODS]}
    _save_workbook(path, build_workbook(settings, rows, sheets))
    if sample:
        _sample_materials(path.parent)
    return path


# Names that say another kind of file: a book written under them would not open as one.
OTHER_KINDS = {".csv", ".xls", ".xlsm", ".xlsb", ".ods", ".txt", ".docx", ".doc", ".pdf",
               ".json", ".xml", ".html", ".zip"}


def _new_workbook_path(path: str | Path, force: bool) -> Path:
    """Where a new workbook goes («.xlsx» added when typed without it), never over one of
    hers unless she forces it."""
    path = Path(path)
    if path.suffix.lower() in OTHER_KINDS:
        raise OutputNotWritable(f"chibo chỉ tạo sổ Excel (.xlsx), không tạo tệp {path.suffix}: hãy "
                                f"đặt tên kết thúc bằng .xlsx, ví dụ {path.stem}.xlsx.")
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    if path.exists() and not force:
        raise OutputExists(f"Tệp {path} đã có: chibo không ghi đè một sổ đã có. Hãy chọn tên "
                           "khác.")
    return path


def _save_workbook(path: Path, book) -> None:
    import io

    from ..files import atomic_write

    stream = io.BytesIO()
    book.save(stream)
    atomic_write(path, stream.getvalue())


def _sample_materials(folder: Path) -> None:
    """The sample's meeting materials, beside it (`Tài liệu` names them): never over a file
    already there."""
    from importlib.resources import files

    from ..files import atomic_write

    for source in files("chibo.workbook").joinpath("sample_materials").iterdir():
        target = folder / "tai-lieu" / source.name
        if source.name.endswith(".docx") and not target.exists():
            atomic_write(target, source.read_bytes())


def sheet_rows(settings: dict, rows: dict, sheets: tuple = schema.SHEETS) -> dict[str, list[list]]:
    """Each sheet's cells from A1, as `chibo init` lays them out: the headers in row 1, then
    the settings (Mục, Giá trị, Ghi chú) or the rows in the contract's column order. The one
    layout of a new workbook — written to a file by `build_workbook`, read in memory by
    `reading.workbook_from_rows`."""
    year = settings.get("Năm")
    laid_out: dict[str, list[list]] = {}
    for sheet in sheets:
        if sheet.is_key_value:
            table: list[list] = [[schema.KEY, schema.VALUE, "Ghi chú"]]
            table += [[setting.header, settings.get(setting.header, setting.default),
                       _setting_note(setting, year)] for setting in sheet.settings]
        else:
            table = [[column.header for column in sheet.columns]]
            table += [[record.get(column.header) for column in sheet.columns]
                      for record in rows.get(sheet.name, [])]
        laid_out[sheet.name] = table
    return laid_out


def _setting_note(setting: schema.Column, year: int | None) -> str | None:
    hint = setting.hint_for(year)
    note = ("Bắt buộc. " if setting.required else "") + hint
    if setting.default is not None and not hint:
        note += f"Mặc định {setting.default}."
    return note.strip() or None


def build_workbook(settings: dict, rows: dict, sheets: tuple = schema.SHEETS):
    """An openpyxl workbook from settings (Mục -> value) and rows (sheet -> list of dicts),
    laid out by a contract (by default a cell's)."""
    from openpyxl import Workbook

    year = settings.get("Năm")
    book = Workbook()
    guide = book.active
    guide.title = schema.GUIDE_SHEET
    lists = _write_lists(book, sheets)
    laid_out = sheet_rows(settings, rows, sheets)
    for sheet in sheets:
        worksheet = book.create_sheet(sheet.name)
        _write_headers(worksheet, sheet, year)
        _write_cells(worksheet, sheet, laid_out[sheet.name][1:])
        _add_dropdowns(worksheet, sheet, lists, year)
    _write_guide(guide, sheets, year)
    book.move_sheet(schema.LISTS_SHEET, offset=len(book.sheetnames))
    book[schema.LISTS_SHEET].sheet_state = "hidden"
    book.active = 0
    return book


def write_value(cell, value):
    """Text is always text: '=…' typed by the secretary must never become a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _header_style():
    from openpyxl.styles import Alignment, Font, PatternFill

    return (Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL),
            Alignment(vertical="center", wrap_text=True))


def _write_headers(worksheet, sheet: schema.Sheet, year: int | None) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    font, fill, alignment = _header_style()
    columns = sheet.columns + ((schema.Column("Ghi chú", "note", width=60),)
                               if sheet.is_key_value else ())
    for index, column in enumerate(columns):
        cell = worksheet.cell(row=1, column=index + 1)
        write_value(cell, column.header)
        cell.font, cell.fill, cell.alignment = font, fill, alignment
        letter = column_letter(index)
        worksheet.column_dimensions[letter].width = column.width
        if column.kind in KIND_FORMATS:
            for row in range(2, DATA_ROWS + 2):
                worksheet.cell(row=row, column=index + 1).number_format = KIND_FORMATS[column.kind]
        hint = _hint(column, year)
        if hint and not sheet.is_key_value:
            prompt = DataValidation(showInputMessage=True, promptTitle=column.header[:32],
                                    prompt=hint[:250])
            prompt.add(f"{letter}1")
            worksheet.add_data_validation(prompt)
    worksheet.freeze_panes = "A2"


def _hint(column: schema.Column, year: int | None) -> str:
    parts = ["Bắt buộc." if column.required else "Không bắt buộc."]
    if column.hint_for(year):
        parts.append(column.hint_for(year) + ".")
    elif column.kind != "text":
        parts.append(f"Kiểu: {KIND_LABELS[column.kind]}.")
    return " ".join(parts)


def _write_cells(worksheet, sheet: schema.Sheet, rows: list[list]) -> None:
    """The rows below the headers: text stays text; long columns wrap, all align on top (a
    setting's value aligns left)."""
    from openpyxl.styles import Alignment

    wrap, top, left = (Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top"),
                       Alignment(horizontal="left"))
    widths = [column.width for column in sheet.columns] + [60]
    for row, values in enumerate(rows, start=2):
        for index, value in enumerate(values):
            cell = worksheet.cell(row=row, column=index + 1)
            write_value(cell, value)
            if sheet.is_key_value:
                if index == 1:
                    cell.alignment = left
            else:
                cell.alignment = wrap if widths[index] >= 40 else top


def _write_lists(book, sheets: tuple) -> dict[tuple[str, str], str]:
    """The hidden `Danh mục` sheet: one column per choice list; returns the range of each."""
    font, fill, _ = _header_style()
    lists = book.create_sheet(schema.LISTS_SHEET)
    ranges = {}
    index = 0
    for sheet in sheets:
        for column in sheet.columns + sheet.settings:
            if column.kind != "choice":
                continue
            letter = column_letter(index)
            header = lists.cell(row=1, column=index + 1)
            write_value(header, f"{sheet.name} · {column.header}")
            header.font, header.fill = font, fill
            for row, choice in enumerate(column.choices, start=2):
                write_value(lists.cell(row=row, column=index + 1), choice if isinstance(choice, int)
                     else str(choice))
            lists.column_dimensions[letter].width = 24
            last = len(column.choices) + 1
            ranges[(sheet.name, column.field)] = (f"'{schema.LISTS_SHEET}'!${letter}$2:"
                                                  f"${letter}${last}")
            index += 1
    return ranges


def _add_dropdowns(worksheet, sheet: schema.Sheet, lists: dict, year: int | None) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    if sheet.is_key_value:   # a choice among the settings: a dropdown on its value cell
        places = [(setting, f"B{row}") for row, setting in enumerate(sheet.settings, start=2)]
    else:
        places = [(column, f"{column_letter(i)}2:{column_letter(i)}{DATA_ROWS + 1}")
                  for i, column in enumerate(sheet.columns)]
    for column, area in places:
        source = lists.get((sheet.name, column.field))
        if source is None:
            continue
        dropdown = DataValidation(
            type="list", formula1=source, allow_blank=True, showDropDown=False,
            showErrorMessage=True, errorStyle="stop", errorTitle="Giá trị không hợp lệ",
            error=f"Hãy chọn một giá trị trong danh sách của cột «{column.header}».",
            showInputMessage=True, promptTitle=column.header[:32], prompt=_hint(column, year)[:250])
        dropdown.add(area)
        worksheet.add_data_validation(dropdown)


def guide_lines(sheets: tuple = schema.SHEETS,
                year: int | None = schema.TWO_LEVEL_YEAR) -> list[tuple[str, str]]:
    """The `Hướng dẫn` sheet as (style, text) lines, generated from the schema; the hints of
    the workbook's year (from 2026: two-level local government, HD 42 and Chỉ thị 50)."""
    example = year or int(schema.SAMPLE_YEAR)
    if sheets == schema.COMMITTEE_SHEETS:
        lines = [
            ("title", "HƯỚNG DẪN GHI SỔ THÔNG TIN CỦA ĐẢNG ỦY"),
            ("text", "Sổ này giữ thông tin của đảng ủy để chibo lập bảng tổng hợp và báo cáo tổng "
                     "hợp sinh hoạt chuyên đề của các chi bộ trực thuộc (lệnh «chibo tong-hop»). "
                     "Đặt sổ này cùng thư mục với sổ của các chi bộ. chibo chỉ đọc sổ."),
            ("text", f"Ngày ghi dd/mm/yyyy (ví dụ 15/03/{example}). Ghi xong, chạy «chibo tong-hop "
                     "thư-mục-sổ»."),
        ]
    else:
        lines = [
            ("title", "HƯỚNG DẪN GHI SỔ SINH HOẠT CHI BỘ"),
            ("text", "Sổ này là nguồn duy nhất để chibo lập kế hoạch, biên bản và báo cáo. chibo "
                     "chỉ đọc sổ, không bao giờ ghi vào sổ."),
            ("text", "Mỗi trang bảng: dòng 1 là tiêu đề cột (không đổi tên); mỗi dòng sau là một "
                     "bản ghi; dòng trống được bỏ qua; không gộp ô. Có thể thêm cột riêng (ví dụ "
                     "Ghi chú)."),
            ("text", f"Ngày ghi dd/mm/yyyy (ví dụ 15/03/{example}); giờ ghi 14:00, 14h30 hoặc 14 "
                     "giờ 30. Họ tên ghi đúng như ở trang Đảng viên."),
            ("text", "Ghi xong, chạy «chibo check» để biết ô nào cần sửa, rồi «build-report» để "
                     "lập văn bản."),
        ]
    for sheet in sheets:
        lines.append(("heading", f"Trang «{sheet.name}»"))
        lines.append(("text", sheet.purpose))
        if sheet.guidance_2026 and (year or 0) >= schema.TWO_LEVEL_YEAR:
            lines.append(("text", sheet.guidance_2026))
        entries = sheet.settings if sheet.is_key_value else sheet.columns
        for column in entries:
            if sheet.is_key_value and column.field in ("key", "value"):
                continue
            detail = [("bắt buộc" if column.required else "không bắt buộc"), KIND_LABELS[column.kind]]
            if column.choices:
                detail.append("một trong: " + ", ".join(map(str, column.choices)))
            if column.default is not None:
                detail.append(f"mặc định {column.default}")
            text = f"• {column.header}: {'; '.join(detail)}."
            if column.hint_for(year):
                text += f" {column.hint_for(year)}."
            lines.append(("item", text))
    return lines


def guide_markdown() -> str:
    """The same guide as a Markdown page (docs/so-chi-bo.md), for readers outside Excel."""
    marks = {"title": "# ", "heading": "\n## ", "item": "- ", "text": ""}
    lines = []
    for style, text in guide_lines():
        if style == "item":
            text = text.removeprefix("• ")
        lines.append(marks[style] + text + ("\n" if style in ("title", "heading", "text") else ""))
    return "\n".join(lines).strip() + "\n"


def _write_guide(worksheet, sheets: tuple, year: int | None) -> None:
    from openpyxl.styles import Alignment, Font

    width = 110
    worksheet.column_dimensions["A"].width = width
    styles = {"title": Font(bold=True, size=14), "heading": Font(bold=True, size=12)}
    for row, (style, text) in enumerate(guide_lines(sheets, year), start=1):
        cell = worksheet.cell(row=row, column=1)
        write_value(cell, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if style in styles:
            cell.font = styles[style]
        # Not every spreadsheet grows a row to fit wrapped text: give long lines their height.
        lines = -(-len(text) // (width - 10))
        if lines > 1:
            worksheet.row_dimensions[row].height = 15 * lines


# --- a new year from last year's book ----------------------------------------------------------

def _cell_value(column: schema.Column, value):
    """A clean value as a cell holds it again: addresses joined, a header name with its line
    breaks."""
    if value is None:
        return None
    if column.kind == "email":
        return "; ".join(value)
    if column.kind == "heading":
        return "\n".join(getattr(value, "lines", None) or [str(value)])
    return value


def carry_over(old_path: str | Path, year: int | None = None):
    """What a new year's workbook takes from last year's: `Thông tin` (the year changed and
    the mail settings kept), `Căn cứ`, `Đảng viên` still in the cell on 1 January, and
    `Nơi nhận`; the plan, themes, meetings and register start empty.

    Returns (settings, rows, notes): the new book's contents and what to tell the secretary."""
    from .model import probation_ends
    from .reading import read_workbook

    old, report = read_workbook(old_path)
    if old is None:
        first = report.errors[0]
        raise WorkbookUnreadable(first.code, first.message)
    old_year = old.settings.values.get("year")
    if year is None:
        if old_year is None:
            raise NotReady(f"Sổ {Path(old_path).name} chưa có «Năm» ở trang Thông tin: hãy ghi "
                           "năm của sổ mới.")
        year = old_year + 1
    start = dt.date(year, 1, 1)
    settings = {s.header: _cell_value(s, old.settings.values.get(s.field))
                for s in schema.SETTINGS.settings}
    settings["Năm"] = year

    def rows_of(sheet: schema.Sheet, records) -> list[dict]:
        return [{c.header: _cell_value(c, r.values.get(c.field)) for c in sheet.columns}
                for r in records]

    staying = [m for m in old.members if m.name and not (m.left and m.left <= start)]
    gone = [m.name for m in old.members if m.name and m.left and m.left <= start]
    members = rows_of(schema.MEMBERS, staying)
    for number, row in enumerate(members, start=1):
        row["STT"] = number
        if row["Ngày chuyển đến"] and row["Ngày chuyển đến"] < start:
            row["Ngày chuyển đến"] = None   # in the cell from the new year's first day
        if row["Ngày chuyển chính thức"] and row["Ngày chuyển chính thức"] < start:
            row["Loại"] = "Chính thức"        # her promotion, settled last year
    rows = {schema.LEGAL_BASES.name: rows_of(schema.LEGAL_BASES, old.legal_bases),
            schema.CRITERIA.name: (rows_of(schema.CRITERIA, old.criteria)
                                   or schema.default_criteria_rows()),
            schema.MEMBERS.name: members,
            schema.RECIPIENTS.name: rows_of(schema.RECIPIENTS, old.recipients)}

    notes = [f"Thông tin của chi bộ, năm {year}"
             + (" (kể cả thiết lập gửi thư)" if old.settings.values.get("smtp_host") else ""),
             f"{len(old.legal_bases)} văn bản căn cứ (nhớ cập nhật văn bản mới)",
             f"{len(staying)} đảng viên" + (f" (không chép {len(gone)} đồng chí đã chuyển đi: "
                                           f"{', '.join(gone)})" if gone else ""),
             f"{len(old.recipients)} nơi nhận"]
    notes += _dated_bases(old.legal_bases, old_year, year)
    for member in staying:
        ends = probation_ends(member)
        if ends is not None and ends.year <= year:
            notes.append(f"Đồng chí {member.name} là đảng viên dự bị, đủ 12 tháng ngày "
                         f"{short_date(ends)}: nhớ xét chuyển đảng viên chính thức.")
    return settings, rows, notes


def _dated_bases(bases, old_year: int | None, year: int) -> list[str]:
    """The sources carried that belong to last year — a plan of the commune's for its year,
    a document issued then and naming it — pointed out to be replaced, never silently kept."""
    notes = []
    for base in bases:
        words = " ".join(str(base.values.get(f) or "") for f in ("document", "subject"))
        if old_year and (str(old_year) in words or (base.date and base.date.year == old_year
                                                      and "kế hoạch" in words.lower())):
            notes.append(f"Căn cứ «{base.document}» ({base.subject}) là văn bản của năm "
                         f"{old_year}: nhớ thay bằng văn bản của năm {year} ở trang Căn cứ.")
    return notes


def create_from(path: str | Path, old_path: str | Path, year: int | None = None,
                force: bool = False) -> tuple[Path, list[str]]:
    """`chibo init NEW --from OLD`: a new year's workbook from last year's."""
    path = _new_workbook_path(path, force)
    settings, rows, notes = carry_over(old_path, year)
    _save_workbook(path, build_workbook(settings, rows))
    return path, notes
