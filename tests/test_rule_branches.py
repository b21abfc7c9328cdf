"""One test per rule that no other test reaches: each change below breaks one rule of
the rules, and exactly that problem is reported, at its cell."""

import datetime as dt

import pytest

from chibo.workbook import sample as data
from conftest import append_row, check_problems, messages, set_cell, set_setting

SECRETARY = data.SETTINGS["Bí thư"]
NEWCOMER = next(m for m in data.ROWS["Đảng viên"] if m.get("Ngày chuyển đến"))


def problem(report, code):
    found = [p for p in report.sorted() if p.code == code]
    assert len(found) == 1, messages(report)
    return found[0]


def test_score_levels_must_fall(book):
    cell = set_setting(book, "Điểm Khá", 95)
    found = problem(check_problems(book), "score-levels")
    assert found.severity == "error" and found.cell == cell
    assert "Tốt (90) > Khá (95) > Trung bình (50)" in found.message


def test_a_workbook_without_members(book):
    book.rows["Đảng viên"] = []
    assert problem(check_problems(book), "no-members").message == "Chưa có đảng viên nào."


def test_a_member_leaving_before_joining(book):
    cell = set_cell(book, "Đảng viên", "Ngày chuyển đi", ("Họ và tên", NEWCOMER["Họ và tên"]),
                    dt.datetime(2022, 5, 1))
    assert problem(check_problems(book), "left-before-joined").cell == cell


def test_the_secretarys_position_disagrees(book):
    cell = set_cell(book, "Đảng viên", "Chức vụ", ("Họ và tên", SECRETARY), "Đảng viên")
    found = problem(check_problems(book), "position-mismatch")
    assert found.cell == cell and found.severity == "warning"


def test_the_chair_also_takes_the_minutes(book):
    cell = set_cell(book, "Buổi sinh hoạt", "Thư ký", ("Mã buổi", "2022-T01"), SECRETARY)
    assert problem(check_problems(book), "chair-is-minute-taker").cell == cell


def test_a_thematic_meeting_without_anyone_to_present_it(book):
    set_cell(book, "Buổi sinh hoạt", "Người trình bày", ("Mã buổi", "2022-Q2"), None)
    set_cell(book, "Chuyên đề", "Người chuẩn bị", ("Quý", 2), None)
    assert problem(check_problems(book), "no-presenter").severity == "warning"


def test_an_outline_approved_after_the_meeting(book):
    cell = set_cell(book, "Buổi sinh hoạt", "Ngày duyệt đề cương", ("Mã buổi", "2022-Q2"),
                    dt.datetime(2022, 5, 20))
    found = problem(check_problems(book), "outline-after-meeting")
    assert found.cell == cell and found.severity == "error"


def test_material_sent_before_its_outline_was_approved(book):
    set_cell(book, "Buổi sinh hoạt", "Ngày duyệt đề cương", ("Mã buổi", "2022-Q2"),
             dt.datetime(2022, 5, 12))
    assert problem(check_problems(book), "material-before-outline").severity == "warning"


def test_more_agreeing_than_voting(book):
    cell = set_cell(book, "Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-T01"),
                    "15/11 nhất trí")
    found = problem(check_problems(book), "vote-count")
    assert found.severity == "error" and found.cell == cell


def test_a_task_due_before_its_meeting(book):
    cell = set_cell(book, "Nhiệm vụ", "Thời hạn", ("Người thực hiện", "Hồ Văn Tuấn"),
                    dt.datetime(2022, 3, 1))
    found = problem(check_problems(book), "due-before-meeting")
    assert found.cell == cell and "trước ngày họp 10/03/2022" in found.message


def test_two_assessments_of_one_period(book):
    row = append_row(book, "Đánh giá", {"Kỳ": "Quý 1", "Ưu điểm": "Lần nữa."})
    assert problem(check_problems(book), "duplicate-period").cell == f"A{row}"


@pytest.mark.parametrize("kind, period", [("BC", "Quý 5"), ("KH", "Quý 1")])
def test_a_register_period_that_does_not_fit_its_type(book, kind, period):
    append_row(book, "Văn bản", {"Loại": kind, "Kỳ": period, "Số": 40})
    assert problem(check_problems(book), "bad-period").severity == "error"


def test_a_document_registered_twice(book):
    append_row(book, "Văn bản", {"Loại": "BC", "Kỳ": "Quý 1", "Số": 41})
    assert problem(check_problems(book), "duplicate-document").severity == "error"


def test_a_number_used_twice(book):
    set_cell(book, "Văn bản", "Số", ("Kỳ", "Quý 2"), 7)
    assert "Số 7 đã dùng" in problem(check_problems(book), "duplicate-number").message


def test_minutes_dated_before_their_meeting(book):
    row = append_row(book, "Văn bản", {"Loại": "BB", "Kỳ": "2022-Q1",
                                         "Ngày": dt.datetime(2022, 3, 9)})
    found = problem(check_problems(book), "dated-before-meeting")
    assert found.cell == f"D{row}" and found.message.startswith("Biên bản đề ngày 09/03/2022")


def test_no_recipients_at_all(book):
    book.rows["Nơi nhận"] = []
    assert problem(check_problems(book), "no-recipients").severity == "warning"


def test_a_workbook_without_its_year_is_judged_only_cell_by_cell(book):
    set_setting(book, "Năm", None)
    report = check_problems(book)
    assert [p.code for p in report.errors] == ["required"]
    assert not {"no-thematic-meeting", "no-regular-meeting", "missing-number"} & {
        p.code for p in report.problems}


def test_an_undeclared_code_is_a_programming_error():
    from chibo.problems import Report

    with pytest.raises(ValueError):
        Report().add("no-such-code")
