"""How to reach the mail server: the workbook's `Thông tin` rows (the host, port, security and
account), each overridden by a CHIBO_SMTP_* variable where one is set (for a relay an
office configures once), with what a known provider needs filled in."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import MailNotSetUp
from ..workbook.model import Record

PORTS = {"starttls": 587, "ssl": 465, "none": 25}
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
    def from_workbook(cls, settings: Record) -> SmtpSettings:
        values = settings.values

        def setting(variable: str, field_name: str) -> str:
            chosen = os.environ.get(variable, "").strip()
            return chosen or str(values.get(field_name) or "").strip()

        host = setting("CHIBO_SMTP_HOST", "smtp_host")
        if not host:
            raise MailNotSetUp(f"Chưa có máy chủ thư: hãy ghi mục «{ROW_HOST}» ở trang Thông tin "
                               "(ví dụ smtp.gmail.com cho Gmail, smtp.office365.com cho Outlook).")
        known_security, known_port = PROVIDERS.get(host.lower(), ("starttls", None))
        security_text = setting("CHIBO_SMTP_SECURITY", "smtp_security").lower()
        security = SECURITY_WORDS.get(security_text) if security_text else known_security
        if security is None:
            raise MailNotSetUp(f"«{ROW_SECURITY}» «{security_text}» không hợp lệ: chọn STARTTLS, "
                               "SSL hoặc Không ở trang Thông tin.")
        port_text = setting("CHIBO_SMTP_PORT", "smtp_port")
        if port_text and not port_text.isdigit():
            raise MailNotSetUp(f"«{ROW_PORT}» «{port_text}» phải là một số, ví dụ 587.")
        sender = (os.environ.get("CHIBO_SMTP_FROM", "").strip()
                  or (values.get("email") or ("",))[0])
        if not sender:
            raise MailNotSetUp("Chưa có địa chỉ gửi: hãy ghi «Email chi bộ» ở trang Thông tin.")
        default_port = known_port if not security_text else PORTS[security]
        user = setting("CHIBO_SMTP_USER", "smtp_user") or (
            sender if host.lower() in PROVIDERS else None)
        return cls(host, int(port_text) if port_text else (default_port or PORTS[security]),
                   security, sender, user, os.environ.get("CHIBO_SMTP_CAFILE", "").strip() or None)


def draft_sender(settings: Record) -> str:
    """The From of a draft, before any mail server is set up."""
    return (os.environ.get("CHIBO_SMTP_FROM", "").strip()
            or (settings.values.get("email") or ("chibo@localhost",))[0])
