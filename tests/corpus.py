"""A corpus of the files a secretary's Documents folder or a Đảng ủy mailbox really holds,
written here from scratch: damaged zips of every kind, sheets that lie about their size,
huge text exports, unusual but valid part names, Strict Open XML, Office files that are not
Excel, old BIFF, CSV in other encodings, and Excel's default-password encryption.

`write_corpus(folder)` writes one file per family and returns `(path, family, words)`: the
words a true message about that file contains. The tests run `check`, `status` and
`build-report` on each (tests/test_corpus.py); `make bench` times the slowest and largest.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbook" / "chibo.xlsx"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"


def _sample_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(SAMPLE) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(parts: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _patch_entry(data: bytes, member: str, change) -> bytes:
    """Apply `change(header: bytearray, offset_of_header)` to the local and the central
    header of one member: what a damaged or exotic zip looks like to a reader."""
    data = bytearray(data)
    name = member.encode()
    for signature, name_at in ((b"PK\x03\x04", 30), (b"PK\x01\x02", 46)):
        for found in re.finditer(re.escape(signature), bytes(data)):
            start = found.start()
            if data[start + name_at:start + name_at + len(name)] == name:
                change(data, start, signature)
    return bytes(data)


def bad_crc() -> bytes:
    """A member stored with its bytes changed after the checksum was taken."""
    parts = _sample_parts()
    data = bytearray(_zip(parts, zipfile.ZIP_STORED))
    marker = data.find(b"<sheetData>")
    data[marker + 1] ^= 0x20
    return bytes(data)


def deflate64() -> bytes:
    """A member whose compression method is Deflate64 (9), which zipfile cannot read."""
    def method_nine(data, start, signature):
        offset = 8 if signature == b"PK\x03\x04" else 10
        data[start + offset:start + offset + 2] = struct.pack("<H", 9)
    return _patch_entry(_zip(_sample_parts()), "xl/workbook.xml", method_nine)


def encrypted_flag() -> bytes:
    """A member marked as encrypted by the zip (traditional PKWARE encryption)."""
    def flag(data, start, signature):
        offset = 6 if signature == b"PK\x03\x04" else 8
        (flags,) = struct.unpack("<H", data[start + offset:start + offset + 2])
        data[start + offset:start + offset + 2] = struct.pack("<H", flags | 1)
    return _patch_entry(_zip(_sample_parts()), "xl/workbook.xml", flag)


def truncated() -> bytes:
    return SAMPLE.read_bytes()[: SAMPLE.stat().st_size // 2]


def no_central_directory() -> bytes:
    data = SAMPLE.read_bytes()
    return data[: data.rfind(b"PK\x01\x02")]


def _worksheet(body: bytes, dimension: bytes = b"", namespace: str = MAIN) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="' + namespace.encode()
            + b'">' + dimension + b"<sheetData>" + body + b"</sheetData></worksheet>")


def _with_sheet(name_in_sample: str, sheet: bytes) -> bytes:
    """The sample with one of its sheets (by its name in the workbook) replaced."""
    parts = _sample_parts()
    workbook = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rel_id = re.search(r'<sheet [^>]*name="' + re.escape(name_in_sample) + r'"[^>]*r:id="([^"]+)"',
                       workbook).group(1)
    target = re.search(r'Id="' + rel_id + r'"[^>]*Target="([^"]+)"', rels) or re.search(
        r'Target="([^"]+)"[^>]*Id="' + rel_id + '"', rels)
    parts["xl/" + target.group(1).lstrip("/").removeprefix("xl/")] = sheet
    return _zip(parts)


def understated_dimension() -> bytes:
    """`<dimension ref="A1"/>` and one value at BZ1048576."""
    body = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>'
            b'<row r="1048576"><c r="BZ1048576" t="inlineStr"><is><t>x</t></is></c></row>')
    return _with_sheet("Ý kiến", _worksheet(body, b'<dimension ref="A1"/>'))


def far_cell_hidden(how: str) -> bytes:
    """One value at BZ1048576 under a declared extent of A1, its reference written in a way
    Excel never writes but calamine reads: after an attribute holding '>', under another
    namespace prefix (one of letters beyond ASCII too, or holding '=' or '/'), in single
    quotes, twice in one tag (calamine takes the later), a second time after a form feed
    (which calamine passes over as a space) — or a long row of cells without references
    after a far one."""
    far = {"gt": b'<c t="inlineStr" x=">" r="BZ1048576"><is><t>x</t></is></c>',
           "prefix": b'<x:c r="BZ1048576" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c>',
           "letters": '<é:c r="BZ1048576" t="inlineStr"><é:is><é:t>x</é:t></é:is></é:c>'.encode(),
           "quote": b"<c r='BZ1048576' t='inlineStr'><is><t>x</t></is></c>",
           "twice": b'<c r="A1048576" r="BZ1048576" t="inlineStr"><is><t>x</t></is></c>',
           "formfeed": b'<c r="A1048576"\x0cr="BZ1048576" t="inlineStr"><is><t>x</t></is></c>',
           "equals": b'<a=b:c r="BZ1048576" t="inlineStr"><is><t>x</t></is></a=b:c>',
           "slash": b'<a/b:c r="BZ1048576" t="inlineStr"><is><t>x</t></is></a/b:c>',
           "refless": b'<c r="A1048576"><v>1</v></c>' + b"<c><v>1</v></c>" * 200}[how]
    body = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>'
            b'<row r="1048576">' + far + b"</row>")
    sheet = _worksheet(body, b'<dimension ref="A1"/>').replace(
        b"<worksheet ", f'<worksheet xmlns:x="{MAIN}" xmlns:é="{MAIN}" '.encode(), 1)
    return _with_sheet("Ý kiến", sheet)


FAR_SHEET = _worksheet(b'<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>'
                       b'<row r="1048576"><c r="BZ1048576" t="inlineStr"><is><t>x</t></is></c>'
                       b'</row>', b'<dimension ref="A1"/>')
WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"


def far_sheet_behind_the_structure(how: str) -> bytes:
    """The sample, with a sheet holding one value at BZ1048576 under a declared extent of A1
    where a reader finds «Ý kiến» by a reading of the package's structure that another
    reader does not share: the sheet's tag in single quotes, a second sheet of the same name
    before it (calamine takes the first), a relationship with two targets, or a second
    workbook named by the package (calamine takes the last)."""
    parts = _sample_parts()
    workbook = parts["xl/workbook.xml"].decode()
    tag = re.search(r'<sheet [^>]*name="Ý kiến"[^>]*/>', workbook).group(0)
    rel_id = re.search(r'r:id="([^"]+)"', tag).group(1)
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(r'Target="([^"]+)" Id="%s"' % rel_id, rels).group(1)
    far = f'<Relationship Type="{WORKSHEET_TYPE}" Target="/xl/worksheets/far.xml" Id="rIdFar"/>'
    if how == "quotes":
        parts["xl/workbook.xml"] = workbook.replace(tag, tag.replace('"', "'")).encode()
        parts[target.lstrip("/")] = FAR_SHEET
    elif how == "two-names":
        first = tag.replace(f'r:id="{rel_id}"', 'r:id="rIdFar"').replace('sheetId="', 'sheetId="9')
        parts["xl/workbook.xml"] = workbook.replace(tag, first + tag).encode()
        parts["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>",
                                                           far + "</Relationships>").encode()
        parts["xl/worksheets/far.xml"] = FAR_SHEET
    elif how == "two-targets":
        parts["xl/_rels/workbook.xml.rels"] = rels.replace(
            f'Target="{target}" Id="{rel_id}"',
            f'Target="/xl/worksheets/far.xml" Target="{target}" Id="{rel_id}"').encode()
        parts["xl/worksheets/far.xml"] = FAR_SHEET
    else:   # "two-workbooks": the same workbook again in y/, its «Ý kiến» far
        for name in [n for n in parts if n.startswith("xl/")]:
            parts["y/" + name[3:]] = parts[name]
        parts["y/_rels/workbook.xml.rels"] = rels.replace('Target="/xl/', 'Target="/y/').encode()
        parts["y/" + target.lstrip("/").removeprefix("xl/")] = FAR_SHEET
        parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"</Relationships>", (
            b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/officeDocument" Target="y/workbook.xml" Id="rId9"/></Relationships>'))
    return _zip(parts)


def shared_strings(how: str) -> bytes:
    """The sample with a shared-strings part that declares, or holds, more strings than any
    workbook of a cell (calamine makes room for as many as it declares, before any sheet)."""
    parts = _sample_parts()
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"'.encode()
    parts["xl/sharedStrings.xml"] = {
        "declared": head + b' count="1" uniqueCount="50000000"><si><t>a</t></si></sst>',
        "overflow": head + b' count="1" uniqueCount="18446744073709551615"><si><t>a</t></si></sst>',
        "held": head + b">" + b"<si/>" * 1_100_000 + b"</sst>"}[how]
    return _zip(parts)


def merged_areas(count: int = 20_000) -> bytes:
    """«Ý kiến» with more merged areas than any sheet of a cell's book."""
    merges = b"<mergeCells>" + b'<mergeCell ref="A1:B2"/>' * count + b"</mergeCells>"
    sheet = _worksheet(b'<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>')
    return _with_sheet("Ý kiến", sheet.replace(b"</sheetData>", b"</sheetData>" + merges))


def many_defined_names(count: int = 150_000) -> bytes:
    """A workbook part swollen with defined names, as Excel's «ghost names» copied from book
    to book leave it (7 MB of them)."""
    parts = _sample_parts()
    names = "".join(f"<definedName name=\"_ten{i}\">'Ý kiến'!$A$1</definedName>"
                    for i in range(count)).encode()
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>", b"</sheets><definedNames>" + names + b"</definedNames>")
    return _zip(parts)


def rows_without_references(rows: int = 150_000) -> bytes:
    """Rows and cells with no `r=` attribute, which the format allows."""
    row = b"<row>" + b'<c t="inlineStr"><is><t>abc</t></is></c>' * 26 + b"</row>"
    return _with_sheet("Ý kiến", _worksheet(row * rows))


def large_text_export(rows: int = 150_000) -> bytes:
    """A text export: many rows of short text in 26 columns, with proper references."""
    letters = [chr(65 + i) for i in range(26)]
    body = b"".join(
        b'<row r="%d">' % r + b"".join(b'<c r="%s%d" t="inlineStr"><is><t>ab</t></is></c>'
                                       % (c.encode(), r) for c in letters) + b"</row>"
        for r in range(1, rows + 1))
    return _with_sheet("Ý kiến", _worksheet(body))


def workbook_part_renamed() -> bytes:
    """The workbook part at `xl/WorkBook.xml`, as some writers name it; valid OOXML."""
    parts = _sample_parts()
    parts["xl/WorkBook.xml"] = parts.pop("xl/workbook.xml")
    parts["xl/_rels/WorkBook.xml.rels"] = parts.pop("xl/_rels/workbook.xml.rels")
    for name in ("[Content_Types].xml", "_rels/.rels"):
        parts[name] = parts[name].replace(b"/xl/workbook.xml", b"/xl/WorkBook.xml").replace(
            b'Target="xl/workbook.xml"', b'Target="xl/WorkBook.xml"')
    return _zip(parts)


def backslash_names() -> bytes:
    """Zip entries written with Windows separators («xl\\worksheets\\sheet1.xml»)."""
    parts = {name.replace("/", "\\") if name.startswith("xl/") else name: data
             for name, data in _sample_parts().items()}
    return _zip(parts)


def strict_open_xml(parts: dict[str, bytes] | None = None) -> bytes:
    """The sample in the Strict flavour of Open XML (other namespaces, the same shape)."""
    parts = parts or _sample_parts()
    for name, data in list(parts.items()):
        if name.endswith(".xml") or name.endswith(".rels"):
            parts[name] = (data.replace(MAIN.encode(), STRICT.encode())
                           .replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                    b"http://purl.oclc.org/ooxml/officeDocument/relationships"))
    return _zip(parts)


def _compound_file(stream_names: list[str]) -> bytes:
    """A minimal OLE compound file whose directory names these streams: the container of
    Word, PowerPoint, Outlook, Visio and Publisher files as of old .xls."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x18:0x1A] = struct.pack("<H", 0x3E)          # minor version
    header[0x1A:0x1C] = struct.pack("<H", 3)             # major version: 512-byte sectors
    header[0x1C:0x1E] = b"\xfe\xff"                       # little-endian
    header[0x1E:0x20] = struct.pack("<H", 9)
    header[0x20:0x22] = struct.pack("<H", 6)
    header[0x30:0x34] = struct.pack("<I", 1)              # the directory starts at sector 1
    directory = bytearray()
    names = ["Root Entry"] + stream_names
    for index, name in enumerate(names):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[: len(encoded)] = encoded
        entry[64:66] = struct.pack("<H", len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        entry[67] = 1                                      # black, in the red-black tree
        # the tree: the root's child is the first stream, each stream's right sibling the next
        after = index + 1 if 0 < index < len(names) - 1 else 0xFFFFFFFF
        child = 1 if index == 0 and len(names) > 1 else 0xFFFFFFFF
        entry[68:80] = struct.pack("<III", 0xFFFFFFFF, after, child)
        entry[116:120] = struct.pack("<I", 0xFFFFFFFE)     # no sectors: an empty stream
        directory += entry
    directory += bytes(-len(directory) % 512)
    fat = bytearray(b"\xff" * 512)
    fat[:4] = struct.pack("<I", 0xFFFFFFFD)
    header[0x2C:0x30] = struct.pack("<I", 1)
    header[0x4C:0x50] = struct.pack("<I", 0)
    return bytes(header) + bytes(fat) + bytes(directory)


def _text_utf16(text: str) -> bytes:
    """Bytes after the directory, as a document's text lies in its sectors."""
    return (text.encode("utf-16-le") * 8).ljust(512, b"\0")


def chart_sheet_read_by_openpyxl() -> bytes:
    """The sample with its «Đánh giá» sheet a chart sheet, and its workbook part in UTF-16
    (which calamine cannot open, so openpyxl reads it)."""
    import openpyxl
    from openpyxl.chart import BarChart, Reference

    book = openpyxl.load_workbook(SAMPLE)
    place = book.sheetnames.index("Đánh giá")
    del book["Đánh giá"]
    chart = BarChart()
    chart.add_data(Reference(book["Đảng viên"], min_col=2, min_row=1, max_row=3))
    book.create_chartsheet("Đánh giá", place).add_chart(chart)
    saved = io.BytesIO()
    book.save(saved)
    with zipfile.ZipFile(saved) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    text = parts["xl/workbook.xml"].decode("utf-8").replace("UTF-8", "UTF-16").replace("utf-8", "UTF-16")
    parts["xl/workbook.xml"] = text.encode("utf-16")
    return _zip(parts)


def old_biff(version: int) -> bytes:
    """The first record of an Excel 2.x, 3.0 or 4.0 file (before the OLE container)."""
    opcode = {2: 0x0009, 3: 0x0209, 4: 0x0409}[version]
    return struct.pack("<HH", opcode, 6) + struct.pack("<HHH", 0x0002, 0x0010, 0) + b"\0" * 64


def csv_cp1252() -> bytes:
    return "Ten;Nam sinh\nCafé Noël;1980\n".encode("cp1252")


def csv_utf16() -> bytes:
    return "Họ và tên\tNăm sinh\nNguyễn Thị Lan\t1980\n".encode("utf-16")


def default_password() -> bytes:
    """Encrypted with Excel's built-in «VelvetSweatshop»: Excel opens it without asking."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with SAMPLE.open("rb") as source:
        OOXMLFile(source).encrypt("VelvetSweatshop", out)
    return out.getvalue()


def real_password() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with SAMPLE.open("rb") as source:
        OOXMLFile(source).encrypt("mat-khau-rieng", out)
    return out.getvalue()


# (file name, family, maker, words a true message holds; None: read like the sample)
FAMILIES = [
    ("crc-hong.xlsx", "damaged zip: bad CRC", bad_crc, ["crc-hong.xlsx", "hỏng"]),
    ("deflate64.xlsx", "damaged zip: Deflate64", deflate64, ["deflate64.xlsx", "nén"]),
    ("co-ma-hoa-zip.xlsx", "damaged zip: encrypted entry", encrypted_flag,
     ["co-ma-hoa-zip.xlsx", "mã hóa"]),
    ("chep-do-dang.xlsx", "damaged zip: truncated", truncated, ["chep-do-dang.xlsx", "hỏng"]),
    ("mat-muc-luc.xlsx", "damaged zip: no central directory", no_central_directory,
     ["mat-muc-luc.xlsx", "hỏng"]),
    ("kich-thuoc-gia.xlsx", "understated dimension", understated_dimension, None),
    ("dong-khong-so.xlsx", "rows without r=", rows_without_references,
     ["dong-khong-so.xlsx", "1.000.000 ô"]),
    ("xuat-van-ban.xlsx", "large text export", large_text_export,
     ["xuat-van-ban.xlsx", "1.000.000 ô"]),
    ("ten-phan-la.xlsx", "workbook part xl/WorkBook.xml", workbook_part_renamed, None),
    ("gach-nguoc.xlsx", "backslashes in part names", backslash_names, None),
    ("strict.xlsx", "Strict Open XML", strict_open_xml, None),
    ("van-ban-word.xlsx", "OLE: Word", lambda: _compound_file(["WordDocument", "1Table"]),
     ["van-ban-word.xlsx", "Word"]),
    ("word-nhac-so.xlsx", "OLE: Word whose text names a workbook",
     lambda: _compound_file(["WordDocument", "1Table"]) + _text_utf16("Bookmark Workbook Book1"),
     ["word-nhac-so.xlsx", "Word 97-2003"]),
    ("xls-that.xlsx", "OLE: Excel 97-2003", lambda: _compound_file(["Workbook"]),
     ["xls-that.xlsx", "Excel 97-2003"]),
    ("bieu-do-ten-trang.xlsx", "chart sheet in a contract sheet's place, read by openpyxl",
     chart_sheet_read_by_openpyxl, None),
    ("trinh-chieu.xlsx", "OLE: PowerPoint", lambda: _compound_file(["PowerPoint Document"]),
     ["trinh-chieu.xlsx", "PowerPoint"]),
    ("thu-outlook.xlsx", "OLE: Outlook", lambda: _compound_file(["__substg1.0_0037001F"]),
     ["thu-outlook.xlsx", "Outlook"]),
    ("so-do-visio.xlsx", "OLE: Visio", lambda: _compound_file(["VisioDocument"]),
     ["so-do-visio.xlsx", "Visio"]),
    ("an-pham.xlsx", "OLE: Publisher", lambda: _compound_file(["Quill", "Contents"]),
     ["an-pham.xlsx", "Publisher"]),
    ("excel-2.xlsx", "BIFF2", lambda: old_biff(2), ["excel-2.xlsx", "Excel 2"]),
    ("excel-3.xlsx", "BIFF3", lambda: old_biff(3), ["excel-3.xlsx", "Excel 3"]),
    ("excel-4.xlsx", "BIFF4", lambda: old_biff(4), ["excel-4.xlsx", "Excel 4"]),
    ("csv-1252.xlsx", "CSV in Windows-1252", csv_cp1252, ["csv-1252.xlsx", "CSV"]),
    ("csv-utf16.xlsx", "CSV in UTF-16", csv_utf16, ["csv-utf16.xlsx", "UTF-16"]),
    ("mat-khau-mac-dinh.xlsx", "default-password encryption", default_password, None),
    ("mat-khau.xlsx", "password-protected", real_password, ["mat-khau.xlsx", "mật khẩu"]),
]


def write_corpus(folder: Path, names: list[str] | None = None) -> list[tuple[Path, str, list | None]]:
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    # the materials the sample's meetings name, for the files made from the sample
    shutil.copytree(SAMPLE.parent / "tai-lieu", folder / "tai-lieu", dirs_exist_ok=True)
    written = []
    for name, family, make, words in FAMILIES:
        if names is not None and name not in names:
            continue
        path = folder / name
        path.write_bytes(make())
        written.append((path, family, words))
    return written


def _with_workbook_xml(change) -> bytes:
    parts = _sample_parts()
    parts["xl/workbook.xml"] = change(parts["xl/workbook.xml"])
    return _zip(parts)


def sheet_without_relationship() -> bytes:
    """A sheet entry with no r:id (a chart sheet some writers leave so): valid, ignorable."""
    return _with_workbook_xml(lambda xml: xml.replace(
        b"</sheets>", b'<sheet name="Ghi ch\xc3\xba" sheetId="99"/></sheets>'))


def utf16_workbook_part() -> bytes:
    """The workbook part written in UTF-16, which XML allows."""
    def to_utf16(xml: bytes) -> bytes:
        text = xml.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return text.encode("utf-16")
    return _with_workbook_xml(to_utf16)


def macro_sheet() -> bytes:
    """An Excel 4.0 macro sheet beside the worksheets."""
    parts = _sample_parts()
    parts["xl/macrosheets/sheet1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><xm:macrosheet '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
        b'<sheetData><row r="1"><c r="A1"><f>RETURN()</f></c></row></sheetData></xm:macrosheet>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdMacro" Type="http://schemas.microsoft.com/office/2006/relationships/'
        b'xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>')
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>", b'<sheet name="Macro1" sheetId="98" r:id="rIdMacro"/></sheets>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/'
        b'vnd.ms-excel.macrosheet+xml"/></Types>')
    return _zip(parts)


def strict_and_wide() -> bytes:
    """Strict Open XML with a stray cell far away: the sheet goes to openpyxl, which reads
    only the transitional namespaces."""
    with zipfile.ZipFile(io.BytesIO(understated_dimension())) as archive:
        return strict_open_xml({i.filename: archive.read(i) for i in archive.infolist()})


FAMILIES += [
    ("strict-rong.xlsx", "Strict Open XML read by openpyxl", strict_and_wide, None),
    ("o-xa-sau-dau-lon.xlsx", "far cell: reference after an attribute holding '>'",
     lambda: far_cell_hidden("gt"), None),
    ("o-xa-tien-to.xlsx", "far cell: another namespace prefix", lambda: far_cell_hidden("prefix"),
     None),
    ("o-xa-tien-to-chu.xlsx", "far cell: a namespace prefix of letters beyond ASCII",
     lambda: far_cell_hidden("letters"), None),
    ("o-xa-nhay-don.xlsx", "far cell: reference in single quotes", lambda: far_cell_hidden("quote"),
     None),
    ("o-xa-hai-lan.xlsx", "far cell: a second reference in one tag (malformed XML)",
     lambda: far_cell_hidden("twice"), ["bị hỏng", "«Ý kiến»"]),
    ("o-xa-khong-so.xlsx", "far cell, then cells without references",
     lambda: far_cell_hidden("refless"), None),
    ("o-xa-sau-ngat-trang.xlsx", "far cell: a second reference after a form feed",
     lambda: far_cell_hidden("formfeed"), ["bị hỏng", "«Ý kiến»"]),
    ("o-xa-tien-to-bang.xlsx", "far cell: a prefix holding '='", lambda: far_cell_hidden("equals"),
     ["bị hỏng", "«Ý kiến»"]),
    ("o-xa-tien-to-gach.xlsx", "far cell: a prefix holding '/'", lambda: far_cell_hidden("slash"),
     ["bị hỏng", "«Ý kiến»"]),
    ("trang-nhay-don.xlsx", "far sheet: its tag in single quotes",
     lambda: far_sheet_behind_the_structure("quotes"), None),
    ("trang-trung-ten.xlsx", "far sheet: a second sheet of the same name",
     lambda: far_sheet_behind_the_structure("two-names"), None),
    ("lien-ket-hai-dich.xlsx", "far sheet: a relationship with two targets (malformed XML)",
     lambda: far_sheet_behind_the_structure("two-targets"), ["không đọc được"]),
    ("hai-so.xlsx", "far sheet: a second workbook named by the package",
     lambda: far_sheet_behind_the_structure("two-workbooks"), None),
    ("chuoi-khai-nhieu.xlsx", "shared strings: 50 million declared",
     lambda: shared_strings("declared"), ["chuỗi chữ dùng chung"]),
    ("chuoi-khai-tran.xlsx", "shared strings: more declared than a number holds",
     lambda: shared_strings("overflow"), ["chuỗi chữ dùng chung"]),
    ("chuoi-that-nhieu.xlsx", "shared strings: 1.1 million held",
     lambda: shared_strings("held"), ["chuỗi chữ dùng chung"]),
    ("o-gop-nhieu.xlsx", "20,000 merged areas in a sheet", merged_areas, ["vùng ô gộp"]),
    ("ten-vung-thua.xlsx", "150,000 defined names", many_defined_names,
     ["xl/workbook.xml", "Trình quản lý Tên"]),
    ("khong-lien-ket.xlsx", "a sheet without a relationship id", sheet_without_relationship, None),
    ("utf16.xlsx", "UTF-16 workbook part", utf16_workbook_part, None),
    ("macro-excel4.xlsx", "Excel 4.0 macro sheet", macro_sheet, None),
]


if __name__ == "__main__":
    import sys

    for path, family, _ in write_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus")):
        print(f"{path}  ({family}, {path.stat().st_size:,} bytes)")
