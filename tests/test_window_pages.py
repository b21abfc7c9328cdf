"""The window's pages and its guard, tested in-process through Starlette's TestClient (no
browser, no server): what each page shows, what each form does, and every refusal."""

import datetime as dt
import hashlib
import re
import time

import pytest
from starlette.testclient import TestClient

from chibo.window.app import create_app
from chibo.window.state import Window
from conftest import run, set_cell

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
ORIGIN = {"Origin": BASE}


def window_on(workbook, output, start_folder, today=dt.date(2023, 3, 1)) -> Window:
    window = Window(PORT, "ma-phien", start_folder, output=output, fixed_today=today)
    window.opener = window.__dict__.setdefault("opened", []).append
    if workbook is not None:
        window.choose(workbook)
    return window


def signed_in(window: Window) -> TestClient:
    """A browser tab that opened the address chibo printed: its session cookie set."""
    client = TestClient(create_app(window), base_url=BASE)
    assert client.get("/?token=ma-phien").status_code == 200
    return client


def csrf(client: TestClient) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)


def post(client: TestClient, path: str, data=None, **headers):
    fields = {"csrf": csrf(client), **(data or {})}
    if path.startswith(("/gui", "/moi/")) and "lan" not in fields:   # sent from its preview
        fields["lan"] = preview_of(client, path, fields)
    return client.post(path, data=fields, headers={**ORIGIN, **headers}, follow_redirects=False)


def preview_of(client: TestClient, path: str, fields: dict) -> str:
    """The one-time mark of the preview a send is made from."""
    query = {k: fields[k] for k in ("ky", "gui_lai") if k in fields}
    page = client.get(path, params=query).text
    found = re.search(r'name="lan" value="([^"]*)"', page)
    return found.group(1) if found else ""


def finished(client: TestClient, answer) -> str:
    """The page of a job once it is done (the page polls; so does the test)."""
    location = answer.headers["location"]
    for _ in range(600):
        page = client.get(location).text
        if "Đang " not in page:
            return page
        time.sleep(0.1)
    raise AssertionError("the job did not finish")


@pytest.fixture
def window(sample, tmp_path, monkeypatch):
    for name in ("HOST", "PORT", "SECURITY", "USER", "PASSWORD", "FROM"):
        monkeypatch.delenv(f"CHIBO_SMTP_{name}", raising=False)
    return window_on(sample, tmp_path / "out", tmp_path)


@pytest.fixture
def client(window):
    return signed_in(window)


# --- what the secretary sees ------------------------------------------------------------------

def test_the_first_screen_names_the_cell_its_year_and_a_clean_book(client):
    page = client.get("/").text
    assert "Chi bộ Mầm non Mỹ Hòa, năm 2022" in page and "Sổ hợp lệ" in page
    assert "Tình hình cả năm" in page


def test_a_saved_mistake_appears_at_its_cell_and_goes_when_fixed(client, sample):
    first = client.get("/trang").json()
    cell = set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "32/03/2022")
    answer = client.get("/trang").json()
    assert answer["version"] > first["version"]
    assert f"Buổi sinh hoạt!{cell}:" in answer["html"] and "không phải ngày có thật" in answer["html"]
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "10/03/2022")
    assert "Sổ hợp lệ" in client.get("/trang").json()["html"]


def test_the_book_is_checked_once_until_it_changes(client, window):
    client.get("/")
    version = window.version
    for path in ("/", "/trang", "/gui"):
        client.get(path)
    assert window.version == version


def test_building_writes_the_documents_and_lists_them(client, window, monkeypatch):
    monkeypatch.setenv("CHIBO_SOFFICE", "/khong/co/soffice")   # the Word files alone, quickly
    page = finished(client, post(client, "/lap", {"ky": "ca-nam"}))
    assert "Đã lập xong" in page and "Báo cáo năm 2022" in page
    assert "Chưa tạo PDF" in page and "Mở bằng Word" in page
    assert (window.output / "2022" / "bao-cao-nam-2022.docx").is_file()


def test_the_workbook_is_never_written(client, sample, monkeypatch):
    monkeypatch.setenv("CHIBO_SOFFICE", "/khong/co/soffice")
    before = hashlib.sha256(sample.read_bytes()).hexdigest()
    finished(client, post(client, "/lap", {"ky": "quy-4"}))
    post(client, "/mo-so")
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == before


def test_word_and_the_folder_open_with_the_systems_programs(client, window, monkeypatch):
    monkeypatch.setenv("CHIBO_SOFFICE", "/khong/co/soffice")
    page = finished(client, post(client, "/lap", {"ky": "ke-hoach"}))
    reference = re.search(r'data-post="/mo" data-tep="([^"]+)"', page).group(1)
    assert post(client, "/mo", {"tep": reference}).status_code == 204
    assert post(client, "/mo", {"tep": reference, "thu_muc": "c"}).status_code == 204
    assert [p.suffix for p in window.opened] == [".docx", ""]


def test_the_send_preview_then_a_send_delivered_and_recorded(client, sample, mail_server):
    assert run("build-report", sample, "--all", "--no-pdf", "-o",
               client.app.state.window.output).exit_code == 0
    preview = client.get("/gui?ky=4").text
    assert "danguy.myhoa@example.vn" in preview and "vanphong.danguy@example.vn" in preview
    page = finished(client, post(client, "/gui", {"ky": "4"}))
    assert "Đã gửi: vanphong.danguy@example.vn" in page
    assert sorted(m["To"] for m in mail_server.messages) == ["danguy.myhoa@example.vn",
                                                              "vanphong.danguy@example.vn"]
    assert "Không có văn bản mới để gửi" in client.get("/gui?ky=4").text


def test_a_scheduled_meeting_has_its_invitations_sent(sample, tmp_path, mail_server):
    client = signed_in(window_on(sample, tmp_path / "out", tmp_path, dt.date(2022, 5, 15)))
    link = re.search(r'href="(/moi/[^"]+)"', client.get("/").text).group(1)
    assert "de-cuong-quy-2.docx" in client.get(link).text
    page = finished(client, post(client, link))
    assert "Đã gửi: vanhung.tran@example.vn" in page
    assert any(m["To"] == "vanhung.tran@example.vn" for m in mail_server.messages)


def test_without_a_workbook_the_window_offers_to_choose_or_create_one(sample, tmp_path):
    (tmp_path / "so-2022.xlsx").write_bytes(sample.read_bytes())
    client = signed_in(window_on(None, None, tmp_path))
    page = client.get("/").text
    assert "Tạo sổ mới" in page and "so-2022.xlsx" in page
    answer = post(client, "/chon", {"duong_dan": str(tmp_path / "so-2022.xlsx")})
    assert answer.status_code == 303
    assert "Chi bộ Mầm non Mỹ Hòa, năm 2022" in client.get("/").text


def test_a_new_book_is_made_and_opened_in_excel(tmp_path):
    window = window_on(None, None, tmp_path)
    client = signed_in(window)
    made = post(client, "/tao", {"ten": "so-moi.xlsx", "nam": "2026"}).text
    assert "Đã tạo sổ so-moi.xlsx" in made and "đọc trang «Hướng dẫn»" in made
    assert (tmp_path / "so-moi.xlsx").is_file() and window.opened == [tmp_path / "so-moi.xlsx"]
    page = client.get("/").text
    assert "so-moi, năm 2026" in page   # no cell name yet: the file's name, never «None»
    assert "Sổ mới: việc cần ghi trước tiên" in page and "«Tên chi bộ»" in page


def test_the_commune_page_summarises_a_folder(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("CHIBO_SOFFICE", "/khong/co/soffice")
    folder = tmp_path / "xa"
    folder.mkdir()
    (folder / "mam-non.xlsx").write_bytes(sample.read_bytes())
    from test_summary import committee_workbook

    committee_workbook(folder / "dang-uy.xlsx")
    client = signed_in(window_on(sample, tmp_path / "out", tmp_path))
    assert "Tổng hợp sổ của các chi bộ" in client.get("/dang-uy").text
    page = finished(client, post(client, "/dang-uy", {"thu_muc": str(folder), "quy": "nam"}))
    assert "Tổng hợp sinh hoạt chuyên đề năm 2022: 1 sổ" in page and "mam-non.xlsx" in page


def test_the_close_button_stops_chibo(client, window):
    stopped = []
    window.stop = lambda: stopped.append(True)
    assert "chibo đã đóng" in post(client, "/dong").text and stopped


# --- the door stays shut ------------------------------------------------------------------------

def test_without_the_token_everything_is_refused(window):
    stranger = TestClient(create_app(window), base_url=BASE)
    answer = stranger.get("/")
    assert answer.status_code == 403 and "token" in answer.text
    assert stranger.get("/?token=sai").status_code == 403
    assert stranger.post("/mo-so", data={"csrf": "x"}, headers=ORIGIN).status_code == 403


def test_a_foreign_host_is_refused(window):
    client = TestClient(create_app(window), base_url=f"http://chibo.example.vn:{PORT}")
    assert client.get("/?token=ma-phien").status_code == 403


def test_the_session_cookie_is_httponly_and_strict(window):
    answer = TestClient(create_app(window), base_url=BASE).get("/?token=ma-phien",
                                                                follow_redirects=False)
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_a_post_without_the_csrf_token_is_refused(client, window):
    answer = client.post("/mo-so", data={"csrf": "khong-dung"}, headers=ORIGIN)
    assert answer.status_code == 403 and not window.opened


def test_a_post_from_another_origin_is_refused(client, window):
    assert post(client, "/mo-so", Origin="http://evil.example").status_code == 403
    assert not window.opened
    assert post(client, "/mo-so").status_code == 303 and window.opened


def test_a_post_without_an_origin_is_refused_unless_the_window_referred_it(client, window):
    token = csrf(client)
    bare = client.post("/mo-so", data={"csrf": token}, follow_redirects=False)
    assert bare.status_code == 403 and not window.opened
    elsewhere = client.post("/mo-so", data={"csrf": token}, follow_redirects=False,
                            headers={"Referer": "http://evil.example/"})
    assert elsewhere.status_code == 403 and not window.opened
    referred = client.post("/mo-so", data={"csrf": token}, follow_redirects=False,
                           headers={"Referer": BASE + "/"})
    assert referred.status_code == 303 and window.opened


def test_the_csrf_token_may_come_in_its_header(client, window):
    answer = client.post("/mo-so", headers={**ORIGIN, "X-CSRF-Token": csrf(client)},
                         follow_redirects=False)
    assert answer.status_code == 303 and window.opened


def test_files_are_served_only_from_the_output_folder(client, window, monkeypatch):
    monkeypatch.setenv("CHIBO_SOFFICE", "/khong/co/soffice")
    finished(client, post(client, "/lap", {"ky": "ke-hoach"}))
    assert client.get("/tep/0/2022/ke-hoach-sinh-hoat-chuyen-de-2022.docx").status_code == 200
    for path in ("/tep/0/../../../etc/passwd", "/tep/0/..%2F..%2Fchibo.xlsx", "/tep/9/x.pdf",
                 "/tep/x/y.pdf", "/tep/0/2022/khong-co.docx"):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert '<a href="/">Về trang sổ</a>' in answer.text, path   # a page with the way back
    assert "Không có tệp này" in client.get("/tep/0/2022/khong-co.docx").text
