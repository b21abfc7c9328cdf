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
import struct
import tempfile
import xml.etree.ElementTree as ET
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator

from ..errors import WorkbookUnreadable
from ..files import not_a_file, zip_archive
from .values import column_number

# Bounds on what is actually decompressed and held: far above any cell's workbook.
MAX_PART_BYTES = 64 * 1024 * 1024        # one worksheet's XML (50,000 rows take 7 MB)
MAX_TOTAL_BYTES = 256 * 1024 * 1024      # the whole file
MAX_SHEET_CELLS = 1_000_000              # cells written in one sheet
# python-calamine holds a sheet as one dense rectangle from A1 to its last cell: above this
# many, the sheet is streamed by openpyxl instead, as far as the contract's columns reach.
MAX_DENSE_CELLS = 4_000_000
# Strings in one shared-strings part (calamine makes room for as many as it declares), and
# merged areas in one sheet (each one a problem, and both readers hold them all): far above
# any cell's book.
MAX_SHARED_STRINGS = 1_000_000
MAX_MERGED_AREAS = 10_000
# The workbook part and its relationships are parsed whole as XML: a workbook with a
# hundred sheets and a thousand defined names takes well under a megabyte (openpyxl takes
# five seconds for a part this large, some ninety thousand names, beside a far cell).
MAX_STRUCTURE_BYTES = 4 * 1024 * 1024
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
    size: int = 0   # its XML, decompressed


@dataclass
class Container:
    """A workbook that opens: the file the parsers read (the original, or a repaired or
    decrypted copy), and its sheets' facts by name."""

    source: Path
    parts: dict[str, SheetPart]
    strict: bool = False                 # Strict Open XML: openpyxl needs a converted copy
    temporary: Path | None = None        # a copy to delete once read
    # what a sheet the container cannot match to a measured part is taken to be: safe to
    # read densely only when every part of the file is
    unmeasured: SheetPart = field(default_factory=SheetPart)
    # the package as it was measured, each part stored as decompressed (`_stored_package`):
    # what calamine reads, when the package is plain and small enough to hold
    image: bytes | None = None

    def part(self, sheet_name: str) -> SheetPart:
        """The facts of the sheet calamine names so (its exact name)."""
        return self.parts.get(sheet_name, self.unmeasured)

    def close(self) -> None:
        self.image = None
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
        archive = _Package(source)
        # Windows separators in part names: Excel and calamine cope, openpyxl does not
        if any("\\" in info.filename for info in archive.infolist()):
            repaired = _repaired_copy(archive)
            archive.close()
            read_instead(repaired)
            archive = _Package(source)
        with archive:
            names = _normalised_names(archive)
            workbook_part = _workbook_part(archive, names)
            if workbook_part is None:
                raise _not_a_workbook(name, names)
            _refuse_declared_bombs(archive, name)
            parts, unmeasured, strict, image = _measure_parts(archive, names, workbook_part, name)
            macros = _macro_sheet_ids(archive, names, workbook_part)
            # Excel 4.0 macro sheets stop both readers; the contract never needs them
            stripped = (_without_sheets(archive, names[workbook_part].filename, macros)
                        if macros else None)
        if stripped is not None:
            read_instead(stripped)
            image = None   # the image still lists the macro sheets
    except (WorkbookUnreadable, *ZIP_FAILURES) as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        if isinstance(error, WorkbookUnreadable):
            raise
        raise _broken(name, error) from None
    return Container(source, parts, strict, temporary, unmeasured, image)


class _Package(zipfile.ZipFile):
    """The zip, read for measuring: each part decompressed straight through zlib (ZipFile's
    own stream costs three times as much on a book of twenty small parts), never past the
    size it declares, its CRC checked; the small parts read more than once held once read."""

    HELD_BYTES = 256 * 1024

    def __init__(self, file: Path):
        super().__init__(file)
        self._held: dict[zipfile.ZipInfo, bytes] = {}

    def read(self, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        if pwd is not None:
            return super().read(info, pwd)
        data = self._held.get(info)
        if data is None:
            data = b"".join(self.chunks(info))
            if len(data) <= self.HELD_BYTES:
                self._held[info] = data
        return data

    def chunks(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The part, decompressed a chunk at a time."""
        if info in self._held:
            yield self._held[info]
            return
        if info.flag_bits & 1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            with self.open(info) as stream:   # ZipFile says what is wrong: encrypted, Deflate64…
                while chunk := stream.read(CHUNK):
                    yield chunk
            return
        inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
        position, left = self._data_start(info), info.compress_size
        crc = size = 0
        pending = b""
        while inflate is None or not inflate.eof:   # what follows the stream's end is ignored
            if not pending and left:
                assert self.fp is not None
                self.fp.seek(position)   # other parts may be read between two chunks
                pending = self.fp.read(min(CHUNK, left))
                if not pending:
                    raise zipfile.BadZipFile(f"{info.filename}: truncated")
                position, left = position + len(pending), left - len(pending)
            if inflate is None:
                chunk, pending = pending, b""
            else:   # with nothing left to give it, zlib may still hold output: asked once more
                chunk = inflate.decompress(pending, CHUNK)
                pending = inflate.unconsumed_tail
            if not chunk:
                if pending or left:
                    continue
                break
            size, crc = size + len(chunk), zlib.crc32(chunk, crc)
            if size > info.file_size:
                raise zipfile.BadZipFile(f"{info.filename}: more data than declared")
            yield chunk
        if size != info.file_size or crc != info.CRC or (inflate is not None and not inflate.eof):
            raise zipfile.BadZipFile(f"{info.filename}: Bad CRC-32 or size")

    def _data_start(self, info: zipfile.ZipInfo) -> int:
        assert self.fp is not None
        self.fp.seek(info.header_offset)
        header = self.fp.read(30)
        if len(header) != 30 or not header.startswith(b"PK\x03\x04"):
            raise zipfile.BadZipFile(f"{info.filename}: bad local file header")
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        return info.header_offset + 30 + name_length + extra_length


def _rels_of(workbook_part: str) -> str:
    folder = str(PurePosixPath(workbook_part).parent)
    return f"{folder}/_rels/{PurePosixPath(workbook_part).name}.rels".lstrip("./")


def _macro_sheet_ids(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo],
                     workbook_part: str) -> set[str]:
    rels = names.get(_rels_of(workbook_part))
    if rels is None:
        return set()
    data = archive.read(rels)
    if b"&" not in data and b"macrosheet" not in data.lower():   # nothing written, nor escaped
        return set()
    found = set()
    for tag in _RELATIONSHIP.findall(data):
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


def _refuse_doctype(head: bytes, name: str, part: str) -> None:
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise unreadable("xml-doctype", f"Tệp {name} chứa khai báo XML lạ ({part}) mà Excel "
                         "không bao giờ ghi: chibo không đọc tệp này.")


# --- which part each sheet is -------------------------------------------------------------------

_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
# An id or a target as Excel writes it: no space, nothing escaped (calamine reads a
# relationship's target and a sheet's id as written, an XML parser decodes them).
_PLAIN_VALUE = re.compile(r"[^\s&<>\"']+\Z")
SHEET_KINDS = ("worksheet", "chartsheet", "dialogsheet")   # any other, calamine refuses the book


def _attributes(tag: bytes) -> dict[str, str]:
    return {key.decode().split(":")[-1]: html.unescape(value.decode("utf-8", "replace"))
            for key, value in _ATTRIBUTE.findall(tag)}


def _plain_sheets(archive: zipfile.ZipFile, workbook: zipfile.ZipInfo
                  ) -> tuple[dict[str, zipfile.ZipInfo], zipfile.ZipInfo | None] | None:
    """Each sheet's part by its exact name, and the shared strings' part, found exactly as
    calamine finds them — when the package is written plainly, as Excel, LibreOffice and the
    libraries write it, so that it has one reading only. None when it has more: two entries
    or two sheets of one name, a second workbook, XML a parser refuses, a value escaped."""
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        key = info.filename   # calamine finds a part by its name in ASCII lower case
        if not key.isascii() or key.startswith("/") or "\\" in key or key.lower() in entries:
            return None
        entries[key.lower()] = info

    def entry(path: str) -> zipfile.ZipInfo | None:
        return entries.get(path.lower()) if path.isascii() else None

    package = _plain_xml(archive, entry("_rels/.rels"), "Relationships")
    documents = [r for r in _elements(package, "Relationship")
                 if r.get("Type", "").endswith("/relationships/officeDocument")]
    if len(documents) != 1:
        return None
    target = documents[0].get("Target", "")
    folder = target[:target.rfind("/") + 1].removeprefix("/")   # calamine's «xl/»
    if entry(f"{folder}workbook.xml") is not workbook:
        return None
    targets = _plain_targets(_plain_xml(archive, entry(f"{folder}_rels/workbook.xml.rels"),
                                        "Relationships"))
    book = _plain_xml(archive, workbook, "workbook")
    if targets is None or book is None:
        return None
    sheets: dict[str, zipfile.ZipInfo] = {}
    for sheet in _elements(book, "sheet"):
        ids = [value for key, value in sheet.attrib.items() if key == "id" or key.endswith("}id")]
        name = sheet.get("name")
        if len(ids) != 1 or name is None or name in sheets or ids[0] not in targets:
            return None
        target, kind = targets[ids[0]]
        found = entry(target[1:] if target.startswith("/") else folder + target)
        if found is None or kind.rsplit("/", 1)[-1] not in SHEET_KINDS:
            return None
        sheets[name] = found
    return sheets, entry(f"{folder}sharedStrings.xml")


def _plain_targets(relationships: ET.Element | None) -> dict[str, tuple[str, str]] | None:
    """A relationships part's (target, type) by id, when each id is plain and one of a kind."""
    if relationships is None:
        return None
    targets: dict[str, tuple[str, str]] = {}
    for relationship in _elements(relationships, "Relationship"):
        key, target = relationship.get("Id"), relationship.get("Target", "")
        if key is None:
            continue   # calamine passes over it too
        if key in targets or not _PLAIN_VALUE.match(key) or not _PLAIN_VALUE.match(target):
            return None
        targets[key] = (target, relationship.get("Type", ""))
    return targets


def _plain_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo | None,
               root: str) -> ET.Element | None:
    """A small structural part parsed as XML, when it is plain UTF-8 XML with this root."""
    if info is None or info.file_size > MAX_STRUCTURE_BYTES:
        return None
    data = archive.read(info)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"<!DOCTYPE" in data \
            or b"<!ENTITY" in data or b"&#" in data:
        return None
    try:
        element = ET.fromstring(data)
    except (ET.ParseError, ValueError, LookupError):
        return None
    return element if _local_name(element.tag) == root else None


def _elements(root: ET.Element | None, local_name: str) -> list[ET.Element]:
    """The elements of a tree by local name, whatever their namespace (as calamine)."""
    return [] if root is None else [e for e in root.iter() if _local_name(e.tag) == local_name]


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def _sheets_as_written(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo],
                       workbook_part: str) -> dict[str, zipfile.ZipInfo]:
    """Each sheet's part as the workbook's tags plainly say, for a package that has more than
    one reading: what names its uncached formulas, never what decides how a sheet is read."""
    folder = str(PurePosixPath(workbook_part).parent)
    rels_part = _rels_of(workbook_part)
    targets: dict[str, str] = {}
    if rels_part in names:
        for tag in _RELATIONSHIP.findall(archive.read(names[rels_part])):
            found = _attributes(tag)
            if "Id" in found and "Target" in found:
                targets[found["Id"]] = found["Target"]
    sheets: dict[str, zipfile.ZipInfo] = {}
    for tag in _SHEET_TAG.findall(archive.read(names[workbook_part])):
        found = _attributes(tag)
        target = targets.get(found.get("id", ""), "")
        part = (target.lstrip("/") if target.startswith("/")
                else str(PurePosixPath(folder) / target)).lower().lstrip("./")
        if target and part in names:
            sheets.setdefault(found.get("name", ""), names[part])
    return sheets


# --- every part, measured as it is decompressed --------------------------------------------------

def _measure_parts(archive: _Package, names: dict[str, zipfile.ZipInfo], workbook_part: str,
                   name: str) -> tuple[dict[str, SheetPart], SheetPart, bool, bytes | None]:
    """Every part of the file, measured as it is decompressed, once: each sheet's facts by its
    exact name, what a sheet matched to none is taken to be, and (a plain package of at most
    `IMAGE_BYTES`) the image calamine reads. A sheet is read densely when its own part is safe
    so — and, in a package with more than one reading (`_plain_sheets`), only when every part
    is, whichever part a reader takes for the sheet."""
    workbook = names[workbook_part]
    if workbook.file_size > MAX_STRUCTURE_BYTES:
        raise unreadable("too-large", f"Tệp {name}: phần {workbook.filename} quá lớn (hơn "
                         f"{MAX_STRUCTURE_BYTES // (1024 * 1024)} MB), thường do hàng vạn tên "
                         "vùng thừa: hãy mở bằng Excel, vào Công thức › Trình quản lý Tên, xóa "
                         "các tên không dùng rồi lưu lại.")
    strict = STRICT_NAMESPACE in archive.read(workbook)[:4096]
    plain = _plain_sheets(archive, workbook)
    sheets, strings = plain if plain is not None else (
        _sheets_as_written(archive, names, workbook_part), None)
    labels = {info: sheet for sheet, info in sheets.items()}
    measured: dict[zipfile.ZipInfo, SheetPart] = {}
    total = 0
    held = plain is not None and len(archive.infolist()) <= IMAGE_PARTS
    image: list[tuple[zipfile.ZipInfo, list[bytes]]] | None = [] if held else None
    for info in archive.infolist():
        # a reader may take any part but a sheet for the shared strings (calamine the one
        # beside the workbook, openpyxl the one its relationships name)
        counts_strings = plain is None or info is strings or info not in labels
        # with one reading, a part that is no sheet is never read for cells: its size is
        # bounded, and its declarations checked, not its cells counted
        counts_cells = plain is None or info in labels
        kept: list[bytes] = []   # what is decompressed, while the image is held
        measured[info], size = _measure_part(archive, info, name, labels.get(info), counts_strings,
                                             counts_cells, kept=kept if image is not None else None)
        total += size
        if total > MAX_TOTAL_BYTES:
            raise _too_large(name, "toàn bộ tệp", total)
        if image is not None and total > IMAGE_BYTES:
            image = None   # too large to hold: calamine reads the file
        if image is not None:
            image.append((info, kept))
    anywhere = any(part.too_big_to_read_densely for part in measured.values())
    parts = {sheet: SheetPart(measured[info].uncached_formulas, anywhere if plain is None
                              else measured[info].too_big_to_read_densely, info.file_size)
             for sheet, info in sheets.items()}
    # a sheet matched to no part (one reading leaves none) is read row by row, whatever it is
    return (parts, SheetPart(set(), anywhere or plain is not None), strict,
            _stored_package(image) if image is not None else None)


# A plain package up to this size is held, as measured, for calamine to read: each part is
# then decompressed once (calamine would inflate it again), and what calamine reads is what
# was measured, even if the file changes meanwhile.
IMAGE_BYTES = 32 * 1024 * 1024
IMAGE_PARTS = 65_535   # as many as a zip holds without Zip64: a package of more is read from its file


def _stored_package(parts: list[tuple[zipfile.ZipInfo, list[bytes]]]) -> bytes:
    """A zip of these parts, stored (not compressed), in their order, under their names,
    with their checked CRCs."""
    return zip_archive([(info.filename, info.CRC, sum(map(len, chunks)), False, chunks)
                        for info, chunks in parts])


# A cell's place is its `r` attribute, as calamine reads it: whichever of two it meets, wherever
# in the tag it stands. Excel, LibreOffice, openpyxl and the libraries after them write it first,
# `<c r="B7" …>`; a place is read only from there, and only when no other `r` stands in the piece.
_CELL_START = re.compile(rb'<c(?=[\s/>])(?: r="([A-Z]{1,3})(\d+)")?')
# calamine takes any element whose name ends `:c` for a cell, whatever its prefix holds: a name
# runs to the first space, tab or line break.
_PREFIXED_CELL_START = re.compile(rb'<(?!/)(?:[^ \t\r\n:>]*:)?c(?=[\s/>])(?: r="([A-Z]{1,3})(\d+)")?')
_PREFIXED_CELL = re.compile(rb':c[\s/>]')
_FIRST_REFERENCES = (b'<c r="', b'<row r="')
_PREFIXED_FIRST_REFERENCES = (b':c r="', b':row r="')
# An `r` attribute written otherwise than ` r=`: after a tab, a line break, a form feed (which
# calamine also passes over between attributes) or a quote, or with a space before its `=`.
_ODD_REFERENCE = re.compile(rb'r(?:(?<=[\t\n\r\x0c"\']r)[\s=]|(?<= r)\s)')
# A box calamine may always fill: 40 columns (A to AN) by 99,999 rows is under MAX_DENSE_CELLS.
# A piece whose every cell is written `<c r="…"` inside it needs no cell placed one by one.
BOX_COLUMNS, BOX_ROWS = 40, 99_999
_CELL_OUTSIDE_THE_BOX = re.compile(rb'<c(?=[\s/>])(?! r="(?:[A-Z]|A[A-N])[1-9]\d{0,4}")')
_UNIQUE_COUNT = re.compile(rb'uniqueCount\s*=\s*["\']\s*\+?0*(\d*)')
# A part smaller than this cannot hold more than a bound allows, whatever it holds: each cell
# and each shared string takes three bytes at least (`<c>`, `<si`), each merged area nine
# (`mergeCell`), and no part decompresses past the size it declares. Its tags are not counted.
COUNTED_BYTES = min(3 * MAX_SHEET_CELLS, 3 * MAX_SHARED_STRINGS, 9 * MAX_MERGED_AREAS)


@dataclass
class _Cells:
    """What the measuring has found of one part's cells so far. `last_row` and
    `last_column` bound where its cells stand: exactly when each was placed, by the box when
    a piece was seen to lie inside it (`boxed`)."""

    count: int = 0
    rows: int = 0
    last_row: int = 0
    last_column: int = 0
    unplaced: int = 0     # cells whose place could not be read from their tag
    boxed: bool = False
    exact: bool = False   # place every cell, never by the box
    counted: bool = True  # count cells, rows and merges (a part too small to reach a bound: not)
    merges: int = 0       # merged areas (an over-count: the tags that hold them too)

    def add(self, xml: bytes) -> None:
        """The cells of a piece of a sheet made of whole tags: counted, and placed. A cell
        whose place is not plainly written (no reference, or one Excel never writes) could
        stand anywhere: it is counted as unplaced, and the sheet is read row by row."""
        if self.counted:
            self.rows += xml.count(b"<row ") + xml.count(b"<row>")
            self.merges += xml.count(b"mergeCell")
        if not (self.exact or self.unplaced) and self._inside_the_box(xml):
            return
        prefixed = _PREFIXED_CELL.search(xml) is not None
        starts = (_PREFIXED_CELL_START if prefixed else _CELL_START).findall(xml)
        self.count += len(starts)
        if self.unplaced:
            return   # the sheet is read row by row, whatever else it holds
        if not _only_first_references(xml) and (starts or _begins_inside_a_tag(xml)):
            self.unplaced += len(starts) or 1   # an `r` beside no cell (a drawing's) is none
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
                or not _only_first_references(xml, prefixed=False):
            return False
        if self.counted:
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


def _begins_inside_a_tag(xml: bytes) -> bool:
    """Whether a piece may begin inside a tag: a piece ends at a '>', which may stand inside a
    cell's attribute (`x=">"`), so that the cell's other attributes begin the next piece."""
    return b"=" in xml[:xml.find(b"<")]


def _only_first_references(xml: bytes, prefixed: bool = True) -> bool:
    """Whether every `r` attribute of a piece is the first of its cell or row, written
    plainly — so that no second reference, which calamine would take instead, hides in a
    tag. Not `prefixed`: a piece known to hold no prefixed cell, whose prefixed row (which no
    writer makes) is then taken for a second reference."""
    firsts = _FIRST_REFERENCES + (_PREFIXED_FIRST_REFERENCES if prefixed else ())
    return xml.count(b" r=") == sum(map(xml.count, firsts)) and _ODD_REFERENCE.search(xml) is None


@dataclass
class _Strings:
    """The shared strings a part holds (`<si>`), and the most it says it holds."""

    count: int = 0
    declared: int = 0

    def add(self, xml: bytes, counted: bool) -> None:
        """A piece of a part: what it declares, and (`counted`) the strings it holds."""
        if counted:
            self.count += xml.count(b"<si") + xml.count(b":si")
        if b"uniqueCount" in xml:
            for digits in _UNIQUE_COUNT.findall(xml):
                self.declared = max(self.declared, int(digits[:12] or b"0"))


def _measure_part(archive: _Package, info: zipfile.ZipInfo, name: str,
                  sheet_name: str | None, counts_strings: bool, counts_cells: bool = True,
                  exact: bool = False, kept: list[bytes] | None = None) -> tuple[SheetPart, int]:
    """Decompress one part as a stream, never more than the bounds: its cells counted, its
    real extent (last row and column written), its formulas without a value, the shared
    strings it declares — and holds, for a part that may be read as the shared strings
    (`counts_strings`), and its cells for a part that may be read as a sheet (`counts_cells`).
    `sheet_name`: the sheet it is; `kept` receives what was decompressed."""
    what = f"trang «{sheet_name}»" if sheet_name is not None else f"phần {info.filename}"
    size = 0
    counted = info.file_size >= COUNTED_BYTES
    cells, strings = _Cells(exact=exact, counted=counted), _Strings()
    uncached: set[str] = set()
    tail = pending = b""
    for chunk in archive.chunks(info):
        if not size:
            _refuse_what_no_sheet_is(chunk, name, info, sheet_name)
        size += len(chunk)
        if size > MAX_PART_BYTES:
            raise _too_large(name, what, size)
        if kept is not None:
            kept.append(chunk)
        text = pending + chunk   # the piece measured ends with a whole tag
        cut = text.rfind(b">") + 1
        piece = text if cut == len(text) else text[:cut]
        if counts_cells:
            cells.add(piece)
        strings.add(piece, counts_strings and counted)
        pending = text[cut:]
        _refuse_too_many(cells, strings, name, what)
        window = tail + chunk
        if b"<f" in window:
            for reference, inner in _FORMULA_CELL.findall(window):
                if b"<f" in inner and not re.search(rb"<v>[^<]", inner) and b"<is>" not in inner:
                    uncached.add(reference.decode())
        tail = chunk[-8192:]
    if pending and counts_cells:
        cells.add(pending)
    if cells.only_bounded:   # a large sheet partly inside the box: its real extent decides
        return _measure_part(archive, info, name, sheet_name, counts_strings, exact=True)
    return SheetPart(uncached, cells.too_many_to_place), size


# A cell with a formula and no <v> after it: never calculated, so no value was saved.
_FORMULA_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?<!/)>(.*?)</c>', re.S)


def _refuse_what_no_sheet_is(head: bytes, name: str, info: zipfile.ZipInfo,
                             sheet_name: str | None) -> None:
    """An XML part declaring entities (an entity bomb), or a sheet that is not XML at all."""
    if sheet_name is not None or info.filename.lower().endswith((".xml", ".rels")):
        _refuse_doctype(head[:2048], name, info.filename)
    if sheet_name is not None and not head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").startswith(b"<"):
        raise unreadable("broken-file", f"Tệp {name} bị hỏng: trang «{sheet_name}» không "
                         "chứa dữ liệu bảng tính (XML).")


def _refuse_too_many(cells: _Cells, strings: _Strings, name: str, what: str) -> None:
    if cells.count > MAX_SHEET_CELLS:
        raise unreadable("too-large", f"Tệp {name}: {what} có hơn "
                         f"{thousands(MAX_SHEET_CELLS)} ô (mới đọc tới dòng thứ "
                         f"{thousands(cells.rows)}): quá lớn cho một sổ chi bộ; đây là tệp "
                         "khác, hoặc trang này bị ghi thừa dữ liệu.")
    if cells.merges > MAX_MERGED_AREAS:
        raise unreadable("too-large", f"Tệp {name}: {what} có hơn {thousands(MAX_MERGED_AREAS)} "
                         "vùng ô gộp: quá nhiều cho một sổ chi bộ; đây là tệp khác, hoặc tệp đã "
                         "bị làm hỏng.")
    if max(strings.count, strings.declared) > MAX_SHARED_STRINGS:
        raise unreadable("too-large", f"Tệp {name}: {what} có (hoặc khai là có) hơn "
                         f"{thousands(MAX_SHARED_STRINGS)} chuỗi chữ dùng chung: quá lớn cho một "
                         "sổ chi bộ; đây là tệp khác, hoặc tệp đã bị làm hỏng.")


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
