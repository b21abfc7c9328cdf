"""Every family of file a secretary or a Đảng ủy office may hand chibo (tests/corpus.py):
`check`, `status` and `build-report` answer each with a true message and exit 0 or 1 —
never «Lỗi không mong đợi», never a traceback."""

import pytest

from corpus import FAMILIES, write_corpus
from conftest import run


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return {path.name: (path, words) for path, _, words in
            write_corpus(tmp_path_factory.mktemp("corpus"))}


@pytest.mark.parametrize("name", [name for name, *_ in FAMILIES])
@pytest.mark.parametrize("command", [["check"], ["status", "--today", "01/03/2023"],
                                     ["build-report", "--no-pdf", "--today", "01/03/2023"]])
def test_every_file_gets_a_true_answer(corpus, tmp_path, name, command):
    path, words = corpus[name]
    extra = ["-o", tmp_path / "out"] if command[0] != "check" else []
    result = run(command[0], path, *command[1:], *extra)
    assert result.exit_code in (0, 1), result.output
    assert "Lỗi không mong đợi" not in result.output and "Traceback" not in result.output
    for word in words or []:
        assert word in result.output, (name, result.output)
    if words is None:   # a valid workbook, however unusual: read like the sample
        assert "không phải sổ Excel" not in result.output and "bị hỏng" not in result.output


def test_a_workbook_behind_excels_default_password_reads_like_the_sample(corpus):
    path, _ = corpus["mat-khau-mac-dinh.xlsx"]
    result = run("check", path)
    assert result.exit_code == 0 and "Sổ hợp lệ" in result.output


@pytest.mark.parametrize("name", ["ten-phan-la.xlsx", "gach-nguoc.xlsx", "strict.xlsx"])
def test_unusual_but_valid_workbooks_build_their_documents(corpus, tmp_path, name):
    path, _ = corpus[name]
    result = run("build-report", path, "--quarter", "1", "--no-pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "2022" / "quy-1" / "bao-cao-quy-1-2022.docx").exists()


def test_status_of_a_workbook_whose_year_cannot_be_read_says_why(tmp_path):
    import openpyxl

    path = tmp_path / "bang-tinh-khac.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Danh sách lớp"
    book.save(path)
    result = run("status", path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "Chưa xem được tình hình năm" in result.output and "năm None" not in result.output
    assert "Thiếu trang «Thông tin»" in result.output
