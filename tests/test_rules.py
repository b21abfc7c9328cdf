"""The rules of the field (domain.md §2) and the workbook's consistency, one test each.

Each test changes one thing in a copy of the book and expects the one problem it causes.
"""

import datetime as dt

import pytest

from chibo.workbook import sample as data
from conftest import (check, AFTER_SAMPLE_YEAR, address, append_row, check_problems, messages,
                      set_cell, set_setting)

SECRETARY = data.SETTINGS["Bí thư"]
MEETINGS = {row["Mã buổi"]: row for row in data.ROWS["Buổi sinh hoạt"]}
Q1 = MEETINGS["2022-Q1"]
NEWCOMER = next(m for m in data.ROWS["Đảng viên"] if m.get("Ngày chuyển đến"))
EXEMPT = next(m for m in data.ROWS["Đảng viên"] if m.get("Miễn sinh hoạt") == "Có")


def absent_at(meeting_id):
    return {a["Họ và tên"] for a in data.ROWS["Vắng mặt"] if a["Mã buổi"] == meeting_id}


def attending(meeting_id):
    """Members required at a meeting and not absent, in workbook order."""
    meeting = MEETINGS[meeting_id]
    officers = {meeting["Chủ trì"], meeting["Thư ký"], meeting.get("Người trình bày")}
    return [m["Họ và tên"] for m in data.ROWS["Đảng viên"]
            if m.get("Miễn sinh hoạt") != "Có"
            and m.get("Ngày chuyển đến", dt.date.min) <= meeting["Ngày"]
            and m["Họ và tên"] not in absent_at(meeting_id) | officers]


def only(report, code):
    found = [p for p in report.sorted() if p.code == code]
    assert found, messages(report)
    return found


# --- quarters and themes ----------------------------------------------------------------------

def test_every_quarter_needs_a_theme(book):
    book.delete("Chuyên đề", ("Quý", 3))
    (problem,) = only(check_problems(book), "missing-theme")
    assert str(problem).endswith("Quý 3 chưa có chuyên đề.")
    assert problem.severity == "error"


def test_an_ended_quarter_without_a_thematic_meeting_is_flagged(book):
    set_cell(book, "Buổi sinh hoạt", "Loại", ("Mã buổi", "2022-Q2"), "Thường kỳ")
    (problem,) = only(check_problems(book), "no-thematic-meeting")
    assert "Quý 2/2022 đã hết nhưng chưa có buổi sinh hoạt chuyên đề" in problem.message


def test_a_quarter_still_running_needs_no_thematic_meeting_yet(book):
    set_cell(book, "Buổi sinh hoạt", "Loại", ("Mã buổi", "2022-Q2"), "Thường kỳ")
    report = check(book, today=dt.date(2022, 6, 20))
    assert not [p for p in report.problems if p.code == "no-thematic-meeting"]


def test_a_past_year_is_judged_by_its_last_meeting(book):
    """Quarter 4 of a past year whose last meeting is in December has not been missed."""
    report = check(book, today=dt.date(2030, 1, 1))
    assert not report.problems


def test_a_planned_month_outside_its_quarter(book):
    cell = set_cell(book, "Chuyên đề", "Tháng dự kiến", ("Quý", 1), 5)
    (problem,) = only(check_problems(book), "month-outside-quarter")
    assert str(problem) == f"Chuyên đề!{cell}: Tháng 5 không thuộc quý 1"


# --- meetings ---------------------------------------------------------------------------------

def test_a_meeting_shorter_than_the_minimum(book):
    start = Q1["Bắt đầu"]
    end = dt.time(start.hour + 1, start.minute)
    cell = set_cell(book, "Buổi sinh hoạt", "Kết thúc", ("Mã buổi", "2022-Q1"), end)
    minimum = 120 if Q1["Loại"] == "Kết hợp" else 90
    (problem,) = only(check_problems(book), "too-short")
    assert str(problem).startswith(
        f"Buổi sinh hoạt!{cell}: Buổi họp kéo dài 60 phút, ít hơn {minimum} phút tối thiểu")


def test_the_minimum_length_comes_from_the_settings(book):
    set_setting(book, "Thời lượng tối thiểu (phút)", 240)
    set_setting(book, "Thời lượng tối thiểu khi kết hợp (phút)", 240)
    assert len(only(check_problems(book), "too-short")) == len(MEETINGS)


def test_a_meeting_that_ends_before_it_starts(book):
    set_cell(book, "Buổi sinh hoạt", "Kết thúc", ("Mã buổi", "2022-Q1"), dt.time(8, 0))
    (problem,) = only(check_problems(book), "end-before-start")
    assert problem.severity == "error"


def test_a_meeting_outside_the_plan_year(book):
    cell = set_cell(book, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-T01"), dt.date(2021, 12, 28))
    (problem,) = only(check_problems(book), "outside-year")
    assert str(problem) == (f"Buổi sinh hoạt!{cell}: Ngày họp 28/12/2021 không thuộc năm kế "
                            "hoạch 2022")


def test_two_meetings_with_the_same_id(book):
    first = address(book, "Buổi sinh hoạt", "Mã buổi", ("Mã buổi", "2022-Q1"))
    cell = set_cell(book, "Buổi sinh hoạt", "Mã buổi", ("Mã buổi", "2022-T04"), "2022-Q1")
    problems = only(check_problems(book), "duplicate-id")
    assert str(problems[0]) == (f"Buổi sinh hoạt!{cell}: Mã buổi «2022-Q1» trùng với "
                                f"Buổi sinh hoạt!{first}")


def test_a_chair_who_is_not_a_member_gets_the_closest_member_suggested(book):
    without_accents = "Nguyen Van Khong Co" if SECRETARY.startswith("Z") else (
        SECRETARY.replace("ị", "i").replace("ễ", "e").replace("ầ", "a").replace("ư", "u")
        .replace("ơ", "o").replace("ạ", "a").replace("ồ", "o").replace("ă", "a").replace("ê", "e")
        .replace("Đ", "D").replace("ế", "e").replace("ố", "o").replace("ả", "a").replace("á", "a")
        .replace("à", "a").replace("ò", "o").replace("ó", "o").replace("í", "i").replace("ý", "y")
        .replace("ú", "u").replace("ù", "u").replace("ệ", "e").replace("ộ", "o").replace("ậ", "a")
        .replace("ấ", "a").replace("ắ", "a").replace("ợ", "o").replace("ở", "o").replace("ủ", "u")
        .replace("ư", "u").replace("ũ", "u").replace("ỳ", "y").replace("ỹ", "y").replace("ì", "i")
        .replace("ô", "o").replace("â", "a").replace("é", "e").replace("è", "e").replace("ẻ", "e"))
    cell = set_cell(book, "Buổi sinh hoạt", "Chủ trì", ("Mã buổi", "2022-Q1"), without_accents)
    problems = only(check_problems(book), "unknown-name")
    assert str(problems[0]) == (f"Buổi sinh hoạt!{cell}: Chủ trì «{without_accents}» không có "
                                f"trong danh sách Đảng viên; có phải đồng chí «{SECRETARY}»?")


def test_a_minute_taker_who_is_not_a_member(book):
    cell = set_cell(book, "Buổi sinh hoạt", "Thư ký", ("Mã buổi", "2022-Q1"), "Người Lạ Hoắc")
    (problem,) = only(check_problems(book), "unknown-name")
    assert problem.cell == cell and problem.message.startswith("Thư ký «Người Lạ Hoắc» không có")


def test_a_presenter_before_she_moved_into_the_cell(book):
    cell = set_cell(book, "Buổi sinh hoạt", "Người trình bày", ("Mã buổi", "2022-Q1"),
                    NEWCOMER["Họ và tên"])
    (problem,) = only(check_problems(book), "not-in-cell")
    assert problem.cell == cell
    assert "chưa sinh hoạt ở chi bộ vào ngày" in problem.message


def test_a_member_who_moved_out_cannot_chair_later(book):
    chair_row = next(m for m in data.ROWS["Đảng viên"] if m["Họ và tên"] == Q1["Chủ trì"])
    set_cell(book, "Đảng viên", "Ngày chuyển đi", ("Họ và tên", chair_row["Họ và tên"]),
             dt.date(2022, 1, 2))
    problems = only(check_problems(book), "not-in-cell")
    assert any("không còn sinh hoạt ở chi bộ" in p.message for p in problems)


def test_a_score_and_a_rating_that_disagree(book):
    set_cell(book, "Buổi sinh hoạt", "Điểm", ("Mã buổi", "2022-Q1"), 60)
    cell = set_cell(book, "Buổi sinh hoạt", "Xếp loại", ("Mã buổi", "2022-Q1"), "Tốt")
    (problem,) = only(check_problems(book), "rating-mismatch")
    assert str(problem) == (f"Buổi sinh hoạt!{cell}: Xếp loại «Tốt» không khớp với 60 điểm "
                            "(theo thang điểm ở trang Thông tin là «Trung bình»)")


def test_rating_levels_come_from_the_settings(book):
    set_setting(book, "Điểm Tốt", 99)
    assert only(check_problems(book), "rating-mismatch")


def test_a_vote_that_does_not_match_attendance_is_an_error(book):
    """The minutes would print «có mặt 11; tán thành 40/40»: a reviewer sends that back."""
    cell = set_cell(book, "Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-Q1"), "40/40 nhất trí")
    (problem,) = only(check_problems(book), "vote-count")
    assert problem.cell == cell and problem.severity == "error"


# --- attendance -------------------------------------------------------------------------------

def test_attendance_below_the_minimum_rate(book):
    for name in attending("2022-Q1")[:3]:
        append_row(book, "Vắng mặt", {"Mã buổi": "2022-Q1", "Họ và tên": name,
                                        "Lý do": "Đi tập huấn"})
    (problem,) = only(check_problems(book), "low-attendance")
    assert "thấp hơn mức tối thiểu 85%" in problem.message


def test_absent_without_reason_in_three_months_of_the_year(book):
    meetings = ("2022-T01", "2022-T04", "2022-T07")
    name = next(n for n in attending(meetings[0]) if all(n in attending(m) for m in meetings))
    rows = [append_row(book, "Vắng mặt", {"Mã buổi": meeting, "Họ và tên": name})
            for meeting in meetings]
    (problem,) = only(check_problems(book), "absent-without-reason")
    assert problem.cell == f"C{rows[-1]}"
    assert "Điều lệ Đảng" in problem.message


def test_the_chair_cannot_also_be_absent(book):
    append_row(book, "Vắng mặt", {"Mã buổi": "2022-Q1", "Họ và tên": Q1["Chủ trì"],
                                    "Lý do": "Ốm"})
    (problem,) = only(check_problems(book), "absent-officer")
    assert problem.message.startswith(f"Chủ trì «{Q1['Chủ trì']}» lại được ghi vắng mặt")


def test_an_absence_at_an_unknown_meeting_suggests_the_closest_id(book):
    row = append_row(book, "Vắng mặt", {"Mã buổi": "2022-Q5", "Họ và tên": SECRETARY})
    problems = only(check_problems(book), "unknown-meeting")
    assert str(problems[0]).startswith(f"Vắng mặt!A{row}: Mã buổi «2022-Q5» không có ở trang "
                                       "Buổi sinh hoạt; có phải")


def test_the_same_absence_twice(book):
    name = attending("2022-Q3")[0]
    for _ in range(2):
        append_row(book, "Vắng mặt", {"Mã buổi": "2022-Q3", "Họ và tên": name, "Lý do": "Ốm"})
    assert only(check_problems(book), "duplicate-absence")


def test_an_exempt_member_need_not_be_marked_absent(book):
    append_row(book, "Vắng mặt", {"Mã buổi": "2022-Q3", "Họ và tên": EXEMPT["Họ và tên"]})
    (problem,) = only(check_problems(book), "exempt-absent")
    assert problem.severity == "warning"


def test_a_speaker_marked_absent(book):
    speaker = next(o["Người phát biểu"] for o in data.ROWS["Ý kiến"] if o["Mã buổi"] == "2022-Q1")
    append_row(book, "Vắng mặt", {"Mã buổi": "2022-Q1", "Họ và tên": speaker, "Lý do": "Ốm"})
    assert only(check_problems(book), "absent-speaker")


# --- members, settings, tasks, documents -----------------------------------------------------

def test_two_members_with_the_same_name_must_be_told_apart(book):
    other = data.ROWS["Đảng viên"][-1]["Họ và tên"]
    cell = set_cell(book, "Đảng viên", "Họ và tên", ("Họ và tên", other), SECRETARY)
    (problem,) = only(check_problems(book), "duplicate-name")
    assert problem.cell == cell and "hãy thêm dấu phân biệt" in problem.message


def test_the_cell_secretary_must_be_a_member(book):
    cell = set_setting(book, "Bí thư", "Trần Văn Vắng")
    (problem,) = only(check_problems(book), "unknown-name")
    assert str(problem).startswith(f"Thông tin!{cell}: Bí thư «Trần Văn Vắng» không có trong")


def test_a_missing_required_setting_names_the_closest_key(sample):
    set_cell(sample, "Thông tin", "Mục", ("Mục", "Tên chi bộ"), "Ten chi bo")
    assert ("Thông tin!A1: Thiếu mục «Tên chi bộ» ở cột «Mục» (có mục «Ten chi bo» — có phải là "
            "mục này?).") in messages(check_problems(sample))


def test_a_task_for_someone_unknown(book):
    row = append_row(book, "Nhiệm vụ", {"Mã buổi": "2022-Q1", "Nội dung": "Rà soát hồ sơ",
                                          "Người thực hiện": "Ông Ba Bị"})
    (problem,) = only(check_problems(book), "unknown-name")
    assert problem.cell.endswith(str(row))


def test_a_task_for_the_cell_committee_or_several_members(book):
    append_row(book, "Nhiệm vụ", {"Mã buổi": "2022-Q1", "Nội dung": "Rà soát hồ sơ",
                                    "Người thực hiện": f"Chi ủy, {SECRETARY}"})
    assert not check_problems(book).problems


def test_a_missing_document_number_is_a_warning(book):
    cell = set_cell(book, "Văn bản", "Số", ("Kỳ", "Quý 2"), None)
    (problem,) = only(check_problems(book), "missing-number")
    assert problem.severity == "warning" and problem.cell == cell
    assert not check_problems(book).has_errors


def test_a_document_without_a_row_is_a_warning(book):
    book.delete("Văn bản", ("Kỳ", "Quý 2"))
    (problem,) = only(check_problems(book), "missing-number")
    assert "Văn bản BC kỳ «Quý 2» chưa có số: hãy thêm một dòng" in problem.message


def test_minutes_may_go_unnumbered(book):
    append_row(book, "Văn bản", {"Loại": "BB", "Kỳ": "2022-Q2"})
    assert not check_problems(book).problems


def test_minutes_must_name_a_meeting(book):
    append_row(book, "Văn bản", {"Loại": "BB", "Kỳ": "Quý 2", "Số": 3})
    assert only(check_problems(book), "bad-period")


def test_errors_come_before_warnings(book):
    set_cell(book, "Văn bản", "Số", ("Kỳ", "Quý 2"), None)
    set_cell(book, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q4"), "hôm qua")
    severities = [p.severity for p in check_problems(book).sorted()]
    assert severities == sorted(severities, key=lambda s: s != "error")
    assert severities[0] == "error" and severities[-1] == "warning"


@pytest.mark.parametrize("today", [AFTER_SAMPLE_YEAR, dt.date(2040, 1, 1)])
def test_the_sample_is_clean_whenever_it_is_checked(book, today):
    assert not check(book, today=today).problems


def test_on_the_years_last_day_the_sample_says_only_a_probation_nears(book):
    (problem,) = check(book, today=dt.date(2022, 12, 31)).problems
    assert problem.code == "probation-near" and "Ngô Thị Phương Thảo" in problem.message


def test_a_month_without_a_regular_meeting(book):
    set_cell(book, "Buổi sinh hoạt", "Loại", ("Mã buổi", "2022-T06"), "Chuyên đề")
    (problem,) = only(check_problems(book), "no-regular-meeting")
    assert problem.message.startswith("Chưa sinh hoạt thường kỳ tháng 6/2022 (")


def test_a_quarter_without_its_assessment(book):
    book.delete("Đánh giá", ("Kỳ", "Quý 3"))
    (problem,) = only(check_problems(book), "no-assessment")
    assert "Quý 3" in problem.message and problem.severity == "warning"


def test_a_probationary_member_does_not_vote(book):
    """Điều lệ Đảng, Điều 5: the vote counts the full members present."""
    meeting = MEETINGS["2022-Q1"]
    present = len(attending("2022-Q1")) + len({meeting["Chủ trì"], meeting["Thư ký"],
                                                meeting.get("Người trình bày")} - {None})
    set_cell(book, "Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-Q1"),
             f"{present}/{present} nhất trí")
    (problem,) = only(check_problems(book), "vote-count")
    assert "đảng viên dự bị không biểu quyết" in problem.message


def test_a_past_years_last_quarter_is_judged_too(book):
    set_cell(book, "Buổi sinh hoạt", "Loại", ("Mã buổi", "2022-Q4"), "Thường kỳ")
    (problem,) = only(check(book, today=dt.date(2023, 2, 15)), "no-thematic-meeting")
    assert "Quý 4/2022" in problem.message
