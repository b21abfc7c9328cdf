"""What a commune office still sent back, case by case: nothing written about days that have
not come, each decision said once, the members' figures, minutes shaped as the minutes book
keeps them, a summary that counts what each book shows, invitations that announce, and the
rules of 2026 in 2026's words."""

import datetime as dt
import re

import docx
import openpyxl
import pytest

from books import Book
from chibo.documents.kinds import QUARTER_REPORT, year_documents
from conftest import run, set_cell, set_setting
from test_documents import texts
from test_summary import committee_workbook

DAY_BEFORE_THE_Q4_REPORT = dt.date(2022, 12, 1)   # the Q4 report is dated 15/12/2022


def codes(report) -> set[str]:
    return {p.code for p in report.problems}


def only(report, code):
    found = [p for p in report.sorted() if p.code == code]
    assert found, [str(p) for p in report.sorted()]
    return found


# --- nothing written about days that have not come -------------------------------------------

def test_a_report_dated_after_today_waits_for_its_day_and_says_so_at_its_date(book):
    (problem,) = only(book.check(DAY_BEFORE_THE_Q4_REPORT), "dated-ahead")
    assert problem.cell == book.address("Văn bản", "Ngày", ("Kỳ", "Quý 4"))
    assert problem.message.startswith("Báo cáo quý 4 đề ngày 15/12/2022, sau hôm nay (01/12/2022)")
    workbook, _ = book.read()
    planned = year_documents(workbook, DAY_BEFORE_THE_Q4_REPORT)
    assert not [p for p in planned if p.kind is QUARTER_REPORT and p.period == "Quý 4"]
    assert [p for p in year_documents(workbook, dt.date(2022, 12, 15))
            if p.kind is QUARTER_REPORT and p.period == "Quý 4"]


def test_the_report_asked_for_before_its_day_is_refused_in_words(sample, tmp_path):
    result = run("report", sample, "--quarter", "4", "-o", tmp_path, "--no-pdf", "--today",
                 "01/12/2022")
    assert result.exit_code == 1
    assert "Báo cáo quý 4 đề ngày 15/12/2022" in result.output and "Traceback" not in result.output
    built = run("build-report", sample, "-o", tmp_path, "--no-pdf", "--today", "15/12/2022")
    assert built.exit_code == 0 and (tmp_path / "2022/quy-4/bao-cao-quy-4-2022.docx").is_file()


def test_on_its_day_the_report_states_what_was_true_on_its_day(book):
    report = texts(book.paper("BC", "Quý 4", dt.date(2022, 12, 15)))
    assert any(t.startswith("- Quý 4: “Công tác phát triển đảng viên mới trong chi bộ” – đã tổ "
                            "chức ngày 08/12/2022") for t in report)
    assert not any("chưa tổ chức" in t for t in report)


def test_a_date_swapped_by_a_us_windows_stops_the_build(sample, tmp_path):
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q2"), dt.datetime(2022, 5, 17))
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), dt.datetime(2022, 10, 3))
    result = run("build-report", sample, "--all", "-o", tmp_path, "--no-pdf")
    assert result.exit_code == 1 and "có phải 10/03/2022?" in result.output
    assert "Chưa lập văn bản nào" in result.output


def test_a_quarter_without_a_thematic_meeting_says_so_in_words(book):
    book.set("Buổi sinh hoạt", "Loại", ("Mã buổi", "2022-Q4"), "Thường kỳ")
    report = " ".join(texts(book.paper("BC", "Quý 4")))
    assert "chưa tổ chức buổi sinh hoạt chuyên đề nào" in report
    assert "0 buổi sinh hoạt chuyên đề" not in report


# --- a resolution states each decision once ---------------------------------------------------

def test_a_resolution_states_a_task_once_with_who_and_by_when(book):
    resolution = texts(book.paper("NQ", "2022-T04"))
    said = [t for t in resolution if "đề cương chuyên đề quý 2" in t]
    assert said == ["2. Chuẩn bị đề cương chuyên đề quý 2, gửi chi ủy duyệt (đồng chí Võ Thị Kim "
                    "Oanh; thời hạn 10/05/2022)."]
    assert resolution[resolution.index("CHI BỘ MẦM NON MỸ HÒA QUYẾT NGHỊ:") + 1].startswith(
        "1. Tiếp tục duy trì các biện pháp phòng dịch")


def test_a_resolution_rests_on_the_charter_the_upper_documents_and_the_minutes(book):
    resolution = texts(book.paper("NQ", "2022-T04"))
    bases = [t for t in resolution if t.startswith("- Căn cứ")]
    assert bases[0] == "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"
    assert bases[1].startswith("- Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 06 tháng 7 năm 2018 của Ban "
                               "Tổ chức Trung ương")
    assert bases[-1] == "- Căn cứ biên bản buổi sinh hoạt chi bộ ngày 07 tháng 4 năm 2022,"


def test_a_resolution_reviews_the_previous_one_and_records_its_vote(book):
    resolution = texts(book.paper("NQ", "2022-T10"))
    heading = resolution.index("Kết quả thực hiện Nghị quyết số 03-NQ/CB ngày 07/04/2022 của chi "
                               "bộ, đến ngày 06/10/2022:")
    assert resolution[heading + 1].startswith("- Chuẩn bị đề cương chuyên đề quý 2")
    assert resolution[heading + 1].endswith("Đã hoàn thành: đề cương được chi ủy duyệt ngày "
                                            "10/05/2022 và gửi đảng viên.")
    assert ("Nghị quyết được chi bộ biểu quyết thông qua: Đảng viên chính thức có mặt 13; tán "
            "thành 13/13 (100%), không tán thành 0.") in resolution
    first = texts(book.paper("NQ", "2022-T04"))
    assert not any(t.startswith("Kết quả thực hiện") for t in first)   # the year's first


def test_the_minutes_of_a_meeting_that_issued_one_say_it_was_adopted(book):
    minutes = texts(book.paper("BB", "2022-T04"))
    assert any(t.startswith("Biểu quyết thông qua kết luận và nghị quyết: Đảng viên chính thức")
               for t in minutes)
    regular = texts(book.paper("BB", "2022-T05"))
    assert any(t.startswith("Biểu quyết thông qua kết luận: ") for t in regular)


# --- the members' figures ------------------------------------------------------------------------

def test_the_year_report_counts_the_members_from_the_members_sheet(book):
    members = book.rows["Đảng viên"]
    full = sum(m["Loại"] == "Chính thức" for m in members)
    admitted = [m for m in members if m.get("Ngày vào Đảng") and m["Ngày vào Đảng"].year == 2022]
    arrived = [m for m in members if m.get("Ngày chuyển đến")]
    report = texts(book.paper("BC", "Năm"))
    lines = report[report.index("4. Tình hình đảng viên") + 1:][:3]
    assert lines[0] == (f"- Đến ngày 26/12/2022, chi bộ có {len(members)} đảng viên (chính thức "
                        f"{full}, dự bị {len(members) - full}).")
    assert lines[1] == (f"- Trong năm 2022: kết nạp 1 đồng chí ({admitted[0]['Họ và tên']}, ngày "
                        f"{admitted[0]['Ngày vào Đảng']:%d/%m/%Y}); chuyển đến 1 đồng chí "
                        f"({arrived[0]['Họ và tên']}, ngày {arrived[0]['Ngày chuyển đến']:%d/%m/%Y}); "
                        "không có đảng viên chuyển đi.")
    assert not any("chưa kết nạp được đảng viên mới" in t for t in report)


def test_a_probation_due_in_the_period_is_named(book):
    book.set("Đảng viên", "Ngày vào Đảng", ("Họ và tên", "Ngô Thị Phương Thảo"),
             dt.date(2021, 9, 1))
    report = texts(book.paper("BC", "Quý 3"))
    assert ("- Đảng viên dự bị đến hạn xét chuyển chính thức: Ngô Thị Phương Thảo (đủ 12 tháng "
            "ngày 01/09/2022).") in report


# --- minutes shaped as the minutes book keeps them --------------------------------------------------

def test_a_combined_meeting_is_minuted_in_its_two_parts(book):
    minutes = texts(book.paper("BB", "2022-Q1"))
    regular = minutes.index("2. Phần sinh hoạt thường kỳ")
    thematic = minutes.index("3. Phần sinh hoạt chuyên đề")
    assert minutes[regular + 1] == "Chi bộ đánh giá kết quả tháng 02 và đề ra nhiệm vụ tháng 3."
    part = minutes[thematic:minutes.index("4. Thảo luận")]
    assert part[1].startswith("Chuyên đề quý 1 năm 2022 theo Kế hoạch số 05-KH/CB")
    assert any(t.startswith("Đồng chí Trần Thị Mỹ Linh trình bày các phương án") for t in part)


def test_the_upper_committees_remarks_stand_as_guidance_not_discussion(book):
    minutes = texts(book.paper("BB", "2022-Q4"))
    discussion = minutes[minutes.index("4. Thảo luận"):minutes.index("5. Ý kiến chỉ đạo của đại "
                                                                      "biểu cấp trên")]
    assert not any("Trần Văn Hùng" in t for t in discussion)
    guidance = minutes[minutes.index("5. Ý kiến chỉ đạo của đại biểu cấp trên") + 1]
    assert guidance.startswith("- Đồng chí Trần Văn Hùng: Ghi nhận cố gắng của chi bộ")
    assert "unknown-name" not in codes(book.check())


def test_the_liaison_who_spoke_is_named_among_those_attending(book):
    book.append("Ý kiến", {"Mã buổi": "2022-T11", "Người phát biểu": "Trần Văn Hùng",
                           "Nội dung": "Đề nghị chi bộ chuẩn bị tốt chuyên đề quý 4."})
    minutes = texts(book.paper("BB", "2022-T11"))
    assert ("- Đại biểu cấp trên: đồng chí Trần Văn Hùng, Đảng ủy viên Đảng ủy xã Mỹ Hòa, dự và "
            "chỉ đạo.") in minutes
    assert "unknown-name" not in codes(book.check())


def test_a_regular_meeting_rated_good_without_any_discussion_is_a_warning(book):
    book.rows["Ý kiến"] = [o for o in book.rows["Ý kiến"] if o["Mã buổi"] != "2022-T02"]
    (problem,) = only(book.check(), "good-without-discussion")
    assert problem.cell == book.address("Buổi sinh hoạt", "Xếp loại", ("Mã buổi", "2022-T02"))


def test_a_score_sheet_lists_every_criterion_and_invents_no_points(book):
    book.rows["Chấm điểm"] = [s for s in book.rows["Chấm điểm"]
                              if not (s["Mã buổi"] == "2022-Q1" and s["STT tiêu chí"] == 5)]
    (problem,) = only(book.check(), "criteria-unscored")
    assert "chưa được chấm tiêu chí 5" in problem.message
    sheet = texts(book.paper("DG", "2022-Q1"))
    assert "chưa chấm" in sheet and "Tổng cộng: 74/100 điểm" in sheet


def test_lead_in_lines_keep_with_what_follows(book):
    minutes = docx.Document(book.paper("BB", "2022-Q4"))
    for lead in ("Đồng chí chủ trì kết luận:", "Phân công thực hiện:"):
        paragraph = next(p for p in minutes.paragraphs if p.text == lead)
        assert paragraph.style.paragraph_format.keep_with_next, lead


def test_dates_quarters_and_the_names_of_bodies_are_written_one_way(book):
    book.set("Buổi sinh hoạt", "Kết luận", ("Mã buổi", "2022-T05"),
             "Báo cáo đảng ủy xã Mỹ Hòa trước ngày 3/6/2022; chuẩn bị cho quý III.")
    minutes = " ".join(texts(book.paper("BB", "2022-T05")))
    assert "Báo cáo Đảng ủy xã Mỹ Hòa trước ngày 03/06/2022; chuẩn bị cho quý 3." in minutes
    resolution = " ".join(texts(book.paper("NQ", "2022-T04")))
    assert "10/05/2022" in resolution and "10/5/2022" not in resolution


# --- the commune counts what each book shows -------------------------------------------------

@pytest.fixture
def three_cells(sample, tmp_path):
    """Three cells' books; the third has one error that has nothing to do with quarter 2."""
    folder = tmp_path / "xa"
    folder.mkdir()
    committee_workbook(folder / "dang-uy.xlsx")
    for name in ("a", "b", "c"):
        path = folder / f"{name}.xlsx"
        path.write_bytes(sample.read_bytes())
        set_setting(path, "Tên chi bộ", f"Chi bộ Thôn {name.upper()}")
    set_cell(folder / "c.xlsx", "Ý kiến", "Người phát biểu", ("Mã buổi", "2022-Q1"), "Người Lạ")
    return folder


def summary_text(folder, *args, today="01/03/2023"):
    result = run("tong-hop", folder, "-o", folder / "out", "--no-pdf", "--today", today, *args)
    assert result.exit_code == 0, result.output
    name = next((folder / "out").glob("bao-cao-tong-hop-*.docx"))
    return [p.text for p in docx.Document(name).paragraphs]


def test_a_book_with_one_unrelated_error_is_still_counted_and_named_in_party_words(three_cells):
    text = summary_text(three_cells, "--quarter", "2")
    assert "- Số chi bộ tổ chức sinh hoạt chuyên đề: 3/3 (100%)." in text
    assert ("- Chi bộ Thôn C: báo cáo chưa đầy đủ (sổ sinh hoạt ghi chưa đúng ý kiến thảo "
            "luận).") in text
    assert not any("lỗi" in t for t in text)


def test_a_cell_whose_report_has_no_number_has_not_fully_reported(three_cells):
    set_cell(three_cells / "b.xlsx", "Văn bản", "Số", ("Kỳ", "Quý 2"), None)
    text = summary_text(three_cells, "--quarter", "2")
    assert "- Chi bộ Thôn B: báo cáo chưa đầy đủ (báo cáo chưa có số)." in text


def test_a_quarter_not_over_yet_is_not_counted_as_missed(three_cells):
    set_cell(three_cells / "a.xlsx", "Buổi sinh hoạt", "Loại", ("Mã buổi", "2022-Q4"), "Thường kỳ")
    text = summary_text(three_cells, "--quarter", "4", today="10/12/2022")
    missed = text[text.index("III. CÁC CHI BỘ CHƯA TỔ CHỨC SINH HOẠT CHUYÊN ĐỀ") + 1]
    assert missed == "- Không có."


def test_the_years_figures_agree_with_its_list_of_cells_that_missed_quarters(three_cells):
    set_cell(three_cells / "a.xlsx", "Buổi sinh hoạt", "Loại", ("Mã buổi", "2022-Q2"), "Thường kỳ")
    text = summary_text(three_cells, "--year-report")
    assert "- Số chi bộ tổ chức sinh hoạt chuyên đề đủ các quý đã qua: 2/3 (66,7%)." in text
    missed = text[text.index("III. CÁC CHI BỘ CHƯA TỔ CHỨC SINH HOẠT CHUYÊN ĐỀ") + 1]
    assert missed == "- Chi bộ Thôn A (3/4 quý)"


def test_the_problems_sheet_names_no_folder_and_nothing_only_the_cell_can_see(three_cells):
    summary_text(three_cells, "--quarter", "2")
    sheet = openpyxl.load_workbook(three_cells / "out" / "tong-hop-quy-2-2022.xlsx")["Vấn đề"]
    messages = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert messages and not any(str(three_cells) in m for m in messages)
    assert not any("tài liệu" in m.lower() and "không tìm thấy" in m.lower() for m in messages)


# --- invitations announce, minutes record -----------------------------------------------------

def invitation(sample, tmp_path, *args):
    result = run("invite", sample, "--meeting", "2022-Q2", "--dry-run", "-o", tmp_path,
                 "--today", "10/05/2022", *args)
    assert result.exit_code == 0, result.output
    draft = next((tmp_path / "2022" / "giay-moi" / "2022-Q2").glob("*.eml"))
    import email

    message = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    return result.output, message.get_body(("plain",)).get_content()


def test_an_invitation_announces_the_agenda_never_the_summary(sample, tmp_path):
    from chibo.workbook import sample as data

    summary = next(m for m in data.ROWS["Buổi sinh hoạt"] if m["Mã buổi"] == "2022-Q2")
    _, body = invitation(sample, tmp_path)
    assert "Sinh hoạt chuyên đề: “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”" in body
    assert summary["Tóm tắt nội dung"][:40] not in body


def test_an_agenda_she_wrote_is_what_the_invitation_announces(sample, tmp_path):
    set_cell(sample, "Buổi sinh hoạt", "Chương trình", ("Mã buổi", "2022-Q2"),
             "Đánh giá công tác tháng 4\nChuyên đề quý 2\nKết nạp đảng viên")
    _, body = invitation(sample, tmp_path)
    assert "  + Đánh giá công tác tháng 4\n  + Chuyên đề quý 2\n  + Kết nạp đảng viên" in body


def test_invite_names_the_members_it_cannot_reach(sample, tmp_path):
    output, _ = invitation(sample, tmp_path)
    assert "Lưu ý: Chưa có email của 2 đồng chí, cần báo tin trực tiếp: Phan Thị Minh Châu; " \
           "Trương Thị Hoa." in output


# --- 2026 in 2026's words ------------------------------------------------------------------------

def test_a_2026_book_minutes_the_material_posted_on_the_app(book2026):
    book2026.set_setting("Tài liệu đăng trên Sổ tay đảng viên", "Có")
    minutes = " ".join(texts(book2026.paper("BB", "2026-Q2", dt.date(2027, 3, 1))))
    assert ("tài liệu được đăng trên Sổ tay đảng viên điện tử ngày 10/05/2026, trước buổi sinh "
            "hoạt 7 ngày") in minutes
    before = " ".join(texts(Book().paper("BB", "2022-Q2")))   # 2022: sent, as it was then
    assert "tài liệu được gửi đến đảng viên ngày 10/05/2022" in before


def test_a_2026_book_cites_the_2025_guidance_where_it_is_in_force(book2026):
    book2026.set("Buổi sinh hoạt", "Kết thúc", ("Mã buổi", "2026-T04"), dt.time(15, 0))
    book2026.append("Vắng mặt", {"Mã buổi": "2026-T05", "Họ và tên": "Hồ Văn Tuấn"})
    book2026.set("Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2026-T05"), "10/10 nhất trí")
    report = book2026.check(dt.date(2027, 3, 1))
    (short,) = only(report, "too-short")
    assert short.message.endswith("(Hướng dẫn 42-HD/BTCTW)")
    (good,) = only(report, "good-below-criteria")
    assert "Hướng dẫn 12-HD/BTCTW và Hướng dẫn 42-HD/BTCTW" in good.message


@pytest.fixture
def book2026() -> Book:
    """The sample moved to 2026: every date four years on, every Mã buổi renamed."""
    book = Book()
    book.settings["Năm"] = 2026

    def moved(value):
        if isinstance(value, dt.date):
            return value.replace(year=value.year + 4)
        if isinstance(value, str):
            return re.sub(r"^2022-", "2026-", value)
        return value

    book.rows = {sheet: [{k: moved(v) for k, v in row.items()} for row in rows]
                 for sheet, rows in book.rows.items()}
    return book
