"""The three documents, as a person reads them: their words, their figures, their layout."""

import datetime as dt
import re
import shutil

import docx
import pytest
from docx.shared import Pt

from chibo.workbook import sample as data
from chibo.documents.rendering import TEMPLATES_DIR
from conftest import SAMPLE, SEED, run, set_cell, set_setting

SECRETARY = data.SETTINGS["Bí thư"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The whole year of the sample, built once for the tests that only read."""
    output = tmp_path_factory.mktemp("out")
    result = run("build-report", SAMPLE, "--all", "-o", output, "--no-pdf")
    assert result.exit_code == 0, result.output
    return output / "2022"


def texts(path) -> list[str]:
    """Every paragraph of the body in reading order, table cells included."""
    document = docx.Document(path)
    found = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            found.append("".join(t.text or "" for t in block.iter(docx.oxml.ns.qn("w:t"))))
        elif tag == "tbl":
            for p in block.iter(docx.oxml.ns.qn("w:p")):
                found.append("".join(t.text or "" for t in p.iter(docx.oxml.ns.qn("w:t"))))
    return [t for t in found if t.strip()]


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def paragraph_with(document, text):
    for paragraph in _all_paragraphs(document):
        if paragraph.text.strip() == text:
            return paragraph
    raise AssertionError(f"no paragraph {text!r}")


def _all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def effective(paragraph, attribute):
    """A font attribute as Word resolves it: the run's, else the paragraph style's chain."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    value = getattr(runs[0].font, attribute) if runs else None
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.font, attribute)
        style = style.base_style
    return value


# --- what is written where --------------------------------------------------------------------

def test_build_report_all_writes_the_year(built):
    names = sorted(p.relative_to(built).as_posix() for p in built.rglob("*.docx"))
    from conftest import meeting_papers, year_end_papers

    minutes = meeting_papers()
    reports = [f"quy-{q}/bao-cao-quy-{q}-2022.docx" for q in (1, 2, 3, 4)]
    assert names == sorted(["ke-hoach-sinh-hoat-chuyen-de-2022.docx", "bao-cao-nam-2022.docx"]
                           + reports + minutes + year_end_papers())


def test_file_names_are_ascii(built):
    assert all(p.name.isascii() for p in built.rglob("*"))


# --- the KẾ HOẠCH -----------------------------------------------------------------------------

def test_the_plan_reproduces_the_seed_paragraph_by_paragraph(built):
    from test_sample import SEED_TYPOS

    seed = SEED.read_text(encoding="utf-8")
    for typo, fixed in SEED_TYPOS.items():
        seed = seed.replace(typo, fixed)
    seed_lines = [words(line) for line in seed.splitlines() if line.strip()]
    plan = [words(t) for t in texts(built / "ke-hoach-sinh-hoat-chuyen-de-2022.docx")]
    expected_opening = (
        "Thực hiện Hướng dẫn số 12-HD/BTCTW ngày 06 tháng 7 năm 2018 của Ban Tổ chức Trung ương "
        "“Một số vấn đề về nâng cao chất lượng sinh hoạt chi bộ” và Hướng dẫn số 02-HD/TU ngày 22 "
        "tháng 3 năm 2019 của Thành ủy Thành phố Hồ Chí Minh về nội dung sinh hoạt và tiêu chí "
        "đánh giá chất lượng sinh hoạt chi bộ.")
    assert expected_opening in plan
    body = seed_lines[seed_lines.index("I. MỤC ĐÍCH YÊU CẦU:"):]
    for line in body:
        if line.startswith(("I.", "II.", "III.", "1. ", "2. ")):
            continue  # headings: written in HD 36 style, checked below
        line = line.replace("Mầm Non", "Mầm non")
        assert any(p.rstrip(".") == line.rstrip(".") or p.startswith(line.rstrip("."))
                   for p in plan), line
    for heading in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu",
                    "II. NỘI DUNG SINH HOẠT CHUYÊN ĐỀ", "III. BIỆN PHÁP THỰC HIỆN"):
        assert heading in plan


def test_the_plan_names_who_prepares_each_theme_and_when(built):
    plan = texts(built / "ke-hoach-sinh-hoat-chuyen-de-2022.docx")
    theme = data.ROWS["Chuyên đề"][0]
    assert (f"Đồng chí {theme['Người chuẩn bị']} chuẩn bị; dự kiến tháng\u00a0"
            f"{theme['Tháng dự kiến']}/2022.") in plan


# --- the layout of HD 36 ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def plan_docx(built):
    return docx.Document(built / "ke-hoach-sinh-hoat-chuyen-de-2022.docx")


def test_the_page_is_a4_with_the_workbooks_margins(plan_docx):
    section = plan_docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]


def test_margins_follow_the_settings(sample, tmp_path):
    set_setting(sample, "Lề trái (mm)", 35)
    set_setting(sample, "Lề trên (mm)", 25)
    run("plan", sample, "-o", tmp_path, "--no-pdf")
    section = docx.Document(tmp_path / "2022" / "ke-hoach-sinh-hoat-chuyen-de-2022.docx").sections[0]
    assert (round(section.left_margin.mm), round(section.top_margin.mm)) == (35, 25)


def test_everything_is_times_new_roman(plan_docx):
    for paragraph in _all_paragraphs(plan_docx):
        if paragraph.text.strip():
            assert effective(paragraph, "name") == "Times New Roman", paragraph.text


def test_the_header_is_a_borderless_two_column_table(plan_docx):
    header = plan_docx.tables[0]
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs] == ["ĐẢNG BỘ XÃ MỸ HÒA", "CHI BỘ MẦM NON MỸ HÒA", "*",
                                                 "Số 05-KH/CB"]
    assert [p.text for p in right.paragraphs] == ["ĐẢNG CỘNG SẢN VIỆT NAM",
                                                  "Mỹ Hòa, ngày 06 tháng 01 năm 2022"]
    borders = header._tbl.tblPr.find(docx.oxml.ns.qn("w:tblBorders"))
    assert {b.get(docx.oxml.ns.qn("w:val")) for b in borders} == {"nil"}


def test_header_table_widths_are_set_for_word_and_libreoffice(plan_docx):
    header = plan_docx.tables[0]._tbl
    grid = [int(c.get(docx.oxml.ns.qn("w:w"))) for c in header.tblGrid]
    cells = [c.width for c in plan_docx.tables[0].rows[0].cells]
    assert len(grid) == 2 and all(grid) and all(cells)
    assert header.tblPr.find(docx.oxml.ns.qn("w:tblLayout")).get(docx.oxml.ns.qn("w:type")) == "fixed"


def test_the_header_sizes_and_weights(plan_docx):
    expectations = {  # text: (size pt, bold, italic)
        "ĐẢNG BỘ XÃ MỸ HÒA": (14, False, False),
        "CHI BỘ MẦM NON MỸ HÒA": (14, True, False),
        "Số 05-KH/CB": (14, False, False),
        "ĐẢNG CỘNG SẢN VIỆT NAM": (15, True, False),
        "Mỹ Hòa, ngày 06 tháng 01 năm 2022": (14, False, True),
        "KẾ HOẠCH": (16, True, False),
        "tổ chức sinh hoạt chuyên đề năm 2022": (14, True, False),
    }
    for text, (size, bold, italic) in expectations.items():
        paragraph = paragraph_with(plan_docx, text)
        assert effective(paragraph, "size") == Pt(size), text
        assert bool(effective(paragraph, "bold")) is bold, text
        assert bool(effective(paragraph, "italic")) is italic, text


def test_the_party_heading_has_a_line_under_it(plan_docx):
    heading = paragraph_with(plan_docx, "ĐẢNG CỘNG SẢN VIỆT NAM")
    border = heading._p.pPr.find(docx.oxml.ns.qn("w:pBdr"))
    assert border.find(docx.oxml.ns.qn("w:bottom")).get(docx.oxml.ns.qn("w:val")) == "single"


def test_the_number_has_no_colon(built):
    for path in built.rglob("*.docx"):
        if path.name.startswith(("bien-ban", "cham-diem", "ban-kiem-diem", "danh-sach")):
            continue   # minutes may go unnumbered, as a minutes book keeps them; score sheets,
            # self-reviews and the list of levels do
        number = next(t for t in texts(path) if t.startswith("Số"))
        assert re.fullmatch(r"Số \d{2}-(KH|BC|NQ)/CB", number), (path.name, number)


def test_unnumbered_minutes_print_no_number_line(built):
    header = texts(built / "quy-1" / "bien-ban-2022-Q1.docx")[:4]
    assert header == ["ĐẢNG BỘ XÃ MỸ HÒA", "CHI BỘ MẦM NON MỸ HÒA", "*", "ĐẢNG CỘNG SẢN VIỆT NAM"]


def test_numbered_minutes_carry_their_number(sample, tmp_path):
    from conftest import append_row

    append_row(sample, "Văn bản", {"Loại": "BB", "Kỳ": "2022-Q1", "Số": 21,
                                    "Ngày": dt.datetime(2022, 3, 10)})
    run("minutes", sample, "--meeting", "2022-Q1", "-o", tmp_path, "--no-pdf")
    assert "Số 21-BB/CB" in texts(tmp_path / "2022" / "quy-1" / "bien-ban-2022-Q1.docx")


def test_the_body_is_14_point_and_justified(plan_docx):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = paragraph_with(plan_docx, "Chuẩn bị nội dung trước khi tổ chức sinh hoạt.")
    assert effective(paragraph, "size") == Pt(14)
    assert paragraph.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_paragraphs_use_named_styles_a_secretary_can_change(plan_docx):
    used = {p.style.name for p in _all_paragraphs(plan_docx) if p.text.strip()}
    assert used <= {s.name for s in plan_docx.styles if s.name.startswith("CB ")}
    assert {"CB Nội dung", "CB Tên loại", "CB Trích yếu", "CB Đề mục 1"} <= used


def test_page_numbers_start_on_page_two(plan_docx):
    section = plan_docx.sections[0]
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_the_signature_block_and_recipients(built):
    plan = texts(built / "ke-hoach-sinh-hoat-chuyen-de-2022.docx")
    tail = plan[plan.index("Nơi nhận:"):]
    assert tail == ["Nơi nhận:", "- Đảng ủy xã Mỹ Hòa (báo cáo),",
                    "- Đảng viên trong chi bộ (thực hiện),", "- Lưu Chi bộ.", "T/M CHI BỘ",
                    "BÍ THƯ", SECRETARY]


def test_the_signers_name_is_bold(plan_docx):
    assert effective(paragraph_with(plan_docx, SECRETARY), "bold")


def test_a_missing_number_leaves_room_to_write_it(sample, tmp_path):
    set_cell(sample, "Văn bản", "Số", ("Kỳ", "Năm"), None)  # the first 'Năm' row is the plan's
    run("plan", sample, "-o", tmp_path, "--no-pdf")
    plan = texts(tmp_path / "2022" / "ke-hoach-sinh-hoat-chuyen-de-2022.docx")
    assert "Số     -KH/CB" in plan


# --- the BIÊN BẢN -----------------------------------------------------------------------------

def _attendance_of(meeting_id):
    """The figures of a meeting, computed here from the sample's rows."""
    meeting = next(m for m in data.ROWS["Buổi sinh hoạt"] if m["Mã buổi"] == meeting_id)
    members = [m for m in data.ROWS["Đảng viên"]
               if m.get("Ngày chuyển đến", dt.date.min) <= meeting["Ngày"]]
    exempt = [m for m in members if m.get("Miễn sinh hoạt") == "Có"]
    absences = [a for a in data.ROWS["Vắng mặt"] if a["Mã buổi"] == meeting_id]
    required = len(members) - len(exempt)
    present = required - len(absences)
    return meeting, members, exempt, absences, required, present


@pytest.mark.parametrize("meeting_id", [m["Mã buổi"] for m in data.ROWS["Buổi sinh hoạt"]
                                        if m["Loại"] != "Kiểm điểm cuối năm"])
def test_minutes_attendance_agrees_with_the_workbook(built, meeting_id):
    meeting, members, exempt, absences, required, present = _attendance_of(meeting_id)
    quarter = (meeting["Ngày"].month - 1) // 3 + 1
    minutes = texts(built / f"quy-{quarter}" / f"bien-ban-{meeting_id}.docx")
    rate = f"{100 * present / required:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    away = {a["Họ và tên"] for a in absences} | {m["Họ và tên"] for m in exempt}
    here = [m for m in members if m["Họ và tên"] not in away]
    full_here = sum(m["Loại"] == "Chính thức" for m in here)
    assert f"- Tổng số đảng viên của chi bộ {len(members)} đồng chí (chính thức " \
           f"{sum(m['Loại'] == 'Chính thức' for m in members)}, dự bị " \
           f"{sum(m['Loại'] == 'Dự bị' for m in members)})." in minutes
    assert f"- Đảng viên phải dự họp {required} đồng chí." in minutes
    assert f"- Có mặt {present} đồng chí (chính thức {full_here}, dự bị {present - full_here}), " \
           f"đạt tỷ lệ {rate}%." in minutes
    with_reason = [a for a in absences if a.get("Lý do")]
    without = [a["Họ và tên"] for a in absences if not a.get("Lý do")]
    if with_reason:
        listed = "; ".join(f"{a['Họ và tên']} – {a['Lý do'][0].lower()}{a['Lý do'][1:]}".rstrip(".")
                           for a in with_reason)
        assert f"+ Vắng có lý do {len(with_reason)} đồng chí ({listed})." in minutes
    if without:
        assert f"+ Vắng không lý do {len(without)} đồng chí ({', '.join(without)})." in minutes
    if absences:   # the two kinds of absence stand under «Vắng mặt»
        heading = minutes.index(f"- Vắng mặt {len(absences)} đồng chí:")
        assert minutes[heading + 1].startswith("+ Vắng ")
    names = ", ".join(m["Họ và tên"] for m in exempt)
    assert f"- Miễn sinh hoạt {len(exempt)} đồng chí ({names})." in minutes
    if meeting.get("Biểu quyết"):
        agree, voters = map(int, meeting["Biểu quyết"].split()[0].split("/"))
        share = f"{100 * agree / voters:.1f}".rstrip("0").rstrip(".").replace(".", ",")
        adopted = "kết luận và nghị quyết" if meeting.get("Ra nghị quyết") else "kết luận"
        assert (f"Biểu quyết thông qua {adopted}: Đảng viên chính thức có mặt {full_here}; tán "
                f"thành {agree}/{voters} ({share}%), không tán thành {voters - agree}.") in minutes


def test_minutes_name_each_speaker_with_the_gist(built):
    minutes = " ".join(texts(built / "quy-1" / "bien-ban-2022-Q1.docx"))
    for opinion in (o for o in data.ROWS["Ý kiến"] if o["Mã buổi"] == "2022-Q1"):
        assert f"- Đồng chí {opinion['Người phát biểu']}: {opinion['Nội dung']}" in minutes


def test_minutes_open_with_time_and_place_and_close_with_adoption(built):
    meeting = next(m for m in data.ROWS["Buổi sinh hoạt"] if m["Mã buổi"] == "2022-Q1")
    minutes = texts(built / "quy-1" / "bien-ban-2022-Q1.docx")
    start, end = meeting["Bắt đầu"], meeting["Kết thúc"]
    assert any(t.startswith(f"Hôm nay, vào lúc {start.hour} giờ {start.minute:02d} phút, ngày "
                            f"{meeting['Ngày'].day:02d} tháng {meeting['Ngày'].month}")
               for t in minutes)
    voters = meeting["Biểu quyết"].split()[0]
    assert (f"Buổi sinh hoạt kết thúc vào lúc {end.hour} giờ {end.minute:02d} phút cùng ngày. "
            f"Biên bản đã được đọc lại trước chi bộ và được {voters} đảng viên chính thức có mặt "
            "nhất trí thông qua./.") in minutes


def test_minutes_are_signed_by_the_minute_taker_and_the_chair(built):
    meeting = next(m for m in data.ROWS["Buổi sinh hoạt"] if m["Mã buổi"] == "2022-Q1")
    minutes = texts(built / "quy-1" / "bien-ban-2022-Q1.docx")
    signatures = minutes.index("THƯ KÝ")
    assert minutes[signatures:signatures + 6] == ["THƯ KÝ", meeting["Thư ký"], "Nơi nhận:",
                                                  "- Lưu Chi bộ.", "CHỦ TRÌ", meeting["Chủ trì"]]


def test_minutes_of_one_meeting(sample, tmp_path):
    result = run("minutes", sample, "--meeting", "2022-Q3", "-o", tmp_path, "--no-pdf")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.rglob("*.docx")] == ["bien-ban-2022-Q3.docx"]


def test_minutes_of_an_unknown_meeting(sample, tmp_path):
    result = run("minutes", sample, "--meeting", "2022-Q9", "-o", tmp_path, "--no-pdf")
    assert result.exit_code == 1 and "Không có buổi sinh hoạt «2022-Q9»" in result.output


# --- the BÁO CÁO ------------------------------------------------------------------------------

def test_the_quarter_report_tabulates_its_meetings(built):
    report = texts(built / "quy-1" / "bao-cao-quy-1-2022.docx")
    _, _, _, _, required, present = _attendance_of("2022-Q1")
    assert "10/03/2022" in report
    assert any(t.startswith(f"{present}/{required} (") for t in report)
    assert "150\u00a0phút" in report
    assert any(t.startswith("Kết luận: Chi bộ thống nhất phương án") for t in report)


def test_the_report_says_which_planned_themes_were_held(built):
    report = texts(built / "bao-cao-nam-2022.docx")
    assert any(t.startswith("- Quý 3: “Xây dựng môi trường thiên nhiên lấy trẻ làm trung tâm” – "
                            "đã tổ chức ngày 15/09/2022") for t in report)


def test_a_missed_theme_is_reported_as_not_held(sample, tmp_path):
    set_cell(sample, "Buổi sinh hoạt", "Loại", ("Mã buổi", "2022-Q2"), "Thường kỳ")
    run("report", sample, "--quarter", "2", "-o", tmp_path, "--no-pdf")
    report = texts(tmp_path / "2022" / "quy-2" / "bao-cao-quy-2-2022.docx")
    assert "- Quý 2: “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh” – chưa tổ chức." in report


def test_the_report_follows_up_tasks_with_their_results(built):
    report = " ".join(texts(built / "quy-1" / "bao-cao-quy-1-2022.docx"))
    from chibo.wording import in_one_style

    task = next(t for t in data.ROWS["Nhiệm vụ"] if t["Mã buổi"] == "2022-Q1")
    assert task["Nội dung"].rstrip(".") in report
    assert in_one_style(task["Kết quả"]) in report   # her 12/3/2022 written 12/03/2022


def test_the_report_carries_the_assessment_and_the_next_theme(built):
    report = texts(built / "quy-1" / "bao-cao-quy-1-2022.docx")
    assessment = next(a for a in data.ROWS["Đánh giá"] if a["Kỳ"] == "Quý 1")
    for field in ("Ưu điểm", "Hạn chế", "Nguyên nhân"):
        assert assessment[field] in report
    direction = report[report.index("III. PHƯƠNG HƯỚNG QUÝ 2 NĂM 2022"):]
    assert "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh" in " ".join(direction)


def test_the_year_report_totals_the_four_quarters(built):
    report = texts(built / "bao-cao-nam-2022.docx")
    meetings = [m for m in data.ROWS["Buổi sinh hoạt"] if m["Loại"] in ("Chuyên đề", "Thường kỳ",
                                                                        "Kết hợp")]
    thematic = sum(m["Loại"] != "Thường kỳ" for m in meetings)
    rates = [100 * p / r for *_, r, p in (_attendance_of(m["Mã buổi"]) for m in meetings)]
    average = f"{sum(rates) / len(rates):.1f}".rstrip("0").rstrip(".").replace(".", ",")
    totals = next(t for t in report if t.startswith("Cộng:"))
    assert totals.startswith(f"Cộng: {len(meetings)} buổi ({thematic} chuyên đề); dự họp bình "
                             f"quân {average}%;")
    assert "III. PHƯƠNG HƯỚNG NĂM 2023" in report


# --- text exactly as typed --------------------------------------------------------------------

def test_ampersand_angle_brackets_and_quotes_survive(sample, tmp_path):
    text = 'Ban giám hiệu & tổ <chuyên môn> thống nhất "5 điều" > mọi năm'
    set_cell(sample, "Buổi sinh hoạt", "Kết luận", ("Mã buổi", "2022-Q1"), text)
    result = run("minutes", sample, "--meeting", "2022-Q1", "-o", tmp_path, "--no-pdf")
    assert result.exit_code == 0, result.output
    minutes = texts(tmp_path / "2022" / "quy-1" / "bien-ban-2022-Q1.docx")
    assert text in minutes
    assert minutes[-1] == "Nguyễn Thị Thu Hà"  # nothing after the cell's text went missing


def plan_with_template_text(sample, tmp_path, text):
    """Run `chibo plan` with a copy of the templates whose plan holds only `text`."""
    from chibo.documents.template_source import new_document, paragraph

    templates = tmp_path / "mau"
    shutil.copytree(TEMPLATES_DIR, templates)
    document = new_document()
    paragraph(document, "CB Nội dung", text)
    document.save(templates / "ke-hoach.docx")
    return run("plan", sample, "-o", tmp_path / "out", "--templates", templates, "--no-pdf")


def test_a_template_variable_missing_from_the_context_is_an_error_not_a_blank(tmp_path, sample):
    result = plan_with_template_text(sample, tmp_path, "{{ khong_co }}")
    assert result.exit_code == 1
    assert "khong_co" in result.output and "Traceback" not in result.output


def test_a_template_cannot_reach_python_internals(tmp_path, sample):
    result = plan_with_template_text(sample, tmp_path,
                                     "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    assert result.exit_code == 1
    assert "Mẫu văn bản" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04 half a copy"])
def test_a_template_that_is_no_word_file_says_so(tmp_path, sample, content):
    """An empty, renamed or half-copied template is named, with what it is not."""
    templates = tmp_path / "mau"
    shutil.copytree(TEMPLATES_DIR, templates)
    (templates / "ke-hoach.docx").write_bytes(content)
    result = run("plan", sample, "-o", tmp_path / "out", "--templates", templates, "--no-pdf")
    assert result.exit_code == 1, result.output
    assert "ke-hoach.docx không phải tệp Word (.docx) dùng được" in result.output
    assert "Lỗi không mong đợi" not in result.output and "Traceback" not in result.output


def test_every_template_variable_is_in_the_context():
    from docxtpl import DocxTemplate

    from chibo.documents.commune_report import Cell, CellQuarter, compose
    from chibo.documents.kinds import KINDS, year_documents
    from chibo.workbook.model import Committee, Record
    from chibo.workbook.reading import read_workbook

    workbook, _ = read_workbook(SAMPLE)
    planned = year_documents(workbook)
    assert {p.kind for p in planned} == set(KINDS)   # every kind of the cell is checked
    documents = [p.compose(workbook) for p in planned]

    committee = Committee("dang-uy.xlsx", Record("Thông tin", 1, {
        "superior_body": "Đảng bộ huyện Phù Mỹ", "committee_name": "Đảng ủy xã Mỹ Hòa",
        "issuer_code": "ĐU", "place": "Mỹ Hòa", "year": 2022, "signer": "Trần Văn Hùng",
        "signer_role": "Bí thư", "cell_count": None}, {}))
    cells = [Cell("a.xlsx", "Chi bộ A", 2022, quarters=[CellQuarter(1, held="10/03/2022")])]
    documents.append(compose(committee, cells, 1, 2022, {"holding": 1, "known": 1, "what": "",
                                                         "rate": None, "ratings": {},
                                                         "absences": 0}))
    for document in documents:
        template = DocxTemplate(TEMPLATES_DIR / document.template)
        missing = template.get_undeclared_template_variables() - set(document.context)
        assert not missing, (document.template, missing)


def test_the_templates_are_what_their_source_builds(tmp_path):
    """templates/ never drifts from template_source.py (rebuild: make templates)."""
    import zipfile

    from chibo.documents.template_source import write_templates

    for built_template in write_templates(tmp_path):
        with zipfile.ZipFile(built_template) as new, \
                zipfile.ZipFile(TEMPLATES_DIR / built_template.name) as shipped:
            for part in ("word/document.xml", "word/styles.xml", "word/header1.xml"):
                if part in new.namelist():
                    assert new.read(part) == shipped.read(part), (built_template.name, part)


TASK = "Tổng hợp bản đăng ký, theo dõi việc thực hiện và đánh giá vào cuối năm"


def quarter_2_task_line(sample, tmp_path, result_date):
    set_cell(sample, "Nhiệm vụ", "Ngày có kết quả", ("Thời hạn", dt.datetime(2022, 12, 15)),
             result_date)
    out = tmp_path / str(result_date.day if result_date else 0)
    run("report", sample, "--quarter", "2", "-o", out, "--no-pdf", "--today", "01/03/2023")
    report = texts(out / "2022" / "quy-2" / "bao-cao-quy-2-2022.docx")
    return next(t for t in report if t.startswith("- " + TASK))


def test_a_recorded_result_is_printed_whatever_its_deadline(sample, tmp_path):
    """Due in December, done by June: the June report says it is done."""
    line = quarter_2_task_line(sample, tmp_path, dt.datetime(2022, 6, 10))
    assert "Đã hoàn thành" in line and "Đang thực hiện" not in line


def test_a_result_recorded_after_the_reports_date_is_still_under_way_in_it(sample, tmp_path):
    line = quarter_2_task_line(sample, tmp_path, dt.datetime(2022, 12, 15))
    assert line.endswith("Đang thực hiện.")


def test_a_result_without_its_date_is_printed(sample, tmp_path):
    line = quarter_2_task_line(sample, tmp_path, None)
    assert "Đã hoàn thành" in line


def test_no_sample_report_tells_a_result_reached_after_its_date(built):
    for entry in (d for d in data.ROWS["Văn bản"] if d["Loại"] == "BC" and d["Kỳ"] != "Kiểm điểm"):
        path = (built / "bao-cao-nam-2022.docx" if entry["Kỳ"] == "Năm" else
                built / f"quy-{entry['Kỳ'][-1]}" / f"bao-cao-quy-{entry['Kỳ'][-1]}-2022.docx")
        report = " ".join(texts(path))
        for task in data.ROWS["Nhiệm vụ"]:
            if task.get("Ngày có kết quả") and task["Ngày có kết quả"] > entry["Ngày"]:
                assert task["Kết quả"] not in report, (entry["Kỳ"], task["Nội dung"])


def test_a_report_calls_a_task_without_result_under_way_until_its_deadline(built):
    report = texts(built / "bao-cao-nam-2022.docx")
    open_task = next(t for t in data.ROWS["Nhiệm vụ"] if not t.get("Kết quả"))
    line = next(t for t in report if t.startswith("- " + open_task["Nội dung"].rstrip(".")))
    assert line.endswith("Đang thực hiện.")


def test_a_task_without_result_past_its_deadline_has_no_result_yet(sample, tmp_path):
    from conftest import set_cell as change

    change(sample, "Nhiệm vụ", "Kết quả", ("Thời hạn", dt.datetime(2022, 3, 13)), None)
    run("report", sample, "--quarter", "1", "-o", tmp_path, "--no-pdf", "--today", "01/03/2023")
    report = texts(tmp_path / "2022" / "quy-1" / "bao-cao-quy-1-2022.docx")
    assert any(t.startswith("- Tổng vệ sinh") and t.endswith("Chưa có kết quả.") for t in report)


def test_a_templates_folder_may_hold_only_the_templates_it_restyles(sample, tmp_path):
    templates = tmp_path / "mau"
    templates.mkdir()
    shutil.copyfile(TEMPLATES_DIR / "bien-ban.docx", templates / "bien-ban.docx")
    result = run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", tmp_path / "out",
                 "--templates", templates)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "2022" / "ke-hoach-sinh-hoat-chuyen-de-2022.docx").exists()
