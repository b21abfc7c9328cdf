"""Letters on their way: one message to one address with its attachments, drafted as `.eml`
files or sent through the mail server, each recorded as sent once the server took it. A
refused recipient, a failed login, an unreachable server or a dropped connection is a
Vietnamese message; what went out stays recorded, and the rest goes next time."""

from __future__ import annotations

import base64
import smtplib
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MailUnreachable, PasswordRefused
from ..files import atomic_write
from ..wording import slug
from ..workbook.model import Workbook
from .letter import Letter
from .record import SentLog
from .settings import ROW_HOST, ROW_PORT, ROW_SECURITY, ROW_USER, SmtpSettings

TIMEOUT_SECONDS = 30


@dataclass
class SendResult:
    sent: list[Letter] = field(default_factory=list)
    refused: list[tuple[Letter, str]] = field(default_factory=list)
    stopped: str | None = None           # why sending stopped before the end

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
    result = SendResult()
    server = _connect(settings, password)
    try:
        for letter in letters:
            assert letter.message is not None  # prepare composes every letter
            try:
                refused = server.send_message(letter.message)
            except smtplib.SMTPRecipientsRefused as error:
                code, reason = next(iter(error.recipients.values()))
                result.refused.append((letter, f"{code} {_text(reason)}"))
                continue
            except smtplib.SMTPSenderRefused as error:
                result.stopped = (f"Máy chủ từ chối địa chỉ gửi {settings.sender} "
                                  f"({error.smtp_code} {_text(error.smtp_error)}).")
                break
            except smtplib.SMTPDataError as error:
                result.refused.append((letter, f"{error.smtp_code} {_text(error.smtp_error)}"))
                continue
            except (smtplib.SMTPException, OSError) as error:
                result.stopped = (f"Mất kết nối với máy chủ thư khi đang gửi ({type(error).__name__})"
                                  "; những thư chưa gửi sẽ được gửi ở lần chạy sau.")
                break
            if refused:
                result.refused.append((letter, "; ".join(f"{a}: {c} {_text(r)}"
                                                         for a, (c, r) in refused.items())))
                continue
            log.record(letter)
            result.sent.append(letter)
    finally:
        try:
            server.quit()
        except (smtplib.SMTPException, OSError):
            server.close()
    return result


def _text(reason) -> str:
    return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)


@dataclass
class Mailing:
    """One run of `chibo send` or `chibo invite`: its letters, ready to draft or to send."""

    workbook: Workbook
    output: Path
    drafts_at: Path                      # where its drafts go: under its period's folder
    letters: list[Letter]
    log: SentLog
    settings: SmtpSettings | None        # None for drafts only
    notes: list[str] = field(default_factory=list)   # what the secretary should know first

    def draft(self) -> list[Path]:
        return write_drafts(self.letters, self.drafts_at)

    def send(self, password: str | None) -> SendResult:
        assert self.settings is not None  # prepare reads them whenever there are letters to send
        return send_letters(self.letters, self.settings, password, self.log)
