"""chibo send, against a real SMTP server (aiosmtpd) on 127.0.0.1."""

import email
import email.policy
import json
import shutil
import subprocess

from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from chibo.workbook import sample as data
from conftest import Inbox, free_port, meeting_ids, run, sent_record, set_cell

OFFICE = "danguy.myhoa@example.vn"      # «*»: what the cell sends upward (not its minutes)
BOARD = "vanphong.danguy@example.vn"    # «BC»: the reports


@pytest.fixture
def built(sample, tmp_path, year_built):
    """The sample's whole year built (no PDF: the attachments are the Word files), in an
    output folder of this test's own."""
    output = tmp_path / "out"
    shutil.copytree(year_built, output)
    return sample, output


def send(built, *args):
    sample, output = built
    return run("send", sample, "-o", output, *args)


def test_each_recipient_receives_its_documents(built, inbox, smtp_env):
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 0, result.output
    (office,) = inbox.to(OFFICE)
    names = [part.get_filename() for part in office.iter_attachments()]
    assert names == ["ke-hoach-sinh-hoat-chuyen-de-2022.docx", "bao-cao-quy-1-2022.docx"]
    (board,) = inbox.to(BOARD)
    assert [p.get_filename() for p in board.iter_attachments()] == ["bao-cao-quy-1-2022.docx"]


def test_attachments_arrive_byte_for_byte(built, inbox, smtp_env):
    send(built, "--quarter", "1", "--yes")
    _, output = built
    (office,) = inbox.to(OFFICE)
    for part in office.iter_attachments():
        found = next(output.rglob(part.get_filename()))
        assert part.get_content() == found.read_bytes()
        assert part.get_content_type() == ("application/vnd.openxmlformats-officedocument."
                                           "wordprocessingml.document")


def test_subject_and_body_are_vietnamese_and_name_the_cell(built, inbox, smtp_env):
    send(built, "--quarter", "1", "--yes")
    (office,) = inbox.to(OFFICE)
    assert office["Subject"] == "Chi bộ Mầm non Mỹ Hòa gửi kế hoạch, báo cáo quý 1 năm 2022"
    body = office.get_body(("plain",)).get_content()
    assert body.startswith("Kính gửi: Đảng ủy xã Mỹ Hòa,")
    assert "- Báo cáo quý 1 năm 2022" in body
    assert body.rstrip().endswith(data.SETTINGS["Bí thư"])
    assert office["From"].addresses[0].display_name == "Chi bộ Mầm non Mỹ Hòa"


def test_a_second_run_sends_nothing(built, inbox, smtp_env):
    send(built, "--quarter", "1", "--yes")
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 0
    assert "Không có văn bản mới để gửi" in result.output
    assert len(inbox.messages) == 2


def test_the_sent_log_records_each_message(built, inbox, smtp_env):
    send(built, "--quarter", "1", "--yes")
    _, output = built
    log = json.loads(sent_record().read_text(encoding="utf-8"))["messages"]
    assert {m["to"] for m in log} == {OFFICE, BOARD}
    office = next(m for m in log if m["to"] == OFFICE)
    assert office["message_id"] == inbox.to(OFFICE)[0]["Message-ID"]
    assert len(office["files"]) == 2 and all(len(f["sha256"]) == 64 for f in office["files"])


def test_a_rebuilt_document_is_sent_again_and_only_it(built, inbox, smtp_env):
    send(built, "--quarter", "1", "--yes")
    sample, output = built
    set_cell(sample, "Đánh giá", "Hạn chế", ("Kỳ", "Quý 1"), "Ý kiến thảo luận còn ít.")
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", output)
    send(built, "--quarter", "1", "--yes")
    resent = inbox.messages[2:]
    assert sorted(m["To"] for m in resent) == sorted([OFFICE, BOARD])
    assert all([p.get_filename() for p in m.iter_attachments()] == ["bao-cao-quy-1-2022.docx"]
               for m in resent)


def test_minutes_stay_in_the_cell_unless_a_recipient_is_set_for_them(built, inbox, smtp_env):
    from conftest import append_row

    sample, _ = built
    append_row(sample, "Nơi nhận", {"Văn bản": "BB", "Nơi nhận": "Đồng chí đảng ủy viên phụ trách",
                                    "Email": "phutrach@example.vn"})
    send(built, "--quarter", "1", "--yes")
    assert not any(p.get_filename().startswith("bien-ban")
                   for m in inbox.to(OFFICE) + inbox.to(BOARD) for p in m.iter_attachments())
    (liaison,) = inbox.to("phutrach@example.vn")
    assert [p.get_filename() for p in liaison.iter_attachments()] == \
        [f"bien-ban-{m}.docx" for m in meeting_ids(1)]


def test_resend_sends_everything_again(built, inbox, smtp_env):
    send(built, "--quarter", "1", "--yes")
    send(built, "--quarter", "1", "--yes", "--resend")
    assert len(inbox.messages) == 4


def test_a_refused_recipient_leaves_the_others_delivered_and_is_retried(built, inbox, smtp_env):
    inbox.refuse = {BOARD}
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 1
    assert f"Máy chủ thư từ chối địa chỉ {BOARD}" in result.output and "550" in result.output
    assert len(inbox.to(OFFICE)) == 1 and not inbox.to(BOARD)
    inbox.refuse = set()
    assert send(built, "--quarter", "1", "--yes").exit_code == 0
    assert len(inbox.to(BOARD)) == 1 and len(inbox.to(OFFICE)) == 1


def test_a_dropped_connection_keeps_what_was_sent(built, inbox, smtp_env):
    inbox.drop_after = 1
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 1
    assert "Mất kết nối với máy chủ thư" in result.output
    inbox.drop_after = None
    send(built, "--quarter", "1", "--yes")
    assert sorted(m["To"] for m in inbox.messages) == sorted([OFFICE, BOARD])


def test_dry_run_sends_nothing_and_writes_drafts_that_parse_back(built, inbox, smtp_env):
    result = send(built, "--quarter", "1", "--dry-run")
    assert result.exit_code == 0, result.output
    assert inbox.messages == []
    _, output = built
    drafts = sorted((output / "2022" / "quy-1" / "thu").glob("*.eml"))
    assert len(drafts) == 2
    draft = email.message_from_bytes(drafts[0].read_bytes(), policy=email.policy.default)
    assert draft["X-Unsent"] == "1" and draft["To"] == OFFICE
    assert len(list(draft.iter_attachments())) == 2
    assert not sent_record().exists()


def test_without_a_terminal_it_needs_yes(built, inbox, smtp_env):
    result = send(built, "--quarter", "1")
    assert result.exit_code == 2
    assert "--yes" in result.output and inbox.messages == []


def test_an_unreachable_server_is_a_clear_message(built, smtp_env):
    smtp_env.setenv("CHIBO_SMTP_PORT", str(free_port()))
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 1
    assert "Không kết nối được máy chủ thư 127.0.0.1" in result.output
    assert "Traceback" not in result.output


def test_documents_not_built_yet_are_named(sample, tmp_path, inbox, smtp_env):
    result = run("send", sample, "-o", tmp_path, "--quarter", "2", "--yes")
    assert result.exit_code == 1
    assert "Chưa lập" in result.output and "Hãy lập văn bản trước rồi gửi." in result.output


def test_without_a_server_setting_it_names_the_row_to_fill(built, monkeypatch):
    monkeypatch.delenv("CHIBO_SMTP_HOST", raising=False)
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 1
    assert "hãy ghi mục «Máy chủ thư (SMTP)» ở trang Thông tin" in result.output
    assert "CHIBO_" not in result.output


def test_the_workbooks_mail_settings_alone_deliver(built, inbox, monkeypatch):
    from conftest import set_setting

    for name in ("HOST", "PORT", "SECURITY", "USER", "PASSWORD"):
        monkeypatch.delenv(f"CHIBO_SMTP_{name}", raising=False)
    sample, _ = built
    set_setting(sample, "Máy chủ thư (SMTP)", "127.0.0.1")
    set_setting(sample, "Cổng", inbox.port)
    set_setting(sample, "Bảo mật", "Không")
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 0, result.output
    assert sorted(m["To"] for m in inbox.messages) == sorted([OFFICE, BOARD])


@pytest.mark.parametrize("host, security, port", [("smtp.gmail.com", "starttls", 587),
                                                  ("smtp.office365.com", "starttls", 587),
                                                  ("smtp.mail.yahoo.com", "ssl", 465)])
def test_a_known_providers_host_alone_fills_the_rest(host, security, port, monkeypatch):
    from chibo.workbook.model import Record
    from chibo.mail.settings import SmtpSettings

    for name in ("HOST", "PORT", "SECURITY", "USER", "FROM"):
        monkeypatch.delenv(f"CHIBO_SMTP_{name}", raising=False)
    settings = SmtpSettings.from_workbook(Record("Thông tin", 1, {
        "smtp_host": host, "email": ("Chibo.MyHoa@gmail.com",)}, {}))
    assert (settings.security, settings.port, settings.user) == (security, port,
                                                                 "Chibo.MyHoa@gmail.com")


def test_a_variable_overrides_the_workbook(monkeypatch):
    from chibo.workbook.model import Record
    from chibo.mail.settings import SmtpSettings

    monkeypatch.setenv("CHIBO_SMTP_HOST", "relay.example.vn")
    monkeypatch.setenv("CHIBO_SMTP_PORT", "2525")
    settings = SmtpSettings.from_workbook(Record("Thông tin", 1, {
        "smtp_host": "smtp.gmail.com", "email": ("a@example.vn",)}, {}))
    assert (settings.host, settings.port) == ("relay.example.vn", 2525)


def test_a_letter_sent_again_after_a_rebuild_says_it_replaces_the_first(built, inbox, smtp_env):
    send(built, "--quarter", "1", "--yes")
    sample, output = built
    set_cell(sample, "Đánh giá", "Hạn chế", ("Kỳ", "Quý 1"), "Ý kiến thảo luận còn ít.")
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", output)
    send(built, "--quarter", "1", "--yes")
    (again,) = [m for m in inbox.messages[2:] if m["To"] == BOARD]
    assert again["Subject"].endswith("quý 1 năm 2022 (bản thay thế)")
    assert "bản thay thế bản đã gửi trước" in again.get_body(("plain",)).get_content()
    assert not inbox.messages[0]["Subject"].endswith("(bản thay thế)")


def test_addresses_keep_the_case_the_secretary_typed(built, inbox, smtp_env):
    sample, _ = built
    set_cell(sample, "Nơi nhận", "Email", ("Văn bản", "BC"), "VanPhong.DangUy@example.vn")
    send(built, "--quarter", "1", "--yes")
    assert "VanPhong.DangUy@example.vn" in [m["To"] for m in inbox.messages]


def test_letters_name_meetings_by_date_never_by_their_id(built, inbox, smtp_env):
    from conftest import append_row

    sample, _ = built
    append_row(sample, "Nơi nhận", {"Văn bản": "BB", "Nơi nhận": "Phụ trách",
                                    "Email": "phutrach@example.vn"})
    send(built, "--quarter", "1", "--yes")
    (letter,) = inbox.to("phutrach@example.vn")
    body = letter.get_body(("plain",)).get_content()
    assert "Biên bản sinh hoạt thường kỳ kết hợp chuyên đề ngày 10/03/2022" in body
    assert "2022-Q1" not in body.replace("bien-ban-2022-Q1", "")


# --- STARTTLS with a self-signed certificate, and AUTH ----------------------------------------

def self_signed(folder):
    """A server TLS context with a fresh self-signed certificate for 127.0.0.1, and the
    certificate's file (what the client is told to trust)."""
    import ssl

    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context, cert


@pytest.fixture
def secure_inbox(tmp_path):
    context, cert = self_signed(tmp_path)

    def authenticator(server, session, envelope, mechanism, auth_data):
        good = (isinstance(auth_data, LoginPassword) and auth_data.login == b"bithu"
                and auth_data.password == b"m\xe1\xba\xadt-kh\xe1\xba\xa9u")
        return AuthResult(success=good, handled=False)

    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), tls_context=context,
                            require_starttls=True, authenticator=authenticator,
                            auth_required=True, auth_require_tls=True)
    controller.start()
    handler.port, handler.cert = controller.port, cert
    yield handler
    controller.stop()


@pytest.fixture
def secure_env(monkeypatch, secure_inbox):
    monkeypatch.setenv("CHIBO_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("CHIBO_SMTP_PORT", str(secure_inbox.port))
    monkeypatch.setenv("CHIBO_SMTP_SECURITY", "starttls")
    monkeypatch.setenv("CHIBO_SMTP_CAFILE", str(secure_inbox.cert))
    monkeypatch.setenv("CHIBO_SMTP_USER", "bithu")
    monkeypatch.setenv("CHIBO_SMTP_PASSWORD", "mật-khẩu")
    return monkeypatch


def test_starttls_and_login_deliver(built, secure_inbox, secure_env):
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 0, result.output
    assert len(secure_inbox.messages) == 2


def test_a_wrong_password_is_a_clear_message_and_nothing_is_logged(built, secure_inbox,
                                                                    secure_env):
    secure_env.setenv("CHIBO_SMTP_PASSWORD", "sai")
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 1
    assert "từ chối đăng nhập của bithu" in result.output
    assert "sai" not in result.output.replace("sai tên", "")   # the password is never printed
    _, output = built
    assert not sent_record().exists()


def test_an_untrusted_certificate_is_refused(built, secure_inbox, secure_env):
    secure_env.delenv("CHIBO_SMTP_CAFILE")
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 1
    assert "kết nối bảo mật" in result.output and secure_inbox.messages == []


def test_no_email_at_all_is_said_plainly(built, smtp_env):
    sample, output = built
    from conftest import edit

    def drop_emails(book):
        ws = book["Nơi nhận"]
        for row in range(2, ws.max_row + 1):
            ws.cell(row=row, column=3).value = None

    edit(sample, drop_emails)
    result = send(built, "--quarter", "1", "--dry-run")
    assert result.exit_code == 1 and "Chưa có địa chỉ email nào" in result.output


def test_the_same_document_as_pdf_later_is_not_sent_again(built, inbox, smtp_env, tmp_path):
    """The log knows documents, not attachments: a PDF made later of an unchanged document
    does not send it again."""
    import shutil as sh

    if sh.which("soffice") is None:
        pytest.skip("LibreOffice is installed by .ci/run")
    sample, output = built
    send(built, "--quarter", "1", "--yes")
    run("build-report", sample, "--quarter", "1", "--pdf", "-o", output)
    assert list(output.rglob("*.pdf"))
    result = send(built, "--quarter", "1", "--yes")
    assert "Không có văn bản mới để gửi" in result.output and len(inbox.messages) == 2


def test_an_outdated_pdf_is_never_attached(built, inbox, smtp_env):
    import shutil as sh

    if sh.which("soffice") is None:
        pytest.skip("LibreOffice is installed by .ci/run")
    sample, output = built
    run("build-report", sample, "--quarter", "1", "--pdf", "-o", output)
    set_cell(sample, "Đánh giá", "Hạn chế", ("Kỳ", "Quý 1"), "Ý kiến thảo luận còn ít.")
    run("build-report", sample, "--quarter", "1", "--no-pdf", "-o", output)
    send(built, "--quarter", "1", "--yes")
    (office,) = inbox.to(OFFICE)
    names = [p.get_filename() for p in office.iter_attachments()]
    assert "bao-cao-quy-1-2022.docx" in names and "bao-cao-quy-1-2022.pdf" not in names
    assert "ke-hoach-sinh-hoat-chuyen-de-2022.pdf" in names


def converse(argv, answers, timeout=60):
    """Run a command on a real terminal (a pty), answering each prompt as it appears;
    returns everything the terminal showed, and the exit code."""
    import os
    import pty
    import select
    import time

    pid, fd = pty.fork()
    if pid == 0:   # the child: the command, on the terminal
        os.execv(argv[0], argv)
    shown, pending, deadline = b"", list(answers), time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        if pending and pending[0][0].encode() in shown:
            os.write(fd, pending.pop(0)[1].encode() + b"\r")
    _, status = os.waitpid(pid, 0)
    return shown.decode("utf-8", "replace"), os.waitstatus_to_exitcode(status)


def test_on_a_terminal_it_asks_first_and_the_password_is_not_shown(built, secure_inbox,
                                                                   secure_env):
    import sys
    from pathlib import Path

    secure_env.delenv("CHIBO_SMTP_PASSWORD")
    sample, output = built
    chibo = str(Path(sys.executable).parent / "chibo")
    shown, code = converse([chibo, "send", str(sample), "-o", str(output), "--quarter", "1"],
                           [("Gửi các thư này?", "y"), ("Mật khẩu thư của bithu", "mật-khẩu"),
                            ("Lưu mật khẩu trên máy này?", "k")])
    assert code == 0, shown
    assert "Sẽ gửi:" in shown and "mật-khẩu" not in shown
    assert len(secure_inbox.messages) == 2


def test_on_a_terminal_saying_no_sends_nothing(built, inbox, smtp_env):
    import sys
    from pathlib import Path

    sample, output = built
    chibo = str(Path(sys.executable).parent / "chibo")
    shown, code = converse([chibo, "send", str(sample), "-o", str(output), "--quarter", "1"],
                           [("Gửi các thư này?", "n")])
    assert code == 1 and inbox.messages == []
    assert "Đã hủy: chưa gửi thư nào." in shown


def test_implicit_ssl_delivers(built, tmp_path, monkeypatch):
    """CHIBO_SMTP_SECURITY=ssl: TLS from the first byte (port 465 style)."""
    context, cert = self_signed(tmp_path)
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), ssl_context=context)
    controller.start()
    try:
        for name, value in (("CHIBO_SMTP_HOST", "127.0.0.1"), ("CHIBO_SMTP_PORT", controller.port),
                            ("CHIBO_SMTP_SECURITY", "ssl"), ("CHIBO_SMTP_CAFILE", cert)):
            monkeypatch.setenv(name, str(value))
        monkeypatch.delenv("CHIBO_SMTP_USER", raising=False)
        result = send(built, "--quarter", "1", "--yes")
    finally:
        controller.stop()
    assert result.exit_code == 0, result.output
    assert len(handler.messages) == 2


def test_nothing_is_sent_twice_after_output_is_deleted_and_rebuilt(built, inbox, smtp_env):
    import shutil as sh

    sample, output = built
    send(built, "--quarter", "1", "--yes")
    sh.rmtree(output)
    assert run("build-report", sample, "--all", "--no-pdf", "-o", output).exit_code == 0
    result = send(built, "--quarter", "1", "--yes")
    assert "Không có văn bản mới để gửi" in result.output and len(inbox.messages) == 2


def test_a_record_left_in_output_by_an_older_chibo_still_counts(built, inbox, smtp_env):
    import shutil as sh

    sample, output = built
    send(built, "--quarter", "1", "--yes")
    sh.move(sent_record(), output / ".chibo-sent.json")
    result = send(built, "--quarter", "1", "--yes")
    assert "Không có văn bản mới để gửi" in result.output and len(inbox.messages) == 2



# --- the password: the system's credential store, never a file -----------------------------------

@pytest.fixture
def credential_store(tmp_path, monkeypatch):
    import keyring

    from keyring_for_tests import FileKeyring

    monkeypatch.setenv("CHIBO_TEST_KEYRING", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring_for_tests.FileKeyring")
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield FileKeyring()
    keyring.set_keyring(previous)


def test_a_password_saved_on_this_machine_is_used(built, secure_inbox, secure_env,
                                                  credential_store):
    secure_env.delenv("CHIBO_SMTP_PASSWORD")
    credential_store.set_password("chibo", "bithu @ 127.0.0.1", "mật-khẩu")
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 0, result.output
    assert len(secure_inbox.messages) == 2


def test_a_saved_password_the_server_refuses_is_forgotten(built, secure_inbox, secure_env,
                                                          credential_store):
    secure_env.delenv("CHIBO_SMTP_PASSWORD")
    credential_store.set_password("chibo", "bithu @ 127.0.0.1", "mật-khẩu-cũ")
    result = send(built, "--quarter", "1", "--yes")
    assert result.exit_code == 1 and "không còn đúng và đã được xóa" in result.output
    assert credential_store.get_password("chibo", "bithu @ 127.0.0.1") is None


def test_without_a_credential_store_nothing_is_saved_and_nothing_fails(built, monkeypatch):
    import keyring
    from keyring.backends.fail import Keyring as NoStore

    from chibo.mail.password import save_password, saved_password

    previous = keyring.get_keyring()
    keyring.set_keyring(NoStore())
    try:
        assert saved_password("bithu", "127.0.0.1") is None
        assert save_password("bithu", "127.0.0.1", "x") is False
    finally:
        keyring.set_keyring(previous)


def test_a_typed_password_is_offered_to_be_saved_and_touches_no_file(built, secure_inbox,
                                                                     secure_env, credential_store,
                                                                     data_folder):
    import sys

    secure_env.delenv("CHIBO_SMTP_PASSWORD")
    sample, output = built
    chibo = str(Path(sys.executable).parent / "chibo")
    shown, code = converse([chibo, "send", str(sample), "-o", str(output), "--quarter", "1"],
                           [("Gửi các thư này? (c/k)", "c"), ("Mật khẩu thư của bithu", "mật-khẩu"),
                            ("Lưu mật khẩu trên máy này? (c/k)", "c")])
    assert code == 0, shown
    assert "Đã lưu mật khẩu" in shown and "mật-khẩu" not in shown
    assert credential_store.get_password("chibo", "bithu @ 127.0.0.1") == "mật-khẩu"
    for folder in (output, data_folder, sample.parent / "chibo.xlsx"):
        files = [folder] if folder.is_file() else [p for p in folder.rglob("*") if p.is_file()]
        for path in files:
            assert "mật-khẩu".encode() not in path.read_bytes(), path
