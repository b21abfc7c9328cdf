"""Fast again, and still true: a document built before from the same recipe is not rendered
again (and is rendered when anything it is made of changes); a commune's summary says how far
it has read, and a book that breaks chibo does not stop the others."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

import chibo.outputs.build as building
from chibo.commune.cells import read_cells
from chibo.documents.commune_report import UNREADABLE
from conftest import SAMPLE, run, set_cell


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The paths of the documents each build renders, in order."""
    paths: list[str] = []
    real = building.render_all

    def counting(documents, templates, settings):
        paths.extend(d.path for d in documents)
        return real(documents, templates, settings)

    monkeypatch.setattr(building, "render_all", counting)
    return paths


def test_a_document_built_from_the_same_recipe_is_not_rendered_again(sample, tmp_path, rendered):
    output = tmp_path / "out"
    assert run("build-report", sample, "--all", "--no-pdf", "-o", output).exit_code == 0
    first = len(rendered)
    assert first > 30
    again = run("build-report", sample, "--all", "--no-pdf", "-o", output)
    assert again.exit_code == 0 and len(rendered) == first   # nothing rendered the second time
    assert "Không thay đổi" in again.output


def test_what_a_document_is_made_of_changing_renders_it_again(sample, tmp_path, rendered):
    output = tmp_path / "out"
    run("build-report", sample, "--all", "--no-pdf", "-o", output)
    rendered.clear()
    set_cell(sample, "Buổi sinh hoạt", "Kết luận", ("Mã buổi", "2022-T02"),
             "Chi bộ thống nhất giao nhiệm vụ mới cho tháng 3.")
    changed = run("build-report", sample, "--all", "--no-pdf", "-o", output)
    assert "2022/quy-1/bien-ban-2022-T02.docx" in rendered
    assert len(rendered) < 10   # only what the change reaches
    minutes = next(output.rglob("bien-ban-2022-T02.docx"))
    assert "giao nhiệm vụ mới cho tháng 3" in _text(minutes)
    assert "Đã ghi" in changed.output


def test_a_restyled_template_renders_its_documents_again(sample, tmp_path, rendered):
    output = tmp_path / "out"
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", output)
    templates = tmp_path / "mau"
    shutil.copytree(building.TEMPLATES_DIR, templates)
    report = templates / "bao-cao.docx"
    report.write_bytes(report.read_bytes())   # the same bytes: nothing to render
    rendered.clear()
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", output, "--templates", templates)
    assert rendered == []
    import docx

    restyled = docx.Document(str(report))
    restyled.paragraphs[-1].text += " "
    restyled.save(str(report))
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", output, "--templates", templates)
    assert rendered == ["2022/quy-1/bao-cao-quy-1-2022.docx"]


def _text(path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_a_book_that_breaks_chibo_does_not_stop_the_summary(tmp_path, monkeypatch):
    import chibo.commune.cells as cells

    books = []
    for index in range(3):
        books.append(tmp_path / f"chi-bo-{index}.xlsx")
        shutil.copy(SAMPLE, books[-1])
    real = cells.read_cell

    def breaking(path, today):
        if path.name == "chi-bo-1.xlsx":
            raise RuntimeError("a bug met in one book")
        return real(path, today)

    monkeypatch.setattr(cells, "read_cell", breaking)
    seen = []
    found = read_cells(books, dt.date(2023, 3, 1), progress=seen.append)
    assert [c.note == UNREADABLE for c in found] == [False, True, False]
    assert "chibo gặp lỗi khi đọc sổ này (RuntimeError)" in found[1].problems[0].message
    assert sum(seen) == 3


def test_the_commune_page_says_how_far_it_has_read(sample, tmp_path):
    from test_window_pages import signed_in, window_on

    window = window_on(sample, tmp_path / "out", tmp_path)
    client = signed_in(window)
    key = window.new_job("tong-hop")
    window.jobs[key].total, window.jobs[key].count = 2000, 120
    page = client.get(f"/viec/{key}").text
    assert "Đã đọc 120/2000 sổ chi bộ" in page and 'max="2000"' in page


def _with_breaks(value):
    """Every text of a context with a line break and a tab in it, which docxtpl turns into
    Word's own."""
    if isinstance(value, str):
        return value + "\nxuống dòng\tsau tab"
    if isinstance(value, dict):
        return {key: _with_breaks(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_breaks(item) for item in value]
    return value


def _parts(docx_bytes: bytes) -> dict[str, bytes]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        assert archive.testzip() is None   # every entry's CRC holds
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.mark.parametrize("texts", ["as typed", "with line breaks and tabs"])
def test_a_document_is_what_docxtpl_itself_writes_from_its_template(texts):
    """Each template is opened once and copied, its untouched parts shared and written as
    compressed once: every part of every kind of document, two in a row from one template,
    is still exactly what docxtpl and python-docx write — lines and tabs too."""
    import io

    from docx.shared import Mm
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from chibo.documents.kinds import year_documents
    from chibo.documents.rendering import TEMPLATES_DIR, _in_one_style, render
    from chibo.rules.checked import open_checked

    checked = open_checked(SAMPLE, dt.date(2022, 12, 31))
    workbook = checked.workbook
    settings = workbook.settings
    names = tuple(str(settings.values.get(key) or "")
                  for key in ("cell_name", "superior_committee", "committee_name"))
    documents: dict[str, list] = {}
    for planned in year_documents(workbook, checked.today):
        documents.setdefault(planned.kind.template, []).append(planned)
    assert len(documents) >= 8   # every template the year has
    for template, planned in sorted(documents.items()):
        for document in [p.compose(workbook, checked.today) for p in planned[:2]]:
            if texts != "as typed":
                document.context = _with_breaks(document.context)
            expected = DocxTemplate(str(TEMPLATES_DIR / template))
            expected.render(_in_one_style(document.context, names), autoescape=True,
                            jinja_env=SandboxedEnvironment(undefined=StrictUndefined))
            for section in expected.docx.sections:
                section.top_margin, section.bottom_margin = (Mm(settings.margin_top),
                                                             Mm(settings.margin_bottom))
                section.left_margin, section.right_margin = (Mm(settings.margin_left),
                                                             Mm(settings.margin_right))
            saved = io.BytesIO()
            expected.save(saved)
            ours = _parts(render(document, TEMPLATES_DIR, settings))
            assert ours == _parts(saved.getvalue()), (template, document.path)
            breaks = b"<w:br/>" in ours["word/document.xml"] and b"<w:tab/>" in ours["word/document.xml"]
            assert breaks == (texts != "as typed")


def test_a_template_changed_on_disk_is_opened_again(sample, tmp_path):
    """A template is opened once in a process (the window runs for days): edited in Word
    meanwhile, it is opened again for the next document."""
    import docx

    templates = tmp_path / "mau"
    shutil.copytree(building.TEMPLATES_DIR, templates)
    output = tmp_path / "out"
    assert run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", output,
               "--templates", templates).exit_code == 0
    report = templates / "bao-cao.docx"
    restyled = docx.Document(str(report))
    restyled.add_paragraph("Mẫu do chi bộ sửa lại.")
    restyled.save(str(report))
    assert run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", output,
               "--templates", templates).exit_code == 0
    assert "Mẫu do chi bộ sửa lại." in _text(output / "2022/quy-1/bao-cao-quy-1-2022.docx")
    assert "Mẫu do chi bộ sửa lại." not in _text(output / "2022/quy-1/bien-ban-2022-T01.docx")
