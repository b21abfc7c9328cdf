"""One letter: one message to one address, with the documents it carries."""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path
from typing import NamedTuple

from ..documents.document import Planned


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


def message_from_the_cell(cell_name: str, sender: str, address: str, subject: str) -> EmailMessage:
    """A message from the cell to one address, its body and files still to add."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = formataddr((cell_name, sender))
    message["To"] = address
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    return message
