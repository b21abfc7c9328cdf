"""Odd paths get a message, never a traceback: folders she may not write or open, names and
paths longer than the system takes, a pipe named .xlsx, a new book under another kind's name,
click's own words."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import run

LONG_NAME = "a" * 300
DEEP = "/".join(["thu-muc-sau"] * 380)   # about 4.5 KB


def as_another_user(*args: str) -> subprocess.CompletedProcess:
    """chibo run without the power to pass over a folder's permissions — as the secretary's
    colleague would run it on her folder (root gives that power up through setpriv)."""
    command = [sys.executable, "-m", "chibo", *args]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv (util-linux) is needed to give up root's permissions")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    return subprocess.run(command, capture_output=True, text=True, env=os.environ.copy(),
                          timeout=120)


def said(result) -> str:
    text = getattr(result, "output", None) or (result.stdout + result.stderr)
    assert "Traceback" not in text and "Lỗi không mong đợi" not in text, text
    return text


def test_an_output_folder_she_may_not_write(sample, tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    output.chmod(0o555)
    result = as_another_user("build-report", str(sample), "-o", str(output), "--no-pdf")
    assert result.returncode == 1
    assert "Không có quyền ghi vào thư mục" in said(result)


def test_an_output_folder_she_may_not_open(sample, tmp_path):
    closed = tmp_path / "cua-nguoi-khac"
    closed.mkdir()
    closed.chmod(0)
    for command in (["build-report", str(sample), "-o", str(closed / "out"), "--no-pdf"],
                    ["status", str(sample), "-o", str(closed / "out")],
                    ["send", str(sample), "-o", str(closed / "out"), "--dry-run"],
                    ["init", str(closed / "so.xlsx")]):
        result = as_another_user(*command)
        assert result.returncode == 1, command
        assert "Không có quyền" in said(result), command


@pytest.mark.parametrize("command", [
    ["check", f"{LONG_NAME}.xlsx"], ["check", f"/tmp/{DEEP}/so.xlsx"],
    ["build-report", "{sample}", "-o", f"/tmp/{LONG_NAME}"],
    ["build-report", "{sample}", "-o", f"/tmp/{DEEP}", "--no-pdf"],
    ["init", f"{LONG_NAME}.xlsx"], ["init", f"/tmp/{DEEP}/so.xlsx"]])
def test_a_name_or_path_longer_than_the_system_takes(sample, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = run(*[str(sample) if part == "{sample}" else part for part in command])
    assert result.exit_code in (1, 2)
    assert "Tên tệp hoặc đường dẫn quá dài" in said(result)


def test_init_makes_only_xlsx(tmp_path):
    for name in ("so.csv", "so.xls"):
        result = run("init", tmp_path / name)
        assert result.exit_code == 1
        assert "chibo chỉ tạo sổ Excel (.xlsx)" in said(result)
        assert not (tmp_path / name).exists()


def test_clicks_words_are_vietnamese_whole(sample, tmp_path):
    quarter = said(run("build-report", sample, "--quarter", "abc"))
    assert "'abc' không phải số nguyên hợp lệ" in quarter and "integer" not in quarter
    assert "từ 1 đến 4" in said(run("build-report", sample, "--quarter", "9"))
    folder = said(run("status", sample, "-o", sample))
    assert "là một tệp, không phải thư mục" in folder and "Thư Mục" not in folder
