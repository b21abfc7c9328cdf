"""--pdf: every document of a run through one real LibreOffice process, read back as text."""

import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from chibo.workbook import sample as data
from conftest import SAMPLE, documents_of_year, meeting_papers, run

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
    assert len(list((tmp_path / "out").rglob("*.docx"))) == len(meeting_papers(1)) + 2
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_pdf_asked_for_explicitly_without_libreoffice_fails(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("CHIBO_SOFFICE", str(tmp_path / "khong-co-soffice"))
    result = run("build-report", sample, "--quarter", "1", "--pdf", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert len(list((tmp_path / "out").rglob("*.docx"))) == len(meeting_papers(1)) + 2


def test_a_hanging_libreoffice_is_stopped(sample, tmp_path, monkeypatch):
    import chibo.outputs.pdf

    hang = tmp_path / "soffice"
    hang.write_text("#!/bin/sh\nsleep 60\n")
    hang.chmod(hang.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("CHIBO_SOFFICE", str(hang))
    monkeypatch.setattr(chibo.outputs.pdf, "START_SECONDS", 1)
    monkeypatch.setattr(chibo.outputs.pdf, "SECONDS_PER_DOCUMENT", 0)
    result = run("plan", sample, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert "không chuyển xong sau 1 giây" in result.output
    assert (tmp_path / "out" / "2022" / "ke-hoach-sinh-hoat-chuyen-de-2022.docx").exists()


@needs_libreoffice
def test_a_plan_first_built_without_pdf_gets_its_pdf_on_the_next_run(sample, tmp_path):
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", tmp_path)
    run("build-report", sample, "--quarter", "2", "-o", tmp_path)
    assert (tmp_path / "2022" / "ke-hoach-sinh-hoat-chuyen-de-2022.pdf").exists()


# --- the signature never stands alone at the top of a page -------------------------------------

def page_texts(path) -> list[str]:
    pages = int(next(line.split()[1] for line in subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, pages + 1)]


def signature_page(path) -> str:
    """The page on which the document is signed (its last signature title)."""
    return next(p for p in reversed(page_texts(path))
                if "CHỦ TRÌ" in p or "T/M CHI BỘ" in p or "NGƯỜI TỰ KIỂM ĐIỂM" in p)


@needs_libreoffice
def test_every_signature_shares_its_page_with_the_closing_paragraph(year_with_pdfs):
    output = year_with_pdfs[0] / "2022"
    for pdf in output.rglob("*.pdf"):
        page = " ".join(signature_page(pdf).split())
        closing = ("Tổng cộng:" if pdf.name.startswith("cham-diem") else
                   "Tự xếp loại chất lượng:" if pdf.name.startswith("ban-kiem-diem") else "./.")
        assert closing in page, pdf.name


@needs_libreoffice
def test_a_signature_pushed_to_a_new_page_takes_the_closing_paragraph_with_it(sample, tmp_path):
    from conftest import set_cell

    # enough requests that the signature no longer fits under them on page 3
    requests = "\n".join(["Đề nghị Đảng ủy xã cung cấp thêm tài liệu sinh hoạt chuyên đề."] * 26)
    set_cell(sample, "Đánh giá", "Kiến nghị", ("Kỳ", "Quý 1"), requests)
    run("report", sample, "--quarter", "1", "-o", tmp_path, "--pdf")
    pdf = tmp_path / "2022" / "quy-1" / "bao-cao-quy-1-2022.pdf"
    pages = page_texts(pdf)
    assert len(pages) >= 4 and "T/M CHI BỘ" not in pages[-2]
    assert "Trên đây là báo cáo kết quả sinh hoạt chuyên đề" in " ".join(pages[-1].split())


# --- her edits are what is made into PDF and sent ------------------------------------------------

@needs_libreoffice
def test_her_edited_report_is_converted_and_drafted_and_survives_a_workbook_change(sample,
                                                                                  tmp_path):
    import email
    import email.policy

    import docx

    from conftest import set_cell

    output = tmp_path / "out"
    run("build-report", sample, "--quarter", "1", "-o", output)
    report = output / "2022" / "quy-1" / "bao-cao-quy-1-2022.docx"
    document = docx.Document(report)
    document.paragraphs[-1].text = "Đồng chí bí thư sửa câu này trong Word."
    document.save(report)
    hers = report.read_bytes()

    result = run("build-report", sample, "--quarter", "1", "-o", output)
    assert result.exit_code == 0, result.output
    assert "Giữ nguyên bản đồng chí đã sửa 1 văn bản:" in result.output
    pdf = report.with_suffix(".pdf")
    assert "Đồng chí bí thư sửa câu này trong Word." in pdf_text(pdf)

    assert run("send", sample, "--quarter", "1", "--dry-run", "-o", output).exit_code == 0
    draft = next((output / "2022" / "quy-1" / "thu").glob("*.eml"))
    message = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    attached = {p.get_filename(): p.get_content() for p in message.iter_attachments()}
    assert attached["bao-cao-quy-1-2022.pdf"] == pdf.read_bytes()

    set_cell(sample, "Đánh giá", "Hạn chế", ("Kỳ", "Quý 1"), "Ý kiến thảo luận còn ít.")
    result = run("build-report", sample, "--quarter", "1", "-o", output)
    newer = report.with_name("bao-cao-quy-1-2022-ban-moi.docx")
    assert report.read_bytes() == hers and newer.exists()
    assert report.name in result.output and newer.name in result.output
    assert "Đồng chí bí thư sửa câu này trong Word." in pdf_text(pdf)
    listed = run("send", sample, "--quarter", "1", "--dry-run", "-o", output).output
    assert "gửi bản đồng chí đã sửa" in listed and newer.name in listed


@needs_libreoffice
def test_a_pdf_she_replaced_with_a_signed_scan_is_kept_and_sent(sample, tmp_path):
    import email
    import email.policy

    output = tmp_path / "out"
    run("build-report", sample, "--quarter", "1", "-o", output)
    pdf = output / "2022" / "quy-1" / "bao-cao-quy-1-2022.pdf"
    scan = b"%PDF-1.4 ban scan co chu ky\n%%EOF\n"
    pdf.write_bytes(scan)
    result = run("build-report", sample, "--quarter", "1", "-o", output)
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes() == scan and not list(pdf.parent.glob("*-ban-moi.pdf"))
    run("send", sample, "--quarter", "1", "--dry-run", "-o", output)
    draft = next((output / "2022" / "quy-1" / "thu").glob("*.eml"))
    message = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    attached = {p.get_filename(): p.get_content() for p in message.iter_attachments()}
    assert attached["bao-cao-quy-1-2022.pdf"] == scan


def _soffice_processes_using(profile_prefix: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
            except OSError:
                continue
            if profile_prefix in command and "soffice" in command:
                found.append(int(entry.name))
    return found


@needs_libreoffice
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the processes from /proc")
def test_a_killed_chibo_leaves_no_libreoffice_and_no_profile(sample, tmp_path):
    import signal
    import sys

    assert run("build-report", sample, "-o", tmp_path / "out", "--no-pdf").exit_code == 0
    documents = [str(p) for p in (tmp_path / "out").rglob("*.docx")]
    scratch = tmp_path / "tam"
    scratch.mkdir()
    converting = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from chibo.outputs.pdf import convert_to_pdf; "
         "convert_to_pdf([Path(p) for p in sys.argv[1:]])", *documents],
        env={**os.environ, "TMPDIR": str(scratch)})
    for _ in range(300):
        if _soffice_processes_using(str(scratch)):
            break
        time.sleep(0.05)
    else:
        pytest.fail("LibreOffice never started")
    converting.send_signal(signal.SIGKILL)
    converting.wait(10)
    for _ in range(200):
        if not _soffice_processes_using(str(scratch)) and not list(scratch.iterdir()):
            break
        time.sleep(0.05)
    assert not _soffice_processes_using(str(scratch))
    assert not list(scratch.iterdir())   # its temporary profile removed too
