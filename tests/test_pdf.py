"""--pdf: every document of a run through one real LibreOffice process, read back as text."""

import os
import shutil
import stat
import subprocess

import pytest

from chibo import sample as data
from conftest import SAMPLE, documents_of_year, meeting_ids, run

needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                       reason="LibreOffice is installed by .ci/run")


def counting_soffice(tmp_path):
    """A stand-in for soffice that logs each start, then runs the real one."""
    log = tmp_path / "starts.log"
    script = tmp_path / "soffice"
    script.write_text(f'#!/bin/sh\necho start >> "{log}"\nexec "{shutil.which("soffice")}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, log


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture(scope="module")
def year_with_pdfs(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("pdf")
    soffice, log = counting_soffice(tmp_path)
    os.environ["CHIBO_SOFFICE"] = str(soffice)
    try:
        result = run("build-report", SAMPLE, "--all", "--pdf", "-o", tmp_path / "out")
        again = run("build-report", SAMPLE, "--all", "--pdf", "-o", tmp_path / "out")
    finally:
        del os.environ["CHIBO_SOFFICE"]
    return tmp_path / "out", result, again, log


@needs_libreoffice
def test_every_document_gets_a_readable_pdf_beside_it(year_with_pdfs):
    output, result, _, _ = year_with_pdfs
    assert result.exit_code == 0, result.output
    documents = sorted(output.rglob("*.docx"))
    assert len(documents) == documents_of_year()
    for document in documents:
        pdf = document.with_suffix(".pdf")
        text = pdf_text(pdf)
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text, pdf.name
        assert "CHI BỘ MẦM NON MỸ HÒA" in text, pdf.name
        assert "Mỹ Hòa, ngày" in text, pdf.name


@needs_libreoffice
def test_the_pdf_carries_the_workbooks_names_with_their_diacritics(year_with_pdfs):
    output, *_ = year_with_pdfs
    text = pdf_text(output / "2022" / "quy-1" / "bien-ban-2022-Q1.pdf")
    meeting = next(m for m in data.ROWS["Buổi sinh hoạt"] if m["Mã buổi"] == "2022-Q1")
    for name in (meeting["Chủ trì"], meeting["Thư ký"]):
        assert name in text


@needs_libreoffice
def test_one_libreoffice_process_for_the_whole_run(year_with_pdfs):
    _, _, _, log = year_with_pdfs
    assert log.read_text().count("start") == 1


@needs_libreoffice
def test_a_rerun_with_nothing_changed_converts_nothing(year_with_pdfs):
    _, _, again, log = year_with_pdfs
    assert again.exit_code == 0
    assert log.read_text().count("start") == 1
    assert " PDF:" not in again.output  # no group of PDF written, kept or failed


def test_without_libreoffice_the_documents_are_still_written(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("CHIBO_SOFFICE", str(tmp_path / "khong-co-soffice"))
    result = run("build-report", sample, "--quarter", "1", "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert "Chưa tạo PDF" in result.output and "libreoffice.org" in result.output
    assert len(list((tmp_path / "out").rglob("*.docx"))) == len(meeting_ids(1)) + 2
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_pdf_asked_for_explicitly_without_libreoffice_fails(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("CHIBO_SOFFICE", str(tmp_path / "khong-co-soffice"))
    result = run("build-report", sample, "--quarter", "1", "--pdf", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert len(list((tmp_path / "out").rglob("*.docx"))) == len(meeting_ids(1)) + 2


def test_a_hanging_libreoffice_is_stopped(sample, tmp_path, monkeypatch):
    import chibo.converting

    hang = tmp_path / "soffice"
    hang.write_text("#!/bin/sh\nsleep 60\n")
    hang.chmod(hang.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("CHIBO_SOFFICE", str(hang))
    monkeypatch.setattr(chibo.converting, "START_SECONDS", 1)
    monkeypatch.setattr(chibo.converting, "SECONDS_PER_DOCUMENT", 0)
    result = run("plan", sample, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert "không chuyển xong sau 1 giây" in result.output
    assert (tmp_path / "out" / "2022" / "ke-hoach-sinh-hoat-chuyen-de-2022.docx").exists()


@needs_libreoffice
def test_a_plan_first_built_without_pdf_gets_its_pdf_on_the_next_run(sample, tmp_path):
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", tmp_path)
    run("build-report", sample, "--quarter", "2", "-o", tmp_path)
    assert (tmp_path / "2022" / "ke-hoach-sinh-hoat-chuyen-de-2022.pdf").exists()
