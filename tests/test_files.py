"""Files that are not a usable workbook get one clear Vietnamese message and exit 1."""

import json
import shutil
import zipfile

import pytest

from conftest import SAMPLE, run


def assert_refused(result, *words):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output


def test_a_missing_file(tmp_path):
    assert_refused(run("check", tmp_path / "khong-co.xlsx"), "Không tìm thấy tệp")


def test_an_empty_file(tmp_path):
    path = tmp_path / "rong.xlsx"
    path.write_bytes(b"")
    assert_refused(run("check", path), "rỗng")


def test_a_csv_renamed_to_xlsx(tmp_path):
    path = tmp_path / "chibo.xlsx"
    path.write_text("Mã buổi,Ngày\n2022-Q1,15/03/2022\n", encoding="utf-8")
    assert_refused(run("check", path), "CSV", "Sổ làm việc Excel (.xlsx)")


def test_an_old_xls_file(tmp_path):
    path = tmp_path / "chibo.xlsx"
    from corpus import _compound_file

    path.write_bytes(_compound_file(["Workbook", "\x05SummaryInformation"]))
    assert_refused(run("check", path), "Excel 97-2003 (.xls)")


def test_a_password_protected_workbook(tmp_path):
    # Excel stores an encrypted .xlsx as an OLE file with an EncryptionInfo stream.
    path = tmp_path / "chibo.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
                     + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512)
    assert_refused(run("check", path), "mật khẩu")


def test_a_truncated_workbook(tmp_path):
    path = tmp_path / "chibo.xlsx"
    path.write_bytes(SAMPLE.read_bytes()[:3000])
    assert_refused(run("check", path), "bị hỏng")


def test_an_ods_spreadsheet_renamed_to_xlsx(tmp_path):
    path = tmp_path / "chibo.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert_refused(run("check", path), ".ods")


def test_a_word_document_renamed_to_xlsx(tmp_path):
    path = tmp_path / "chibo.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert_refused(run("check", path), "không phải sổ Excel")


def test_a_folder_instead_of_a_file(tmp_path):
    assert_refused(run("check", tmp_path), "thư mục")


def test_xml_with_a_doctype_is_never_parsed(tmp_path):
    path = tmp_path / "chibo.xlsx"
    with zipfile.ZipFile(SAMPLE) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + data
            target.writestr(item, data)
    assert_refused(run("check", path), "khai báo XML")


def test_a_workbook_open_in_excel_is_read_with_a_warning(sample):
    (sample.parent / f"~${sample.name}").write_bytes(b"\x00" * 165)
    result = run("check", sample)
    assert result.exit_code == 0, result.output
    assert "Lưu ý: Sổ đang mở trong Excel" in result.output


def test_an_unreadable_file_is_one_problem_in_json(tmp_path):
    path = tmp_path / "chibo.xlsx"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    result = run("check", path, "--json")
    assert result.exit_code == 1
    problems = json.loads(result.output)["problems"]
    assert [p["code"] for p in problems] == ["not-xlsx"]
    assert problems[0]["severity"] == "error"


def test_the_default_workbook_path_is_the_sample(monkeypatch, tmp_path):
    (tmp_path / "workbook").mkdir()
    shutil.copyfile(SAMPLE, tmp_path / "workbook" / "chibo.xlsx")
    monkeypatch.chdir(tmp_path)
    result = run("check", "--today", "01/03/2023")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", [["check"], ["check", "--json"]])
def test_the_workbook_is_never_written(sample, command):
    before = sample.read_bytes()
    stat = sample.stat()
    run(*command, sample)
    assert sample.read_bytes() == before
    assert sample.stat().st_mtime_ns == stat.st_mtime_ns


def test_a_csv_under_its_own_name_is_not_called_renamed(tmp_path):
    path = tmp_path / "danh-sach.csv"
    path.write_text("Họ và tên;Năm sinh\nNguyễn Thị Lan;1980\n", encoding="utf-8")
    result = run("check", path)
    assert_refused(result, "danh-sach.csv là tệp văn bản CSV")
    assert "đổi tên" not in result.output


def test_an_excel_4_file_named_xls_is_named_for_what_it_is(tmp_path):
    from corpus import old_biff

    path = tmp_path / "so-cu.xls"
    path.write_bytes(old_biff(4))
    result = run("check", path)
    assert_refused(result, "sổ Excel 4.0 rất cũ")
    assert "đổi tên" not in result.output and "97-2003" not in result.output
