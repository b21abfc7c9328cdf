"""`chibo init`: a new workbook laid out from the schema, which chibo then reads back."""

import datetime as dt
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from chibo.workbook import schema
from chibo.workbook.reading import read_workbook
from conftest import SAMPLE, run


@pytest.fixture
def fresh(tmp_path):
    path = tmp_path / "so-moi.xlsx"
    result = run("init", path, "--year", "2026")
    assert result.exit_code == 0, result.output
    return path


def test_every_sheet_in_contract_order(fresh):
    assert openpyxl.load_workbook(fresh).sheetnames == list(schema.SHEET_ORDER)


def test_the_lists_sheet_is_hidden_and_the_guide_comes_first(fresh):
    book = openpyxl.load_workbook(fresh)
    assert book[schema.LISTS_SHEET].sheet_state == "hidden"
    assert book.active.title == schema.GUIDE_SHEET


def test_headers_are_the_contract_bold_and_frozen(fresh):
    book = openpyxl.load_workbook(fresh)
    for sheet in schema.SHEETS:
        ws = book[sheet.name]
        headers = [c.value for c in ws[1]][:len(sheet.columns)]
        assert headers == [c.header for c in sheet.columns]
        assert all(c.font.bold for c in ws[1] if c.value)
        assert ws.freeze_panes == "A2"


def test_columns_have_their_widths(fresh):
    from conftest import column_of
    from chibo.workbook.reading import column_letter

    ws = openpyxl.load_workbook(fresh)["Buổi sinh hoạt"]
    summary = column_letter(column_of(ws, "Tóm tắt nội dung") - 1)
    assert ws.column_dimensions[summary].width == 60


def test_date_and_time_columns_are_formatted(fresh):
    ws = openpyxl.load_workbook(fresh)["Buổi sinh hoạt"]
    assert ws["C2"].number_format == "dd/mm/yyyy"
    assert ws["D2"].number_format == "hh:mm"


def test_every_choice_column_has_a_dropdown_from_the_lists_sheet(fresh):
    book = openpyxl.load_workbook(fresh)
    for sheet in schema.SHEETS:
        lists = [v for v in book[sheet.name].data_validations.dataValidation if v.type == "list"]
        choice_columns = [c for c in sheet.columns + sheet.settings if c.kind == "choice"]
        assert len(lists) == len(choice_columns), sheet.name
        for validation in lists:
            assert validation.showErrorMessage
            assert validation.formula1.startswith(f"'{schema.LISTS_SHEET}'!$")


def test_the_dropdown_lists_hold_the_allowed_values(fresh):
    ws = openpyxl.load_workbook(fresh)[schema.LISTS_SHEET]
    columns = {col[0].value: [c.value for c in col[1:] if c.value is not None]
               for col in ws.iter_cols()}
    assert columns["Buổi sinh hoạt · Loại"] == list(schema.MEETING_KINDS)
    assert columns["Chuyên đề · Quý"] == [1, 2, 3, 4]


def test_each_header_has_an_input_hint(fresh):
    ws = openpyxl.load_workbook(fresh)["Buổi sinh hoạt"]
    prompts = {str(v.sqref): v.prompt for v in ws.data_validations.dataValidation
               if v.showInputMessage}
    assert prompts["C1"] == "Bắt buộc. dd/mm/yyyy."


def test_the_settings_sheet_lists_every_key_with_its_default(fresh):
    ws = openpyxl.load_workbook(fresh)["Thông tin"]
    rows = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
            for r in range(2, ws.max_row + 1)}
    assert list(rows) == [s.header for s in schema.SETTINGS.settings]
    assert rows["Năm"] == 2026 and rows["Thời lượng tối thiểu (phút)"] == 90


def test_the_guide_explains_every_sheet_in_vietnamese(fresh):
    ws = openpyxl.load_workbook(fresh)[schema.GUIDE_SHEET]
    text = "\n".join(str(c.value) for c in ws["A"] if c.value)
    for sheet in schema.SHEETS:
        assert f"Trang «{sheet.name}»" in text
    assert "• Mã buổi: bắt buộc; chữ. Không trùng, ví dụ 2026-Q1." in text


def test_the_year_defaults_to_this_year(tmp_path):
    path = tmp_path / "so.xlsx"
    run("init", path)
    workbook, _ = read_workbook(path)
    assert workbook.settings.year == dt.date.today().year


def test_a_fresh_workbook_reads_back_with_only_the_missing_content_reported(fresh):
    workbook, report = read_workbook(fresh)
    assert workbook.settings.year == 2026 and workbook.meetings == []
    assert {p.code for p in report.problems} == {"required"}
    assert {p.cell for p in report.problems} == {"B2", "B3", "B5", "B6", "B8"}


def test_it_never_overwrites_without_force(fresh):
    before = fresh.read_bytes()
    result = run("init", fresh)
    assert result.exit_code == 1
    assert "không ghi đè" in result.output and "--force" in result.output
    assert fresh.read_bytes() == before


def test_force_overwrites(fresh):
    result = run("init", fresh, "--year", "2027", "--force")
    assert result.exit_code == 0
    assert read_workbook(fresh)[0].settings.year == 2027


def test_the_file_is_a_clean_ooxml_package(fresh):
    with zipfile.ZipFile(fresh) as archive:
        assert archive.testzip() is None
        assert "xl/workbook.xml" in archive.namelist()


def test_the_sample_can_be_written_by_chibo_itself(tmp_path):
    path = tmp_path / "mau.xlsx"
    assert run("init", path, "--sample").exit_code == 0
    assert not run("check", path).exit_code


def test_the_shipped_sample_is_what_chibo_writes(tmp_path):
    """workbook/chibo.xlsx never drifts from scripts/chibo/sample.py (rebuild: make sample)."""
    path = tmp_path / "mau.xlsx"
    run("init", path, "--sample")
    shipped, written = read_workbook(SAMPLE)[0], read_workbook(path)[0]
    assert shipped.settings.values == written.settings.values
    for sheet in schema.SHEETS[1:]:
        assert ([r.values for r in getattr(shipped, sheet.field)]
                == [r.values for r in getattr(written, sheet.field)]), sheet.name


def _resave_with_libreoffice(source, tmp_path):
    outdir = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir),
                    str(source)], check=True, capture_output=True, timeout=120)
    return outdir / source.name


needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                       reason="LibreOffice is installed by .ci/run")


@needs_libreoffice
def test_the_sample_resaved_by_libreoffice_calc_reads_the_same(sample, tmp_path):
    resaved = _resave_with_libreoffice(sample, tmp_path)
    original, again = read_workbook(sample), read_workbook(resaved)
    assert not again[1].problems
    assert original[0].settings.values == again[0].settings.values
    for sheet in schema.SHEETS[1:]:
        assert ([r.values for r in getattr(original[0], sheet.field)]
                == [r.values for r in getattr(again[0], sheet.field)]), sheet.name


@needs_libreoffice
def test_a_fresh_workbook_resaved_by_libreoffice_calc_reads_the_same(fresh, tmp_path):
    resaved = _resave_with_libreoffice(fresh, tmp_path)
    assert [str(p) for p in read_workbook(resaved)[1].sorted()] == \
           [str(p) for p in read_workbook(fresh)[1].sorted()]
    book = openpyxl.load_workbook(resaved)
    assert book.sheetnames == list(schema.SHEET_ORDER)
    assert book[schema.LISTS_SHEET].sheet_state == "hidden"


def test_the_guide_page_in_docs_is_generated_from_the_schema():
    """docs/so-chi-bo.md says what the schema says (rebuild: make docs)."""
    from chibo.workbook.creating import guide_markdown
    from conftest import ROOT

    assert (ROOT / "docs" / "so-chi-bo.md").read_text(encoding="utf-8") == guide_markdown()


# --- a new year from last year's book ----------------------------------------------------------

def test_a_new_year_carries_the_settings_sources_members_and_recipients(tmp_path):
    from chibo.workbook import sample as data
    from chibo.workbook.reading import read_workbook

    new = tmp_path / "so-2023.xlsx"
    result = run("init", new, "--from", SAMPLE)
    assert result.exit_code == 0, result.output
    book, _ = read_workbook(new)
    assert book.settings.year == 2023 and book.settings.cell_name == data.SETTINGS["Tên chi bộ"]
    assert [b.document for b in book.legal_bases] == [b["Văn bản"] for b in data.ROWS["Căn cứ"]]
    assert len(book.members) == len(data.ROWS["Đảng viên"])
    assert not any(m.joined for m in book.members)   # all in the cell from 1 January
    assert len(book.recipients) == len(data.ROWS["Nơi nhận"])
    assert not (book.plan_paragraphs or book.themes or book.meetings or book.documents)
    assert f"{len(data.ROWS['Đảng viên'])} đảng viên" in result.output
    assert f"{len(data.ROWS['Nơi nhận'])} nơi nhận" in result.output


def test_members_who_left_are_not_carried(sample, tmp_path):
    from conftest import set_cell

    set_cell(sample, "Đảng viên", "Ngày chuyển đi", ("Họ và tên", "Hồ Văn Tuấn"),
             dt.datetime(2022, 10, 1))
    result = run("init", tmp_path / "so-2023.xlsx", "--from", sample)
    assert "không chép 1 đồng chí đã chuyển đi: Hồ Văn Tuấn" in result.output


def test_a_probationary_member_whose_year_ends_is_flagged(tmp_path):
    result = run("init", tmp_path / "so-2023.xlsx", "--from", SAMPLE)
    assert ("Đồng chí Ngô Thị Phương Thảo là đảng viên dự bị, đủ 12 tháng ngày 03/01/2023"
            in result.output)


def test_check_warns_of_a_probationary_member_past_twelve_months(tmp_path):
    from conftest import check_problems

    new = tmp_path / "so-2023.xlsx"
    run("init", new, "--from", SAMPLE)
    (due,) = [p for p in check_problems(new, today=dt.date(2023, 2, 1)).problems
              if p.code == "probation-due"]
    assert "đủ 12 tháng dự bị ngày 03/01/2023" in due.message
    assert "chậm nhất ngày 14/02/2023 (30 ngày làm việc" in due.message
    (over,) = [p for p in check_problems(new, today=dt.date(2023, 2, 20)).problems
               if p.code == "probation-over"]
    assert "hạn xét chuyển chính thức là ngày 14/02/2023" in over.message


def test_the_mail_settings_are_carried_never_a_password(sample, tmp_path):
    from conftest import set_setting

    set_setting(sample, "Máy chủ thư (SMTP)", "smtp.gmail.com")
    set_setting(sample, "Tài khoản thư", "chibo.myhoa@gmail.com")
    new = tmp_path / "so-2023.xlsx"
    run("init", new, "--from", sample, "--year", "2024")
    ws = openpyxl.load_workbook(new)["Thông tin"]
    values = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
              for r in range(2, ws.max_row + 1)}
    assert values["Máy chủ thư (SMTP)"] == "smtp.gmail.com" and values["Năm"] == 2024
    assert values["Tài khoản thư"] == "chibo.myhoa@gmail.com"
