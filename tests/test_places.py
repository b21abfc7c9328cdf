"""Files live beside the workbook, whatever folder the console opened in, and the workbook
is found the way a secretary names it."""

import shutil

from conftest import SAMPLE, run


def test_documents_go_beside_a_workbook_in_a_folder_with_spaces_and_vietnamese(tmp_path,
                                                                             monkeypatch):
    folder = tmp_path / "Sổ chi bộ" / "Năm 2022"
    folder.mkdir(parents=True)
    workbook = folder / "sổ mẫu.xlsx"
    shutil.copyfile(SAMPLE, workbook)
    elsewhere = tmp_path / "console"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run("build-report", workbook, "--quarter", "1", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert (folder / "output" / "2022" / "quy-1" / "bao-cao-quy-1-2022.docx").exists()
    assert not list(elsewhere.iterdir())


def test_the_only_workbook_of_the_folder_is_used_when_none_is_named(tmp_path, monkeypatch):
    shutil.copyfile(SAMPLE, tmp_path / "so-2022.xlsx")
    (tmp_path / "~$so-2022.xlsx").write_bytes(b"owner")   # Excel's lock file is not a workbook
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "so-2022.xlsx" in result.output


def test_several_workbooks_and_none_named_lists_them(tmp_path, monkeypatch):
    for name in ("a.xlsx", "b.xlsx"):
        shutil.copyfile(SAMPLE, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 2
    assert "có 2 sổ (a.xlsx, b.xlsx)" in result.output


def test_a_workbook_named_without_its_extension_is_found(tmp_path, monkeypatch):
    shutil.copyfile(SAMPLE, tmp_path / "chibo.xlsx")
    monkeypatch.chdir(tmp_path)
    result = run("check", "chibo")
    assert result.exit_code == 0, result.output
