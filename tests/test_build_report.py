"""build-report, the quarter-end job, and the safety of what it writes."""

import json
import shutil
import subprocess


from conftest import (SAMPLE, documents_of_year, edit, meeting_papers, rename_meeting, run,
                      set_cell)


def build(sample, output, *args):
    """build-report without PDF: these tests are about the documents and the files."""
    return run("build-report", sample, "-o", output, "--no-pdf", *args)


def docx_names(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.docx"))


def test_the_default_quarter_is_the_latest_with_a_meeting(sample, tmp_path):
    result = build(sample, tmp_path)
    assert result.exit_code == 0, result.output
    assert docx_names(tmp_path) == sorted(
        ["2022/bao-cao-nam-2022.docx", "2022/ke-hoach-sinh-hoat-chuyen-de-2022.docx",
         "2022/quy-4/bao-cao-quy-4-2022.docx"]
        + [f"2022/{name}" for name in meeting_papers(4)])


def test_a_chosen_quarter_and_no_year_report_before_quarter_four(sample, tmp_path):
    build(sample, tmp_path, "--quarter", "2")
    assert docx_names(tmp_path) == sorted(
        ["2022/ke-hoach-sinh-hoat-chuyen-de-2022.docx", "2022/quy-2/bao-cao-quy-2-2022.docx"]
        + [f"2022/{name}" for name in meeting_papers(2)])


def test_an_unchanged_plan_is_not_written_again_nor_listed(sample, tmp_path):
    build(sample, tmp_path, "--quarter", "1")
    result = build(sample, tmp_path, "--quarter", "2")
    assert "ke-hoach" not in result.output
    assert "ke-hoach" in build(sample, tmp_path, "--all").output


def test_a_plan_paragraph_changed_after_a_build_rebuilds_the_plan(sample, tmp_path):
    import docx

    build(sample, tmp_path, "--quarter", "1")
    set_cell(sample, "Kế hoạch", "Nội dung", ("STT", 3), "Chuẩn bị kỹ nội dung trước mỗi buổi.")
    result = build(sample, tmp_path, "--quarter", "2")
    plan = tmp_path / "2022" / "ke-hoach-sinh-hoat-chuyen-de-2022.docx"
    assert "Đã ghi" in result.output and "ke-hoach-sinh-hoat-chuyen-de-2022.docx" in result.output
    assert "Chuẩn bị kỹ nội dung trước mỗi buổi." in [p.text for p in docx.Document(plan).paragraphs]


def test_a_corrected_meeting_of_an_earlier_quarter_rebuilds_its_built_minutes(sample, tmp_path):
    build(sample, tmp_path, "--quarter", "1")
    set_cell(sample, "Buổi sinh hoạt", "Địa điểm", ("Mã buổi", "2022-T01"), "Hội trường xã")
    result = build(sample, tmp_path, "--quarter", "2")
    assert "bien-ban-2022-T01.docx" in result.output
    assert "bien-ban-2022-T02.docx" not in result.output   # unchanged: not named


def test_the_summary_lists_every_file_written(sample, tmp_path):
    result = build(sample, tmp_path, "--quarter", "1")
    assert f"Đã ghi {len(meeting_papers(1)) + 2} văn bản:" in result.output
    for name in docx_names(tmp_path):
        assert name in result.output


def test_a_rebuild_with_nothing_changed_rewrites_nothing(sample, tmp_path):
    build(sample, tmp_path, "--all")
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.docx")}
    result = build(sample, tmp_path, "--all")
    assert f"Không thay đổi {documents_of_year()} văn bản:" in result.output, result.output
    assert stamps == {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.docx")}


def edit_in_word(path, text="Ý kiến bổ sung do bí thư ghi tay."):
    """What the secretary does in Word: a paragraph added, the file saved in place."""
    import docx

    document = docx.Document(path)
    document.add_paragraph(text)
    document.save(path)
    return path.read_bytes()


def test_a_document_edited_by_hand_stays_as_she_left_it(sample, tmp_path):
    build(sample, tmp_path, "--quarter", "1")
    minutes = tmp_path / "2022" / "quy-1" / "bien-ban-2022-Q1.docx"
    hers = edit_in_word(minutes)
    result = build(sample, tmp_path, "--quarter", "1")
    assert result.exit_code == 0
    assert minutes.read_bytes() == hers
    assert "Giữ nguyên bản đồng chí đã sửa 1 văn bản:" in result.output
    assert sorted(p.name for p in minutes.parent.glob("bien-ban-2022-Q1*")) == [minutes.name]
    assert not list(tmp_path.rglob("*sua-tay*"))


def test_a_workbook_change_under_her_edit_writes_the_new_version_beside_it(sample, tmp_path):
    build(sample, tmp_path, "--quarter", "1")
    minutes = tmp_path / "2022" / "quy-1" / "bien-ban-2022-Q1.docx"
    hers = edit_in_word(minutes)
    set_cell(sample, "Buổi sinh hoạt", "Địa điểm", ("Mã buổi", "2022-Q1"), "Hội trường xã")
    result = build(sample, tmp_path, "--quarter", "1")
    newer = minutes.with_name("bien-ban-2022-Q1-ban-moi.docx")
    assert minutes.read_bytes() == hers and newer.exists()
    import docx

    assert any("Hội trường xã" in p.text for p in docx.Document(newer).paragraphs)
    assert "Giữ bản đồng chí đã sửa, ghi bản mới bên cạnh 1 văn bản:" in result.output
    assert minutes.name in result.output and newer.name in result.output


def test_removing_the_new_version_keeps_her_choice(sample, tmp_path):
    build(sample, tmp_path, "--quarter", "1")
    minutes = tmp_path / "2022" / "quy-1" / "bien-ban-2022-Q1.docx"
    hers = edit_in_word(minutes)
    set_cell(sample, "Buổi sinh hoạt", "Địa điểm", ("Mã buổi", "2022-Q1"), "Hội trường xã")
    build(sample, tmp_path, "--quarter", "1")
    minutes.with_name("bien-ban-2022-Q1-ban-moi.docx").unlink()
    result = build(sample, tmp_path, "--quarter", "1")
    assert not minutes.with_name("bien-ban-2022-Q1-ban-moi.docx").exists()
    assert minutes.read_bytes() == hers and "Giữ nguyên bản đồng chí đã sửa" in result.output


def test_removing_her_version_takes_the_new_one(sample, tmp_path):
    build(sample, tmp_path, "--quarter", "1")
    minutes = tmp_path / "2022" / "quy-1" / "bien-ban-2022-Q1.docx"
    edit_in_word(minutes)
    set_cell(sample, "Buổi sinh hoạt", "Địa điểm", ("Mã buổi", "2022-Q1"), "Hội trường xã")
    build(sample, tmp_path, "--quarter", "1")
    newer = minutes.with_name("bien-ban-2022-Q1-ban-moi.docx").read_bytes()
    minutes.unlink()
    result = build(sample, tmp_path, "--quarter", "1")
    assert minutes.read_bytes() == newer
    assert not minutes.with_name("bien-ban-2022-Q1-ban-moi.docx").exists()
    assert "Đã ghi" in result.output


def test_a_document_open_in_word_is_named_and_the_others_are_written(sample, tmp_path):
    folder = tmp_path / "2022" / "quy-1"
    folder.mkdir(parents=True)
    (folder / "~$en-ban-2022-Q1.docx").write_bytes(b"owner")
    result = build(sample, tmp_path, "--quarter", "1")
    assert result.exit_code == 1
    assert "Không ghi được 1 văn bản:" in result.output and "bien-ban-2022-Q1.docx" in result.output
    assert "đang mở trong Word: hãy đóng tệp rồi chạy lại" in result.output
    assert (folder / "bao-cao-quy-1-2022.docx").exists()
    assert not (folder / "bien-ban-2022-Q1.docx").exists()


def test_errors_in_the_workbook_stop_the_build(sample, tmp_path):
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "ngày mai")
    result = build(sample, tmp_path, "--all")
    assert result.exit_code == 1
    assert "Buổi sinh hoạt!C" in result.output and "Chưa lập văn bản nào" in result.output
    assert docx_names(tmp_path) == []


def test_warnings_are_repeated_in_the_summary(sample, tmp_path):
    set_cell(sample, "Văn bản", "Số", ("Kỳ", "Quý 1"), None)
    result = build(sample, tmp_path, "--quarter", "1")
    assert result.exit_code == 0
    assert "Cảnh báo (1)" in result.output and "chưa có số" in result.output


def test_the_workbook_is_unchanged_by_a_build(sample, tmp_path):
    before = sample.read_bytes()
    for command in (["build-report", "--all"], ["plan"], ["minutes", "--quarter", "2"],
                    ["report", "--year"]):
        run(command[0], sample, *command[1:], "-o", tmp_path, "--no-pdf")
    assert sample.read_bytes() == before


def test_the_manifest_records_what_was_written(sample, tmp_path):
    import hashlib

    build(sample, tmp_path, "--quarter", "1")
    manifest = json.loads((tmp_path / ".chibo-manifest.json").read_text(encoding="utf-8"))
    for name in docx_names(tmp_path):
        digest = hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        assert manifest["files"][name]["sha256"] == digest


def test_no_temporary_file_is_left_behind(sample, tmp_path):
    build(sample, tmp_path, "--all")
    assert not [p for p in tmp_path.rglob(".chibo-*") if p.name != ".chibo-manifest.json"]


def test_a_meeting_id_cannot_lead_outside_the_output_folder(sample, tmp_path):
    rename_meeting(sample, "2022-Q1", "../../etc/passwd:\\Q1")
    output = tmp_path / "out"
    result = build(sample, output, "--quarter", "1")
    assert result.exit_code == 0, result.output
    written = [p.resolve() for p in tmp_path.rglob("*.docx")]
    assert all(p.is_relative_to(output.resolve()) for p in written)
    assert "2022/quy-1/bien-ban-etc-passwd-Q1.docx" in docx_names(output)


def test_a_workbook_with_no_meeting_yet_gets_its_plan(tmp_path):
    path = tmp_path / "so.xlsx"
    shutil.copyfile(SAMPLE, path)
    edit(path, lambda book: book["Buổi sinh hoạt"].delete_rows(2, 50))
    edit(path, lambda book: [book[s].delete_rows(2, 100) for s in
                             ("Vắng mặt", "Ý kiến", "Nhiệm vụ", "Văn bản", "Chấm điểm")])
    result = run("build-report", path, "-o", tmp_path / "out", "--today", "10/01/2022",
                 "--no-pdf")
    assert result.exit_code == 0, result.output
    assert "chỉ lập kế hoạch" in result.output
    assert docx_names(tmp_path / "out") == ["2022/ke-hoach-sinh-hoat-chuyen-de-2022.docx"]


def test_build_report_is_also_its_own_command(sample, tmp_path):
    import sys
    from pathlib import Path

    command = Path(sys.executable).parent / "build-report"  # the venv's entry point
    done = subprocess.run([str(command), str(sample), "-o",
                           str(tmp_path), "--quarter", "1", "--no-pdf"], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"Đã ghi {len(meeting_papers(1)) + 2} văn bản:" in done.stdout


def test_meetings_still_to_come_get_no_minutes_and_do_not_set_the_quarter(sample, tmp_path):
    """A secretary who types the year's schedule in advance gets documents of what was held."""
    result = build(sample, tmp_path, "--today", "20/05/2022")
    assert result.exit_code == 0, result.output
    names = docx_names(tmp_path)
    assert "2022/quy-2/bien-ban-2022-Q2.docx" in names
    assert not any("quy-3" in n or "quy-4" in n or "bao-cao-nam" in n for n in names)
    # the report of quarter 2 is dated 16/06/2022: it waits for its day
    assert "2022/quy-2/bao-cao-quy-2-2022.docx" not in names
    assert "Báo cáo quý 2 đề ngày 16/06/2022, sau hôm nay (20/05/2022)" in result.output


def test_names_are_printed_as_the_members_sheet_spells_them(sample, tmp_path):
    from chibo.workbook import sample as data

    secretary = data.SETTINGS["Bí thư"]
    set_cell(sample, "Buổi sinh hoạt", "Chủ trì", ("Mã buổi", "2022-Q1"),
             "  " + secretary.lower().replace(" ", "  ") + " ")
    build(sample, tmp_path, "--quarter", "1")
    import docx

    minutes = docx.Document(tmp_path / "2022" / "quy-1" / "bien-ban-2022-Q1.docx")
    signatures = [p.text for t in minutes.tables for c in t._cells for p in c.paragraphs]
    assert secretary in signatures and secretary.lower() not in signatures


def test_an_output_folder_that_is_a_file_is_a_clear_message(sample, tmp_path):
    (tmp_path / "tep").write_text("x")
    result = build(sample, tmp_path / "tep" / "con", "--quarter", "1")
    assert result.exit_code == 1
    assert "Lỗi không mong đợi" not in result.output
    assert "Không tạo được thư mục" in result.output and "trùng tên thư mục" in result.output


def test_a_lost_manifest_does_not_turn_identical_files_into_hand_edits(sample, tmp_path):
    build(sample, tmp_path, "--quarter", "1")
    (tmp_path / ".chibo-manifest.json").unlink()
    result = build(sample, tmp_path, "--quarter", "1")
    assert "đã sửa" not in result.output
    assert not list(tmp_path.rglob("*ban-moi*"))


def changed_under_her_edit(sample, tmp_path, place="Hội trường xã"):
    set_cell(sample, "Buổi sinh hoạt", "Địa điểm", ("Mã buổi", "2022-Q1"), place)
    return build(sample, tmp_path, "--quarter", "1")


def test_an_unchanged_new_version_is_not_written_again(sample, tmp_path):
    build(sample, tmp_path, "--quarter", "1")
    minutes = tmp_path / "2022" / "quy-1" / "bien-ban-2022-Q1.docx"
    edit_in_word(minutes)
    changed_under_her_edit(sample, tmp_path)
    newer = minutes.with_name("bien-ban-2022-Q1-ban-moi.docx")
    stamp = newer.stat().st_mtime_ns
    (newer.parent / f"~${newer.name[2:]}").write_bytes(b"owner")   # she has it open in Word
    result = build(sample, tmp_path, "--quarter", "1")
    assert result.exit_code == 0, result.output
    assert newer.stat().st_mtime_ns == stamp


def test_a_new_version_she_edited_is_hers_too(sample, tmp_path):
    build(sample, tmp_path, "--quarter", "1")
    minutes = tmp_path / "2022" / "quy-1" / "bien-ban-2022-Q1.docx"
    edit_in_word(minutes)
    changed_under_her_edit(sample, tmp_path)
    newer = minutes.with_name("bien-ban-2022-Q1-ban-moi.docx")
    hers_too = edit_in_word(newer, "Bản mới cũng được sửa.")
    changed_under_her_edit(sample, tmp_path, "Nhà văn hóa thôn")
    assert newer.read_bytes() == hers_too
    assert minutes.with_name("bien-ban-2022-Q1-ban-moi-2.docx").exists()


def test_a_damaged_manifest_makes_every_file_hers_and_nothing_fails(sample, tmp_path):
    for damage in ('{"files": []}', '{"files": {"2022/a.docx": 5}}', "không phải json"):
        build(sample, tmp_path, "--quarter", "1")
        (tmp_path / ".chibo-manifest.json").write_text(damage, encoding="utf-8")
        result = build(sample, tmp_path, "--quarter", "1")
        assert result.exit_code == 0, result.output
        assert "Lỗi không mong đợi" not in result.output


def test_a_manifest_that_is_a_folder_is_a_clear_message(sample, tmp_path):
    (tmp_path / ".chibo-manifest.json").mkdir(parents=True)
    result = build(sample, tmp_path, "--quarter", "1")
    assert result.exit_code == 1 and "Lỗi không mong đợi" not in result.output
    assert "thư mục trùng tên" in result.output


def test_a_full_disk_is_a_clear_message(sample, tmp_path, monkeypatch):
    import errno
    import os

    real = os.fdopen

    def full(handle, *args, **kwargs):
        stream = real(handle, *args, **kwargs)

        class Full:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                stream.close()

            def write(self, data):
                raise OSError(errno.ENOSPC, "No space left on device")

        return Full()

    monkeypatch.setattr(os, "fdopen", full)
    result = build(sample, tmp_path, "--quarter", "1")
    assert result.exit_code == 1
    assert "đã đầy" in result.output and "Lỗi không mong đợi" not in result.output


def test_init_to_a_folder_that_cannot_be_written_is_a_clear_message(tmp_path):
    import os

    locked = tmp_path / "chi-doc"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run("init", locked / "so.xlsx")
        if os.geteuid() == 0:   # root writes anywhere: a path through a file instead
            (tmp_path / "tep").write_text("x")
            result = run("init", tmp_path / "tep" / "so.xlsx")
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 1 and "Lỗi không mong đợi" not in result.output
    assert "Không tạo được thư mục" in result.output or "Không có quyền ghi" in result.output
