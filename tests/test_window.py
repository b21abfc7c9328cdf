"""`chibo ui`, driven in a real Chromium (Debian's, through Playwright's executable_path):
what the secretary sees, and every refusal of a request that is not hers."""

import contextlib
import hashlib
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

from conftest import set_cell, set_setting
from test_send import Inbox, free_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=".ci/run installs Debian's chromium")


@contextlib.contextmanager
def serving(workbook, output, today=None, opener=lambda path: None):
    """A window served from a thread of this process: its address, then a clean stop."""
    from chibo.window import start

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
    import datetime as dt

    for name in ("HOST", "PORT", "SECURITY", "USER", "PASSWORD", "FROM"):
        monkeypatch.delenv(f"CHIBO_SMTP_{name}", raising=False)
    monkeypatch.chdir(tmp_path)
    with serving(sample, tmp_path / "out", dt.date(2023, 3, 1), opened.append) as served:
        yield served


@pytest.fixture(scope="module")
def chromium():
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


# --- what the secretary sees ------------------------------------------------------------------

def test_the_first_screen_names_the_cell_and_its_year(page):
    assert "Chi bộ Mầm non Mỹ Hòa, năm 2022" in page.locator("header h1").inner_text()
    assert "Sổ hợp lệ" in page.locator("#van-de").inner_text()
    assert "?token=" not in page.url   # the token became a cookie


def test_a_problem_saved_into_the_workbook_appears_at_its_cell_and_goes_when_fixed(page, sample):
    cell = set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "32/03/2022")
    problems = page.locator("#van-de")
    problems.get_by_text(f"Buổi sinh hoạt!{cell}:").wait_for(timeout=10_000)
    assert "không phải ngày có thật" in problems.inner_text()
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "10/03/2022")
    problems.get_by_text("Sổ hợp lệ").wait_for(timeout=10_000)


def test_building_lists_documents_whose_pdf_link_serves_a_real_pdf(page):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is installed by .ci/run")
    page.get_by_role("button", name="Lập văn bản").click()
    page.get_by_role("heading", name="Đã lập xong").wait_for(timeout=120_000)
    link = page.get_by_role("link", name="Xem PDF").first
    from urllib.parse import urljoin

    answer = page.request.get(urljoin(page.url, link.get_attribute("href")))
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    assert answer.body().startswith(b"%PDF")


def test_word_and_the_folder_open_with_the_systems_programs(page, opened):
    page.get_by_role("button", name="Lập văn bản").click()
    page.get_by_role("heading", name="Đã lập xong").wait_for(timeout=120_000)
    page.get_by_role("button", name="Mở bằng Word").first.click()
    page.wait_for_timeout(500)
    assert opened and opened[-1].suffix == ".docx"


def test_the_send_preview_then_a_send_delivered_and_recorded(page, sample, window):
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
        page.goto(window[1].split("?")[0] + "gui?quy=4")
        preview = page.locator("main").inner_text()
        assert "danguy.myhoa@example.vn" in preview and "vanphong.danguy@example.vn" in preview
        page.get_by_role("button", name="Gửi thư").click()
        page.get_by_text("Đã gửi: vanphong.danguy@example.vn").wait_for(timeout=30_000)
        assert sorted(m["To"] for m in inbox.messages) == ["danguy.myhoa@example.vn",
                                                            "vanphong.danguy@example.vn"]
    finally:
        server.stop()


def test_the_workbook_is_never_written(page, sample):
    before = hashlib.sha256(sample.read_bytes()).hexdigest()
    page.get_by_role("button", name="Kiểm tra lại").click()
    page.get_by_role("button", name="Lập văn bản").click()
    page.get_by_role("heading", name="Đã lập xong").wait_for(timeout=120_000)
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == before


def test_without_a_workbook_the_window_offers_to_choose_or_create_one(chromium, tmp_path,
                                                                       monkeypatch):
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


# --- the door stays shut ------------------------------------------------------------------------

def test_without_the_token_everything_is_refused(window):
    status, text = raw(window[1], path="/")
    assert status == 403 and "token" in text
    assert raw(window[1], path="/?token=sai")[0] == 403


def test_a_foreign_host_is_refused(window):
    port = urlparse(window[1]).port
    status, _ = raw(window[1], path=window[1].split(str(port))[1],
                    headers={"Host": f"chibo.example.vn:{port}"})
    assert status == 403


def session_of(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "chibo_phien")


def test_the_session_cookie_is_httponly_and_strict(page):
    cookie = next(c for c in page.context.cookies() if c["name"] == "chibo_phien")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"


def test_a_replayed_post_without_the_session_is_refused(window, opened):
    status, _ = raw(window[1], "POST", "/mo-so", {"Content-Type": "application/x-www-form-urlencoded"},
                    "csrf=x")
    assert status == 403 and not opened


def test_a_post_without_the_csrf_token_is_refused(page, window, opened):
    status, _ = raw(window[1], "POST", "/mo-so",
                    {"Cookie": f"chibo_phien={session_of(page)}",
                     "Content-Type": "application/x-www-form-urlencoded"}, "csrf=khong-dung")
    assert status == 403 and not opened


def test_a_post_from_another_origin_is_refused(page, window, opened):
    csrf = page.locator("input[name=csrf]").first.get_attribute("value")
    status, _ = raw(window[1], "POST", "/mo-so",
                    {"Cookie": f"chibo_phien={session_of(page)}", "Origin": "http://evil.example",
                     "Content-Type": "application/x-www-form-urlencoded"}, f"csrf={csrf}")
    assert status == 403 and not opened
    status, _ = raw(window[1], "POST", "/mo-so",
                    {"Cookie": f"chibo_phien={session_of(page)}", "Origin": window[1].split("/?")[0],
                     "Content-Type": "application/x-www-form-urlencoded"}, f"csrf={csrf}")
    assert status == 303 and opened   # the same request from the window itself is served


def test_files_are_served_only_from_the_output_folder(page, window):
    base = window[1].split("/?")[0]
    for path in ("/tep/0/../../../etc/passwd", "/tep/0/..%2F..%2Fchibo.xlsx", "/tep/9/x.pdf"):
        assert page.request.get(base + path).status == 404, path


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


def test_a_workbook_with_problems_opens_on_them(chromium, sample, tmp_path, monkeypatch):
    """The first screen of a workbook that already has problems lists them at once."""
    cell = set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "32/03/2022")
    monkeypatch.chdir(tmp_path)
    with serving(sample, tmp_path / "out") as (_, address):
        page = chromium.new_page()
        page.goto(address)
        assert f"Buổi sinh hoạt!{cell}:" in page.locator("#van-de").inner_text()
        page.close()


def test_a_scheduled_meeting_has_its_invitations_sent_from_the_window(chromium, sample, tmp_path,
                                                                      monkeypatch):
    import datetime as dt

    from aiosmtpd.controller import Controller

    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    set_setting(sample, "Máy chủ thư (SMTP)", "127.0.0.1")
    set_setting(sample, "Cổng", smtp.port)
    set_setting(sample, "Bảo mật", "Không")
    monkeypatch.chdir(tmp_path)
    try:
        with serving(sample, tmp_path / "out", dt.date(2022, 5, 15)) as (_, address):
            page = chromium.new_page()
            page.goto(address)
            page.get_by_role("link", name="Gửi giấy mời").first.click()
            assert "de-cuong-quy-2.docx" in page.locator("main").inner_text()
            page.get_by_role("button", name="Gửi giấy mời").click()
            page.get_by_text("Đã gửi: vanhung.tran@example.vn").wait_for(timeout=30_000)
            assert any(m["To"] == "vanhung.tran@example.vn" for m in inbox.messages)
            page.close()
    finally:
        smtp.stop()
