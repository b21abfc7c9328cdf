"""chibo tong-hop: the Đảng ủy's summary of a folder of cells' workbooks, checked against
figures computed here, independently, from the same workbooks."""

import datetime as dt
import os
import shutil

import docx
import openpyxl
import pytest

from chibo.workbook import schema
from chibo.workbook.creating import build_workbook
from conftest import SAMPLE, append_row, run, set_cell, set_setting


def committee_workbook(path, year=2022):
    build_workbook({"Đảng bộ cấp trên": "Đảng bộ huyện Phù Mỹ", "Tên đảng ủy": "Đảng ủy xã Mỹ Hòa",
                    "Địa danh": "Mỹ Hòa", "Năm": year, "Người ký": "Trần Văn Hùng"},
                   {"Văn bản": [{"Kỳ": "Quý 2", "Số": 12, "Ngày": dt.date(2022, 7, 5)}],
                    "Nơi nhận": [{"Nơi nhận": "Ban Tổ chức Huyện ủy (báo cáo)"},
                                 {"Nơi nhận": "Lưu Văn phòng Đảng ủy"}]},
                   schema.COMMITTEE_SHEETS).save(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Five cells built from the sample with different figures, plus a broken workbook, a
    duplicate, one of another year and a stray file."""
    folder = tmp_path_factory.mktemp("cells")
    committee_workbook(folder / "dang-uy.xlsx")
    for index, name in enumerate(["Chi bộ Mầm non Mỹ Hòa", "Chi bộ Thôn 1", "Chi bộ Thôn 2",
                                  "Chi bộ Trường Tiểu học", "Chi bộ Công an xã"]):
        path = folder / f"cb-{index}.xlsx"
        shutil.copyfile(SAMPLE, path)
        set_setting(path, "Tên chi bộ", name)
        if index in (1, 3):   # these two did not hold their thematic meeting of quarter 2
            set_cell(path, "Buổi sinh hoạt", "Loại", ("Mã buổi", "2022-Q2"), "Thường kỳ")
        if index == 2:        # one absence without reason more, in quarter 2
            append_row(path, "Vắng mặt", {"Mã buổi": "2022-Q2", "Họ và tên": "Hồ Văn Tuấn"})
            set_cell(path, "Buổi sinh hoạt", "Biểu quyết", ("Mã buổi", "2022-Q2"), "11/11 nhất trí")
    broken = folder / "cb-hong.xlsx"
    shutil.copyfile(SAMPLE, broken)
    set_setting(broken, "Tên chi bộ", "Chi bộ Thôn 3")
    set_cell(broken, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q2"), "32/05/2022")
    shutil.copyfile(folder / "cb-1.xlsx", folder / "cb-1-ban-sao.xlsx")
    os.utime(folder / "cb-1.xlsx", (1_650_000_000, 1_650_000_000))   # the original: older
    other = folder / "cb-2021.xlsx"
    shutil.copyfile(SAMPLE, other)
    set_setting(other, "Tên chi bộ", "Chi bộ Thôn 9")
    set_setting(other, "Năm", 2021)
    (folder / "ghi-chu.txt").write_text("không phải sổ", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def summarised(folder, tmp_path_factory):
    output = tmp_path_factory.mktemp("tong-hop")
    result = run("tong-hop", folder, "--quarter", "2", "-o", output, "--today", "01/03/2023",
                 "--no-pdf")
    assert result.exit_code == 0, result.output
    return output, result


def independent_figures(path, quarter):
    """Held?, attendance rate and absences without reason of one workbook, computed here."""
    book = openpyxl.load_workbook(path)

    def table(name):
        ws = book[name]
        headers = [c.value for c in ws[1]]
        return [dict(zip(headers, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)
                if any(v is not None for v in row)]

    meetings = [m for m in table("Buổi sinh hoạt")
                if isinstance(m["Ngày"], dt.datetime) and (m["Ngày"].month - 1) // 3 + 1 == quarter]
    thematic = [m for m in meetings if m["Loại"] in ("Chuyên đề", "Kết hợp")]
    absences = table("Vắng mặt")
    no_reason = sum(1 for a in absences if not a["Lý do"]
                    and a["Mã buổi"] in {m["Mã buổi"] for m in meetings})
    if not thematic:
        return False, None, no_reason
    meeting = thematic[0]
    members = [m for m in table("Đảng viên") if m["Miễn sinh hoạt"] != "Có" and
               (m["Ngày chuyển đến"] is None or m["Ngày chuyển đến"] <= meeting["Ngày"])]
    absent = sum(1 for a in absences if a["Mã buổi"] == meeting["Mã buổi"])
    return True, 100 * (len(members) - absent) / len(members), no_reason


def summary_rows(output):
    ws = openpyxl.load_workbook(output / "tong-hop-quy-2-2022.xlsx")["Tổng hợp"]
    headers = [c.value for c in ws[1]]
    return [dict(zip(headers, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)]


def test_one_row_per_cell_with_the_figures_of_its_workbook(folder, summarised):
    output, _ = summarised
    rows = {r["Tệp"]: r for r in summary_rows(output)}
    for index in range(5):
        held, rate, no_reason = independent_figures(folder / f"cb-{index}.xlsx", 2)
        row = rows[f"cb-{index}.xlsx"]
        assert (row["Sinh hoạt chuyên đề"] != "chưa tổ chức") is held
        assert row["Vắng không lý do"] == no_reason
        if held:
            assert row["Tỷ lệ dự họp (%)"] == pytest.approx(rate, abs=0.05)


def test_the_report_totals_equal_sums_computed_by_hand(folder, summarised):
    output, _ = summarised
    figures = [independent_figures(folder / f"cb-{i}.xlsx", 2) for i in range(5)]
    held = [f for f in figures if f[0]]
    average = sum(f[1] for f in held) / len(held)
    shown = f"{average:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    text = [p.text for p in docx.Document(output / "bao-cao-tong-hop-quy-2-2022.docx").paragraphs]
    assert f"- Số chi bộ tổ chức sinh hoạt chuyên đề: {len(held)}/5 (60%)." in text
    assert f"- Tỷ lệ đảng viên dự sinh hoạt chuyên đề bình quân: {shown}%." in text
    assert (f"- Số lượt đảng viên vắng sinh hoạt không lý do: {sum(f[2] for f in figures)}."
            in text)


def test_the_cells_that_did_not_hold_it_are_named(summarised):
    output, _ = summarised
    text = [p.text for p in docx.Document(output / "bao-cao-tong-hop-quy-2-2022.docx").paragraphs]
    part = text[text.index("III. CÁC CHI BỘ CHƯA TỔ CHỨC SINH HOẠT CHUYÊN ĐỀ"):]
    assert "- Chi bộ Thôn 1" in part and "- Chi bộ Trường Tiểu học" in part
    assert "- Chi bộ Thôn 2" not in part[:3]


def test_broken_duplicate_and_other_year_workbooks_are_listed_not_dropped(summarised):
    output, result = summarised
    assert "cb-hong.xlsx (Chi bộ Thôn 3): có 1 lỗi" in result.output
    assert "cb-1.xlsx (Chi bộ Thôn 1): trùng chi bộ với tệp cb-1-ban-sao.xlsx: tổng hợp tệp " \
           "cb-1-ban-sao.xlsx (lưu lúc" in result.output   # the copy was saved last
    assert "cb-2021.xlsx (Chi bộ Thôn 9): sổ năm 2021, không phải năm 2022" in result.output
    assert "Bỏ qua ghi-chu.txt" in result.output
    problems = openpyxl.load_workbook(output / "tong-hop-quy-2-2022.xlsx")["Vấn đề"]
    lines = [row for row in problems.iter_rows(min_row=2, values_only=True)]
    assert any(r[1] == "cb-hong.xlsx" and r[2] == "Lỗi" and r[3].startswith("Buổi sinh hoạt!C")
               for r in lines)


def test_the_summary_sheet_has_frozen_headers_filters_and_highlights(summarised):
    output, _ = summarised
    ws = openpyxl.load_workbook(output / "tong-hop-quy-2-2022.xlsx")["Tổng hợp"]
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref.startswith("A1:")
    row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "cb-1.xlsx")
    assert row[3].value == "chưa tổ chức" and row[3].fill.fgColor.rgb.endswith("F8CBAD")


def test_the_report_is_the_dang_uys_in_hd36_format(summarised):
    output, _ = summarised
    document = docx.Document(output / "bao-cao-tong-hop-quy-2-2022.docx")
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["ĐẢNG BỘ HUYỆN PHÙ MỸ", "ĐẢNG ỦY XÃ MỸ HÒA", "*",
                                                 "Số 12-BC/ĐU"]
    assert [p.text for p in right.paragraphs][1] == "Mỹ Hòa, ngày 05 tháng 7 năm 2022"
    assert "T/M ĐẢNG ỦY" in [p.text for t in document.tables for c in t._cells
                             for p in c.paragraphs]


def test_without_the_dang_uy_workbook_it_says_how_to_make_one(tmp_path):
    shutil.copyfile(SAMPLE, tmp_path / "cb.xlsx")
    result = run("tong-hop", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "chibo init --dang-uy" in result.output


def test_init_dang_uy_makes_the_settings_workbook(tmp_path):
    path = tmp_path / "dang-uy.xlsx"
    assert run("init", path, "--dang-uy", "--year", "2022").exit_code == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Hướng dẫn", "Thông tin", "Văn bản", "Nơi nhận", "Danh mục"]
    keys = [c.value for c in book["Thông tin"]["A"]][1:]
    assert keys == [s.header for s in schema.COMMITTEE_SETTINGS.settings]


def test_a_workbook_without_its_year_is_reported_with_its_errors(tmp_path):
    committee_workbook(tmp_path / "dang-uy.xlsx")
    shutil.copyfile(SAMPLE, tmp_path / "cb.xlsx")
    set_setting(tmp_path / "cb.xlsx", "Năm", None)
    shutil.copyfile(SAMPLE, tmp_path / "cb-tot.xlsx")
    result = run("tong-hop", tmp_path, "--quarter", "1", "-o", tmp_path / "out", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert "cb.xlsx (Chi bộ Mầm non Mỹ Hòa): có 1 lỗi" in result.output


def test_the_report_comes_as_a_pdf_that_reads_right(folder, tmp_path):
    import subprocess

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is installed by .ci/run")
    result = run("tong-hop", folder, "--quarter", "2", "-o", tmp_path, "--today", "01/03/2023")
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "bao-cao-tong-hop-quy-2-2022.pdf"),
                           "-"], capture_output=True, text=True, check=True).stdout
    for words in ("ĐẢNG BỘ HUYỆN PHÙ MỸ", "ĐẢNG ỦY XÃ MỸ HÒA", "Số 12-BC/ĐU", "T/M ĐẢNG ỦY",
                  "Chi bộ Thôn 1", "Mỹ Hòa, ngày 05 tháng 7 năm 2022"):
        assert words in text, words


def report_text(output, name="bao-cao-tong-hop-quy-2-2022.docx") -> list[str]:
    document = docx.Document(output / name)
    return [p.text for p in document.paragraphs] + [
        p.text for t in document.tables for c in t._cells for p in c.paragraphs]


def test_the_report_speaks_the_partys_wording(summarised):
    output, _ = summarised
    text = report_text(output)
    assert any(t.startswith("Căn cứ báo cáo của các chi bộ trực thuộc, Đảng ủy xã Mỹ Hòa báo cáo")
               for t in text)
    part = text[text.index("IV. CÁC CHI BỘ CHƯA BÁO CÁO, BÁO CÁO CHƯA ĐẦY ĐỦ"):]
    assert any(t.startswith("- Chi bộ Thôn 3: báo cáo chưa đầy đủ") for t in part)
    assert any(t.startswith("- Chi bộ Thôn 9: báo cáo chưa đúng kỳ") for t in part)


def test_the_report_names_cells_never_files(summarised):
    output, _ = summarised
    assert not any(".xlsx" in t or "cb-" in t for t in report_text(output))


def test_the_reports_recipients_come_from_the_dang_uy_workbook(summarised):
    output, _ = summarised
    text = report_text(output)
    assert "- Ban Tổ chức Huyện ủy (báo cáo)," in text and "- Lưu Văn phòng Đảng ủy." in text


def test_a_dang_uy_workbook_without_recipients_is_an_error(tmp_path):
    build_workbook({"Đảng bộ cấp trên": "Đảng bộ tỉnh Gia Lai", "Tên đảng ủy": "Đảng ủy xã Mỹ Hòa",
                    "Địa danh": "Mỹ Hòa", "Năm": 2022, "Người ký": "Trần Văn Hùng"}, {},
                   schema.COMMITTEE_SHEETS).save(tmp_path / "dang-uy.xlsx")
    shutil.copyfile(SAMPLE, tmp_path / "cb.xlsx")
    result = run("tong-hop", tmp_path, "--quarter", "1", "-o", tmp_path / "out", "--no-pdf")
    assert result.exit_code == 1
    assert "Nơi nhận!A2: Chưa có nơi nhận của báo cáo tổng hợp" in result.output
    assert not (tmp_path / "out").exists()


def test_outputs_open_in_other_programs_are_reported_as_not_written(folder, tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    (output / ".~lock.bao-cao-tong-hop-quy-2-2022.docx#").write_text("lock")
    (output / "~$tong-hop-quy-2-2022.xlsx").write_text("lock")
    result = run("tong-hop", folder, "--quarter", "2", "-o", output, "--today", "01/03/2023")
    assert result.exit_code == 1, result.output
    assert "Không ghi được 2 tệp:" in result.output
    assert "đang mở trong LibreOffice" in result.output and "đang mở trong Excel" in result.output
    assert "Đã ghi" not in result.output and "Lỗi không mong đợi" not in result.output
    assert not (output / "bao-cao-tong-hop-quy-2-2022.docx").exists()
    assert not (output / "bao-cao-tong-hop-quy-2-2022.pdf").exists()


def test_csv_beside_the_summary_workbook_holds_the_same_rows(folder, tmp_path):
    import csv
    import io

    result = run("tong-hop", folder, "--quarter", "2", "-o", tmp_path, "--today", "01/03/2023",
                 "--no-pdf", "--csv")
    assert result.exit_code == 0, result.output
    data = (tmp_path / "tong-hop-quy-2-2022.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")   # Excel reads Vietnamese only with this mark
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    sheet = summary_rows(tmp_path)
    assert [r["Tệp"] for r in rows] == [r["Tệp"] for r in sheet]
    assert [r["Chi bộ"] for r in rows] == [r["Chi bộ"] for r in sheet]
