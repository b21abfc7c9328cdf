"""Letters on their way: one message to one address with its attachments, drafted as `.eml`
files or sent through the mail server, each recorded as sent once the server took it. A
refused recipient, a failed login, an unreachable server or a dropped connection is a
Vietnamese message; what went out stays recorded, and the rest goes next time."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MailUnreachable, NotReady, OutputNotWritable, PasswordRefused
from ..files import atomic_write
from ..wording import slug
from ..workbook.model import Workbook
from .letter import Letter
from .record import SentLog
from .settings import ROW_HOST, ROW_PORT, ROW_SECURITY, ROW_USER, SmtpSettings

if TYPE_CHECKING:   # smtplib and ssl are loaded only to send: `check` and `status` need neither
    import smtplib

TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Refusal:
    """A letter the server would not take, with its reply: 4xx for now, 5xx for good."""

    letter: Letter
    reply: str                   # '550 No such user'

    @property
    def sentence(self) -> str:
        if self.reply[:1] == "4":
            return (f"Máy chủ thư tạm thời chưa nhận thư gửi {self.letter.address} ({self.reply}): "
                    "thư này sẽ được gửi lại ở lần sau.")
        return (f"Máy chủ thư từ chối địa chỉ {self.letter.address} ({self.reply}): thư này chưa "
                "gửi được; hãy kiểm tra lại địa chỉ email này trong sổ rồi gửi lại.")


@dataclass
class SendResult:
    sent: list[Letter] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    stopped: str | None = None           # why sending stopped before the end
    sent_elsewhere: list[Letter] = field(default_factory=list)   # by another run meanwhile

    @property
    def failed(self) -> bool:
        return bool(self.refused or self.stopped)


def write_drafts(letters: list[Letter], folder: Path) -> list[Path]:
    written = []
    for letter in letters:
        assert letter.message is not None  # prepare composes every letter
        letter.message["X-Unsent"] = "1"
        path = folder / f"{slug(letter.address)}.eml"
        atomic_write(path, letter.message.as_bytes())
        written.append(path)
    return written


def _connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    import smtplib
    import ssl

    where = f"{settings.host}:{settings.port}"
    context = ssl.create_default_context(cafile=settings.cafile)
    try:
        if settings.security == "ssl":
            server: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port,
                                                    timeout=TIMEOUT_SECONDS, context=context)
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
            if settings.security == "starttls":
                server.ehlo()
                server.starttls(context=context)
                server.ehlo()
    except smtplib.SMTPNotSupportedError:
        raise MailUnreachable(f"Máy chủ thư {where} không hỗ trợ STARTTLS: hãy chọn «{ROW_SECURITY}» "
                              f"SSL và «{ROW_PORT}» 465 ở trang Thông tin, hoặc hỏi nhà cung cấp.") from None
    except ssl.SSLError as error:
        raise MailUnreachable(f"Không thiết lập được kết nối bảo mật với {where} ({error.reason or error}): "
                              f"kiểm tra «{ROW_SECURITY}» và «{ROW_PORT}» ở trang Thông tin.") from None
    except (OSError, smtplib.SMTPException) as error:
        raise MailUnreachable(f"Không kết nối được máy chủ thư {where} ({type(error).__name__}): kiểm "
                              f"tra mạng, và mục «{ROW_HOST}», «{ROW_PORT}» ở trang Thông tin.") from None
    if settings.user:
        try:
            _login(server, settings.user, password or "")
        except smtplib.SMTPAuthenticationError:
            server.close()
            raise PasswordRefused(f"Máy chủ thư từ chối đăng nhập của {settings.user}: kiểm tra "
                                  f"«{ROW_USER}» ở trang Thông tin và mật khẩu (với Gmail: dùng "
                                  "mật khẩu ứng dụng).") from None
        except smtplib.SMTPException as error:
            server.close()
            raise MailUnreachable(f"Không đăng nhập được máy chủ thư ({error}).") from None
    return server


def _login(server: smtplib.SMTP, user: str, password: str) -> None:
    import smtplib

    if (user + password).isascii():
        server.login(user, password)
        return
    # smtplib sends credentials as ASCII; AUTH PLAIN (RFC 4616) carries UTF-8, so a password
    # with Vietnamese letters still works.
    token = base64.b64encode(f"\0{user}\0{password}".encode("utf-8")).decode("ascii")
    code, reply = server.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def send_letters(letters: list[Letter], settings: SmtpSettings, password: str | None,
                 log: SentLog) -> SendResult:
    """Each letter written «đang gửi» to the record, handed to the server, then «đã gửi» —
    or taken off the record when the server refused it. A letter cut off in between stays
    «đang gửi»: the next run says it may have arrived."""
    import smtplib

    result = SendResult()
    server = _connect(settings, password)
    try:
        for letter in letters:
            assert letter.message is not None  # prepare composes every letter
            if server.sock is None:   # the server closed the connection (a 421)
                result.stopped = ("Máy chủ thư đã ngắt kết nối: những thư chưa gửi sẽ được gửi "
                                  "ở lần sau.")
                break
            try:
                log.begin(letter)
            except OutputNotWritable as error:
                result.stopped = f"Dừng gửi: không ghi được sổ theo dõi thư đã gửi ({error})."
                break
            outcome = _hand_over(server, letter, settings)
            if isinstance(outcome, Refusal):
                log.abandon(letter)
                result.refused.append(outcome)
                continue
            if outcome is not None:
                result.stopped = outcome
                break
            result.sent.append(letter)
            try:
                log.finish(letter)
            except OutputNotWritable as error:
                result.stopped = (f"Thư gửi {letter.address} đã đi nhưng không ghi được sổ theo dõi "
                                  f"thư đã gửi ({error}); dừng gửi để không gửi trùng.")
                break
    finally:
        try:
            server.quit()
        except (smtplib.SMTPException, OSError):
            server.close()
    return result


def _hand_over(server: smtplib.SMTP, letter: Letter, settings: SmtpSettings) -> Refusal | str | None:
    """Give one letter to the server: None when it took it, a Refusal when it refused
    this letter, or why sending must stop here."""
    import smtplib

    assert letter.message is not None
    try:
        refused = server.send_message(letter.message)
    except smtplib.SMTPRecipientsRefused as error:
        code, reason = next(iter(error.recipients.values()))
        return Refusal(letter, f"{code} {_text(reason)}")
    except smtplib.SMTPSenderRefused as error:
        if str(error.smtp_code).startswith("4"):
            return Refusal(letter, f"{error.smtp_code} {_text(error.smtp_error)}")
        return (f"Máy chủ thư từ chối địa chỉ gửi {settings.sender} ({error.smtp_code} "
                f"{_text(error.smtp_error)}): kiểm tra «{ROW_USER}» ở trang Thông tin.")
    except smtplib.SMTPDataError as error:
        return Refusal(letter, f"{error.smtp_code} {_text(error.smtp_error)}")
    except (smtplib.SMTPException, OSError) as error:
        return (f"Mất kết nối với máy chủ thư khi đang gửi thư tới {letter.address} "
                f"({type(error).__name__}): thư này có thể đã đến nơi — lần gửi sau sẽ gửi lại "
                "với cùng mã thư (Message-ID) để chương trình thư bỏ bản trùng; những thư chưa "
                "gửi sẽ được gửi ở lần sau.")
    if refused:
        return Refusal(letter, "; ".join(f"{c} {_text(r)}" for c, r in refused.values()))
    return None


def _text(reason) -> str:
    return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)


@dataclass
class Mailing:
    """One run of `chibo send` or `chibo invite`: its letters, ready to draft or to send.
    A letter an earlier run was cut off sending is said first, and keeps its Message-ID."""

    workbook: Workbook
    output: Path
    drafts_at: Path                      # where its drafts go: under its period's folder
    letters: list[Letter]
    log: SentLog
    settings: SmtpSettings | None        # None for drafts only
    notes: list[str] = field(default_factory=list)   # what the secretary should know first

    def __post_init__(self) -> None:
        for letter in self.letters:
            earlier = self.log.earlier_try(letter)
            if earlier is not None and letter.message is not None:
                letter.message.replace_header("Message-ID", earlier["message_id"])
                self.notes.append(
                    f"Lần gửi trước (lúc {_when(earlier['time'])}) bị ngắt giữa chừng: thư gửi "
                    f"{letter.address} có thể đã đến nơi. Thư được gửi lại với cùng mã thư "
                    "(Message-ID), để chương trình thư của người nhận bỏ bản trùng.")

    def draft(self) -> list[Path]:
        return write_drafts(self.letters, self.drafts_at)

    def send(self, password: str | None) -> SendResult:
        """Send, one run at a time for a cell and year: a run started meanwhile waits, and
        what it sent in the meantime is not sent again."""
        from filelock import FileLock, Timeout

        assert self.settings is not None  # prepare reads them whenever there are letters to send
        self.log.check_writable()
        try:
            with FileLock(f"{self.log.path}.lock", timeout=WAIT_FOR_OTHER_SEND):
                self.log.reread()
                letters = [x for x in self.letters if not self.log.sent_meanwhile(x)]
                result = send_letters(letters, self.settings, password, self.log) if letters \
                    else SendResult()
        except Timeout:
            raise NotReady(f"Đang có một lần gửi thư khác của {self.workbook.settings.cell_name} "
                           f"năm {self.workbook.settings.year} (trong cửa sổ chibo hoặc một cửa "
                           "sổ lệnh khác): hãy đợi lần đó xong rồi gửi lại; thư đã gửi sẽ không "
                           "gửi lại.") from None
        going = {id(x) for x in letters}
        result.sent_elsewhere = [x for x in self.letters if id(x) not in going]
        return result


WAIT_FOR_OTHER_SEND = 20   # seconds: a double click's second send finds the first done


def _when(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"
