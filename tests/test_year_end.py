"""The year's end from the same book (QĐ 366-QĐ/TW, HD 43-HD/BTCTW): members counted by their
status on each meeting's day, the sheet `Xếp loại`, the review pack read back for each
member's figures, its checks, its build and send, `status`, the window, and the commune's
sums of its cells' proposals."""

import datetime as dt
import shutil
from collections import Counter

import openpyxl
import pytest

from chibo.workbook import sample as data
from chibo.workbook.model import attendance
from chibo.wording import slug
from conftest import SAMPLE, Inbox, append_row, free_port, run, set_cell, set_setting
from test_documents import texts
from test_summary import committee_workbook

AFTER = dt.date(2023, 1, 5)            # the review meeting (20/12/2022) and its report are past
BEFORE = dt.date(2022, 12, 10)         # December: self-reviews due, the meeting still ahead
REVIEW = "Kiểm điểm cuối năm"
EXCELLENT, GOOD, DONE = ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
                         "Hoàn thành nhiệm vụ")
THAO = "Ngô Thị Phương Thảo"           # the sample's probationary member, admitted 03/01/2022


def problems(book, code, today=AFTER):
    return [p for p in book.check(today).sorted() if p.code == code]


def codes(book, today=AFTER) -> set[str]:
    return {p.code for p in book.check(today).problems}


# --- 1. members by date --------------------------------------------------------------------

def test_a_member_promoted_in_may_is_probationary_at_the_meetings_before(book):
    book.set("Đảng viên", "Ngày vào Đảng", ("Họ và tên", THAO), dt.date(2021, 4, 20))
    book.set("Đảng viên", "Loại", ("Họ và tên", THAO), "Chính thức")
    book.set("Đảng viên", "Ngày chuyển chính thức", ("Họ và tên", THAO), dt.date(2022, 5, 20))
    workbook, _ = book.read()
    may, june = (workbook.meeting_with_id(i) for i in ("2022-T05", "2022-T06"))
    assert attendance(workbook, may).probationary == 1
    assert attendance(workbook, june).probationary == 0
    minutes = texts(book.paper("BB", "2022-T05"))
    assert any("(chính thức 13, dự bị 1)" in t for t in minutes)
    # the past stays true: no meeting before her promotion is called wrong
    assert not [p for p in problems(book, "vote-count")
                if p.cell == book.address("Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-T05"))]


def test_full_without_the_date_the_vote_message_names_her_and_the_cause(book):
    book.set("Đảng viên", "Loại", ("Họ và tên", THAO), "Chính thức")
    found = problems(book, "vote-count")
    assert found   # every meeting she attended now seems one vote short
    assert all(f"«{THAO}» (vào Đảng ngày 03/01/2022)" in p.message
               and "hãy ghi «Ngày chuyển chính thức»" in p.message for p in found)
    book.set("Đảng viên", "Ngày chuyển chính thức", ("Họ và tên", THAO), dt.date(2023, 1, 9))
    assert not problems(book, "vote-count", dt.date(2023, 3, 1))


def test_the_probation_reminder_names_her_as_it_nears_and_stops_once_recorded(book):
    """Its coming and passing are said in the new year's book (test_init); this year's book
    says it nears, 30 working days included."""
    (found,) = problems(book, "probation-near", BEFORE)
    assert THAO in found.message and "chậm nhất ngày 14/02/2023" in found.message
    book.set("Đảng viên", "Ngày chuyển chính thức", ("Họ và tên", THAO), dt.date(2022, 12, 20))
    assert "probation-near" not in codes(book, BEFORE)


def test_init_from_does_not_carry_a_settled_probation(sample, tmp_path):
    set_cell(sample, "Đảng viên", "Ngày chuyển chính thức", ("Họ và tên", THAO),
             dt.datetime(2022, 12, 28))
    result = run("init", tmp_path / "so-2023.xlsx", "--from", sample)
    assert result.exit_code == 0 and "đảng viên dự bị" not in result.output
    sheet = openpyxl.load_workbook(tmp_path / "so-2023.xlsx")["Đảng viên"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True)
               if r[headers.index("Họ và tên")] == THAO)
    assert row[headers.index("Loại")] == "Chính thức"


# --- 2. the workbook -----------------------------------------------------------------------

def test_init_lays_out_the_ratings_sheet_with_its_lists_and_the_settings(tmp_path):
    path = tmp_path / "so.xlsx"
    assert run("init", path, "--year", "2026").exit_code == 0
    book = openpyxl.load_workbook(path)
    sheet = book["Xếp loại"]
    assert [c.value for c in sheet[1]][:8] == ["Đối tượng", "Mẫu", "Tự xếp loại", "Điểm",
                                               "Chi bộ đề nghị", "Kỷ luật trong năm",
                                               "Tán thành", "Không tán thành"]
    lists = " ".join(str(v.formula1) for v in sheet.data_validations.dataValidation)
    assert "Danh" in lists or "Hoàn thành" in lists   # dropdowns on the levels
    settings = {r[0]: r[1] for r in book["Thông tin"].iter_rows(min_row=2, values_only=True)}
    assert (settings["Điểm Hoàn thành xuất sắc"], settings["Điểm Hoàn thành tốt"],
            settings["Điểm Hoàn thành"]) == (90, 70, 50)
    every_text = " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row
                          if c.value)
    assert "Quy định số 366-QĐ/TW ngày 30/8/2025" in every_text
    assert "Hướng dẫn 43-HD/BTCTW" in every_text


def test_the_workbook_guide_in_docs_describes_the_ratings_sheet():
    from pathlib import Path

    guide = (Path(__file__).parent.parent / "docs" / "so-chi-bo.md").read_text(encoding="utf-8")
    assert "## Trang «Xếp loại»" in guide and "Kiểm điểm cuối năm" in guide


# --- 3. the documents, read back -----------------------------------------------------------

def _independent_year(name: str) -> tuple[int, int, int]:
    """(required, absent with reason, absent without) of a member, from the sample's rows."""
    member = next(m for m in data.ROWS["Đảng viên"] if m["Họ và tên"] == name)
    if member.get("Miễn sinh hoạt") == "Có":
        return 0, 0, 0
    joined = member.get("Ngày chuyển đến")
    meetings = [m["Mã buổi"] for m in data.ROWS["Buổi sinh hoạt"]
                if m["Loại"] != REVIEW and (joined is None or m["Ngày"] >= joined)]
    absences = [a for a in data.ROWS["Vắng mặt"]
                if a["Họ và tên"] == name and a["Mã buổi"] in meetings]
    with_reason = sum(1 for a in absences if a.get("Lý do"))
    return len(meetings), with_reason, len(absences) - with_reason


@pytest.mark.parametrize("member", [m["Họ và tên"] for m in data.ROWS["Đảng viên"]])
def test_each_self_review_carries_her_own_year_in_figures(year_built, member):
    paper = texts(year_built / "2022/cuoi-nam/ban-kiem-diem" / f"ban-kiem-diem-{slug(member)}.docx")
    required, with_reason, without = _independent_year(member)
    line = next(t for t in paper if t.startswith("Phải dự"))
    assert line.startswith(f"Phải dự {required} buổi sinh hoạt chi bộ; đã dự "
                           f"{required - with_reason - without} buổi; vắng có lý do "
                           f"{with_reason} buổi")
    assert f"vắng không lý do {without} buổi" in line
    tasks = [t["Nội dung"].rstrip(".") for t in data.ROWS["Nhiệm vụ"]
             if t["Người thực hiện"] == member]
    assert all(any(t.startswith(f"- {task}") for t in paper) for task in tasks)
    row = next(r for r in data.ROWS["Xếp loại"] if r["Đối tượng"] == member)
    assert f"Tự xếp loại chất lượng: “{row['Tự xếp loại']}”." in paper
    assert paper[-1] == member and f"Họ và tên: {member}" in " ".join(paper)


def test_a_self_review_without_her_words_leaves_dotted_lines_and_follows_her_post(year_built):
    secretary = texts(year_built / "2022/cuoi-nam/ban-kiem-diem/ban-kiem-diem-Nguyen-Thi-Thu-Ha.docx")
    assert "(Mẫu 2A – dùng cho cấp ủy viên, cán bộ lãnh đạo, quản lý)" in secretary
    assert sum(t.startswith("……") for t in secretary) >= 9
    tuan = texts(year_built / "2022/cuoi-nam/ban-kiem-diem/ban-kiem-diem-Ho-Van-Tuan.docx")
    assert "(Mẫu 2B – dùng cho đảng viên)" in tuan
    assert any(t.startswith("Vắng buổi sinh hoạt thường kỳ tháng 7") for t in tuan)


def test_form_2c_asks_for_the_place_of_residence(book):
    book.set("Xếp loại", "Mẫu", ("Đối tượng", "Trương Thị Hoa"), "2C")
    paper = texts(book.paper("KD", "Trương Thị Hoa", AFTER))
    assert "(Mẫu 2C – dùng cho đảng viên không thuộc hệ thống chính trị)" in paper
    assert any(t.startswith("- Nơi cư trú:") for t in paper)


def test_the_collectives_report_counts_the_year_as_the_book_holds_it(year_built):
    report = texts(year_built / "2022/cuoi-nam/bao-cao-kiem-diem-tap-the-2022.docx")
    meetings = [m for m in data.ROWS["Buổi sinh hoạt"] if m["Loại"] != REVIEW]
    regular = sum(m["Loại"] in ("Thường kỳ", "Kết hợp") for m in meetings)
    thematic = sum(m["Loại"] in ("Chuyên đề", "Kết hợp") for m in meetings)
    assert (f"- Năm 2022, chi bộ tổ chức {len(meetings)} buổi sinh hoạt: {regular} buổi sinh "
            f"hoạt thường kỳ, {thematic} buổi sinh hoạt chuyên đề") in " ".join(report)
    for theme in data.ROWS["Chuyên đề"]:
        assert any(t.startswith(f"- Quý {theme['Quý']}: “{theme['Tên chuyên đề']}”")
                   for t in report)
    assert "- Nghị quyết số 03-NQ/CB ngày 07/04/2022: giao 1 nhiệm vụ, đã có kết quả 1." in report
    assert any("kết nạp 1 đồng chí (Ngô Thị Phương Thảo, ngày 03/01/2022)" in t for t in report)
    own = next(a for a in data.ROWS["Đánh giá"] if a["Kỳ"] == "Kiểm điểm")
    assert own["Ưu điểm"] in report and own["Phương hướng"] in report
    assert ("Tập thể chi bộ tự đánh giá, xếp loại chất lượng năm 2022: “Hoàn thành tốt nhiệm "
            "vụ” (86 điểm).") in report
    assert report[3] == "Số 12-BC/CB" and "Mỹ Hòa, ngày 22 tháng 12 năm 2022" in report


def test_the_review_minutes_take_the_cell_first_then_the_secretary_and_count_the_votes(year_built):
    minutes = texts(year_built / "2022/cuoi-nam/bien-ban-kiem-diem-2022-KD.docx")
    assert "- Có mặt 13 đồng chí (chính thức 12, dự bị 1), đạt tỷ lệ 92,9%." in minutes
    assert any("Võ Thị Kim Oanh – đi tập huấn chuyên môn" in t for t in minutes)
    parts = [t for t in minutes if t[:2] in ("1.", "2.", "3.", "4.", "5.", "6.")]
    assert parts[1:3] == ["2. Kiểm điểm tập thể chi bộ", "3. Kiểm điểm từng đảng viên"]
    reviewed = [t for t in minutes if t.startswith(("- Đồng chí", "- Chi bộ nghe"))
                and "bản kiểm điểm" in t]
    assert reviewed[0].startswith("- Đồng chí Nguyễn Thị Thu Hà (Bí thư chi bộ)")
    assert len(reviewed) == 15
    assert any("Ngọc Ánh" in t and "tán thành 11/12 (91,7%), không tán thành 1" in t
               for t in reviewed)
    assert any(t.startswith("- Chi bộ nghe bản kiểm điểm của đồng chí Võ Thị Kim Oanh (không dự")
               for t in reviewed)


def test_the_list_counts_each_level_and_its_share_and_states_the_cap(year_built):
    paper = texts(year_built / "2022/cuoi-nam/danh-sach-de-nghi-xep-loai-2022.docx")
    members = [r for r in data.ROWS["Xếp loại"] if r["Đối tượng"] != "Chi bộ"]
    counts = Counter(r["Chi bộ đề nghị"] for r in members)
    for level in (EXCELLENT, GOOD, DONE):
        share = f"{100 * counts[level] / len(members):.1f}".rstrip("0").rstrip(".").replace(".", ",")
        assert f"- {level}: {counts[level]} đồng chí ({share}%)." in paper
    assert (f"- Số đảng viên đề nghị “{EXCELLENT}”: {counts[EXCELLENT]}, trên {counts[GOOD]} "
            f"đảng viên “{GOOD}” (tối đa 20%, tức 2 đồng chí).") in paper
    thao = paper.index(THAO)
    assert "Đảng viên dự bị" in paper[thao:thao + 7]
    assert "Danh sách gồm 15 đồng chí./." in paper


# --- 4. the checks -------------------------------------------------------------------------

def test_the_sample_rates_cleanly(book):
    assert not book.check(AFTER).problems


def test_the_top_level_above_its_cap_is_an_error_naming_the_rows_and_figures(book):
    book.set("Xếp loại", "Chi bộ đề nghị", ("Đối tượng", "Nguyễn Văn Phúc"), EXCELLENT)
    (found,) = problems(book, "excellent-over-cap")
    assert found.severity == "error" and found.sheet == "Xếp loại"
    rows = [book.address("Xếp loại", "Đối tượng", ("Đối tượng", n))[1:]
            for n in ("Trần Thị Mỹ Linh", "Lê Thị Ngọc Ánh", "Nguyễn Văn Phúc")]
    assert f"(dòng {', '.join(rows)})" in found.message
    assert "nhiều hơn mức tối đa 2: 20% của 10 đảng viên «Hoàn thành tốt" in found.message


def test_a_cap_set_by_the_commune_is_the_one_applied(book):
    book.set_setting("Tỷ lệ Hoàn thành xuất sắc tối đa (%)", 10)
    (found,) = problems(book, "excellent-over-cap")
    assert "mức tối đa 1: 10% của 11" in found.message


def test_a_disciplined_member_proposed_excellent_is_a_warning_naming_the_rule(book):
    book.set("Xếp loại", "Kỷ luật trong năm", ("Đối tượng", "Trần Thị Mỹ Linh"), "Khiển trách")
    (found,) = problems(book, "disciplined-above-done")
    assert found.severity == "warning"
    assert found.cell == book.address("Xếp loại", "Chi bộ đề nghị", ("Đối tượng", "Trần Thị Mỹ Linh"))
    assert "Quy định 366-QĐ/TW" in found.message and "«Hoàn thành nhiệm vụ»" in found.message


def test_a_cell_with_a_disciplined_member_cannot_propose_itself_excellent(book):
    book.set("Xếp loại", "Kỷ luật trong năm", ("Đối tượng", "Bùi Thị Lan Anh"), "Khiển trách")
    book.set("Xếp loại", "Chi bộ đề nghị", ("Đối tượng", "Chi bộ"), EXCELLENT)
    book.set("Xếp loại", "Điểm", ("Đối tượng", "Chi bộ"), 92)
    (found,) = problems(book, "cell-excellent-disciplined")
    assert found.severity == "error" and "«Bùi Thị Lan Anh» (Khiển trách)" in found.message


def test_a_member_missing_from_the_ratings_and_one_who_left_are_errors(book):
    book.delete("Xếp loại", ("Đối tượng", "Lý Thị Yến Nhi"))
    book.set("Đảng viên", "Ngày chuyển đi", ("Họ và tên", "Hồ Văn Tuấn"), dt.date(2022, 12, 28))
    (missing,) = problems(book, "unrated")
    assert "«Lý Thị Yến Nhi»" in missing.message and "31/12/2022" in missing.message
    (left,) = problems(book, "rated-not-in-cell")
    assert left.cell == book.address("Xếp loại", "Đối tượng", ("Đối tượng", "Hồ Văn Tuấn"))
    assert "chuyển đi ngày 28/12/2022" in left.message


def test_a_vote_that_does_not_add_up_to_the_full_members_present_is_an_error(book):
    cell = book.set("Xếp loại", "Tán thành", ("Đối tượng", "Phạm Thị Hồng Nhung"), 13)
    (found,) = problems(book, "rating-vote-count")
    assert found.cell == cell
    assert found.message == ("Tán thành 13, không tán thành 0: tổng 13, nhưng hội nghị kiểm điểm "
                             "ngày 20/12/2022 có 12 đảng viên chính thức dự họp (đảng viên dự bị "
                             "không biểu quyết)")


def test_points_must_reach_the_level_proposed(book):
    book.set("Xếp loại", "Điểm", ("Đối tượng", "Hồ Văn Tuấn"), 75)
    (found,) = problems(book, "level-points")
    assert found.cell == book.address("Xếp loại", "Chi bộ đề nghị", ("Đối tượng", "Hồ Văn Tuấn"))
    assert found.message == ("75 điểm là mức «Hoàn thành tốt nhiệm vụ» theo các mức điểm ở trang "
                             "Thông tin, nhưng ghi «Hoàn thành nhiệm vụ»")


def test_thresholds_must_fall(book):
    book.set_setting("Điểm Hoàn thành tốt", 95)
    assert [p.severity for p in problems(book, "level-thresholds")] == ["error"]


def test_the_head_of_the_cell_above_the_cell_is_a_warning(book):
    book.set("Xếp loại", "Chi bộ đề nghị", ("Đối tượng", "Nguyễn Thị Thu Hà"), EXCELLENT)
    book.set("Xếp loại", "Chi bộ đề nghị", ("Đối tượng", "Huỳnh Thị Thanh Tâm"), GOOD)
    (found,) = problems(book, "head-above-cell")
    assert "Bí thư «Nguyễn Thị Thu Hà»" in found.message


def test_the_review_meeting_after_the_report_that_reports_it_is_an_error(book):
    book.set("Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-KD"), dt.date(2022, 12, 23))
    (found,) = problems(book, "dated-before-meeting")
    assert found.cell == book.address("Văn bản", "Ngày", ("Kỳ", "Kiểm điểm"))


def test_a_review_meeting_held_without_ratings_is_said(book):
    book.rows["Xếp loại"] = []
    assert [p.code for p in book.check(AFTER).problems] == ["ratings-missing"]


# --- the pack built and sent ---------------------------------------------------------------

def test_in_december_the_pack_begins_with_the_self_reviews(sample, tmp_path):
    result = run("build-report", sample, "--year-end", "-o", tmp_path, "--no-pdf", "--today",
                 "10/12/2022")
    assert result.exit_code == 0, result.output
    built = sorted(p.name for p in (tmp_path / "2022/cuoi-nam").rglob("*.docx"))
    assert len(built) == 15 and all(n.startswith("ban-kiem-diem-") for n in built)
    assert "Chưa họp hội nghị kiểm điểm" in result.output


def test_the_quarters_run_leaves_the_pack_to_its_own(sample, tmp_path):
    run("build-report", sample, "-o", tmp_path, "--no-pdf", "--today", "05/01/2023")
    assert not (tmp_path / "2022/cuoi-nam").exists()
    before = run("build-report", sample, "--year-end", "-o", tmp_path, "--today", "01/11/2022")
    assert before.exit_code == 1 and "Chưa đến kỳ kiểm điểm cuối năm 2022" in before.output


def test_the_pack_is_built_sent_by_its_recipients_and_each_member_gets_hers(sample, tmp_path,
                                                                               inbox, smtp_env):
    output = tmp_path / "out"
    assert run("build-report", sample, "--year-end", "--no-pdf", "-o", output, "--today",
               "05/01/2023").exit_code == 0
    sent = run("send", sample, "--year-end", "--yes", "-o", output, "--today", "05/01/2023")
    assert sent.exit_code == 0, sent.output
    (letter,) = inbox.messages
    assert letter["To"] == "danguy.myhoa@example.vn"
    assert letter["Subject"] == ("Chi bộ Mầm non Mỹ Hòa gửi báo cáo kiểm điểm, bản kiểm điểm, "
                                 "biên bản, danh sách kiểm điểm, đánh giá, xếp loại chất lượng "
                                 "năm 2022")
    names = [p.get_filename() for p in letter.iter_attachments()]
    assert names[:3] == ["bao-cao-kiem-diem-tap-the-2022.docx", "bien-ban-kiem-diem-2022-KD.docx",
                         "danh-sach-de-nghi-xep-loai-2022.docx"] and len(names) == 18
    again = run("send", sample, "--year-end", "--yes", "-o", output, "--today", "05/01/2023")
    assert "Không có văn bản mới để gửi" in again.output and len(inbox.messages) == 1

    own = run("send", sample, "--self-reviews", "--yes", "-o", output, "--today", "05/01/2023")
    assert own.exit_code == 0, own.output
    assert "Phan Thị Minh Châu; Trương Thị Hoa" in own.output   # no email: by hand
    tuan = inbox.to("vantuan.ho@example.vn")
    assert [p.get_filename() for p in tuan[0].iter_attachments()] == ["ban-kiem-diem-Ho-Van-Tuan.docx"]
    assert len(inbox.messages) == 1 + 13
    set_cell(sample, "Xếp loại", "Biện pháp khắc phục", ("Đối tượng", "Hồ Văn Tuấn"),
             "Báo cáo chi ủy trước mỗi lần vắng họp.")
    run("build-report", sample, "--year-end", "--no-pdf", "-o", output, "--today", "05/01/2023")
    run("send", sample, "--self-reviews", "--yes", "-o", output, "--today", "05/01/2023")
    assert len(inbox.messages) == 1 + 13 + 1
    assert inbox.messages[-1]["To"] == "vantuan.ho@example.vn"
    assert inbox.messages[-1]["Subject"].endswith("(bản thay thế)")


# --- status and the window -----------------------------------------------------------------

def test_status_shows_the_years_end_due_in_december(sample, tmp_path):
    ahead = run("status", sample, "-o", tmp_path, "--today", "10/12/2022").output
    assert ("Cuối năm: Hội nghị kiểm điểm 20/12/2022 (sắp họp); bản kiểm điểm cá nhân đã lập "
            "0/15") in ahead
    assert "Bản kiểm điểm cá nhân năm 2022: đã lập 0/15." in ahead
    run("build-report", sample, "--year-end", "--no-pdf", "-o", tmp_path, "--today", "05/01/2023")
    after = run("status", sample, "-o", tmp_path, "--today", "05/01/2023").output
    assert "báo cáo, biên bản, danh sách đã lập 3/3, chưa gửi." in after
    assert "Hồ sơ kiểm điểm, xếp loại cuối năm chưa gửi." in after
    november = run("status", sample, "-o", tmp_path, "--today", "15/11/2022").output
    assert "Cuối năm" in november   # the review meeting is already in the book


def test_a_december_without_a_review_meeting_says_what_to_write(book, tmp_path):
    book.delete("Buổi sinh hoạt", ("Mã buổi", "2022-KD"))
    book.rows["Vắng mặt"] = [a for a in book.rows["Vắng mặt"] if a["Mã buổi"] != "2022-KD"]
    book.rows["Ý kiến"] = [a for a in book.rows["Ý kiến"] if a["Mã buổi"] != "2022-KD"]
    book.delete("Văn bản", ("Kỳ", "Kiểm điểm"))
    path = book.save(tmp_path / "so.xlsx")
    shown = run("status", path, "-o", tmp_path / "out", "--today", "10/12/2022").output
    assert "Cuối năm: chưa có hội nghị kiểm điểm, đánh giá, xếp loại chất lượng (ghi buổi Loại " \
           "«Kiểm điểm cuối năm» ở trang Buổi sinh hoạt)." in shown


def test_the_window_builds_and_sends_the_pack(sample, tmp_path, monkeypatch):
    from test_window_pages import finished, post, signed_in, window_on

    monkeypatch.setenv("CHIBO_SOFFICE", "/khong/co/soffice")   # the Word files: PDFs are test_pdf's
    server_inbox = Inbox()
    from aiosmtpd.controller import Controller

    server = Controller(server_inbox, hostname="127.0.0.1", port=free_port())
    server.start()
    for key, value in (("Máy chủ thư (SMTP)", "127.0.0.1"), ("Cổng", server.port),
                       ("Bảo mật", "Không")):
        set_setting(sample, key, value)
    try:
        client = signed_in(window_on(sample, tmp_path / "out", tmp_path, AFTER))
        assert "hồ sơ kiểm điểm, xếp loại cuối năm" in client.get("/").text
        page = finished(client, post(client, "/lap", {"ky": "cuoi-nam"}))
        assert "Danh sách đề nghị xếp loại chất lượng đảng viên năm 2022" in page
        assert "danh-sach-de-nghi-xep-loai-2022.docx" in page
        preview = client.get("/gui?ky=cuoi-nam").text
        assert "danguy.myhoa@example.vn" in preview and "bao-cao-kiem-diem-tap-the-2022.docx" in preview
        finished(client, post(client, "/gui", {"ky": "cuoi-nam"}))
        assert [m["To"] for m in server_inbox.messages] == ["danguy.myhoa@example.vn"]
        assert "Cuối năm:" in client.get("/").text and "đã gửi" in client.get("/").text
    finally:
        server.stop()


# --- 5. the commune ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def three_cells(tmp_path_factory):
    """The sample as three cells: one as shipped, one over its cap, one that has not rated."""
    folder = tmp_path_factory.mktemp("cells")
    committee_workbook(folder / "dang-uy.xlsx")
    for index, name in enumerate(["Chi bộ Mầm non Mỹ Hòa", "Chi bộ Thôn 1", "Chi bộ Thôn 2"]):
        path = folder / f"cb-{index}.xlsx"
        shutil.copyfile(SAMPLE, path)
        set_setting(path, "Tên chi bộ", name)
    set_cell(folder / "cb-1.xlsx", "Xếp loại", "Chi bộ đề nghị", ("Đối tượng", "Nguyễn Văn Phúc"),
             EXCELLENT)
    book = openpyxl.load_workbook(folder / "cb-2.xlsx")
    book["Xếp loại"].delete_rows(2, book["Xếp loại"].max_row)
    book.save(folder / "cb-2.xlsx")
    output = tmp_path_factory.mktemp("tong-hop")
    result = run("tong-hop", folder, "--year-report", "-o", output, "--today", "05/01/2023",
                 "--no-pdf")
    assert result.exit_code == 0, result.output
    return folder, output


def test_the_commune_sums_its_cells_proposals_in_the_summary_workbook(three_cells):
    sheet = openpyxl.load_workbook(three_cells[1] / "tong-hop-nam-2022.xlsx")["Xếp loại"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    headers = [c.value for c in sheet[1]]
    column = {h: headers.index(h) for h in headers}
    shipped = rows["Chi bộ Mầm non Mỹ Hòa"]
    assert shipped[column["Tập thể chi bộ đề nghị"]] == GOOD
    assert [shipped[column[f"Đảng viên {w}"]] for w in ("Hoàn thành xuất sắc", "Hoàn thành tốt",
                                                       "Hoàn thành")] == [2, 11, 2]
    assert rows["Chi bộ Thôn 1"][column["Tình trạng"]] == "vượt tỷ lệ: 3 xuất sắc, tối đa 2"
    assert rows["Chi bộ Thôn 2"][column["Tình trạng"]] == "chưa báo cáo xếp loại"
    total = rows["Cộng"]
    assert total[column["Tập thể chi bộ đề nghị"]] == "2/3 chi bộ đã báo cáo"
    assert total[column["Đảng viên Hoàn thành xuất sắc"]] == 2 + 3
    assert total[column["Đảng viên Hoàn thành tốt"]] == 11 + 10


def test_the_dang_uys_year_report_states_the_proposals_in_party_words(three_cells):
    report = texts(three_cells[1] / "bao-cao-tong-hop-nam-2022.docx")
    start = report.index("V. KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG")
    section = report[start + 1:start + 5]
    assert section[0] == ("- Tập thể chi bộ: 2/3 chi bộ đã đề nghị xếp loại chất lượng năm 2022; "
                          "Hoàn thành tốt nhiệm vụ: 2 (100%).")
    assert section[1].startswith("- Đảng viên: 30 đảng viên được chi bộ đề nghị xếp loại; "
                                 "Hoàn thành xuất sắc nhiệm vụ: 5 (16,7%)")
    assert section[2] == ("- Chi bộ đề nghị “Hoàn thành xuất sắc nhiệm vụ” vượt tỷ lệ tối đa: "
                          "Chi bộ Thôn 1; đề nghị chi bộ xem xét lại.")
    assert section[3] == "- Chi bộ chưa báo cáo kết quả kiểm điểm, xếp loại: Chi bộ Thôn 2."
    assert report[report.index("BÁO CÁO") + 1].startswith(
        "kết quả sinh hoạt chuyên đề và kiểm điểm, đánh giá, xếp loại chất lượng")


def test_a_quarters_summary_says_nothing_of_the_years_end(three_cells, tmp_path):
    run("tong-hop", three_cells[0], "--quarter", "4", "-o", tmp_path, "--today", "05/01/2023", "--no-pdf")
    assert "Xếp loại" not in openpyxl.load_workbook(tmp_path / "tong-hop-quy-4-2022.xlsx").sheetnames
    assert not any(t.startswith("V.") for t in texts(tmp_path / "bao-cao-tong-hop-quy-4-2022.docx"))


def test_a_name_not_in_the_members_is_an_error_at_its_cell_of_a_real_file(sample):
    row = append_row(sample, "Xếp loại", {"Đối tượng": "Nguyen Van Phuc"})
    checked = run("check", sample, "--today", "05/01/2023")
    assert checked.exit_code == 1
    assert (f"Xếp loại!A{row}: Đối tượng «Nguyen Van Phuc» không có trong danh sách Đảng viên; "
            "có phải đồng chí «Nguyễn Văn Phúc»?") in checked.output
