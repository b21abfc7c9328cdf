"""The shipped sample workbook: the seed's 2022 plan, complete enough to show every feature,
and clean under `chibo check`."""

import re

import pytest

from chibo.workbook.reading import read_workbook
from conftest import SAMPLE, SEED, run

# The seed's typos that the sample corrects (seed -> sample); nothing else may differ.
SEED_TYPOS = {"sinh hoạt cho bộ": "sinh hoạt chi bộ", "sinh hoat": "sinh hoạt",
              "trongchi bộ": "trong chi bộ", "câp sủy": "cấp ủy", "lần thức sáu": "lần thứ sáu",
              # proper names capitalised as a Đảng ủy office expects them (domain.md §5)
              "nghị quyết hội nghị lần thứ sáu Ban chấp hành Trung ương đảng":
              "Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng",
              "Báo cáo đảng ủy xã": "Báo cáo Đảng ủy xã"}


@pytest.fixture(scope="module")
def workbook():
    workbook, report = read_workbook(SAMPLE)
    assert not report.problems
    return workbook


@pytest.fixture(scope="module")
def seed_paragraphs():
    text = SEED.read_text(encoding="utf-8")
    for typo, fixed in SEED_TYPOS.items():
        text = text.replace(typo, fixed)
    return [_words(line) for line in text.splitlines() if line.strip()]


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip()


def test_the_sample_passes_check_without_any_problem():
    result = run("check", SAMPLE)
    assert result.exit_code == 0
    assert "Sổ hợp lệ: không có lỗi, không có cảnh báo." in result.output


def test_the_plan_paragraphs_are_the_seeds_word_for_word(workbook, seed_paragraphs):
    for paragraph in workbook.plan_paragraphs:
        assert _words(paragraph.text) in seed_paragraphs, paragraph.cell("text")
    assert len(workbook.plan_paragraphs) == 11


def test_the_plan_has_each_part_in_the_seeds_order(workbook):
    parts = [p.part for p in workbook.plan_paragraphs]
    assert parts == ["Mục đích"] * 2 + ["Yêu cầu"] * 3 + ["Biện pháp thực hiện"] * 6


def test_the_themes_are_the_seeds_four_quarters(workbook, seed_paragraphs):
    for theme in workbook.themes:
        assert _words(f"Quý {theme.quarter}: {theme.title}") in seed_paragraphs
    assert sorted(t.quarter for t in workbook.themes) == [1, 2, 3, 4]


def test_the_legal_bases_are_the_two_the_seed_cites(workbook):
    seed = SEED.read_text(encoding="utf-8")
    cited = [(b.document, b.date.strftime("%d/%m/%Y"), b.issuer) for b in workbook.legal_bases]
    assert cited == [("Hướng dẫn số 12-HD/BTCTW", "06/07/2018", "Ban Tổ chức Trung ương"),
                     ("Hướng dẫn số 02-HD/TU", "22/03/2019", "Thành ủy Thành phố Hồ Chí Minh")]
    if seed:
        assert workbook.legal_bases[0].subject in seed


def test_the_sample_is_the_cell_of_the_seed(workbook):
    settings = workbook.settings
    assert (settings.cell_name, settings.year, settings.superior_committee) == \
           ("Chi bộ Mầm non Mỹ Hòa", 2022, "Đảng ủy xã Mỹ Hòa")


def test_the_sample_members_show_every_kind_of_member(workbook):
    members = workbook.members
    assert 12 <= len(members) <= 20
    assert sum(m.membership == "Dự bị" for m in members) == 1
    assert sum(m.exempt == "Có" for m in members) == 1
    assert any(m.joined for m in members)


def test_the_sample_has_a_thematic_meeting_each_quarter_and_regular_ones(workbook):
    from chibo.workbook.model import quarter_of

    thematic = sorted(quarter_of(m.date) for m in workbook.meetings
                      if m.kind in ("Chuyên đề", "Kết hợp"))
    assert thematic == [1, 2, 3, 4]
    assert sum(m.kind == "Thường kỳ" for m in workbook.meetings) >= 3


def test_the_sample_has_absences_with_and_without_reason(workbook):
    assert any(a.reason for a in workbook.absences)
    assert any(not a.reason for a in workbook.absences)


def test_the_sample_fills_every_other_sheet(workbook):
    assert workbook.opinions and workbook.tasks and any(t.result for t in workbook.tasks)
    assert {a.period for a in workbook.assessments} == {"Quý 1", "Quý 2", "Quý 3", "Quý 4", "Năm",
                                                        "Kiểm điểm"}
    assert all(d.number for d in workbook.documents)
    assert "BB" not in {d.doc_type for d in workbook.documents}   # minutes go unnumbered
    assert all(e.endswith("@example.vn") for r in workbook.recipients for e in r.email or ())
    assert any(r.email for r in workbook.recipients)


def test_the_sample_has_a_regular_meeting_every_month(workbook):
    months = {m.date.month for m in workbook.meetings if m.kind in ("Thường kỳ", "Kết hợp")}
    assert months == set(range(1, 13))


def test_the_sample_texts_carry_quotation_marks(workbook):
    texts = " ".join(str(v) for m in workbook.meetings for v in m.values.values())
    assert "“" in texts and "”" in texts
