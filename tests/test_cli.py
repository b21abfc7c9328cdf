"""The command line: what the secretary sees, and the exit codes scripts rely on."""

import json
import os
import subprocess
import sys

from conftest import SAMPLE, run, set_cell


def test_help_lists_the_commands_in_vietnamese():
    result = run("--help")
    assert result.exit_code == 0
    assert "check" in result.output and "init" in result.output
    assert "Kiểm tra sổ" in result.output


def test_check_prints_each_problem_as_sheet_and_cell(sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "15/15/2022")
    result = run("check", sample)
    assert result.exit_code == 1
    assert f"  Buổi sinh hoạt!{cell}: «Ngày»: «15/15/2022» không phải ngày có thật" in result.output
    assert "Lỗi (1) — phải sửa:" in result.output


def test_warnings_alone_exit_zero(sample):
    set_cell(sample, "Văn bản", "Số", ("Kỳ", "Quý 1"), None)
    result = run("check", sample, "--today", "01/03/2023")
    assert result.exit_code == 0
    assert "Cảnh báo (1) — nên xem lại:" in result.output and "Không có lỗi." in result.output


def test_json_gives_every_problem_as_data(sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Điểm", ("Mã buổi", "2022-Q1"), "chín mươi")
    set_cell(sample, "Văn bản", "Số", ("Kỳ", "Quý 1"), None)
    result = run("check", sample, "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert (data["errors"], data["warnings"]) == (1, 1)
    first = data["problems"][0]
    assert first == {"code": "wrong-type", "severity": "error", "sheet": "Buổi sinh hoạt",
                     "cell": cell, "message": "«Điểm»: «chín mươi» không phải số."}


def test_a_misused_command_line_exits_two(sample):
    assert run("check", sample, "--khong-co").exit_code == 2
    assert run("init").exit_code == 2


def test_an_unexpected_failure_is_a_message_not_a_traceback(sample, monkeypatch):
    import chibo.overview.today

    def broken(*args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(chibo.overview.today, "check_for_the_day", broken)
    result = run("check", sample)
    assert result.exit_code == 1
    assert "Lỗi không mong đợi" in result.output and "--debug" in result.output
    assert "Traceback" not in result.output


def test_the_installed_command_runs_as_a_real_process(tmp_path):
    bad = tmp_path / "chibo.xlsx"
    bad.write_text("không phải excel", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "chibo", "check", str(bad)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert "chỉ được đổi tên thành .xlsx" in done.stdout


def test_the_workbook_is_unchanged_by_every_command(sample, tmp_path):
    before = sample.read_bytes()
    for args in (["check", sample], ["check", sample, "--json"], ["init", sample],
                 ["init", tmp_path / "khac.xlsx", "--sample"]):
        run(*args)
    assert sample.read_bytes() == before


def test_output_to_a_file_is_utf8_whatever_the_code_page(tmp_path):
    """A Windows console in cp1252 cannot encode Vietnamese; redirected output must not fail."""
    env = dict(os.environ, PYTHONIOENCODING="cp1252", PYTHONUTF8="0")
    done = subprocess.run([sys.executable, "-m", "chibo", "check", str(SAMPLE)], env=env,
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Sổ hợp lệ" in done.stdout.decode("utf-8")
