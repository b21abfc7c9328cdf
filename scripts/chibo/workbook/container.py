"""The file itself, before any sheet is read: what it really is, whether it opens, and how
large its sheets really are.

A secretary's folder and a Đảng ủy's mailbox hold everything: workbooks from Excel,
LibreOffice, WPS, Google Sheets and a dozen libraries, old .xls, Word files renamed by
mistake, damaged downloads. Each gets a message true to what it is. What is read is bounded
by what the file holds, not by what it declares: every worksheet is decompressed as a
stream, its cells counted, and a sheet too large for a cell's workbook is refused with its
real size before any parser builds it in memory.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import WorkbookUnreadable
from ..files import not_a_file
from .values import clean_text, column_number

# Bounds on what is actually decompressed and held: far above any cell's workbook.
MAX_PART_BYTES = 64 * 1024 * 1024        # one worksheet's XML (50,000 rows take 7 MB)
MAX_TOTAL_BYTES = 256 * 1024 * 1024      # the whole file
MAX_SHEET_CELLS = 1_000_000              # cells written in one sheet
# python-calamine holds a sheet as one dense rectangle from A1 to its last cell: above this
# many, the sheet is streamed by openpyxl instead, as far as the contract's columns reach.
MAX_DENSE_CELLS = 4_000_000
CHUNK = 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Excel's built-in password: a workbook «protected» with it opens in Excel without a word.
EXCEL_DEFAULT_PASSWORD = "VelvetSweatshop"
# The stream that names what an OLE compound file holds, and what to call it.
OLE_KINDS = [("EncryptionInfo", None), ("Workbook", "xls"), ("Book", "xls"),
             ("WordDocument", "tài liệu Word 97-2003 (.doc)"),
             ("PowerPoint Document", "bản trình chiếu PowerPoint 97-2003 (.ppt)"),
             ("__substg1.0_", "thư Outlook (.msg)"), ("VisioDocument", "bản vẽ Visio (.vsd)"),
             ("Quill", "ấn phẩm Publisher (.pub)")]
STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
TRANSITIONAL = {
    b"http://purl.oclc.org/ooxml/spreadsheetml/main":
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    b"http://purl.oclc.org/ooxml/officeDocument/relationships":
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
SAVE_AS_XLSX = "hãy mở bằng Excel (hoặc LibreOffice) rồi lưu thành Sổ làm việc Excel (.xlsx)"


@dataclass
class SheetPart:
    """What the zip tells about one worksheet before any parser sees it."""

    uncached_formulas: set[str] = field(default_factory=set)
    too_big_to_read_densely: bool = False


@dataclass
class Container:
    """A workbook that opens: the file the parsers read (the original, or a repaired or
    decrypted copy), and its sheets' facts by name."""

    source: Path
    parts: dict[str, SheetPart]
    strict: bool = False                 # Strict Open XML: openpyxl needs a converted copy
    temporary: Path | None = None        # a copy to delete once read

    def close(self) -> None:
        if self.temporary is not None and self.temporary.exists():
            self.temporary.unlink()


def thousands(number: int) -> str:
    """150000 -> '150.000', as Vietnamese writes it."""
    return f"{number:,}".replace(",", ".")


def unreadable(code: str, message: str) -> WorkbookUnreadable:
    return WorkbookUnreadable(code, message)


# --- what the file is -------------------------------------------------------------------------

def open_container(path: Path) -> Container:
    """Open a workbook for reading, or raise `WorkbookUnreadable` saying what it really is."""
    name = path.name
    why = not_a_file(path)
    if why is not None:
        raise unreadable("not-a-file" if os.path.lexists(path) else "file-missing", why)
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except PermissionError:
        raise unreadable("file-locked", f"Không mở được {name}: tệp đang bị khóa hoặc không có "
                         "quyền đọc; nếu tệp đang mở trong Excel, hãy đóng tệp rồi chạy lại.") from None
    if not head:
        raise unreadable("file-empty", f"Tệp {name} rỗng (0 byte): hãy chọn đúng sổ Excel.")
    if head.startswith(OLE_MAGIC[:4]):
        return _zip_container(path, _decrypted(path))
    if not head.startswith(b"PK"):
        raise _not_a_zip(path, head)
    return _zip_container(path, None)


def _ole_kind(data: bytes) -> str | None:
    """What an OLE file holds, by the streams its directory names (a Word file's text may
    well say «Workbook»); by the names found anywhere only when the directory is unreadable."""
    import io

    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            # the top level only: a Word file may embed a workbook in a storage of its own
            streams = {path[0] for path in ole.listdir(streams=True, storages=True)
                       if len(path) == 1}
    except Exception:   # a damaged directory: the names it would hold, wherever they are
        streams = None
    for stream, kind in OLE_KINDS:
        if streams is not None:   # by name, or its prefix (Outlook's __substg1.0_…)
            hit = any(name.startswith(stream) for name in streams)
        else:
            hit = stream.encode("utf-16-le") in data
        if hit:
            return kind or "encrypted"
    return None


def _decrypted(path: Path) -> bytes:
    """An OLE file: an encrypted .xlsx (opened when Excel's default password opens it), an
    old .xls, or another Office file that is not a workbook at all."""
    name, data = path.name, path.read_bytes()
    kind = _ole_kind(data)
    if kind == "xls":
        raise unreadable("xls", f"Tệp {name} là sổ Excel 97-2003 (.xls): hãy mở trong Excel và "
                         "chọn Lưu thành › Sổ làm việc Excel (.xlsx).")
    if kind != "encrypted":
        what = kind or "tệp Office cũ (dạng OLE)"
        raise unreadable("not-xlsx", f"Tệp {name} là {what}, không phải sổ Excel: hãy chọn đúng "
                         "sổ của chi bộ (.xlsx).")
    import io

    try:
        import msoffcrypto

        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        office.load_key(password=EXCEL_DEFAULT_PASSWORD)
        plain = io.BytesIO()
        office.decrypt(plain)
        return plain.getvalue()
    except Exception:   # a real password, or an encryption msoffcrypto cannot undo
        raise unreadable("encrypted", f"Tệp {name} được đặt mật khẩu: hãy mở trong Excel, bỏ mật "
                         "khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa "
                         "mật khẩu) rồi lưu lại.") from None


# The first record of an Excel 2.x, 3.0 and 4.0 file (BOF), before Excel used OLE.
BIFF_VERSIONS = {b"\x09\x00": "Excel 2.x", b"\x09\x02": "Excel 3.0", b"\x09\x04": "Excel 4.0"}


def _not_a_zip(path: Path, head: bytes) -> WorkbookUnreadable:
    """A file that is not a zip: name its real format and what to do, whatever its name."""
    name = path.name
    renamed = "chỉ được đổi tên thành .xlsx, " if path.suffix.lower() == ".xlsx" else ""
    if head[:2] in BIFF_VERSIONS and len(head) >= 4 and head[2] in (4, 6, 8) and head[3] == 0:
        version = BIFF_VERSIONS[head[:2]]
        return unreadable("old-excel", f"Tệp {name} là sổ {version} rất cũ, {renamed}chibo không "
                          f"đọc trực tiếp: {SAVE_AS_XLSX}.")
    kind = _text_kind(head)
    if kind is not None:
        return unreadable("not-xlsx", f"Tệp {name} là {kind}, {renamed}không phải sổ Excel: "
                          f"{SAVE_AS_XLSX}.")
    return unreadable("not-xlsx", f"Tệp {name} không phải sổ Excel (.xlsx): hãy chọn đúng sổ của "
                      "chi bộ.")


def _text_kind(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "tệp văn bản UTF-16 (Excel «Unicode Text», cột cách nhau bằng Tab)"
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
        return "tệp văn bản CSV (UTF-8)"
    except UnicodeDecodeError as error:
        if error.start > len(head) - 4:   # a character cut at the end of what was read
            return "tệp văn bản CSV (UTF-8)"
    printable = sum(1 for b in head if b >= 0x20 or b in b"\r\n\t")
    if printable == len(head):
        return "tệp văn bản CSV mã hóa Windows-1252 (hay Windows-1258)"
    return None


# --- the zip ------------------------------------------------------------------------------------

ZIP_FAILURES = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError,
                ValueError, OSError, KeyError)


def _broken(name: str, error: BaseException) -> WorkbookUnreadable:
    """Every way a zip can fail, in words: damaged, compressed or encrypted in a way the
    Office formats do not use."""
    text = str(error).lower()
    if isinstance(error, NotImplementedError) or "compression method" in text:
        return unreadable("broken-file", f"Tệp {name} được nén theo cách Excel không dùng (ví dụ "
                          "Deflate64 của một số chương trình nén): hãy mở bằng Excel hoặc "
                          "LibreOffice rồi lưu lại thành .xlsx.")
    if "encrypted" in text or "password" in text:
        return unreadable("broken-file", f"Tệp {name} có phần bị mã hóa bằng mật khẩu của tệp "
                          "nén, không phải sổ Excel bình thường: hãy lấy lại bản gốc của sổ.")
    return unreadable("broken-file", f"Tệp {name} bị hỏng (có thể chưa chép hết hoặc lỗi khi tải "
                      "về): hãy lấy lại bản đầy đủ, hoặc mở bằng Excel để sửa rồi lưu lại.")


def _zip_container(path: Path, decrypted: bytes | None) -> Container:
    name = path.name
    source: Path = path
    temporary: Path | None = None

    def read_instead(copy: Path) -> None:
        """Read a decrypted or repaired copy from now on (one temporary file at a time)."""
        nonlocal source, temporary
        if temporary is not None:
            temporary.unlink()
        source = temporary = copy

    try:
        if decrypted is not None:
            read_instead(_temporary_copy(decrypted))
        archive = zipfile.ZipFile(source)
        # Windows separators in part names: Excel and calamine cope, openpyxl does not
        if any("\\" in info.filename for info in archive.infolist()):
            repaired = _repaired_copy(archive)
            archive.close()
            read_instead(repaired)
            archive = zipfile.ZipFile(source)
        with archive:
            names = _normalised_names(archive)
            workbook_part = _workbook_part(archive, names)
            if workbook_part is None:
                raise _not_a_workbook(name, names)
            _refuse_declared_bombs(archive, name)
            _refuse_doctypes(archive, name)
            parts, strict = _measure_sheets(archive, names, workbook_part, name)
            macros = _macro_sheet_ids(archive, names, workbook_part)
            # Excel 4.0 macro sheets stop both readers; the contract never needs them
            stripped = (_without_sheets(archive, names[workbook_part].filename, macros)
                        if macros else None)
        if stripped is not None:
            read_instead(stripped)
    except (WorkbookUnreadable, *ZIP_FAILURES) as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        if isinstance(error, WorkbookUnreadable):
            raise
        raise _broken(name, error) from None
    return Container(source, parts, strict, temporary)


def _rels_of(workbook_part: str) -> str:
    folder = str(PurePosixPath(workbook_part).parent)
    return f"{folder}/_rels/{PurePosixPath(workbook_part).name}.rels".lstrip("./")


def _macro_sheet_ids(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo],
                     workbook_part: str) -> set[str]:
    rels = names.get(_rels_of(workbook_part))
    if rels is None:
        return set()
    found = set()
    for tag in _RELATIONSHIP.findall(archive.read(rels)):
        attributes = _attributes(tag)
        if "macrosheet" in attributes.get("Type", "").lower() or \
                "macrosheets/" in attributes.get("Target", "").lower():
            found.add(attributes.get("Id", ""))
    return found


def _without_sheets(archive: zipfile.ZipFile, workbook_part: str, ids: set[str]) -> Path:
    """A copy whose workbook no longer lists these sheets (by relationship id)."""
    handle, name = tempfile.mkstemp(prefix="chibo-", suffix=".xlsx")

    def keep(tag: bytes) -> bool:
        return _attributes(tag).get("id") not in ids

    with open(handle, "wb") as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == workbook_part:
                data = _SHEET_TAG.sub(lambda m: m.group(0) if keep(m.group(0)) else b"", data)
            out.writestr(info, data)
    return Path(name)


def _temporary_copy(data: bytes) -> Path:
    handle, name = tempfile.mkstemp(prefix="chibo-", suffix=".xlsx")
    with open(handle, "wb") as stream:
        stream.write(data)
    return Path(name)


def _repaired_copy(archive: zipfile.ZipFile) -> Path:
    handle, name = tempfile.mkstemp(prefix="chibo-", suffix=".xlsx")
    with open(handle, "wb") as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            out.writestr(info.filename.replace("\\", "/"), archive.read(info))
    return Path(name)


def _normalised_names(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Part name, lower case with '/' separators -> its entry: Office part names are
    case-insensitive."""
    return {info.filename.replace("\\", "/").lstrip("/").lower(): info
            for info in archive.infolist()}


def _workbook_part(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]) -> str | None:
    """Where the workbook part is: as the package's relationships say, wherever that is
    («xl/WorkBook.xml», or at the root); else the usual place."""
    rels = names.get("_rels/.rels")
    if rels is not None:
        data = archive.read(rels)
        for tag in re.findall(rb"<Relationship\b[^>]*>", data):
            if b"/officeDocument" in tag:
                target = re.search(rb'Target="([^"]+)"', tag)
                if target:
                    part = target.group(1).decode("utf-8", "replace").lstrip("/").lower()
                    if part in names:
                        return part
    for candidate in ("xl/workbook.xml", "workbook.xml"):
        if candidate in names:
            return candidate
    return None


def _not_a_workbook(name: str, names: dict) -> WorkbookUnreadable:
    if "content.xml" in names:
        return unreadable("ods", f"Tệp {name} là bảng tính OpenDocument (.ods): hãy lưu thành "
                          ".xlsx (Lưu thành › Excel 2007-365).")
    if "word/document.xml" in names:
        return unreadable("not-xlsx", f"Tệp {name} là tài liệu Word (.docx), không phải sổ Excel.")
    if "ppt/presentation.xml" in names:
        return unreadable("not-xlsx", f"Tệp {name} là bản trình chiếu PowerPoint (.pptx), không "
                          "phải sổ Excel.")
    return unreadable("not-xlsx", f"Tệp {name} là một tệp nén (zip) nhưng không chứa sổ Excel.")


def _refuse_declared_bombs(archive: zipfile.ZipFile, name: str) -> None:
    """What the zip declares: a first, cheap refusal. The sizes are checked again below
    against what is really decompressed, since a declaration can lie."""
    declared = sum(info.file_size for info in archive.infolist())
    if declared > MAX_TOTAL_BYTES:
        raise _too_large(name, "toàn bộ tệp", declared)


def _too_large(name: str, what: str, size: int) -> WorkbookUnreadable:
    megabytes = thousands(size // (1024 * 1024))
    return unreadable("too-large", f"Tệp {name} giải nén ra quá lớn ({what}: hơn {megabytes} MB): "
                      "đây không phải sổ của chi bộ, hoặc tệp đã bị làm hỏng.")


def _refuse_doctypes(archive: zipfile.ZipFile, name: str) -> None:
    """No XML part declares a DOCTYPE or entities (an entity bomb); the worksheets are
    looked at as they are measured (`_measure_sheet`), so each is opened once."""
    for info in archive.infolist():
        lowered = info.filename.lower().replace("\\", "/")
        if lowered.endswith((".xml", ".rels")) and not lowered.startswith("xl/worksheets/"):
            with archive.open(info) as part:
                _refuse_doctype(part.read(2048), name, info.filename)


def _refuse_doctype(head: bytes, name: str, part: str) -> None:
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise unreadable("xml-doctype", f"Tệp {name} chứa khai báo XML lạ ({part}) mà Excel "
                         "không bao giờ ghi: chibo không đọc tệp này.")


# --- the sheets, measured as they are decompressed -----------------------------------------------

_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
# A cell with a formula and no <v> after it: never calculated, so no value was saved.
_FORMULA_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?<!/)>(.*?)</c>', re.S)


def _attributes(tag: bytes) -> dict[str, str]:
    return {key.decode().split(":")[-1]: html.unescape(value.decode("utf-8", "replace"))
            for key, value in _ATTRIBUTE.findall(tag)}


def _measure_sheets(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo],
                    workbook_part: str, name: str) -> tuple[dict[str, SheetPart], bool]:
    """Each worksheet's facts by sheet name, reading every sheet once as a stream."""
    workbook_xml = archive.read(names[workbook_part])
    strict = STRICT_NAMESPACE in workbook_xml[:4096]
    folder = str(PurePosixPath(workbook_part).parent)
    rels_part = _rels_of(workbook_part)
    targets: dict[str, str] = {}
    if rels_part in names:
        for tag in _RELATIONSHIP.findall(archive.read(names[rels_part])):
            found = _attributes(tag)
            if "Id" in found and "Target" in found:
                targets[found["Id"]] = found["Target"]
    parts: dict[str, SheetPart] = {}
    total = 0
    for tag in _SHEET_TAG.findall(workbook_xml):
        found = _attributes(tag)
        target = targets.get(found.get("id", ""), "")
        if not target:
            continue
        part = (target.lstrip("/") if target.startswith("/")
                else str(PurePosixPath(folder) / target)).lower().lstrip("./")
        info = names.get(part)
        if info is None:
            continue
        sheet_name = clean_text(found.get("name", ""))
        parts[sheet_name], size = _measure_sheet(archive, info, name, sheet_name)
        total += size
        if total > MAX_TOTAL_BYTES:
            raise _too_large(name, "các trang", total)
    return parts, strict


# A cell's place is its `r` attribute, as calamine reads it: whichever of two it meets, wherever
# in the tag it stands. Excel, LibreOffice, openpyxl and the libraries after them write it first,
# `<c r="B7" …>`; a place is read only from there, and only when no other `r` stands in the piece.
_CELL_START = re.compile(rb'<c(?=[\s/>])(?: r="([A-Z]{1,3})(\d+)")?')
# calamine takes any element whose name ends `:c` for a cell, whatever letters its prefix has.
_PREFIXED_CELL_START = re.compile(rb'<(?:[^\s<>/:="\']*:)?c(?=[\s/>])(?: r="([A-Z]{1,3})(\d+)")?')
_PREFIXED_CELL = re.compile(rb':c[\s/>]')
_FIRST_REFERENCES = (b'<c r="', b':c r="', b'<row r="', b':row r="')
# An `r` attribute written otherwise than ` r=`: after a tab or a line break, a quote, or with
# a space before its `=`.
_ODD_REFERENCE = re.compile(rb'r(?:(?<=[\t\n\r"\']r)[\s=]|(?<= r)\s)')
# A box calamine may always fill: 40 columns (A to AN) by 99,999 rows is under MAX_DENSE_CELLS.
# A piece whose every cell is written `<c r="…"` inside it needs no cell placed one by one.
BOX_COLUMNS, BOX_ROWS = 40, 99_999
_CELL_OUTSIDE_THE_BOX = re.compile(rb'<c(?=[\s/>])(?! r="(?:[A-Z]|A[A-N])[1-9]\d{0,4}")')


@dataclass
class _Cells:
    """What the measuring has found of one sheet's cells so far. `last_row` and
    `last_column` bound where its cells stand: exactly when each was placed, by the box when
    a piece was seen to lie inside it (`boxed`)."""

    count: int = 0
    rows: int = 0
    last_row: int = 0
    last_column: int = 0
    unplaced: int = 0     # cells whose place could not be read from their tag
    boxed: bool = False
    exact: bool = False   # place every cell, never by the box

    def add(self, xml: bytes) -> None:
        """The cells of a piece of a sheet made of whole tags: counted, and placed. A cell
        whose place is not plainly written (no reference, or one Excel never writes) could
        stand anywhere: it is counted as unplaced, and the sheet is read row by row."""
        self.rows += xml.count(b"<row ") + xml.count(b"<row>")
        if not (self.exact or self.unplaced) and self._inside_the_box(xml):
            return
        prefixed = _PREFIXED_CELL.search(xml) is not None
        starts = (_PREFIXED_CELL_START if prefixed else _CELL_START).findall(xml)
        self.count += len(starts)
        if self.unplaced:
            return   # the sheet is read row by row, whatever else it holds
        if not _only_first_references(xml):
            self.unplaced += len(starts) or 1
            return
        placed = [start for start in starts if start[0]]
        self.unplaced += len(starts) - len(placed)
        if placed:
            columns = {column for column, _ in placed}
            self.last_column = max(self.last_column, max(column_number(c.decode()) for c in columns))
            self.last_row = max(self.last_row, max(map(int, {row for _, row in placed})))

    def _inside_the_box(self, xml: bytes) -> bool:
        """Whether every cell of a piece is written `<c r="…"` inside the box, with no other
        `r` anywhere: then counting its cells is enough (about ten times cheaper than placing
        each)."""
        if _CELL_OUTSIDE_THE_BOX.search(xml) or _PREFIXED_CELL.search(xml) \
                or not _only_first_references(xml):
            return False
        self.count += xml.count(b'<c r="')   # every cell, written so
        self.boxed = True
        return True

    @property
    def too_many_to_place(self) -> bool:
        """Whether calamine, which makes room for every cell between the first and the last,
        must not read the sheet: too far a cell, too wide a sheet, or a cell of unknown
        place (the sheet is then read row by row, which costs time and never memory)."""
        last_row = max(self.last_row, BOX_ROWS if self.boxed else 0)
        last_column = max(self.last_column, BOX_COLUMNS if self.boxed else 1)
        return bool(self.unplaced) or last_row * last_column > MAX_DENSE_CELLS or last_column > 78

    @property
    def only_bounded(self) -> bool:
        """Whether the box, not the cells' own places, made the sheet too many to place: it
        is then measured again, each cell placed."""
        return self.boxed and not self.unplaced and self.too_many_to_place


def _only_first_references(xml: bytes) -> bool:
    """Whether every `r` attribute of a piece is the first of its cell or row, written
    plainly — so that no second reference, which calamine would take instead, hides in a
    tag."""
    return (xml.count(b" r=") == sum(xml.count(first) for first in _FIRST_REFERENCES)
            and _ODD_REFERENCE.search(xml) is None)


def _measure_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str,
                   sheet_name: str, exact: bool = False) -> tuple[SheetPart, int]:
    """Decompress one worksheet as a stream, never more than the bounds: its cells counted,
    its real extent (last row and column written), its formulas without a value."""
    size = 0
    cells = _Cells(exact=exact)
    uncached: set[str] = set()
    tail = pending = b""
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            if not size:
                _refuse_doctype(chunk[:2048], name, info.filename)
            if not size and not chunk.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").startswith(b"<"):
                raise unreadable("broken-file", f"Tệp {name} bị hỏng: trang «{sheet_name}» không "
                                 "chứa dữ liệu bảng tính (XML).")
            size += len(chunk)
            if size > MAX_PART_BYTES:
                raise _too_large(name, f"trang «{sheet_name}»", size)
            text = pending + chunk   # the piece measured ends with a whole tag
            cut = text.rfind(b">") + 1
            cells.add(text if cut == len(text) else text[:cut])
            pending = text[cut:]
            _refuse_too_many(cells, name, sheet_name)
            window = tail + chunk
            if b"<f" in window:
                for reference, inner in _FORMULA_CELL.findall(window):
                    if b"<f" in inner and not re.search(rb"<v>[^<]", inner) and b"<is>" not in inner:
                        uncached.add(reference.decode())
            tail = chunk[-8192:]
    if pending:
        cells.add(pending)
    if cells.only_bounded:   # a large sheet partly inside the box: its real extent decides
        return _measure_sheet(archive, info, name, sheet_name, exact=True)
    return SheetPart(uncached, cells.too_many_to_place), size


def _refuse_too_many(cells: _Cells, name: str, sheet_name: str) -> None:
    if cells.count > MAX_SHEET_CELLS:
        raise unreadable("too-large", f"Tệp {name}: trang «{sheet_name}» có hơn "
                         f"{thousands(MAX_SHEET_CELLS)} ô (mới đọc tới dòng thứ "
                         f"{thousands(cells.rows)}): quá lớn cho một sổ chi bộ; đây là tệp "
                         "khác, hoặc trang này bị ghi thừa dữ liệu.")


def transitional_copy(source: Path) -> Path:
    """A Strict Open XML workbook with the transitional namespaces, for openpyxl."""
    handle, name = tempfile.mkstemp(prefix="chibo-", suffix=".xlsx")
    with zipfile.ZipFile(source) as archive, open(handle, "wb") as stream, \
            zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for strict, transitional in TRANSITIONAL.items():
                    data = data.replace(strict, transitional)
            out.writestr(info.filename, data)
    return Path(name)
