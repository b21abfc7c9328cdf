"""Hostile, broken and huge files: a clear message and exit 1 where the file is unusable, a
normal result where it is merely large — never a traceback, a hang or unbounded memory."""

import datetime as dt
import zipfile

import openpyxl
import pytest

from chibo.workbook import schema
from chibo.workbook import sample as data
from conftest import SAMPLE, rename_meeting, run, set_cell


def assert_refused(result, *words):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output


def copy_with(path, replace: dict):
    """The sample with some zip parts replaced (or added)."""
    with zipfile.ZipFile(SAMPLE) as source, zipfile.ZipFile(path, "w",
                                                            zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename not in replace:
                target.writestr(item, source.read(item))
        for name, content in replace.items():
            target.writestr(name, content)
    return path


def test_a_sheet_that_is_not_xml_is_a_broken_file(tmp_path):
    broken = copy_with(tmp_path / "chibo.xlsx", {"xl/worksheets/sheet2.xml": b"\0" * 1_000_000})
    assert_refused(run("check", broken), "bị hỏng", "không chứa dữ liệu bảng tính")


def lie_in_directory(path, part: str, offset: int, value: int):
    """Overwrite one four-byte field of a part's entry in the zip's central directory
    (16: its CRC-32, 24: its uncompressed size), as a damaged or forged file would have it."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + length] == part.encode():
            data[at + offset:at + offset + 4] = value.to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 1)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("field, value", [(24, 100), (16, 0x12345678)],
                         ids=["declares less than it holds", "wrong checksum"])
def test_a_part_that_is_not_what_the_directory_declares_is_a_broken_file(tmp_path, field,
                                                                          value):
    forged = lie_in_directory(copy_with(tmp_path / "chibo.xlsx", {}), "xl/worksheets/sheet2.xml",
                              field, value)
    assert_refused(run("check", forged), "bị hỏng")


def test_a_zip_bomb_is_refused_by_what_it_really_holds(tmp_path):
    huge = b'<worksheet><sheetData>' + b" " * 100_000_000
    bomb = copy_with(tmp_path / "chibo.xlsx", {"xl/worksheets/sheet2.xml": huge})
    assert_refused(run("check", bomb), "giải nén ra quá lớn")
    assert_refused(run("build-report", bomb, "-o", tmp_path / "out", "--no-pdf"),
                   "giải nén ra quá lớn")


def test_an_xml_entity_bomb_in_a_sheet_is_refused(tmp_path):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else
                                                    b"&lol;" * 10) for i in range(1, 10))
              + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
              b'</sheetData></worksheet>')
    bomb = copy_with(tmp_path / "chibo.xlsx", {"xl/worksheets/sheet2.xml": laughs})
    assert_refused(run("check", bomb), "khai báo XML lạ")


def test_a_32767_character_cell_is_read_and_printed_whole(sample, tmp_path):
    text = ("Chi bộ thống nhất. " * 2000)[:32767].strip()
    set_cell(sample, "Buổi sinh hoạt", "Kết luận", ("Mã buổi", "2022-Q1"), text)
    result = run("minutes", sample, "--meeting", "2022-Q1", "--no-pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    import docx

    minutes = docx.Document(tmp_path / "2022" / "quy-1" / "bien-ban-2022-Q1.docx")
    assert any(p.text == text for p in minutes.paragraphs)


def _with_many_opinions(path, count):
    import xlsxwriter

    source = openpyxl.load_workbook(SAMPLE)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    clock = book.add_format({"num_format": "hh:mm"})
    speakers = [(o["Mã buổi"], o["Người phát biểu"]) for o in data.ROWS["Ý kiến"]]
    for sheet in source.worksheets:
        target = book.add_worksheet(sheet.title)
        for r, row in enumerate(sheet.iter_rows(values_only=True)):
            if sheet.title == "Ý kiến" and r > 0:
                break
            for c, value in enumerate(row):
                if isinstance(value, dt.datetime):
                    target.write_datetime(r, c, value, date)
                elif isinstance(value, dt.time):
                    target.write_datetime(r, c, dt.datetime.combine(dt.date(1899, 12, 31),
                                                                    value), clock)
                elif value is not None:
                    target.write(r, c, value)
        if sheet.title == "Ý kiến":
            for r in range(1, count + 1):
                meeting, speaker = speakers[r % len(speakers)]
                target.write_string(r, 0, meeting)
                target.write_string(r, 1, speaker)
                target.write_string(r, 2, f"Ý kiến thứ {r}.")
        if sheet.sheet_state == "hidden":
            target.hide()
    book.close()
    return path


def test_a_hundred_thousand_rows_are_simply_read(tmp_path):
    path = _with_many_opinions(tmp_path / "lon.xlsx", 100_000)
    result = run("check", path, "--today", "01/03/2023")
    assert result.exit_code == 0, result.output


def test_a_sheet_with_16384_columns_is_read_as_far_as_the_contract(sample):
    def widen(book):
        ws = book["Đảng viên"]
        ws.cell(row=1, column=16384).value = "Cột cuối"
        ws.cell(row=3, column=16384).value = "x"

    from conftest import edit

    edit(sample, widen)
    result = run("check", sample, "--today", "01/03/2023")
    assert result.exit_code == 0, result.output


def test_a_stray_value_in_the_last_cell_of_the_sheet(sample):
    from conftest import edit

    edit(sample, lambda book: book["Ý kiến"].cell(row=1_048_576, column=16384).__setattr__(
        "value", "lạc"))
    result = run("check", sample, "--today", "01/03/2023")
    assert result.exit_code == 0, result.output


def test_control_characters_in_a_meeting_id_never_reach_a_file_name(sample, tmp_path):
    # _x0007_ is how Excel stores a BEL character typed into a cell.
    rename_meeting(sample, "2022-Q2", "2022_x0007_\t-Q2:\\..\\x")
    result = run("minutes", sample, "--quarter", "2", "--no-pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    names = [p.name for p in tmp_path.rglob("*.docx")]
    assert all(n.isascii() and n.isprintable() and "\\" not in n and ":" not in n for n in names)
    assert "bien-ban-2022-Q2-x.docx" in names


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path):
    from chibo.workbook.creating import build_workbook

    book = build_workbook({"Tên chi bộ": "=HYPERLINK(\"http://x\",\"bấm\")"},
                          {"Ý kiến": [{"Mã buổi": "+1", "Người phát biểu": "-A",
                                       "Nội dung": "@SUM(A1)"}]})
    path = tmp_path / "so.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        sheets = b"".join(archive.read(n) for n in archive.namelist()
                          if n.startswith("xl/worksheets/"))
    assert b"<f>" not in sheets and b"<f " not in sheets
    again = openpyxl.load_workbook(path)
    assert again["Ý kiến"]["C2"].value == "@SUM(A1)"
    assert again["Thông tin"]["B3"].data_type == "s"


def test_every_sheet_of_the_contract_can_be_missing_at_once(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Trang tính 1"
    path = tmp_path / "trong.xlsx"
    book.save(path)
    result = run("check", path)
    assert_refused(result)
    for sheet in schema.SHEETS:
        missing = f"Thiếu trang «{sheet.name}»" in result.output
        assert missing != sheet.optional, sheet.name   # optional sheets came later: not required


def check_in_a_gigabyte(path):
    """`chibo check` in a process of its own, under a one-gigabyte limit of memory."""
    import resource
    import subprocess
    import sys

    def at_most_a_gigabyte():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-m", "chibo", "check", str(path)],
                          capture_output=True, text=True, preexec_fn=at_most_a_gigabyte,
                          timeout=120)


@pytest.mark.parametrize("how", ["gt", "prefix", "letters", "quote", "twice", "refless",
                                 "formfeed", "equals", "slash"])
def test_a_far_cell_written_as_excel_never_writes_it_costs_no_memory(tmp_path, how):
    """calamine makes room for every cell between the first and the last: a cell at BZ1048576
    it would place there costs gigabytes. However its reference is written, the sheet is read
    row by row instead (or named broken) — under a one-gigabyte limit of memory."""
    from corpus import far_cell_hidden

    path = tmp_path / "o-xa.xlsx"
    path.write_bytes(far_cell_hidden(how))
    done = check_in_a_gigabyte(path)
    assert done.returncode == 1, done.stderr[-2000:]   # the sample's opinions are gone: errors
    assert "Ý kiến" in done.stdout and "Lỗi không mong đợi" not in done.stdout + done.stderr


@pytest.mark.parametrize("make", ["quotes", "two-names", "two-targets", "two-workbooks",
                                  "declared", "overflow", "merges"])
def test_a_package_read_otherwise_by_another_reader_costs_no_memory(tmp_path, make):
    """Whichever part a reader takes for a sheet, and however many strings or merges a part
    declares or holds, the answer comes under a one-gigabyte limit: a sheet is read densely
    only when the part every reader would take is safe so."""
    from corpus import far_sheet_behind_the_structure, merged_areas, shared_strings

    path = tmp_path / "cau-truc-la.xlsx"
    path.write_bytes(merged_areas(2_500_000) if make == "merges" else
                     shared_strings(make) if make in ("declared", "overflow") else
                     far_sheet_behind_the_structure(make))
    done = check_in_a_gigabyte(path)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Lỗi không mong đợi" not in done.stdout and not done.stderr.strip(), done.stderr[-2000:]


def test_a_cell_whose_tag_is_cut_at_a_gt_in_its_attribute_is_never_placed_by_half():
    """A part is measured in pieces that end at a '>': one inside a cell's attribute leaves
    the cell's later reference at the head of the next piece, which calamine would take."""
    from chibo.workbook.container import _Cells

    cells = _Cells()
    cells.add(b'<row r="1"><c r="A1" x=">')
    cells.add(b'" r="BZ1048576"><v>1</v></c></row>')
    assert cells.unplaced and cells.too_many_to_place


def test_a_package_with_more_than_one_reading_but_ordinary_parts_is_still_read_fast(tmp_path):
    """A sheet tag without a relationship id gives the package more than one reading; with no
    part too large for it, calamine still reads every sheet — the theme's `r=` (a drawing's
    rectangle) is no cell."""
    from corpus import sheet_without_relationship

    from chibo.workbook.container import open_container

    path = tmp_path / "khong-lien-ket.xlsx"
    path.write_bytes(sheet_without_relationship())
    container = open_container(path)
    try:
        assert not container.unmeasured.too_big_to_read_densely
        assert not container.part("Ý kiến").too_big_to_read_densely
    finally:
        container.close()


def test_a_part_left_uncounted_is_too_small_to_break_any_bound():
    """A part under COUNTED_BYTES has its tags placed but not counted: one more cell, shared
    string or merged area than a bound allows, each written as short as it can be, takes
    more bytes than that."""
    from chibo.workbook import container

    smallest = {"cells": b"<c>" * (container.MAX_SHEET_CELLS + 1),
                "shared strings": b"<si" * (container.MAX_SHARED_STRINGS + 1),
                "merged areas": b"mergeCell" * (container.MAX_MERGED_AREAS + 1)}
    for what, xml in smallest.items():
        assert len(xml) > container.COUNTED_BYTES, what


def test_merged_areas_past_the_bound_in_a_part_just_large_enough_are_refused(tmp_path):
    from chibo.workbook import container

    areas = "".join(f'<mergeCell ref="A{2 * i + 1}:B{2 * i + 2}"/>'
                    for i in range(container.MAX_MERGED_AREAS + 1))
    with zipfile.ZipFile(SAMPLE) as source:
        sheet = next(i.filename for i in source.infolist() if "worksheets/" in i.filename)
        xml = source.read(sheet).decode()
    xml = xml.replace("</sheetData>", f'</sheetData><mergeCells>{areas}</mergeCells>', 1)
    path = copy_with(tmp_path / "gop.xlsx", {sheet: xml})
    assert_refused(run("check", str(path)), "vùng ô gộp")


def test_calamine_reads_the_package_as_it_was_measured(tmp_path):
    """A plain package is decompressed once, while it is measured: calamine reads those very
    parts, stored as they were checked, not the file again — which may change meanwhile."""
    import io
    import shutil

    import python_calamine

    from chibo.problems import Report
    from chibo.workbook.container import open_container
    from chibo.workbook.reading import _read_sheets

    path = tmp_path / "so.xlsx"
    shutil.copy(SAMPLE, path)
    container = open_container(path)
    path.write_bytes(b"")   # the book changes once measured
    assert container.image is not None
    with zipfile.ZipFile(SAMPLE) as original, zipfile.ZipFile(io.BytesIO(container.image)) as image:
        assert [(i.filename, original.read(i)) for i in original.infolist()] == \
            [(i.filename, image.read(i)) for i in image.infolist()]
        assert {i.compress_type for i in image.infolist()} == {zipfile.ZIP_STORED}
    rows = _read_sheets(container, schema.SHEETS, Report())["meetings"][0]
    container.close()
    written = python_calamine.CalamineWorkbook.from_path(str(SAMPLE))
    assert rows == written.get_sheet_by_name("Buổi sinh hoạt").to_python(skip_empty_area=False)


def test_a_package_too_large_to_hold_is_read_from_the_file(sample, monkeypatch):
    from chibo.workbook import container

    monkeypatch.setattr(container, "IMAGE_BYTES", 10_000)
    opened = container.open_container(sample)
    assert opened.image is None
    opened.close()
    result = run("check", str(sample))
    assert result.exit_code == 0 and "Lỗi" not in result.output, result.output


def _as_read(workbook) -> dict:
    """A workbook's records as (sheet, row, values), table by table."""
    import dataclasses

    tables = {}
    for field in dataclasses.fields(workbook):
        value = getattr(workbook, field.name)
        records = value if isinstance(value, list) else [value]
        if records and all(hasattr(r, "values") and hasattr(r, "row") for r in records):
            tables[field.name] = [(r.sheet, r.row, r.values) for r in records]
    return tables


class _Panic(BaseException):   # what a Rust panic is to Python
    pass


@pytest.mark.parametrize("thread", ["reads", "panics"])
def test_the_largest_sheet_of_a_big_book_is_read_aside_as_it_would_be_here(sample, monkeypatch,
                                                                           thread):
    """A big book's largest sheet is read by calamine on a second thread while the others
    are read: every record and every problem as when all are read in one; a sheet the thread
    fails to read (calamine panics) is read here instead."""
    from chibo.workbook import reading

    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-T02"), "30/02/2022")
    at_once, at_once_report = reading.read_workbook(sample)
    assert any(p.sheet == "Buổi sinh hoạt" and p.code == "wrong-type"
               for p in at_once_report.problems)
    read_aside, real = [], reading._read_aside

    def aside(image, name):
        read_aside.append(name)
        if thread == "panics":
            raise _Panic("calamine panicked")
        return real(image, name)

    monkeypatch.setattr(reading._Aside, "BYTES", 10_000)   # the sample is a big book now
    monkeypatch.setattr(reading, "_read_aside", aside)
    workbook, report = reading.read_workbook(sample)
    assert read_aside == ["Buổi sinh hoạt"]   # the largest sheet of the sample
    assert _as_read(workbook) == _as_read(at_once)
    assert len(_as_read(workbook)["meetings"]) == len(data.ROWS["Buổi sinh hoạt"])
    assert report.problems == at_once_report.problems


def test_a_sheet_of_her_own_is_never_read_aside(sample, monkeypatch):
    """A sheet the secretary added, however large, is none of the contract's: the thread
    reads the largest of the contract's sheets, never hers."""
    from chibo.workbook import reading
    from conftest import edit

    def add_notes(book):
        notes = book.create_sheet("Ghi chép riêng")
        for row in range(1, 3001):
            notes.append([f"Ghi chép {row}", "Nội dung dài cho trang riêng", row, row * 2])

    edit(sample, add_notes)
    read_aside, real = [], reading._read_aside

    def aside(image, name):
        read_aside.append(name)
        return real(image, name)

    monkeypatch.setattr(reading._Aside, "BYTES", 10_000)
    monkeypatch.setattr(reading, "_read_aside", aside)
    workbook, report = reading.read_workbook(sample)
    assert read_aside == ["Buổi sinh hoạt"] and workbook is not None and not report.has_errors


def test_a_package_of_more_parts_than_a_plain_zip_holds_is_read_from_its_file(tmp_path):
    """Sixty-six thousand empty parts beside the sample's: more than the image calamine is
    handed may hold (65,535 without Zip64), so the book is read from its file — not a
    traceback."""
    path = tmp_path / "nhieu-phan.xlsx"
    with zipfile.ZipFile(SAMPLE) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        for number in range(66_000):
            target.writestr(f"customXml/phan{number}.xml", b"")
    result = run("check", str(path))
    assert result.exit_code == 0 and "Lỗi" not in result.output, result.output
