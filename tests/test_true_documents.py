"""What a Đảng ủy office checks when it reads a cell's documents (domain.md §5): a document
says only what is true on its date, the minutes are kept as the minutes book keeps them, a
meeting is rated by HD 12's minimum criteria, and the numbers read the Vietnamese way."""

import datetime as dt

import pytest

from chibo.workbook import sample as data
from conftest import (AFTER_SAMPLE_YEAR, append_row, check, check_problems, messages, run, set_cell,
                      set_setting)
from test_documents import texts

MEETINGS = {row["Mã buổi"]: row for row in data.ROWS["Buổi sinh hoạt"]}


def only(report, code):
    found = [p for p in report.sorted() if p.code == code]
    assert found, messages(report)
    return found


def codes(report):
    return {p.code for p in report.problems}


# --- a document says only what is true on its date -------------------------------------------

def test_a_report_dated_before_a_meeting_it_covers_is_an_error_at_its_date(book):
    last = max((m for m in MEETINGS.values() if m["Ngày"].month in (1, 2, 3)),
               key=lambda m: m["Ngày"])
    cell = set_cell(book, "Văn bản", "Ngày", ("Kỳ", "Quý 1"),
                    dt.datetime.combine(last["Ngày"] - dt.timedelta(days=1), dt.time()))
    (problem,) = only(check_problems(book), "dated-before-meeting")
    assert problem.severity == "error" and str(problem).startswith(f"Văn bản!{cell}: ")
    assert f"Báo cáo quý 1 đề ngày 09/03/2022, trước buổi sinh hoạt ngày 10/03/2022 " \
           f"({last['Mã buổi']})" in problem.message


def test_the_sample_reports_are_dated_after_their_meetings():
    for entry in (d for d in data.ROWS["Văn bản"] if d["Loại"] == "BC"):
        reviews = entry["Kỳ"] == "Kiểm điểm"   # the year's review: it reports its meeting
        quarter = int(entry["Kỳ"][-1]) if entry["Kỳ"] not in ("Năm", "Kiểm điểm") else None
        covered = [m["Ngày"] for m in MEETINGS.values()
                   if (m["Loại"] == "Kiểm điểm cuối năm") is reviews
                   and (quarter is None or (m["Ngày"].month - 1) // 3 + 1 == quarter)]
        assert entry["Ngày"] >= max(covered), entry


def test_meetings_scheduled_ahead_raise_no_missing_number_warning(book):
    """The same list of documents as the build: a meeting typed in advance has none yet."""
    book.delete("Văn bản", ("Kỳ", "Quý 4"))
    assert "missing-number" not in codes(check(book, today=dt.date(2022, 9, 30)))
    assert "missing-number" in codes(check(book, today=AFTER_SAMPLE_YEAR))


def test_a_past_year_is_judged_to_its_end(book):
    book.rows["Buổi sinh hoạt"] = [m for m in book.rows["Buổi sinh hoạt"] if m["Ngày"].month <= 6]
    first_half = {m["Mã buổi"] for m in book.rows["Buổi sinh hoạt"]}
    for name in ("Vắng mặt", "Ý kiến", "Nhiệm vụ", "Chấm điểm", "Văn bản"):
        book.rows[name] = [r for r in book.rows[name]
                           if r.get("Mã buổi", r.get("Kỳ")) in first_half | {"Năm", "Quý 1", "Quý 2"}]
    report = check(book, today=AFTER_SAMPLE_YEAR)
    (months,) = only(report, "no-regular-meeting")
    assert months.message.startswith("Chưa sinh hoạt thường kỳ các tháng 7, 8, 9, 10, 11, 12/2022")
    (quarters,) = only(report, "no-thematic-meeting")
    assert quarters.message.startswith("Quý 3, 4/2022 đã hết")


def test_an_unreadable_meeting_date_raises_no_knock_on_warnings(book):
    set_cell(book, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "mười tháng ba")
    report = check_problems(book)
    assert "wrong-type" in codes(report)
    assert not codes(report) & {"no-thematic-meeting", "no-regular-meeting"}


# --- minutes as the minutes book keeps them ---------------------------------------------------

@pytest.fixture(scope="module")
def year(tmp_path_factory):
    from conftest import SAMPLE

    output = tmp_path_factory.mktemp("out")
    result = run("build-report", SAMPLE, "--all", "-o", output, "--no-pdf")
    assert result.exit_code == 0, result.output
    return output / "2022"


@pytest.mark.parametrize("meeting_id", [m for m, row in MEETINGS.items()
                                        if row["Loại"] in ("Chuyên đề", "Kết hợp")])
def test_thematic_minutes_name_the_theme_as_the_plan_adopted_it(year, meeting_id):
    meeting = MEETINGS[meeting_id]
    quarter = (meeting["Ngày"].month - 1) // 3 + 1
    theme = next(t for t in data.ROWS["Chuyên đề"] if t["Quý"] == quarter)
    minutes = texts(year / f"quy-{quarter}" / f"bien-ban-{meeting_id}.docx")
    assert (f"Chuyên đề quý {quarter} năm 2022 theo Kế hoạch số 05-KH/CB của chi bộ: "
            f"“{theme['Tên chuyên đề']}”.") in minutes
    approved, sent = meeting["Ngày duyệt đề cương"], meeting["Ngày gửi tài liệu"]
    assert (f"Đồng chí {theme['Người chuẩn bị']} chuẩn bị chuyên đề; đề cương được chi ủy duyệt "
            f"ngày {approved:%d/%m/%Y}; tài liệu được gửi đến đảng viên ngày {sent:%d/%m/%Y}."
            ) in minutes


def test_material_reaching_members_on_the_day_is_a_warning(book):
    cell = set_cell(book, "Buổi sinh hoạt", "Ngày gửi tài liệu", ("Mã buổi", "2022-Q2"),
                    dt.datetime(2022, 5, 17))
    (problem,) = only(check_problems(book), "material-late")
    assert problem.severity == "warning" and problem.cell == cell
    assert "chưa đủ 1 ngày trước buổi họp 17/05/2022" in problem.message


def test_material_sent_after_the_meeting_is_an_error(book):
    set_cell(book, "Buổi sinh hoạt", "Ngày gửi tài liệu", ("Mã buổi", "2022-Q2"),
             dt.datetime(2022, 5, 18))
    assert only(check_problems(book), "material-after-meeting")[0].severity == "error"


def test_the_upper_committees_member_is_recorded_as_attending_and_directing(year):
    delegate = MEETINGS["2022-Q4"]["Đại biểu cấp trên"]
    minutes = texts(year / "quy-4" / "bien-ban-2022-Q4.docx")
    assert f"- Đại biểu cấp trên: đồng chí {delegate}, dự và chỉ đạo." in minutes


def test_guests_are_named(year):
    guest = MEETINGS["2022-Q1"]["Khách mời"]
    assert f"- Khách mời: {guest}." in texts(year / "quy-1" / "bien-ban-2022-Q1.docx")


def test_minutes_keep_to_the_cell_by_default(year):
    """The review meeting's minutes are of the year's pack: they go where «XL» says."""
    for path in year.rglob("bien-ban-*.docx"):
        if path.parent.name == "cuoi-nam":
            continue
        minutes = texts(path)
        assert minutes[minutes.index("Nơi nhận:") + 1] == "- Lưu Chi bộ.", path.name


# --- quality by HD 12's minimum criteria -------------------------------------------------------

def test_a_good_rating_with_an_unexcused_absence_is_a_warning_at_the_rating(book):
    cell = set_cell(book, "Buổi sinh hoạt", "Xếp loại", ("Mã buổi", "2022-T04"), "Tốt")
    append_row(book, "Vắng mặt", {"Mã buổi": "2022-T04", "Họ và tên": "Hồ Văn Tuấn"})
    (problem,) = only(check_problems(book), "good-below-criteria")
    assert problem.cell == cell and problem.severity == "warning"
    assert "có đảng viên vắng không lý do (Hồ Văn Tuấn)" in problem.message


def test_a_good_rating_at_or_below_the_minimum_attendance_is_a_warning(book):
    for name in ("Hồ Văn Tuấn", "Bùi Thị Lan Anh", "Đỗ Thị Thùy Dung", "Nguyễn Văn Phúc"):
        append_row(book, "Vắng mặt", {"Mã buổi": "2022-T10", "Họ và tên": name,
                                        "Lý do": "Ốm"})
    (problem,) = only(check_problems(book), "good-below-criteria")
    assert "tỷ lệ dự họp 71,4% không cao hơn 85%" in problem.message


def test_a_rating_derived_from_the_score_is_never_good_below_the_criteria(book):
    set_cell(book, "Buổi sinh hoạt", "Xếp loại", ("Mã buổi", "2022-T04"), None)
    append_row(book, "Vắng mặt", {"Mã buổi": "2022-T04", "Họ và tên": "Hồ Văn Tuấn"})
    set_cell(book, "Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-T04"), "10/10 nhất trí")
    assert not codes(check_problems(book)) & {"good-below-criteria", "rating-mismatch"}
    minutes = texts(book.paper("BB", "2022-T04"))
    assert "Buổi sinh hoạt đạt 91 điểm, xếp loại Khá." in minutes


def test_a_high_score_held_at_kha_by_the_criteria_is_no_mismatch(book):
    set_cell(book, "Buổi sinh hoạt", "Xếp loại", ("Mã buổi", "2022-T04"), "Khá")
    append_row(book, "Vắng mặt", {"Mã buổi": "2022-T04", "Họ và tên": "Hồ Văn Tuấn"})
    set_cell(book, "Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-T04"), "10/10 nhất trí")
    assert codes(check_problems(book)) == {"low-attendance"}


def test_minutes_without_a_recorded_vote_invent_no_figures(book):
    set_cell(book, "Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-T04"), None)
    minutes = texts(book.paper("BB", "2022-T04"))
    closing = next(t for t in minutes if t.startswith("Buổi sinh hoạt kết thúc"))
    assert closing.endswith("được chi bộ thông qua./.") and "/" not in closing[:-3]


# --- the plan ---------------------------------------------------------------------------------

def test_an_empty_plan_is_an_error_for_each_missing_part(book):
    book.rows["Kế hoạch"] = []
    (problem,) = only(check_problems(book), "empty-plan-part")
    assert problem.message.startswith(
        "Kế hoạch chưa có phần «Mục đích», «Yêu cầu», «Biện pháp thực hiện»:")
    assert problem.severity == "error" and problem.sheet == "Kế hoạch"


# --- numbers the Vietnamese way ---------------------------------------------------------------

def test_percentages_in_messages_use_the_decimal_comma(book):
    append_row(book, "Vắng mặt", {"Mã buổi": "2022-T10", "Họ và tên": "Hồ Văn Tuấn",
                                    "Lý do": "Ốm"})
    append_row(book, "Vắng mặt", {"Mã buổi": "2022-T10", "Họ và tên": "Bùi Thị Lan Anh",
                                    "Lý do": "Ốm"})
    set_setting(book, "Tỷ lệ dự họp tối thiểu (%)", 87.5)
    problems = only(check_problems(book), "low-attendance")
    assert all(p.message == "Tỷ lệ dự họp 85,7% (12/14) thấp hơn mức tối thiểu 87,5%"
               for p in problems)


def test_no_document_writes_a_decimal_point_in_a_percentage(year):
    import re

    for path in year.rglob("*.docx"):
        assert not re.search(r"\d\.\d+\s?%", " ".join(texts(path))), path.name


# --- the issuer's name in the header ------------------------------------------------------------

def test_the_issuer_breaks_where_the_secretary_broke_it(book):
    set_setting(book, "Tên chi bộ", "Chi bộ Mầm non\nMỹ Hòa")
    header = texts(book.paper("KH", "Năm"))[:3]
    assert header[1] == "CHI BỘ MẦM NONMỸ HÒA"   # two lines: a break, no space
    import docx

    cell = docx.Document(book.paper("KH", "Năm")).tables[0].cell(0, 0)
    assert "w:br" in cell.paragraphs[1]._p.xml


def test_a_long_issuer_never_breaks_inside_a_name():
    from chibo.wording import header_lines

    lines = header_lines("Chi bộ Trường Mầm non Hoa Sen xã Phù Mỹ Đông")
    assert len(lines) > 1 and " ".join(lines) == "CHI BỘ TRƯỜNG MẦM NON HOA SEN XÃ PHÙ MỸ ĐÔNG"
    assert not any(line.endswith(("PHÙ", "PHÙ MỸ")) for line in lines)
    assert header_lines("Chi bộ Mầm non Mỹ Hòa") == ["CHI BỘ MẦM NON MỸ HÒA"]
    school = header_lines("Chi bộ Trường Trung học cơ sở Nguyễn Văn Trỗi")
    assert not any(line.endswith(("TRUNG", " CƠ", "MẦM")) for line in school), school


def test_a_line_she_broke_that_is_still_too_wide_is_broken_again_between_words():
    from chibo.wording import header_lines

    lines = header_lines("", ("Chi bộ Trường Tiểu học", "Nguyễn Văn Trỗi"))
    assert lines[-1] == "NGUYỄN VĂN TRỖI" and "TIỂU HỌC" in " ".join(lines)
    assert all(not line.endswith("TIỂU") for line in lines)


def test_the_body_reads_the_name_on_one_line(book):
    set_setting(book, "Tên chi bộ", "Chi bộ Trường Mầm non\nMỹ Hòa")
    plan = texts(book.paper("KH", "Năm"))
    assert any(t.startswith("Chi bộ Trường Mầm non Mỹ Hòa xây dựng kế hoạch") for t in plan)


# --- 2026 defaults ------------------------------------------------------------------------------

def test_a_2026_workbook_speaks_of_two_level_government_and_the_2025_rules(tmp_path):
    import openpyxl

    path = tmp_path / "so-2026.xlsx"
    assert run("init", path, "--year", "2026").exit_code == 0
    book = openpyxl.load_workbook(path)
    guide = " ".join(str(c.value) for c in book["Hướng dẫn"]["A"] if c.value)
    assert "42-HD/BTCTW" in guide and "50-CT/TW" in guide
    hints = " ".join(str(v.prompt) for ws in book.worksheets
                     for v in ws.data_validations.dataValidation if v.prompt)
    settings = " ".join(str(c.value) for c in book["Thông tin"]["C"] if c.value)
    assert "huyện" not in (guide + hints + settings).lower()
    assert "Văn phòng Đảng ủy xã" in hints


def test_a_2026_dang_uy_workbook_names_the_province_not_a_district(tmp_path):
    import openpyxl

    path = tmp_path / "dang-uy.xlsx"
    assert run("init", path, "--dang-uy", "--year", "2026").exit_code == 0
    book = openpyxl.load_workbook(path)
    everything = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows()
                          for c in row if c.value) + " ".join(
        str(v.prompt) for ws in book.worksheets for v in ws.data_validations.dataValidation)
    assert "huyện" not in everything.lower() and "Huyện ủy" not in everything
    assert "Đảng bộ tỉnh" in everything and "Tỉnh ủy" in everything


def test_the_2022_sample_sends_to_bodies_a_commune_had():
    lines = [r["Nơi nhận"] for r in data.ROWS["Nơi nhận"]]
    assert "Văn phòng Đảng ủy xã (theo dõi)" in lines
    assert not any("Ban Tổ chức" in line for line in lines)


# --- HD 12's minimum criteria, exactly at their boundaries ----------------------------------------

def twenty_required(book, absent_with_reason: int):
    """The cell grown to 20 members required at 2022-T10, with some absent with reason."""
    for number in range(6):
        book.append("Đảng viên", {"STT": 16 + number, "Họ và tên": f"Đảng viên Mới {number}",
                                  "Loại": "Chính thức", "Chức vụ": "Đảng viên"})
    for name in ["Hồ Văn Tuấn", "Bùi Thị Lan Anh", "Đỗ Thị Thùy Dung"][:absent_with_reason]:
        book.append("Vắng mặt", {"Mã buổi": "2022-T10", "Họ và tên": name, "Lý do": "Ốm"})
    voters = 20 - 1 - absent_with_reason   # one probationary member present does not vote
    book.set("Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-T10"), f"{voters}/{voters} nhất trí")


@pytest.mark.parametrize("absent, good", [(3, False), (2, True)])   # 85% exactly; 90%
def test_good_needs_attendance_above_the_minimum_not_at_it(book, absent, good):
    twenty_required(book, absent)
    found = [p for p in check(book).problems if p.code == "good-below-criteria"]
    assert bool(found) is not good, messages(check(book))
    if found:
        assert "tỷ lệ dự họp 85% không cao hơn 85%" in found[0].message


@pytest.mark.parametrize("absent, rating", [(3, "Khá"), (2, "Tốt")])
def test_a_rating_derived_from_the_score_follows_the_same_boundary(book, absent, rating):
    twenty_required(book, absent)
    book.set("Buổi sinh hoạt", "Xếp loại", ("Mã buổi", "2022-T10"), None)
    assert not {"good-below-criteria", "rating-mismatch"} & codes(check(book))
    assert f"Buổi sinh hoạt đạt 93 điểm, xếp loại {rating}." in texts(book.paper("BB", "2022-T10"))


def test_one_absence_without_reason_is_enough_to_fall_short_of_good(book):
    book.append("Vắng mặt", {"Mã buổi": "2022-T10", "Họ và tên": "Hồ Văn Tuấn"})
    book.set("Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-T10"), "12/12 nhất trí")
    (problem,) = only(check(book), "good-below-criteria")
    assert "có đảng viên vắng không lý do (Hồ Văn Tuấn)" in problem.message
    assert "tỷ lệ dự họp" not in problem.message   # 92,9%: above the minimum
