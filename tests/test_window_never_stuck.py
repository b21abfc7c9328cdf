"""The window never freezes and never speaks English: malformed requests, pipes given as
books, two windows in one browser, a double click on «Gửi thư», the headers of every page."""

from __future__ import annotations

import datetime as dt
import http.client
import os
import re
import threading
import time

import pytest

from chibo.window.guard import COOKIE
from test_window import serving
from test_window_pages import PORT, finished, post, signed_in, window_on

ENGLISH = ("Internal Server Error", "Not Found", "Method Not Allowed", "Traceback")


@pytest.fixture
def client(sample, tmp_path, monkeypatch):
    for name in ("HOST", "PORT", "SECURITY", "USER", "PASSWORD", "FROM"):
        monkeypatch.delenv(f"CHIBO_SMTP_{name}", raising=False)
    window = window_on(sample, tmp_path / "out", tmp_path)
    window.output_folder()   # its output folder is number 0 in the links
    return signed_in(window)


def said(answer) -> str:
    assert not any(words in answer.text for words in ENGLISH), answer.text
    return answer.text


@pytest.mark.parametrize("path", [
    "/tep/0/%00", "/tep/0/a%00b.pdf", "/tep/0/" + "a" * 5000, "/tep/0/" + "thu-muc/" * 600,
    "/tep/%D9%A3/x.pdf", "/tep/%C2%B2/x.pdf", "/tep/99/x.pdf", "/tep/-1/x", "/khong-co",
    "/viec/khong-co-viec", "/gui?ky=quy-x", "/gui?ky=%00", "/dang-uy?thu_muc=%00",
    "/" + "x" * 5000])
def test_a_malformed_address_gets_a_vietnamese_answer(client, path):
    answer = client.get(path)
    assert answer.status_code in (200, 303, 404)
    said(answer)


def test_a_malformed_form_gets_a_vietnamese_answer(client):
    pages = []
    for path, fields in [("/lap", {"ky": "quy-x"}), ("/lap", {"ky": "quy-9"}),
                         ("/dang-uy", {"quy": "abc"}), ("/dang-uy", {"quy": "²"}),
                         ("/mo", {"tep": "0/\x00"}), ("/giu", {"tep": "\x00" * 10}),
                         ("/tao", {"ten": "so-moi.xlsx", "nam": "hai nghìn"})]:
        answer = post(client, path, fields)
        assert answer.status_code in (200, 204, 303), (path, answer.status_code)
        pages.append(said(client.get(answer.headers["location"]) if answer.status_code == 303
                          else answer))
    assert "Không có kỳ «quy-9» để lập" in pages[1]
    assert "Không có kỳ «abc»" in pages[2]


def test_a_year_typed_in_words_gets_a_sentence(client):
    page = said(post(client, "/tao", {"ten": "so-moi.xlsx", "nam": "hai nghìn"}))
    assert "Năm «hai nghìn» không phải một năm" in page and "invalid literal" not in page


def test_a_folder_or_a_pipe_chosen_as_the_book_is_named_as_such(client, tmp_path):
    folder = said(post(client, "/chon", {"duong_dan": str(tmp_path)}))
    assert f"{tmp_path} là một thư mục" in folder
    pipe = tmp_path / "so-chi-bo.xlsx"
    os.mkfifo(pipe)
    page = said(post(client, "/chon", {"duong_dan": str(pipe)}))
    assert "không phải một tệp thường" in page


def test_a_pipe_named_xlsx_is_not_read_by_check(tmp_path):
    from conftest import run

    pipe = tmp_path / "so.xlsx"
    os.mkfifo(pipe)
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(run("check", pipe)), daemon=True)
    worker.start()
    worker.join(20)
    assert outcome, "check never returned"
    assert outcome[0].exit_code == 1 and "không phải một tệp thường" in outcome[0].output


def test_a_quarter_with_no_meeting_yet_is_said_not_built(sample, tmp_path):
    client = signed_in(window_on(sample, tmp_path / "out", tmp_path, dt.date(2022, 5, 15)))
    page = finished(client, post(client, "/lap", {"ky": "quy-4"}))
    assert "Quý 4/2022 chưa có buổi sinh hoạt nào đã diễn ra" in page
    assert "Đã lập xong" not in page


def test_every_page_keeps_to_itself(client):
    answer = client.get("/")
    policy = answer.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert f'<script nonce="{nonce}">' in answer.text and f'<style nonce="{nonce}">' in answer.text
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert " onclick=" not in answer.text   # the policy would stop an inline handler
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert client.get("/").headers["content-security-policy"] != policy   # a nonce per page
    refused = client.get("/tep/0/khong-co.pdf")
    assert refused.headers["x-frame-options"] == "DENY"


def test_two_windows_in_one_browser_keep_their_own_sessions(sample, tmp_path):
    first = signed_in(window_on(sample, tmp_path / "out", tmp_path))
    cookie = first.cookies.get(f"{COOKIE}_{PORT}")
    assert cookie
    # the other window's cookie in the same browser (cookies do not tell ports apart)
    first.cookies.set(f"{COOKIE}_{PORT + 1}", "phien-cua-cua-so-kia")
    assert first.get("/").status_code == 200 and "chibo" in first.get("/").text


def test_a_double_click_on_gui_thu_sends_once(client, sample, mail_server):
    from conftest import run

    output = client.app.state.window.output
    assert run("build-report", sample, "--all", "--no-pdf", "-o", output).exit_code == 0
    preview = client.get("/gui", params={"ky": "4"}).text
    once = re.search(r'name="lan" value="([^"]+)"', preview).group(1)
    assert "data-once" in preview
    mail_server.reply_after = 0.3
    first = post(client, "/gui", {"ky": "4", "lan": once})
    second = post(client, "/gui", {"ky": "4", "lan": once})
    assert first.headers["location"] == second.headers["location"]
    finished(client, first)
    assert sorted(m["To"] for m in mail_server.messages) == ["danguy.myhoa@example.vn",
                                                              "vanphong.danguy@example.vn"]


def test_a_slow_page_does_not_hold_up_the_others(sample, tmp_path, monkeypatch):
    import chibo.window.state as state

    reading = threading.Event()
    real = state.open_checked

    def checked_slowly(path, today):
        reading.set()
        time.sleep(3)
        return real(path, today)

    with serving(sample, tmp_path / "out", dt.date(2023, 3, 1)) as (window, address):
        def visit(path: str, cookie: str = "") -> tuple[http.client.HTTPResponse, float]:
            connection = http.client.HTTPConnection("127.0.0.1", window.port, timeout=20)
            started = time.monotonic()
            connection.request("GET", path, headers={"Cookie": cookie})
            answer = connection.getresponse()
            answer.read()
            return answer, time.monotonic() - started

        signed, _ = visit(f"/?token={window.token}")
        cookie = signed.getheader("set-cookie").split(";")[0]
        monkeypatch.setattr(state, "open_checked", checked_slowly)
        window._stamp = ()   # the book is read again at its next page
        threading.Thread(target=visit, args=("/", cookie), daemon=True).start()
        assert reading.wait(10)
        answer, seconds = visit("/so", cookie)   # another page, while the book is read
        assert answer.status == 200 and seconds < 1.5
