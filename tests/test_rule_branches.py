"""One test per rule that no other test reaches: each change below breaks one rule of
`checking.py`, and exactly that problem is reported, at its cell."""

import datetime as dt

import pytest

from chibo import sample as data
from conftest import append_row, check_problems, edit, messages, set_cell, set_setting

SECRETARY = data.SETTINGS["Bí thư"]
NEWCOMER = next(m for m in data.ROWS["Đảng viên"] if m.get("Ngày chuyển đến"))


def problem(report, code):
    found = [p for p in report.sorted() if p.code == code]
    assert len(found) == 1, messages(report)
    return found[0]


def test_score_levels_must_fall(sample):
    cell = set_setting(sample, "Điểm Khá", 95)
    found = problem(check_problems(sample), "score-levels")
    assert found.severity == "error" and found.cell == cell
    assert "Tốt (90) > Khá (95) > Trung bình (50)" in found.message


def test_a_workbook_without_members(sample):
    edit(sample, lambda book: book["Đảng viên"].delete_rows(2, 50))
    assert problem(check_problems(sample), "no-members").message == "Chưa có đảng viên nào."


def test_a_member_leaving_before_joining(sample):
    cell = set_cell(sample, "Đảng viên", "Ngày chuyển đi", ("Họ và tên", NEWCOMER["Họ và tên"]),
                    dt.datetime(2022, 5, 1))
    assert problem(check_problems(sample), "left-before-joined").cell == cell


def test_the_secretarys_position_disagrees(sample):
    cell = set_cell(sample, "Đảng viên", "Chức vụ", ("Họ và tên", SECRETARY), "Đảng viên")
    found = problem(check_problems(sample), "position-mismatch")
    assert found.cell == cell and found.severity == "warning"


def test_the_chair_also_takes_the_minutes(sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Thư ký", ("Mã buổi", "2022-T01"), SECRETARY)
    assert problem(check_problems(sample), "chair-is-minute-taker").cell == cell


def test_a_thematic_meeting_without_anyone_to_present_it(sample):
    set_cell(sample, "Buổi sinh hoạt", "Người trình bày", ("Mã buổi", "2022-Q2"), None)
    set_cell(sample, "Chuyên đề", "Người chuẩn bị", ("Quý", 2), None)
    assert problem(check_problems(sample), "no-presenter").severity == "warning"


def test_an_outline_approved_after_the_meeting(sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Ngày duyệt đề cương", ("Mã buổi", "2022-Q2"),
                    dt.datetime(2022, 5, 20))
    found = problem(check_problems(sample), "outline-after-meeting")
    assert found.cell == cell and found.severity == "error"


def test_material_sent_before_its_outline_was_approved(sample):
    set_cell(sample, "Buổi sinh hoạt", "Ngày duyệt đề cương", ("Mã buổi", "2022-Q2"),
             dt.datetime(2022, 5, 12))
    assert problem(check_problems(sample), "material-before-outline").severity == "warning"


def test_more_agreeing_than_voting(sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-T01"),
                    "15/11 nhất trí")
    found = problem(check_problems(sample), "vote-count")
    assert found.severity == "error" and found.cell == cell


def test_a_task_due_before_its_meeting(sample):
    cell = set_cell(sample, "Nhiệm vụ", "Thời hạn", ("Người thực hiện", "Hồ Văn Tuấn"),
                    dt.datetime(2022, 3, 1))
    found = problem(check_problems(sample), "due-before-meeting")
    assert found.cell == cell and "trước ngày họp 10/03/2022" in found.message


def test_two_assessments_of_one_period(sample):
    row = append_row(sample, "Đánh giá", {"Kỳ": "Quý 1", "Ưu điểm": "Lần nữa."})
    assert problem(check_problems(sample), "duplicate-period").cell == f"A{row}"


@pytest.mark.parametrize("kind, period", [("BC", "Quý 5"), ("KH", "Quý 1")])
def test_a_register_period_that_does_not_fit_its_type(sample, kind, period):
    append_row(sample, "Văn bản", {"Loại": kind, "Kỳ": period, "Số": 40})
    assert problem(check_problems(sample), "bad-period").severity == "error"


def test_a_document_registered_twice(sample):
    append_row(sample, "Văn bản", {"Loại": "BC", "Kỳ": "Quý 1", "Số": 41})
    assert problem(check_problems(sample), "duplicate-document").severity == "error"


def test_a_number_used_twice(sample):
    set_cell(sample, "Văn bản", "Số", ("Kỳ", "Quý 2"), 7)
    assert "Số 7 đã dùng" in problem(check_problems(sample), "duplicate-number").message


def test_minutes_dated_before_their_meeting(sample):
    row = append_row(sample, "Văn bản", {"Loại": "BB", "Kỳ": "2022-Q1",
                                         "Ngày": dt.datetime(2022, 3, 9)})
    found = problem(check_problems(sample), "dated-before-meeting")
    assert found.cell == f"D{row}" and found.message.startswith("Biên bản đề ngày 09/03/2022")


def test_no_recipients_at_all(sample):
    edit(sample, lambda book: book["Nơi nhận"].delete_rows(2, 20))
    assert problem(check_problems(sample), "no-recipients").severity == "warning"


def test_a_workbook_without_its_year_is_judged_only_cell_by_cell(sample):
    set_setting(sample, "Năm", None)
    report = check_problems(sample)
    assert [p.code for p in report.errors] == ["required"]
    assert not {"no-thematic-meeting", "no-regular-meeting", "missing-number"} & {
        p.code for p in report.problems}


def test_every_problem_code_is_declared_and_listed():
    import re
    from pathlib import Path

    from chibo.problems import CATALOGUE
    from conftest import run

    source = " ".join(p.read_text(encoding="utf-8")
                      for p in Path(__file__).parent.parent.joinpath("scripts", "chibo").glob("*.py"))
    used = set(re.findall(r'(?:error|warning|WorkbookUnreadable)\(\s*"([a-z][a-z0-9-]*)"', source))
    assert used and used <= set(CATALOGUE)
    listed = run("check", "--codes").output
    assert all(code in listed for code in CATALOGUE)


def test_an_undeclared_code_is_a_programming_error():
    from chibo.problems import Report

    with pytest.raises(ValueError):
        Report().error("no-such-code", "…")
