"""`chibo send`: the period's documents to each address of `Nơi nhận`, once.

One message per address, carrying that recipient's documents of the period (the PDF, or the
Word file where no PDF was made). What was sent is logged under output/ with the files'
hashes; a later run sends only what was not sent to that address yet, or was rebuilt since.
A refused recipient, a failed login, an unreachable server or a dropped connection is a
Vietnamese message; what went out stays logged, and the rest goes next time.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path
from typing import NamedTuple

from .documents import Planned, covers, latest_quarter, period_documents
from .errors import ChiboError
from .model import Workbook
from .outputs import atomic_write, pdf_name, sha256
from .wording import period_words, slug

LEGACY_SENT_LOG = ".chibo-sent.json"   # where chibo 0.1 kept the record, inside output/
DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
PORTS = {"starttls": 587, "ssl": 465, "none": 25}
TIMEOUT_SECONDS = 30


# What a provider's server wants when only its host is given: (security, port).
PROVIDERS = {"smtp.gmail.com": ("starttls", 587), "smtp.office365.com": ("starttls", 587),
             "smtp-mail.outlook.com": ("starttls", 587), "smtp.mail.yahoo.com": ("ssl", 465)}
SECURITY_WORDS = {"starttls": "starttls", "ssl": "ssl", "không": "none", "none": "none"}
ROW_HOST, ROW_PORT, ROW_SECURITY, ROW_USER = ("Máy chủ thư (SMTP)", "Cổng", "Bảo mật",
                                              "Tài khoản thư")


@dataclass(frozen=True)
class SmtpSettings:
    """How to reach the mail server: the workbook's `Thông tin` rows, each overridden by a
    CHIBO_SMTP_* variable where one is set (for a relay an office configures once)."""

    host: str
    port: int
    security: str            # starttls, ssl or none
    sender: str
    user: str | None = None
    cafile: str | None = None  # a CA bundle to trust (a relay with its own certificate)

    @classmethod
    def from_workbook(cls, settings) -> SmtpSettings:
        values = settings.values

        def setting(variable: str, field_name: str) -> str:
            chosen = os.environ.get(variable, "").strip()
            return chosen or str(values.get(field_name) or "").strip()

        host = setting("CHIBO_SMTP_HOST", "smtp_host")
        if not host:
            raise ChiboError(f"Chưa có máy chủ thư: hãy ghi mục «{ROW_HOST}» ở trang Thông tin "
                             "(ví dụ smtp.gmail.com cho Gmail, smtp.office365.com cho Outlook).")
        known_security, known_port = PROVIDERS.get(host.lower(), ("starttls", None))
        security_text = setting("CHIBO_SMTP_SECURITY", "smtp_security").lower()
        security = SECURITY_WORDS.get(security_text) if security_text else known_security
        if security is None:
            raise ChiboError(f"«{ROW_SECURITY}» «{security_text}» không hợp lệ: chọn STARTTLS, "
                             "SSL hoặc Không ở trang Thông tin.")
        port_text = setting("CHIBO_SMTP_PORT", "smtp_port")
        if port_text and not port_text.isdigit():
            raise ChiboError(f"«{ROW_PORT}» «{port_text}» phải là một số, ví dụ 587.")
        sender = (os.environ.get("CHIBO_SMTP_FROM", "").strip()
                  or (values.get("email") or ("",))[0])
        if not sender:
            raise ChiboError("Chưa có địa chỉ gửi: hãy ghi «Email chi bộ» ở trang Thông tin.")
        default_port = known_port if not security_text else PORTS[security]
        user = setting("CHIBO_SMTP_USER", "smtp_user") or (
            sender if host.lower() in PROVIDERS else None)
        return cls(host, int(port_text) if port_text else (default_port or PORTS[security]),
                   security, sender, user, os.environ.get("CHIBO_SMTP_CAFILE", "").strip() or None)


def draft_sender(settings) -> str:
    """The From of a draft, before any mail server is set up."""
    return (os.environ.get("CHIBO_SMTP_FROM", "").strip()
            or (settings.values.get("email") or ("chibo@localhost",))[0])


class PasswordRefused(ChiboError):
    """The server refused the account and password."""


class Attachment(NamedTuple):
    """One document as it goes out: its PDF, or its Word file where no current PDF exists —
    made from the document as it is on disk, the secretary's edits included."""

    document: Planned
    path: Path                   # the file attached
    relative: str                # its path under output/
    document_sha256: str         # the hash of the .docx: what the sent log compares


@dataclass
class Letter:
    """One message to one address, before and after it is sent."""

    address: str
    addressee: str                       # 'Đảng ủy xã Mỹ Hòa', for «Kính gửi»
    files: list[Attachment]
    message: EmailMessage | None = None
    replacing: list[str] = field(default_factory=list)   # documents sent before, now changed
    facts: dict = field(default_factory=dict)   # what the sent log keeps besides the files


@dataclass
class SendResult:
    sent: list[Letter] = field(default_factory=list)
    refused: list[tuple[Letter, str]] = field(default_factory=list)
    stopped: str | None = None           # why sending stopped before the end

    @property
    def failed(self) -> bool:
        return bool(self.refused or self.stopped)


# --- what goes to whom ----------------------------------------------------------------------

def _addressee(line: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", line).strip()


class SentLog:
    """What was sent to whom, kept outside output/ (see `places.sent_record`): deleting and
    rebuilding output/ sends nothing again. A record left in output/ by an older chibo is
    read too."""

    def __init__(self, workbook: Workbook, output: Path):
        from .places import sent_record

        settings = workbook.settings.values
        self.path = sent_record(str(settings.get("cell_name") or Path(workbook.path).stem),
                                settings.get("year"))
        self.messages: list[dict] = []
        for place in (output / LEGACY_SENT_LOG, self.path):
            if place.exists():
                self.messages += self._read(place)

    @staticmethod
    def _read(place: Path) -> list[dict]:
        try:
            return json.loads(place.read_text(encoding="utf-8"))["messages"]
        except (ValueError, KeyError, TypeError, OSError):
            raise ChiboError(f"Sổ theo dõi thư đã gửi {place} bị hỏng: hãy khôi phục hoặc xóa "
                             "tệp đó (khi xóa, mọi văn bản sẽ được gửi lại).") from None

    def invited(self, address: str | None, meeting_id: str) -> list[str]:
        """The versions (meeting hashes) of a meeting's invitation sent to an address, or
        to anyone when the address is None."""
        return [m.get("meeting_sha256", "") for m in self.messages
                if m.get("invitation") == meeting_id
                and (address is None or m["to"].casefold() == address.casefold())]

    def was_sent(self, address: str, document: str, digest: str | None = None) -> bool:
        """Whether this document reached this address, as a PDF or as the Word file — as it
        is now (its .docx hash `digest`), or in any version when no hash is given."""
        return any(m["to"].casefold() == address.casefold() and any(
            f.get("document") == document and digest in (None, f.get("document_sha256"))
            for f in m["files"]) for m in self.messages)

    def record(self, letter: Letter) -> None:
        assert letter.message is not None  # prepare composes every letter
        self.messages.append({
            "time": dt.datetime.now().isoformat(timespec="seconds"),
            "to": letter.address,
            "subject": str(letter.message["Subject"]),
            "message_id": str(letter.message["Message-ID"]),
            "files": [{"path": a.relative, "sha256": sha256(a.path.read_bytes()),
                       "document": a.document.path, "document_sha256": a.document_sha256}
                      for a in letter.files],
            **letter.facts,
        })
        data = json.dumps({"messages": self.messages}, ensure_ascii=False, indent=1)
        atomic_write(self.path, data.encode("utf-8"))


def plan_letters(workbook: Workbook, output: Path, quarter: int | None, resend: bool,
                 log: SentLog, until: dt.date | None = None) -> list[Letter]:
    """The letters to send: per address, the period's documents not yet sent there (or
    rebuilt since); each as its PDF when the PDF was made from the document as it is now."""
    from .outputs import OutputFolder

    outputs = OutputFolder(output)
    documents = period_documents(workbook, quarter, until)
    files, missing = {}, []
    for document in documents:
        pdf, docx = output / pdf_name(document.path), output / document.path
        if not docx.is_file():
            missing.append(document.label)
            continue
        chosen = pdf if outputs.pdf_is_current(document.path) else docx
        files[document.path] = Attachment(document, chosen, chosen.relative_to(output).as_posix(),
                                          sha256(docx.read_bytes()))
    if missing:
        raise ChiboError("Chưa lập: " + "; ".join(missing) + ". Hãy chạy build-report trước "
                         "rồi gửi.")
    # One letter per address, written as the secretary typed it (mail servers ignore case).
    addresses: dict[str, tuple[str, str, set[str]]] = {}
    for recipient in workbook.recipients:
        for address in recipient.email or ():
            _, _, kinds = addresses.setdefault(address.casefold(),
                                               (address, _addressee(recipient.line), set()))
            kinds.add(recipient.doc_type)
    letters = []
    for address, addressee, kinds in addresses.values():
        attached: list[Attachment] = []
        replacing: list[str] = []
        for document in documents:
            if not any(covers(kind, document.doc_type) for kind in kinds):
                continue
            attachment = files[document.path]
            if resend or not log.was_sent(address, document.path, attachment.document_sha256):
                attached.append(attachment)
                if log.was_sent(address, document.path):
                    replacing.append(document.path)
        if attached:
            letters.append(Letter(address, addressee, attached, replacing=replacing))
    return letters


def compose(letter: Letter, workbook: Workbook, quarter: int | None, sender: str) -> EmailMessage:
    s = workbook.settings
    kinds = []
    for word, doc_type in (("kế hoạch", "KH"), ("biên bản", "BB"), ("nghị quyết", "NQ"),
                           ("báo cáo", "BC")):
        if any(a.document.doc_type == doc_type for a in letter.files):
            kinds.append(word)
    period = period_words(quarter, workbook.settings.year)
    again = " (bản thay thế)" if letter.replacing else ""
    message = EmailMessage()
    message["Subject"] = f"{s.cell_name} gửi {', '.join(kinds)} {period}{again}"
    message["From"] = formataddr((s.cell_name, sender))
    message["To"] = letter.address
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    listed = "\n".join(f"- {a.document.label} (tệp {a.path.name})"
                       + (", bản thay thế bản đã gửi trước" if a.document.path in letter.replacing
                          else "") for a in letter.files)
    message.set_content(
        f"Kính gửi: {letter.addressee},\n\n"
        f"{s.cell_name} xin gửi kèm theo thư này các văn bản {period}:\n{listed}\n\n"
        f"Trân trọng.\n\nT/M CHI BỘ\nBÍ THƯ\n{s.cell_secretary}\n")
    for path in (a.path for a in letter.files):
        kind = ("application", "pdf") if path.suffix == ".pdf" else DOCX_TYPE
        message.add_attachment(path.read_bytes(), maintype=kind[0], subtype=kind[1],
                               filename=path.name)
    return message


# --- drafts and sending -----------------------------------------------------------------------

def drafts_folder(output: Path, workbook: Workbook, quarter: int | None) -> Path:
    year = workbook.settings.year
    return output / str(year) / (f"quy-{quarter}" if quarter else "") / "thu"


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
        raise ChiboError(f"Máy chủ thư {where} không hỗ trợ STARTTLS: hãy chọn «{ROW_SECURITY}» "
                         f"SSL và «{ROW_PORT}» 465 ở trang Thông tin, hoặc hỏi nhà cung cấp.") from None
    except ssl.SSLError as error:
        raise ChiboError(f"Không thiết lập được kết nối bảo mật với {where} ({error.reason or error}): "
                         f"kiểm tra «{ROW_SECURITY}» và «{ROW_PORT}» ở trang Thông tin.") from None
    except (OSError, smtplib.SMTPException) as error:
        raise ChiboError(f"Không kết nối được máy chủ thư {where} ({type(error).__name__}): kiểm "
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
            raise ChiboError(f"Không đăng nhập được máy chủ thư ({error}).") from None
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
    """One run of `chibo send`: the letters of a period, ready to draft or to send."""

    workbook: Workbook
    output: Path
    period: int | None                   # a quarter, or None for the year
    letters: list[Letter]
    log: SentLog
    settings: SmtpSettings | None        # None for drafts only
    notes: list[str] = field(default_factory=list)   # what the secretary should know first
    drafts_at: Path | None = None        # where drafts go, when not the period's folder

    def draft(self) -> list[Path]:
        folder = self.drafts_at or drafts_folder(self.output, self.workbook, self.period)
        return write_drafts(self.letters, folder)

    def send(self, password: str | None) -> SendResult:
        assert self.settings is not None  # prepare reads them whenever there are letters to send
        return send_letters(self.letters, self.settings, password, self.log)


def prepare(workbook_path, output_dir, quarter: int | None, year: bool, resend: bool,
            dry_run: bool = False, today: dt.date | None = None):
    """Read and check the workbook and compose the letters: (report, mailing). Nothing is
    sent; the mailing is None when the workbook has errors."""
    from .checking import read_and_check

    today = today or dt.date.today()
    workbook, report = read_and_check(workbook_path, today)
    if workbook is None or report.has_errors:
        return report, None
    if not any(r.email for r in workbook.recipients):
        raise ChiboError("Chưa có địa chỉ email nào ở trang Nơi nhận: hãy ghi cột «Email» cho "
                         "những nơi nhận văn bản qua thư.")
    period = None if year else (quarter or latest_quarter(workbook, today))
    if not year and period is None:
        raise ChiboError("Sổ chưa có buổi sinh hoạt nào: hãy chọn --quarter N hoặc --year.")
    output = Path(output_dir)
    log = SentLog(workbook, output)
    letters = plan_letters(workbook, output, period, resend, log, today)
    settings = None if dry_run or not letters else SmtpSettings.from_workbook(workbook.settings)
    sender = settings.sender if settings else draft_sender(workbook.settings)
    for letter in letters:
        letter.message = compose(letter, workbook, period, sender)
    return report, Mailing(workbook, output, period, letters, log, settings,
                           _waiting_new_versions(workbook, output, period, today))


def _waiting_new_versions(workbook: Workbook, output: Path, period: int | None,
                          today: dt.date) -> list[str]:
    """The period's documents she edited while the workbook moved on: hers is sent."""
    from .outputs import OutputFolder, shown

    outputs = OutputFolder(output)
    notes = []
    for document in period_documents(workbook, period, today):
        newer = outputs.new_version_of(document.path)
        if newer is not None:
            notes.append(f"{document.label}: gửi bản đồng chí đã sửa "
                         f"({shown(outputs.path_of(document.path))}); bản mới theo sổ "
                         f"({shown(newer)}) chưa được chọn.")
    return notes
