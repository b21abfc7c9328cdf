"""The rest of a meeting's paperwork (issue 13): the nghị quyết a cell issues from a
meeting's conclusion, in the HD 36 layout, numbered from `Văn bản`."""

from chibo.workbook import sample as data
from conftest import SAMPLE, append_row, check_problems, run, set_cell
from test_documents import texts

RESOLVED = [m for m in data.ROWS["Buổi sinh hoạt"] if m.get("Ra nghị quyết") == "Có"]


def test_the_sample_resolves_after_two_meetings():
    assert len(RESOLVED) == 2


def test_build_report_leaves_each_resolution_beside_its_minutes(tmp_path):
    result = run("build-report", SAMPLE, "--all", "--no-pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    for meeting in RESOLVED:
        quarter = (meeting["Ngày"].month - 1) // 3 + 1
        folder = tmp_path / "2022" / f"quy-{quarter}"
        assert (folder / f"bien-ban-{meeting['Mã buổi']}.docx").exists()
        assert (folder / f"nghi-quyet-{meeting['Mã buổi']}.docx").exists()


def test_a_resolution_is_in_the_hd36_layout_with_the_meetings_tasks(tmp_path):
    run("build-report", SAMPLE, "--all", "--no-pdf", "-o", tmp_path)
    meeting = RESOLVED[-1]
    quarter = (meeting["Ngày"].month - 1) // 3 + 1
    document = texts(tmp_path / "2022" / f"quy-{quarter}" / f"nghi-quyet-{meeting['Mã buổi']}.docx")
    number = next(d["Số"] for d in data.ROWS["Văn bản"]
                  if d["Loại"] == "NQ" and d["Kỳ"] == meeting["Mã buổi"])
    assert document[:4] == ["ĐẢNG BỘ XÃ MỸ HÒA", "CHI BỘ MẦM NON MỸ HÒA", "*", f"Số {number:02d}-NQ/CB"]
    assert "NGHỊ QUYẾT" in document and "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;" in document
    assert "CHI BỘ MẦM NON MỸ HÒA QUYẾT NGHỊ:" in document
    for task in (t for t in data.ROWS["Nhiệm vụ"] if t["Mã buổi"] == meeting["Mã buổi"]):
        assert any(line.split(". ", 1)[-1].startswith(task["Nội dung"].rstrip("."))
                   and f"thời hạn {task['Thời hạn']:%d/%m/%Y}" in line for line in document)
    assert document[-3:] == ["T/M CHI BỘ", "BÍ THƯ", data.SETTINGS["Bí thư"]]


def test_a_resolution_without_its_number_is_a_warning(sample):
    set_cell(sample, "Văn bản", "Số", ("Kỳ", "2022-T10"), None)
    problems = [p for p in check_problems(sample).problems if p.code == "missing-number"]
    assert problems and "NQ" in problems[0].message


def test_a_resolution_goes_only_where_recipients_are_set_for_it(sample, tmp_path, monkeypatch):
    from conftest import Inbox, free_port
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=free_port())
    server.start()
    try:
        for name, value in (("HOST", "127.0.0.1"), ("PORT", server.port), ("SECURITY", "none")):
            monkeypatch.setenv(f"CHIBO_SMTP_{name}", str(value))
        monkeypatch.delenv("CHIBO_SMTP_USER", raising=False)
        append_row(sample, "Nơi nhận", {"Văn bản": "NQ", "Nơi nhận": "Văn phòng Đảng ủy xã",
                                        "Email": "nghiquyet@example.vn"})
        run("build-report", sample, "--all", "--no-pdf", "-o", tmp_path)
        assert run("send", sample, "--quarter", "4", "--yes", "-o", tmp_path).exit_code == 0
    finally:
        server.stop()
    (letter,) = inbox.to("nghiquyet@example.vn")
    assert [p.get_filename() for p in letter.iter_attachments()] == ["nghi-quyet-2022-T10.docx"]
    assert not any(p.get_filename().startswith("nghi-quyet")
                   for m in inbox.to("danguy.myhoa@example.vn") for p in m.iter_attachments())


# --- the score sheet -------------------------------------------------------------------------------

SCORED = sorted({s["Mã buổi"] for s in data.ROWS["Chấm điểm"]})


def test_the_sample_scores_its_four_thematic_meetings():
    thematic = {m["Mã buổi"] for m in data.ROWS["Buổi sinh hoạt"]
                if m["Loại"] in ("Chuyên đề", "Kết hợp")}
    assert set(SCORED) == thematic


def test_each_scored_meeting_gets_a_score_sheet_whose_total_matches_the_workbook(tmp_path):
    run("build-report", SAMPLE, "--all", "--no-pdf", "-o", tmp_path)
    for meeting_id in SCORED:
        meeting = next(m for m in data.ROWS["Buổi sinh hoạt"] if m["Mã buổi"] == meeting_id)
        quarter = (meeting["Ngày"].month - 1) // 3 + 1
        sheet = texts(tmp_path / "2022" / f"quy-{quarter}" / f"cham-diem-{meeting_id}.docx")
        assert "BIỂU ĐÁNH GIÁ CHẤT LƯỢNG BUỔI SINH HOẠT" in sheet
        assert f"Tổng cộng: {meeting['Điểm']}/100 điểm" in sheet
        assert f"Xếp loại: {meeting['Xếp loại']}." in sheet
        assert sheet[-4:] == ["THƯ KÝ", meeting["Thư ký"], "CHỦ TRÌ", meeting["Chủ trì"]]


def test_points_that_do_not_add_up_are_an_error_at_the_meetings_score(sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Điểm", ("Mã buổi", "2022-Q2"), 95)
    set_cell(sample, "Buổi sinh hoạt", "Xếp loại", ("Mã buổi", "2022-Q2"), "Tốt")
    (problem,) = [p for p in check_problems(sample).problems if p.code == "score-total"]
    assert problem.cell == cell and problem.severity == "error"
    assert "Tổng điểm chấm ở trang Chấm điểm là 94, khác «Điểm» 95" in problem.message


def test_a_criterion_above_its_maximum_is_an_error_at_its_points(sample):
    from conftest import edit

    def over(book):
        sheet = book["Chấm điểm"]
        for row in range(2, sheet.max_row + 1):
            if sheet.cell(row=row, column=1).value == "2022-Q3" and \
                    sheet.cell(row=row, column=2).value == 5:
                sheet.cell(row=row, column=3).value = 16
                return

    edit(sample, over)
    problems = [p for p in check_problems(sample).problems if p.code == "points-over-maximum"]
    assert problems and problems[0].sheet == "Chấm điểm" and problems[0].cell.startswith("C")
    assert "16 điểm vượt điểm tối đa 15 của tiêu chí 5" in problems[0].message


def test_an_unknown_criterion_is_an_error(sample):
    append_row(sample, "Chấm điểm", {"Mã buổi": "2022-T01", "STT tiêu chí": 9, "Điểm": 5})
    assert [p for p in check_problems(sample).problems if p.code == "unknown-criterion"]


def test_a_new_workbook_carries_the_default_criteria_on_100_points(tmp_path):
    import openpyxl

    path = tmp_path / "moi.xlsx"
    run("init", path, "--year", "2026")
    rows = list(openpyxl.load_workbook(path)["Tiêu chí"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 5 and sum(r[2] for r in rows) == 100


def test_a_workbook_made_before_the_score_sheets_still_reads(sample):
    from conftest import edit

    edit(sample, lambda book: [book.remove(book[name]) for name in ("Tiêu chí", "Chấm điểm")])
    report = check_problems(sample)
    assert not report.errors, [str(p) for p in report.errors]


# --- the invitation ---------------------------------------------------------------------------------

import datetime as dt  # noqa: E402

import pytest  # noqa: E402

THEMATIC = next(m for m in data.ROWS["Buổi sinh hoạt"] if m["Mã buổi"] == "2022-Q2")
THE_DAY_BEFORE = (THEMATIC["Ngày"] - dt.timedelta(days=2)).strftime("%d/%m/%Y")
LIAISON = data.SETTINGS["Email đồng chí phụ trách"]


@pytest.fixture
def smtp(monkeypatch):
    from aiosmtpd.controller import Controller

    from conftest import Inbox, free_port

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=free_port())
    server.start()
    for name, value in (("HOST", "127.0.0.1"), ("PORT", server.port), ("SECURITY", "none")):
        monkeypatch.setenv(f"CHIBO_SMTP_{name}", str(value))
    monkeypatch.delenv("CHIBO_SMTP_USER", raising=False)
    yield inbox
    server.stop()


def invite(sample, tmp_path, *args):
    return run("invite", sample, "--meeting", THEMATIC["Mã buổi"], "--today", THE_DAY_BEFORE,
               "-o", tmp_path / "out", *args)


def members_with_email_on(day):
    return [m for m in data.ROWS["Đảng viên"] if m.get("Email")
            and m.get("Ngày chuyển đến", dt.date.min) <= day]


@pytest.fixture
def beside(sample):
    """The sample with its materials beside it, as `chibo init --sample` leaves it."""
    return sample


def test_one_invitation_per_member_with_an_email_and_one_to_the_liaison(beside, tmp_path, smtp):
    result = invite(beside, tmp_path, "--yes")
    assert result.exit_code == 0, result.output
    members = members_with_email_on(THEMATIC["Ngày"])
    assert sorted(m["To"] for m in smtp.messages) == sorted(
        [m["Email"] for m in members] + [LIAISON])
    letter = smtp.to(LIAISON)[0]
    assert letter["Subject"] == ("Giấy mời sinh hoạt chuyên đề quý 2 năm 2022 ngày "
                                 f"{THEMATIC['Ngày']:%d/%m/%Y}")
    body = letter.get_body(("plain",)).get_content()
    assert "kính mời đồng chí dự và chỉ đạo" in body and "14 giờ 00 phút" in body
    assert THEMATIC["Địa điểm"] in body and "“Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”" in body
    assert [p.get_filename() for p in letter.iter_attachments()] == ["de-cuong-quy-2.docx"]


def test_a_second_run_invites_nobody_again(beside, tmp_path, smtp):
    invite(beside, tmp_path, "--yes")
    count = len(smtp.messages)
    result = invite(beside, tmp_path, "--yes")
    assert result.exit_code == 0 and len(smtp.messages) == count
    assert "Mọi người đã nhận giấy mời" in result.output


def test_a_changed_meeting_is_sent_again_marked_as_changed(beside, tmp_path, smtp):
    invite(beside, tmp_path, "--yes")
    count = len(smtp.messages)
    set_cell(beside, "Buổi sinh hoạt", "Địa điểm", ("Mã buổi", THEMATIC["Mã buổi"]),
             "Hội trường Đảng ủy xã")
    invite(beside, tmp_path, "--yes")
    again = smtp.messages[count:]
    assert again and all(m["Subject"].endswith("(thay đổi)") for m in again)
    assert "Hội trường Đảng ủy xã" in again[0].get_body(("plain",)).get_content()


def test_an_exempt_member_is_invited_and_told_attendance_is_not_required(beside, tmp_path, smtp):
    exempt = next(m for m in data.ROWS["Đảng viên"] if m.get("Miễn sinh hoạt") == "Có")
    set_cell(beside, "Đảng viên", "Email", ("Họ và tên", exempt["Họ và tên"]), "mien@example.vn")
    invite(beside, tmp_path, "--yes")
    (letter,) = smtp.to("mien@example.vn")
    assert "không bắt buộc dự" in letter.get_body(("plain",)).get_content()


def test_a_dry_run_writes_drafts_and_sends_nothing(beside, tmp_path, smtp):
    result = invite(beside, tmp_path, "--dry-run")
    assert result.exit_code == 0 and smtp.messages == []
    drafts = list((tmp_path / "out" / "2022" / "giay-moi" / THEMATIC["Mã buổi"]).glob("*.eml"))
    assert len(drafts) == len(members_with_email_on(THEMATIC["Ngày"])) + 1


def test_check_warns_of_a_meeting_two_days_away_with_no_invitation(beside, tmp_path, smtp):
    from conftest import check

    day = THEMATIC["Ngày"] - dt.timedelta(days=2)
    (problem,) = [p for p in check(beside, today=day).problems if p.code == "invitation-missing"]
    assert problem.sheet == "Buổi sinh hoạt" and "còn 2 ngày nữa" in problem.message
    invite(beside, tmp_path, "--yes")
    assert not [p for p in check(beside, today=day).problems if p.code == "invitation-missing"]


def test_a_missing_material_is_named_at_its_cell(sample):
    import shutil

    shutil.rmtree(sample.parent / "tai-lieu")
    problems = [p for p in check_problems(sample).problems if p.code == "material-missing"]
    assert problems and "de-cuong-quy-1.docx" in problems[0].message


def test_a_material_named_longer_than_the_system_allows_is_missing_not_a_crash():
    from books import Book

    book = Book()
    cell = book.set("Buổi sinh hoạt", "Tài liệu", ("Mã buổi", "2022-Q1"), "x" * 300 + ".docx")
    problems = [p for p in book.check().problems if p.code == "material-missing"]
    assert [p.cell for p in problems] == [cell] and "x" * 300 in problems[0].message


def test_init_sample_leaves_the_materials_beside_the_workbook(tmp_path):
    run("init", tmp_path / "mau.xlsx", "--sample")
    assert sorted(p.name for p in (tmp_path / "tai-lieu").glob("*.docx")) == [
        f"de-cuong-quy-{q}.docx" for q in (1, 2, 3, 4)]
    assert not check_problems(tmp_path / "mau.xlsx").problems
