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
