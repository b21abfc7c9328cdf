"""`chibo ui`, driven in a real Chromium (Debian's, through Playwright's executable_path): the
few journeys a secretary makes end to end. Every page and every refusal is tested in-process
in test_window_pages.py, where no browser is needed."""

import contextlib
import datetime as dt
import http.client
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import Inbox, free_port, set_cell, set_setting

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@contextlib.contextmanager
def serving(workbook, output, today=None, opener=lambda path: None):
    """A window served from a thread of this process: its address, then a clean stop."""
    from chibo.window.serving import start

    server, state, listener, address = start(workbook, output, 0, today, opener)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield state, address
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def opened():
    return []


@pytest.fixture
def window(sample, tmp_path, opened, monkeypatch):
    """The window on the sample, served from a thread of this process; files it would open
    with the system's programs are recorded instead."""
    for name in ("HOST", "PORT", "SECURITY", "USER", "PASSWORD", "FROM"):
        monkeypatch.delenv(f"CHIBO_SMTP_{name}", raising=False)
    monkeypatch.chdir(tmp_path)
    with serving(sample, tmp_path / "out", dt.date(2023, 3, 1), opened.append) as served:
        yield served


@pytest.fixture(scope="module")
def chromium():
    if CHROMIUM is None:
        pytest.skip(".ci/run installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, window):
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.goto(window[1])
    yield page
    context.close()


def raw(address, method="GET", path="/", headers=None, body=None):
    """A request as any other program on the machine could send it: (status, text)."""
    parts = urlparse(address)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request(method, path, body=body, headers=headers or {})
    answer = connection.getresponse()
    return answer.status, answer.read().decode("utf-8", "replace")


# --- the journeys -----------------------------------------------------------------------------

def test_a_mistake_saved_in_excel_shows_at_its_cell_and_goes_once_fixed(page, sample):
    assert "Chi bộ Mầm non Mỹ Hòa, năm 2022" in page.locator("header h1").inner_text()
    assert "Sổ hợp lệ" in page.locator("#trang").inner_text()
    assert "?token=" not in page.url   # the token became a cookie
    cell = set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "32/03/2022")
    problems = page.locator("#trang")
    problems.get_by_text(f"Buổi sinh hoạt!{cell}:").wait_for(timeout=10_000)
    assert "không phải ngày có thật" in problems.inner_text()
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "10/03/2022")
    problems.get_by_text("Sổ hợp lệ").wait_for(timeout=10_000)


def test_building_then_viewing_the_pdf_then_sending_it(page, sample, window):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is installed by .ci/run")
    from urllib.parse import urljoin

    from aiosmtpd.controller import Controller

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=free_port())
    server.start()
    try:
        set_setting(sample, "Máy chủ thư (SMTP)", "127.0.0.1")
        set_setting(sample, "Cổng", server.port)
        set_setting(sample, "Bảo mật", "Không")
        page.get_by_role("button", name="Lập văn bản").click()
        page.get_by_role("heading", name="Đã lập xong").wait_for(timeout=120_000)
        link = page.get_by_role("link", name="Xem PDF").first
        answer = page.request.get(urljoin(page.url, link.get_attribute("href")))
        assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
        assert answer.body().startswith(b"%PDF")
        page.goto(window[1].split("?")[0] + "gui?ky=4")
        assert "vanphong.danguy@example.vn" in page.locator("main").inner_text()
        page.get_by_role("button", name="Gửi thư").click()
        page.get_by_text("Đã gửi: vanphong.danguy@example.vn").wait_for(timeout=30_000)
        assert sorted(m["To"] for m in inbox.messages) == ["danguy.myhoa@example.vn",
                                                            "vanphong.danguy@example.vn"]
    finally:
        server.stop()


def test_choosing_a_book_from_the_folder(chromium, tmp_path, monkeypatch):
    shutil.copyfile(Path(__file__).parent.parent / "workbook" / "chibo.xlsx",
                    tmp_path / "so-2022.xlsx")
    monkeypatch.chdir(tmp_path)
    with serving(None, None) as (_, address):
        page = chromium.new_page()
        page.goto(address)
        assert page.get_by_role("button", name="Tạo sổ mới").is_visible()
        page.get_by_role("button", name="so-2022.xlsx").click()
        page.get_by_text("Chi bộ Mầm non Mỹ Hòa, năm 2022").wait_for(timeout=10_000)
        page.close()


def test_the_close_button_stops_chibo(page, window):
    page.get_by_role("button", name="Đóng chibo").click()
    page.get_by_text("chibo đã đóng").wait_for()


def test_sigterm_stops_the_window_cleanly(sample, tmp_path):
    command = [str(Path(sys.executable).parent / "chibo"), "ui", str(sample), "--no-browser",
               "-o", str(tmp_path / "out")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ))
    first = process.stdout.readline()
    assert first.startswith("http://127.0.0.1:") and "?token=" in first
    assert raw(first.strip(), path="/")[0] == 403   # serving
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) == 0


# --- a new secretary's year, on a 13-inch laptop at 125 % ---------------------------------------

LAPTOP = {"viewport": {"width": 1093, "height": 540}, "device_scale_factor": 1.25}


def test_a_new_2026_book_follows_every_save_and_says_when_excel_holds_it(chromium, tmp_path,
                                                                         monkeypatch):
    from test_window_year import excel_lock

    monkeypatch.chdir(tmp_path)
    with serving(None, None, opener=lambda path: None) as (_, address):
        context = chromium.new_context(locale="vi-VN", **LAPTOP)
        page = context.new_page()
        page.goto(address)
        page.get_by_role("button", name="Tạo sổ mới").click()
        page.get_by_text("Đã tạo sổ so-chi-bo-").wait_for()
        page.get_by_role("link", name="Về sổ").click()
        book = next(tmp_path.glob("so-chi-bo-*.xlsx"))
        heading = page.locator("#ten-so")
        assert heading.inner_text() == f"{book.stem}, năm {dt.date.today().year}"
        page.get_by_text("Sổ mới: việc cần ghi trước tiên").wait_for()
        set_setting(book, "Tên chi bộ", "Chi bộ Thôn Đông")
        page.get_by_text("Chi bộ Thôn Đông, năm").wait_for(timeout=10_000)   # no F5
        assert page.title().startswith("Chi bộ Thôn Đông")
        lock = excel_lock(book)
        page.evaluate("recheck(true)")   # what the poll does every two seconds, now
        page.get_by_text("Sổ đang mở trong Excel của Nguyễn Thị Hà").wait_for(timeout=10_000)
        assert page.get_by_role("button", name="Vẫn lập văn bản từ bản đã lưu").is_visible()
        lock.unlink()
        page.evaluate("recheck(true)")
        page.get_by_text("Sổ đang mở trong Excel").wait_for(state="detached", timeout=10_000)
        page.get_by_role("link", name="Đổi sổ").click()
        page.get_by_role("heading", name="Tạo sổ mới").wait_for()
        context.close()


def test_the_actions_come_first_whatever_the_warnings(chromium, sample, tmp_path, monkeypatch):
    from books import Book
    from chibo.workbook import sample as data

    book = Book()
    for meeting in data.ROWS["Buổi sinh hoạt"]:   # a warning a meeting: she is exempt
        book.append("Vắng mặt", {"Mã buổi": meeting["Mã buổi"], "Họ và tên": "Trương Thị Hoa"})
    book.save(sample)
    monkeypatch.chdir(tmp_path)
    with serving(sample, tmp_path / "out", dt.date(2022, 12, 1)) as (_, address):
        context = chromium.new_context(locale="vi-VN", **LAPTOP)
        page = context.new_page()
        page.goto(address)
        assert page.get_by_text("Cảnh báo (").count() and page.locator("li.warning").count() >= 13
        for control in (page.get_by_role("button", name="Lập văn bản"),
                        page.get_by_role("link", name="Gửi", exact=True),
                        page.get_by_role("link", name="Gửi giấy mời").first):
            box = control.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 540, control
        reminders = page.locator("details.nhac")
        assert reminders.count() == 1 and not reminders.locator("li").first.is_visible()
        context.close()
