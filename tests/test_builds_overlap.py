"""Builds never trample each other: two builds of one output folder at once, a crash between a
file and the manifest — and chibo's own files known by their content, hers by theirs."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile

import docx
import pytest

from chibo.outputs.fingerprint import docx_is_marked, mark_docx, mark_pdf, pdf_source
from chibo.outputs.folder import MANIFEST, OutputFolder
from conftest import run

needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                       reason="LibreOffice is installed by .ci/run")


def build_report(sample, output) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "chibo", "build-report", str(sample), "-o",
                             str(output), "--quarter", "1"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=os.environ.copy())


@needs_libreoffice
def test_two_builds_at_once_then_a_crash_before_the_manifest_leave_chibos_files_chibos(sample,
                                                                                    tmp_path):
    output = tmp_path / "out"
    runs = [build_report(sample, output), build_report(sample, output)]
    said = [r.communicate(timeout=300)[0] for r in runs]
    assert [r.returncode for r in runs] == [0, 0], said
    # a kill at the instant the files landed: the manifest never heard of them
    (output / MANIFEST).unlink()
    again = run("build-report", sample, "-o", output, "--quarter", "1")
    assert again.exit_code == 0, again.output
    assert not list(output.rglob("*-ban-moi*")), again.output
    assert "sửa bằng tay" not in again.output and "thay bằng tay" not in again.output
    folder = OutputFolder(output)
    for document in output.rglob("*.docx"):
        relative = document.relative_to(output).as_posix()
        assert folder.pdf_is_current(relative), relative   # letters carry the PDF, not Word
    dry = run("send", sample, "-o", output, "--quarter", "1", "--dry-run")
    assert ".pdf" in dry.output and ".docx" not in dry.output.split("Thư nháp")[1]


def test_a_word_file_chibo_wrote_is_known_by_its_content(sample, tmp_path):
    output = tmp_path / "out"
    assert run("build-report", sample, "-o", output, "--quarter", "1", "--no-pdf").exit_code == 0
    report = next(output.rglob("bao-cao-quy-1-2022.docx"))
    assert docx_is_marked(report.read_bytes())
    saved = docx.Document(str(report))   # as Word or LibreOffice would save her edit
    saved.paragraphs[0].text += " (đã sửa)"
    saved.save(str(report))
    assert not docx_is_marked(report.read_bytes())
    json.loads((output / MANIFEST).read_text())   # the manifest says nothing of her edit
    (output / MANIFEST).unlink()
    again = run("build-report", sample, "-o", output, "--quarter", "1", "--no-pdf")
    assert "bao-cao-quy-1-2022.docx đã được sửa bằng tay" in again.output
    others = [p for p in output.rglob("*-ban-moi*.docx") if "bao-cao" not in p.name]
    assert not others   # every other file is chibo's, manifest or not


def test_a_mark_that_no_longer_fits_its_content_is_no_mark():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    marked = mark_docx(buffer.getvalue())
    assert docx_is_marked(marked) and not docx_is_marked(buffer.getvalue())
    changed = io.BytesIO(marked)
    with zipfile.ZipFile(changed, "a") as archive:   # keeps the comment, changes the parts
        archive.writestr("word/extra.xml", "<x/>")
    assert not docx_is_marked(changed.getvalue())
    pdf = mark_pdf(b"%PDF-1.7\n...\n%%EOF\n", "ab" * 32)
    assert pdf_source(pdf) == "ab" * 32
    assert pdf_source(pdf + b"1 0 obj\n%%EOF\n") is None      # a signature appended: hers
    assert pdf_source(pdf.replace(b"...", b"..,")) is None    # an edit: hers


def test_a_build_waits_for_the_other_then_says_so_plainly(sample, tmp_path, monkeypatch):
    from filelock import FileLock

    import chibo.outputs.folder as folder

    output = tmp_path / "out"
    monkeypatch.setattr(folder, "WAIT_FOR_OTHER_BUILD", 0.2)
    with FileLock(str(OutputFolder(output)._lock_place())):
        result = run("build-report", sample, "-o", output, "--quarter", "1", "--no-pdf")
    assert result.exit_code == 1
    assert "Một lần lập văn bản khác đang ghi vào thư mục" in result.output
