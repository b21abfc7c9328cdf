"""The window the whole year long (in-process, through Starlette's TestClient): the whole page
follows each save, the book open in Excel is said before she builds, the ways around the
house, a new year and the Đảng ủy's book made from the window, sending without dead ends,
and her choice between two versions of a document."""

import datetime as dt
import os
import re
import shutil
import time

import docx
import pytest

from conftest import Inbox, free_port, run, set_cell, set_setting
from test_window_pages import finished, post, signed_in, window_on

NO_PDF = "/khong/co/soffice"   # the Word files alone, quickly


def text_of(html: str) -> str:
    """A page as a person reads it: tags gone, spaces folded."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def client(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("CHIBO_SOFFICE", NO_PDF)
    for name in ("HOST", "PORT", "SECURITY", "USER", "PASSWORD", "FROM"):
        monkeypatch.delenv(f"CHIBO_SMTP_{name}", raising=False)
    return signed_in(window_on(sample, tmp_path / "out", tmp_path))


def live(client) -> dict:
    return client.get("/trang").json()


# --- 1. the whole page follows the book ----------------------------------------------------

def test_after_a_save_the_title_the_year_table_and_the_to_do_list_follow(client, sample):
    first = live(client)
    assert first["heading"] == "Chi bộ Mầm non Mỹ Hòa, năm 2022"
    set_setting(sample, "Tên chi bộ", "Chi bộ Mẫu giáo Hoa Sen")
    set_cell(sample, "Chuyên đề", "Tên chuyên đề", ("Quý", 3), "Bảo đảm an toàn cho trẻ")
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-Q1"), "32/03/2022")
    answer = live(client)
    assert answer["version"] > first["version"]
    assert answer["heading"] == "Chi bộ Mẫu giáo Hoa Sen, năm 2022"
    page = text_of(answer["html"])
    assert "3 Bảo đảm an toàn cho trẻ" in page
    errors = int(re.search(r"Lỗi \((\d+)\)", page).group(1))
    assert f"Sổ có {errors} lỗi cần sửa trước khi lập văn bản." in page


def test_a_meeting_moved_into_the_past_leaves_the_upcoming_list(sample, tmp_path):
    client = signed_in(window_on(sample, tmp_path / "out", tmp_path, dt.date(2022, 12, 1)))
    assert "/moi/2022-KD" in live(client)["html"]
    set_cell(sample, "Buổi sinh hoạt", "Ngày", ("Mã buổi", "2022-KD"), dt.datetime(2022, 11, 29))
    assert "/moi/2022-KD" not in live(client)["html"]


# --- 2. the book open in Excel, said at once -----------------------------------------------

def excel_lock(book, owner: str = "Nguyễn Thị Hà"):
    """The owner file Excel keeps beside an open book: the name, its length first, and again
    in UTF-16 at byte 54."""
    encoded = owner.encode("cp1252", "replace")
    data = bytes([len(encoded)]) + encoded
    data = data.ljust(54, b" ") + bytes([len(owner), 0]) + owner.encode("utf-16-le")
    lock = book.with_name("~$" + book.name)
    lock.write_bytes(data.ljust(165, b"\0"))
    os.utime(lock, (time.time() - 3 * 86400,) * 2)   # left three days ago
    return lock


def test_the_open_book_is_said_before_she_builds_and_she_may_build_anyway(client, sample):
    lock = excel_lock(sample)
    page = text_of(client.get("/").text)
    since = dt.datetime.fromtimestamp(lock.stat().st_mtime)
    assert (f"Sổ đang mở trong Excel của Nguyễn Thị Hà, từ {since:%H:%M} ngày {since:%d/%m/%Y}"
            in page)
    assert "Vẫn lập văn bản từ bản đã lưu" in page
    stopped = text_of(finished(client, post(client, "/lap", {"ky": "ke-hoach"})))
    assert "Chưa lập văn bản nào: sổ đang mở." in stopped and "Vẫn lập văn bản" in stopped
    built = text_of(finished(client, post(client, "/lap", {"ky": "ke-hoach", "van_lap": "c"})))
    assert "Đã lập xong" in built and "Kế hoạch sinh hoạt chuyên đề năm 2022" in built


def test_a_libreoffice_lock_names_its_owner():
    from chibo.files import lock_owner

    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    lock = folder / ".~lock.so.xlsx#"
    lock.write_text("Lê Thị Ánh,MAY-CHI-BO,Lê Thị Ánh,01.12.2026 08:15,file:///C:/so.xlsx;",
                    encoding="utf-8")
    assert lock_owner(lock) == "Lê Thị Ánh"


# --- 3. ways around the house ----------------------------------------------------------------

def test_from_any_page_back_to_choosing_a_book(client, sample):
    for path in ("/", "/gui", "/dang-uy"):
        assert 'href="/so"' in client.get(path).text
    chooser = text_of(client.get("/so").text)
    assert "Về sổ đang mở (chibo.xlsx)" in chooser and "Tạo sổ mới" in chooser
    assert "chibo.xlsx Chi bộ Mầm non Mỹ Hòa, năm 2022" in chooser


def test_a_restart_opens_the_book_used_last(sample, tmp_path):
    from chibo.window.serving import start

    window_on(sample, tmp_path / "out", tmp_path)   # she chose it: remembered
    server, window, listener, _ = start(None, None)
    listener.close()
    assert window.workbook == sample.resolve()


def test_a_second_start_opens_the_running_window(sample, tmp_path):
    from chibo.window.serving import _remember_running, serve
    from test_window import serving

    with serving(sample, tmp_path / "out") as (state, address):
        _remember_running(state)
        said = []
        serve(None, None, 0, browser=False, announce=said.append)
        assert said == [address]


def test_chibo_ui_help_prints_help_and_starts_nothing(monkeypatch, capsys):
    import sys

    from chibo.cli import ui_main

    monkeypatch.setattr(sys, "argv", ["chibo-ui", "--help"])
    with pytest.raises(SystemExit) as stopped:
        ui_main()
    assert stopped.value.code == 0
    assert "Mở cửa sổ chibo trong trình duyệt" in capsys.readouterr().out


# --- 4. a new year from the window -----------------------------------------------------------

def test_a_new_year_is_carried_from_a_book_chosen_in_a_list_and_says_what_it_carried(
        sample, tmp_path):
    set_cell(sample, "Căn cứ", "Trích yếu", ("STT", 2), "Kế hoạch sinh hoạt chuyên đề năm 2022")
    set_cell(sample, "Đảng viên", "Ngày chuyển đi", ("Họ và tên", "Hồ Văn Tuấn"),
             dt.datetime(2022, 10, 1))
    window = window_on(None, None, sample.parent)
    client = signed_in(window)
    chooser = client.get("/so").text
    option = re.search(r'<option value="([^"]+chibo\.xlsx)" data-ten="([^"]+)" data-nam="(\d+)"',
                       chooser)
    assert option and option.group(3) == "2023" and option.group(2) == "so-chi-bo-2023.xlsx"
    made = text_of(post(client, "/tao", {"tu_so": option.group(1), "ten": option.group(2),
                                         "nam": option.group(3)}).text)
    assert "Đã tạo sổ so-chi-bo-2023.xlsx" in made and "Từ sổ chibo.xlsx" in made
    assert "14 đảng viên (không chép 1 đồng chí đã chuyển đi: Hồ Văn Tuấn)" in made
    assert "là văn bản của năm 2022: nhớ thay bằng văn bản của năm 2023 ở trang Căn cứ" in made
    assert "Ngô Thị Phương Thảo là đảng viên dự bị" in made
    assert window.opened == [sample.parent / "so-chi-bo-2023.xlsx"]


# --- 5. the Đảng ủy's page stands alone --------------------------------------------------------

def test_the_dang_uy_page_makes_its_own_workbook_then_sums(sample, tmp_path):
    folder = tmp_path / "xa"
    folder.mkdir()
    shutil.copyfile(sample, folder / "mam-non.xlsx")
    window = window_on(None, None, folder)
    client = signed_in(window)
    page = text_of(client.get("/dang-uy").text)
    assert "chưa có sổ của Đảng ủy" in page and "chibo init" not in page
    answer = post(client, "/dang-uy/tao", {"thu_muc": str(folder), "nam": "2022"})
    assert answer.status_code == 303 and (folder / "dang-uy.xlsx").is_file()
    assert window.opened == [folder / "dang-uy.xlsx"]
    after = text_of(client.get("/dang-uy").text)
    assert "Đã tạo sổ của Đảng ủy" in after and "Lập tổng hợp" in after


def test_of_two_copies_of_a_cells_book_the_newer_is_summed(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("CHIBO_SOFFICE", NO_PDF)
    from test_summary import committee_workbook

    folder = tmp_path / "xa"
    folder.mkdir()
    committee_workbook(folder / "dang-uy.xlsx")
    shutil.copyfile(sample, folder / "mam-non-cu.xlsx")
    shutil.copyfile(sample, folder / "mam-non.xlsx")
    os.utime(folder / "mam-non-cu.xlsx", (1_650_000_000,) * 2)
    client = signed_in(window_on(None, None, folder))
    page = text_of(finished(client, post(client, "/dang-uy", {"thu_muc": str(folder),
                                                              "quy": "nam"})))
    assert ("trùng chi bộ với tệp mam-non.xlsx: tổng hợp tệp mam-non.xlsx" in page
            and "mới hơn tệp này (lưu lúc" in page)
    assert "Mở bằng Excel" in page


# --- 6. sending without dead ends ------------------------------------------------------------

@pytest.fixture
def asks_a_password(sample, monkeypatch, tmp_path):
    """A mail server wanting a login, and a credential store for the tests."""
    import keyring

    from keyring_for_tests import FileKeyring

    monkeypatch.setenv("CHIBO_TEST_KEYRING", str(tmp_path / "keyring.json"))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def authenticator(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=isinstance(auth_data, LoginPassword)
                          and auth_data.password == b"dung", handled=False)

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=free_port(), authenticator=authenticator,
                        auth_required=True, auth_require_tls=False)
    server.start()
    for key, value in (("Máy chủ thư (SMTP)", "127.0.0.1"), ("Cổng", server.port),
                       ("Bảo mật", "Không"), ("Tài khoản thư", "bithu")):
        set_setting(sample, key, value)
    yield inbox
    server.stop()
    keyring.set_keyring(previous)


@pytest.mark.filterwarnings("ignore:Requiring AUTH")   # the test's server, on 127.0.0.1
def test_no_password_then_a_wrong_one_then_the_right_one_kept(client, sample, asks_a_password):
    run("build-report", sample, "--quarter", "4", "--no-pdf", "-o", client.app.state.window.output)
    empty = client.get(finished_location(client, post(client, "/gui", {"ky": "4"})))
    assert str(empty.url).endswith("/gui?ky=4") and "Chưa gõ mật khẩu thư" in empty.text
    wrong = client.get(finished_location(client, post(client, "/gui", {"ky": "4",
                                                                     "mat_khau": "sai"})))
    page = text_of(wrong.text)
    assert "Mật khẩu thư của bithu" in page and 'type="password"' in wrong.text
    assert "từ chối" in page and not asks_a_password.messages
    done = text_of(finished(client, post(client, "/gui", {"ky": "4", "mat_khau": "dung",
                                                          "luu_mat_khau": "c"})))
    assert "Đã lưu mật khẩu trên máy này" in done and asks_a_password.messages
    again = client.get("/gui?ky=4&gui_lai=c").text
    assert 'type="password"' not in again and "Gửi thư (" in again   # on purpose, no password


def finished_location(client, answer) -> str:
    """Where a job's page sends her once it is done (a refused password: the preview)."""
    location = answer.headers["location"]
    for _ in range(300):
        reply = client.get(location, follow_redirects=False)
        if reply.status_code == 303:
            return reply.headers["location"]
        if "Đang " not in reply.text:
            return location
        time.sleep(0.1)
    raise AssertionError("the job did not finish")


@pytest.mark.filterwarnings("ignore:Requiring AUTH")
def test_without_a_credential_store_she_is_told_why_it_was_not_kept(client, sample,
                                                                     asks_a_password):
    import keyring
    from keyring.backends.fail import Keyring as NoStore

    keyring.set_keyring(NoStore())
    run("build-report", sample, "--quarter", "4", "--no-pdf", "-o", client.app.state.window.output)
    done = text_of(finished(client, post(client, "/gui", {"ky": "4", "mat_khau": "dung",
                                                          "luu_mat_khau": "c"})))
    assert "Chưa lưu được mật khẩu: máy này không có kho mật khẩu" in done


def test_after_a_build_send_previews_the_period_built(client):
    page = finished(client, post(client, "/lap", {"ky": "quy-2"}))
    assert 'href="/gui?ky=2"' in page
    progress = client.get("/gui").text
    assert "LibreOffice" not in progress


def test_the_invitation_result_counts_the_files_it_sent(sample, tmp_path):
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=free_port())
    server.start()
    try:
        for key, value in (("Máy chủ thư (SMTP)", "127.0.0.1"), ("Cổng", server.port),
                           ("Bảo mật", "Không")):
            set_setting(sample, key, value)
        client = signed_in(window_on(sample, tmp_path / "out", tmp_path, dt.date(2022, 5, 15)))
        page = text_of(finished(client, post(client, "/moi/2022-Q2")))
        sent = [m for m in inbox.messages if m["To"] == "vanhung.tran@example.vn"][0]
        count = len(list(sent.iter_attachments()))
        assert count == 1 and f"Đã gửi: vanhung.tran@example.vn ({count} tệp đính kèm)" in page
    finally:
        server.stop()


# --- 7. her version or chibo's new one ---------------------------------------------------------

def two_versions(client, sample):
    """The plan built, edited in Word, then changed in the book and built again."""
    output = client.app.state.window.output
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", output)
    plan = output / "2022" / "ke-hoach-sinh-hoat-chuyen-de-2022.docx"
    edited = docx.Document(plan)
    edited.add_paragraph("Đồng chí bí thư sửa thêm đoạn này.")
    edited.save(plan)
    set_cell(sample, "Kế hoạch", "Nội dung", ("STT", 1), "Mục đích mới của kế hoạch.")
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", output)
    newer = plan.with_name("ke-hoach-sinh-hoat-chuyen-de-2022-ban-moi.docx")
    assert newer.is_file()
    return plan, newer


@pytest.mark.parametrize("kept", ["moi", "cua-toi"])
def test_she_keeps_one_version_and_the_other_goes_to_cu(client, sample, kept):
    plan, newer = two_versions(client, sample)
    page = text_of(client.get("/").text)
    assert "Chọn bản giữ lại" in page and "Bản đồng chí đã sửa" in page and "Bản mới theo sổ" in page
    answer = post(client, "/giu", {"tep": "2022/ke-hoach-sinh-hoat-chuyen-de-2022.docx",
                                   "giu": kept})
    assert answer.status_code == 303
    said = text_of(client.get("/").text)
    assert "Chọn bản giữ lại" not in said and "chuyển vào" in said
    words = " ".join(p.text for p in docx.Document(plan).paragraphs)
    old = plan.parent / "cu"
    if kept == "moi":
        assert "Mục đích mới của kế hoạch." in words and "sửa thêm" not in words
        assert "sửa thêm" in " ".join(p.text for p in docx.Document(old / plan.name).paragraphs)
    else:
        assert "sửa thêm" in words and (old / newer.name).is_file()
        run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", plan.parent.parent)
        assert not newer.exists()   # her choice holds: the same version is not offered again
    assert not newer.exists()


# --- 9. words ---------------------------------------------------------------------------------

def test_the_window_and_the_library_say_dong_chi_never_ban():
    from pathlib import Path

    import chibo
    from chibo.problems import CATALOGUE

    package = Path(chibo.__file__).parent
    texts = [c.template for c in CATALOGUE.values()]
    texts += [p.read_text(encoding="utf-8") for p in (package / "window" / "html").glob("*.html")]
    texts += [p.read_text(encoding="utf-8") for p in package.rglob("*.py")
              if "cli" not in p.parts]
    assert not [t for t in texts if re.search(r"\bbạn\b(?! bè)", t, re.IGNORECASE)]


def test_no_page_names_a_command_line_flag(client):
    for path in ("/", "/gui", "/so", "/dang-uy"):
        assert not re.search(r"\s--[a-z]", text_of(client.get(path).text)), path


def test_a_wrong_meeting_id_is_matched_by_its_month(book):
    book.append("Vắng mặt", {"Mã buổi": "2022-T09", "Họ và tên": "Hồ Văn Tuấn"})
    (found,) = [p for p in book.check().problems if p.code == "unknown-meeting"]
    assert found.message.endswith("; có phải «2022-Q3»?")


def test_the_score_sheets_subtitle_keeps_ngay_with_its_date(book):
    from test_documents import texts

    subtitle = next(t for t in texts(book.paper("DG", "2022-Q1")) if "ngày" in t and "/" in t)
    assert subtitle.endswith("ngày\u00a010/03/2022")   # a space that never breaks the line


def test_a_date_example_is_of_the_books_own_year(book):
    book.set_setting("Năm", 2026)
    book.rows["Buổi sinh hoạt"][0]["Ngày"] = "ngày mười"
    (found,) = [p for p in book.check().problems if p.code == "wrong-type"]
    assert found.message.endswith("ví dụ 15/03/2026.")
