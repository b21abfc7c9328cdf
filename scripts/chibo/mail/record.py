"""The record of mail sent: what went to whom, with the files' hashes, kept outside output/
(see `places.sent_record`) so that deleting and rebuilding output/ sends nothing again."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from ..errors import MailRecordDamaged
from ..files import atomic_write
from ..places import sent_record
from ..workbook.model import Workbook
from .letter import Letter

LEGACY_SENT_LOG = ".chibo-sent.json"   # where chibo 0.1 kept the record, inside output/


class SentLog:
    """What was sent to whom, kept outside output/ (see `places.sent_record`): deleting and
    rebuilding output/ sends nothing again. A record left in output/ by an older chibo is
    read too."""

    def __init__(self, workbook: Workbook, output: Path):
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
            raise MailRecordDamaged(f"Sổ theo dõi thư đã gửi {place} bị hỏng: hãy khôi phục hoặc xóa "
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
            "files": [{"path": a.relative, "sha256": hashlib.sha256(a.path.read_bytes()).hexdigest(),
                       "document": a.document.path, "document_sha256": a.document_sha256}
                      for a in letter.files],
            **letter.facts,
        })
        data = json.dumps({"messages": self.messages}, ensure_ascii=False, indent=1)
        atomic_write(self.path, data.encode("utf-8"))
