"""chibo status: where the year stands, and what is due now."""

import json

import docx

from conftest import meeting_ids, run, set_cell


def minutes_label(meeting_id):
    from chibo.workbook import sample as data
    from chibo.documents.kinds import minutes_label as label
    from chibo.workbook.model import Record

    row = next(m for m in data.ROWS["Buổi sinh hoạt"] if m["Mã buổi"] == meeting_id)
    return label(Record("", 0, {"kind": row["Loại"], "date": row["Ngày"]}, {}))


def status(sample, output, today, *args):
    return run("status", sample, "-o", output, "--today", today, *args)


def test_one_row_per_quarter_with_its_theme_and_thematic_meeting(sample, tmp_path):
    result = status(sample, tmp_path, "01/03/2023")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    row = next(line for line in lines if line.startswith("2 "))
    assert "Học tập và làm theo tấm gương" in row and "17/05/2022" in row


def test_nothing_built_yet_lists_every_document_due(sample, tmp_path):
    result = status(sample, tmp_path, "01/03/2023")
    assert "Kế hoạch năm 2022 chưa lập." in result.output
    for meeting in meeting_ids():
        assert f"{minutes_label(meeting)} chưa lập." in result.output
    assert "Báo cáo năm 2022 chưa lập." in result.output


def test_the_current_quarter_counts_the_days_left_for_its_thematic_meeting(sample, tmp_path):
    result = status(sample, tmp_path, "20/11/2022")
    assert ("Quý 4: chưa có buổi sinh hoạt chuyên đề (dự kiến ngày 08/12/2022), còn 41 ngày."
            in result.output)
    assert f"{minutes_label('2022-Q4')} chưa lập." not in result.output   # not held yet


def test_built_but_not_sent(sample, tmp_path):
    run("build-report", sample, "--all", "--no-pdf", "-o", tmp_path)
    result = status(sample, tmp_path, "01/03/2023")
    assert "Báo cáo quý 3 chưa gửi." in result.output
    assert "chưa lập" not in result.output


def edit_in_word(path):
    document = docx.Document(path)
    document.add_paragraph("Sửa tay.")
    document.save(path)


def test_a_document_edited_by_hand_is_noted_as_the_one_sent(sample, tmp_path):
    run("build-report", sample, "--all", "--no-pdf", "-o", tmp_path)
    edit_in_word(tmp_path / "2022" / "quy-2" / "bien-ban-2022-Q2.docx")
    result = status(sample, tmp_path, "01/03/2023")
    assert (f"{minutes_label('2022-Q2')} đã được sửa bằng tay sau khi lập: bản này được làm PDF "
            "và gửi đi.") in result.output


def test_her_edit_and_the_new_version_are_listed_as_a_pair_until_one_goes(sample, tmp_path):
    run("build-report", sample, "--all", "--no-pdf", "-o", tmp_path)
    report = tmp_path / "2022" / "quy-2" / "bao-cao-quy-2-2022.docx"
    edit_in_word(report)
    set_cell(sample, "Đánh giá", "Hạn chế", ("Kỳ", "Quý 2"), "Một số đảng viên chưa đọc tài liệu.")
    run("build-report", sample, "--all", "--no-pdf", "-o", tmp_path)
    result = status(sample, tmp_path, "01/03/2023")
    assert "Báo cáo quý 2 năm 2022: có hai bản" in result.output
    assert "bao-cao-quy-2-2022.docx" in result.output and "bao-cao-quy-2-2022-ban-moi.docx" in result.output
    report.with_name("bao-cao-quy-2-2022-ban-moi.docx").unlink()
    assert "có hai bản" not in status(sample, tmp_path, "01/03/2023").output


def test_json_gives_the_same_facts(sample, tmp_path):
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", tmp_path)
    facts = json.loads(status(sample, tmp_path, "01/03/2023", "--json").output)
    first = facts["quarters"][0]
    assert first["minutes_built"] == first["meetings"] == len(meeting_ids(1))
    assert first["report_built"] is True and first["sent"] is None
    assert "Báo cáo quý 2 chưa lập." in facts["due"]


def test_the_table_uses_no_box_drawing_characters(sample, tmp_path):
    output = status(sample, tmp_path, "01/03/2023").output
    assert not any(0x2500 <= ord(c) <= 0x259F for c in output)
    assert "\x1b[" not in output   # no colour when not on a terminal


def test_a_workbook_with_errors_still_gets_its_status(sample, tmp_path):
    from conftest import set_cell

    set_cell(sample, "Buổi sinh hoạt", "Bắt đầu", ("Mã buổi", "2022-Q1"), None)
    set_cell(sample, "Buổi sinh hoạt", "Kết thúc", ("Mã buổi", "2022-Q2"), "abc")
    result = status(sample, tmp_path, "01/03/2023")
    assert result.exit_code == 0, result.output
    assert "Sổ có 2 lỗi cần sửa trước khi lập văn bản." in result.output
    assert "Lỗi không mong đợi" not in result.output
