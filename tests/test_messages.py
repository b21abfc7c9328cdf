"""Messages a secretary reads to the end: the open workbook said first, a brand-new book's
to-do list, a date Windows may have swapped, and click's own words in Vietnamese."""

import datetime as dt

from conftest import check_problems, run, set_cell


def test_an_open_workbook_is_said_first_naming_the_program(sample):
    (sample.parent / ".~lock.chibo.xlsx#").write_text("lock")
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "ngày mai")
    output = run("check", sample).output.splitlines()
    assert output[1].startswith("Lưu ý: Sổ đang mở trong LibreOffice")
    assert output[2].startswith("Lỗi (")


def test_a_workbook_open_in_excel_stops_the_build_until_saved_and_closed(sample, tmp_path):
    (sample.parent / "~$chibo.xlsx").write_bytes(b"owner")
    result = run("build-report", sample, "-o", tmp_path / "out", "--no-pdf")
    assert result.exit_code == 1
    assert "Sổ đang mở trong Excel" in result.output and "--force" in result.output
    assert not (tmp_path / "out").exists()
    forced = run("build-report", sample, "-o", tmp_path / "out", "--no-pdf", "--force")
    assert forced.exit_code == 0 and (tmp_path / "out" / "2022").exists()


def test_a_brand_new_workbook_gets_a_short_to_do_list(tmp_path):
    path = tmp_path / "so-moi.xlsx"
    run("init", path, "--year", "2026")
    result = run("check", path)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[1].startswith("Sổ mới — hãy ghi trước")
    assert len(lines) == 7 and lines[2].startswith("  1. Thông tin!B2: Ghi các mục «Đảng bộ cấp trên»")


def test_a_date_that_fits_its_month_only_swapped_is_an_error_with_the_likely_date(sample):
    """An error, not a warning: left alone, the build would report the meeting in the wrong
    month, and miss it where it belongs."""
    cell = set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-T04"),
                    dt.datetime(2022, 7, 4))   # typed 07/04 on a US-dated Windows
    (problem,) = [p for p in check_problems(sample).problems if p.code == "swapped-date"]
    assert problem.cell == cell and problem.severity == "error"
    assert "có phải 07/04/2022?" in problem.message


def test_a_date_that_fits_its_quarter_only_swapped_is_an_error(sample):
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), dt.datetime(2022, 10, 3))
    problems = [p for p in check_problems(sample).problems if p.code == "swapped-date"]
    assert problems and "có phải 10/03/2022?" in problems[0].message


def test_a_date_that_fits_its_id_raises_nothing(sample):
    assert not [p for p in check_problems(sample).problems if p.code == "swapped-date"]


def test_help_and_usage_speak_vietnamese():
    help_text = run("--help").output
    assert "Cách dùng:" in help_text and "Hiện hướng dẫn này rồi thoát." in help_text
    assert "Usage" not in help_text and "Show this message" not in help_text
    result = run("check", "--khong-co")
    assert result.exit_code == 2
    assert "Không có tùy chọn '--khong-co'." in result.output and "Usage" not in result.output


def test_a_number_out_of_range_is_said_in_vietnamese(sample):
    result = run("minutes", sample, "--quarter", "7")
    assert result.exit_code == 2 and "không nằm trong khoảng" in result.output
