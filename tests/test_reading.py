"""Reading real workbooks: forgiving with harmless oddities, precise about real problems."""

import datetime as dt
import unicodedata

import openpyxl
from pathlib import Path

from chibo.workbook import schema
from chibo.workbook.reading import read_workbook
from conftest import (address, check_problems, edit, messages, row_of, column_of, set_cell,
                      set_setting)


def test_every_record_remembers_its_sheet_and_cell(sample):
    workbook, _ = read_workbook(sample)
    meeting = next(m for m in workbook.meetings if m.id == "2022-Q1")
    assert meeting.sheet == "Buổi sinh hoạt"
    assert meeting.cell("date") == address(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"))


def test_text_dates_and_times_are_read_like_real_ones(sample):
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "15/3/2022")
    set_cell(sample, "Buổi sinh hoạt", "Bắt đầu", ("Mã buổi", "2022-Q1"), "13h30")
    workbook, report = read_workbook(sample)
    meeting = next(m for m in workbook.meetings if m.id == "2022-Q1")
    assert (meeting.date, meeting.start) == (dt.date(2022, 3, 15), dt.time(13, 30))
    assert not report.problems


def test_nfd_text_and_trailing_spaces_still_match_members(sample):
    workbook, _ = read_workbook(sample)
    chair = next(m for m in workbook.meetings if m.id == "2022-Q1").chair
    pasted = unicodedata.normalize("NFD", chair) + "  "
    set_cell(sample, "Buổi sinh hoạt", "Chủ trì", ("Mã buổi", "2022-Q1"), pasted)
    assert not check_problems(sample).problems


def test_headers_match_whatever_their_case_and_spacing(sample):
    def shout(book):
        ws = book["Buổi sinh hoạt"]
        ws.cell(row=1, column=column_of(ws, "Mã buổi")).value = "  MÃ   BUỔI "

    edit(sample, shout)
    workbook, report = read_workbook(sample)
    assert not report.problems
    assert any(m.id == "2022-Q1" for m in workbook.meetings)


def test_sheet_names_match_whatever_their_unicode_form(sample):
    edit(sample, lambda book: setattr(book["Vắng mặt"], "title",
                                      unicodedata.normalize("NFD", "Vắng mặt")))
    workbook, report = read_workbook(sample)
    assert not report.problems
    assert workbook.absences


def test_a_missing_column_names_the_closest_header_present(sample):
    def rename(book):
        ws = book["Buổi sinh hoạt"]
        ws.cell(row=1, column=column_of(ws, "Ngày")).value = "Ngay hop"

    edit(sample, rename)
    assert "Buổi sinh hoạt!A1: Thiếu cột «Ngày» ở dòng tiêu đề (dòng 1); có cột «Ngay hop» — " \
           "có phải là cột này?" in messages(check_problems(sample))


def test_a_missing_sheet_names_the_sheet_that_looks_like_it(sample):
    edit(sample, lambda book: setattr(book["Ý kiến"], "title", "Y kien"))
    assert "Ý kiến: Thiếu trang «Ý kiến» (có trang «Y kien»: hãy đổi tên thành «Ý kiến»)." \
        in messages(check_problems(sample))


def test_extra_columns_are_ignored(sample):
    def add_column(book):
        ws = book["Đảng viên"]
        ws.cell(row=1, column=ws.max_column + 1).value = "Ghi chú riêng"
        ws.cell(row=2, column=ws.max_column).value = "=không phải công thức"

    edit(sample, add_column)
    assert not read_workbook(sample)[1].problems


def test_a_bad_date_names_its_cell(sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q2"), "32/06/2022")
    assert (f"Buổi sinh hoạt!{cell}: «Ngày»: «32/06/2022» không phải ngày có thật (ngày/tháng/năm)."
            in messages(check_problems(sample)))


def test_a_bad_time_names_its_cell(sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Kết thúc", ("Mã buổi", "2022-Q2"), "chiều")
    assert any(m.startswith(f"Buổi sinh hoạt!{cell}: «Kết thúc»: «chiều» không phải giờ")
               for m in messages(check_problems(sample)))


def test_an_empty_required_cell_names_its_cell(sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Địa điểm", ("Mã buổi", "2022-Q3"), None)
    assert f"Buổi sinh hoạt!{cell}: Chưa ghi «Địa điểm»." in messages(check_problems(sample))


def test_a_value_outside_its_list_names_the_list(sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Loại", ("Mã buổi", "2022-Q3"), "Đột xuất")
    assert (f"Buổi sinh hoạt!{cell}: «Loại»: «Đột xuất» không có trong danh sách: Chuyên đề, "
            "Thường kỳ, Kết hợp, Kiểm điểm cuối năm." in messages(check_problems(sample)))


def test_two_point_zero_is_two(sample):
    set_cell(sample, "Chuyên đề", "Quý", ("Quý", 2), 2.0)
    workbook, report = read_workbook(sample)
    assert not report.problems
    assert sorted(t.quarter for t in workbook.themes) == [1, 2, 3, 4]


def test_a_formula_without_a_cached_value_asks_to_save_in_excel(sample):
    cell = address(sample, "Thông tin", "Giá trị", ("Mục", "Tỷ lệ dự họp tối thiểu (%)"))
    edit(sample, lambda book: book["Thông tin"][cell].__setattr__("value", "=80+5"))
    problems = messages(check_problems(sample))
    assert (f"Thông tin!{cell}: Ô có công thức nhưng chưa có giá trị đã tính: hãy mở tệp bằng "
            "Excel hoặc LibreOffice, lưu lại một lần rồi chạy lại.") in problems


def test_merged_cells_in_a_table_are_an_error(sample):
    def merge(book):
        ws = book["Vắng mặt"]
        ws.merge_cells("A2:A3")

    edit(sample, merge)
    assert any(m.startswith("Vắng mặt!A2: Ô gộp A2:A3") for m in messages(check_problems(sample)))


def test_empty_rows_between_records_are_skipped(sample):
    def spread(book):
        ws = book["Ý kiến"]
        ws.insert_rows(3, amount=2)

    edit(sample, spread)
    assert not check_problems(sample).problems


def test_ampersand_and_angle_brackets_survive_reading(sample):
    text = 'Ban giám hiệu & tổ chuyên môn <khối lá> "5 tuổi"'
    set_cell(sample, "Buổi sinh hoạt", "Kết luận", ("Mã buổi", "2022-Q1"), text)
    workbook, _ = read_workbook(sample)
    assert next(m for m in workbook.meetings if m.id == "2022-Q1").conclusion == text


def test_a_cell_starting_with_equals_typed_as_text_is_text(sample):
    set_cell(sample, "Buổi sinh hoạt", "Kết luận", ("Mã buổi", "2022-Q1"), "=> nhất trí")
    workbook, report = read_workbook(sample)
    assert next(m for m in workbook.meetings if m.id == "2022-Q1").conclusion == "=> nhất trí"
    assert not report.problems


def test_the_sample_reads_the_same_after_openpyxl_rewrites_it(sample):
    before, _ = read_workbook(sample)
    openpyxl.load_workbook(sample).save(sample)
    after, _ = read_workbook(sample)
    assert [m.values for m in after.meetings] == [m.values for m in before.meetings]


def test_row_numbers_are_the_ones_excel_shows(sample):
    workbook, _ = read_workbook(sample)
    book = openpyxl.load_workbook(sample)
    assert workbook.meetings[1].row == row_of(book["Buổi sinh hoạt"], "Mã buổi",
                                              workbook.meetings[1].id)


def test_a_value_python_calamine_cannot_convert_is_still_reported_by_cell(sample):
    """python-calamine panics on a huge negative number in a time cell; the sheet is re-read."""
    cell = set_cell(sample, "Buổi sinh hoạt", "Bắt đầu", ("Mã buổi", "2022-Q1"), -1e15)
    problems = messages(check_problems(sample))
    assert f"Buổi sinh hoạt!{cell}: «Bắt đầu»: ô hiện lỗi #VALUE! (công thức lỗi, hoặc một số " \
           "không thể là ngày/giờ): hãy ghi lại giá trị đúng." in problems


def test_a_title_above_the_headers_is_forgiven_with_a_warning(sample):
    def add_title(book):
        book["Vắng mặt"].insert_rows(1)
        book["Vắng mặt"]["A1"] = "DANH SÁCH VẮNG MẶT"

    edit(sample, add_title)
    workbook, report = read_workbook(sample)
    assert [str(p) for p in report.problems] == [
        "Vắng mặt!A2: Dòng tiêu đề đang ở dòng 2, không phải dòng 1: nên xóa các dòng phía trên nó."]
    assert workbook.absences and workbook.absences[0].row == 3


def test_a_percentage_formatted_cell_reads_as_a_percentage(sample):
    set_setting(sample, "Tỷ lệ dự họp tối thiểu (%)", 0.9)
    workbook, _ = read_workbook(sample)
    assert workbook.settings.min_attendance == 90


def test_a_workbook_written_by_xlsxwriter_reads_like_the_sample(tmp_path):
    """Another writer (XlsxWriter, as many programs use) gives the same records."""
    import sys

    from chibo.workbook import sample as data
    from conftest import ROOT, SAMPLE

    sys.path.insert(0, str(ROOT / "bench"))
    from bench import write_workbook

    path = tmp_path / "xlsxwriter.xlsx"
    write_workbook(path, data.SETTINGS, data.ROWS)
    original, _ = read_workbook(SAMPLE)
    again, report = read_workbook(path)
    assert not report.problems
    assert again.settings.values == original.settings.values
    for field in ("legal_bases", "plan_paragraphs", "themes", "members", "meetings", "absences",
                  "opinions", "tasks", "assessments", "documents", "recipients"):
        assert ([r.values for r in getattr(again, field)]
                == [r.values for r in getattr(original, field)]), field


def test_the_sample_built_in_memory_reads_exactly_as_its_file():
    """The rule tests build books in memory: what they check must be what a file holds."""
    from books import Book

    from_file, file_problems = read_workbook(Path(__file__).parent.parent / "workbook" / "chibo.xlsx")
    in_memory, memory_problems = Book().read()
    assert file_problems.problems == memory_problems.problems == []
    for sheet in (s for s in schema.SHEETS if not s.is_key_value):
        assert [(r.row, r.values, r.cells) for r in getattr(from_file, sheet.field)] == \
               [(r.row, r.values, r.cells) for r in getattr(in_memory, sheet.field)], sheet.name
    assert from_file.settings.values == in_memory.settings.values
    assert from_file.settings.cells == in_memory.settings.cells


def test_a_formula_without_a_value_in_a_table_names_its_cell_even_in_an_empty_row(sample):
    def formula_below(book):
        ws = book["Vắng mặt"]
        last = ws.max_row
        ws.cell(row=last + 2, column=column_of(ws, "Lý do")).value = "=A2"
        ws.cell(row=last + 3, column=12).value = "ghi chú ngoài bảng"   # the sheet reaches on

    edit(sample, formula_below)
    workbook, report = read_workbook(sample)
    ws = openpyxl.load_workbook(sample)["Vắng mặt"]
    cell = f"{openpyxl.utils.get_column_letter(column_of(ws, 'Lý do'))}{ws.max_row - 1}"
    row = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert sorted((p.code, p.cell) for p in report.problems if p.sheet == "Vắng mặt") == \
        [("formula-no-value", cell), ("required", f"A{row}"), ("required", f"B{row}")]
    assert workbook.absences[-1].row == ws.max_row - 1 and workbook.absences[-1].reason is None


def test_one_true_and_a_one_in_a_column_are_read_each_as_itself():
    """TRUE, 1 and 1.0 are equal to Python: a column holding them all still judges each."""
    from books import Book

    book = Book()
    quarters = [row["Quý"] for row in book.rows["Chuyên đề"]]
    book.rows["Chuyên đề"][0]["Quý"] = True
    book.rows["Chuyên đề"][1]["Quý"] = 1.0
    workbook, report = book.read()
    assert [(p.code, p.cell) for p in report.problems] == [("not-allowed", "A2")]
    assert [t.quarter for t in workbook.themes] == [None, 1, *quarters[2:]]
