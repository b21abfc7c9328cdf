"""The record of mail sent: what went to whom, with the files' hashes, kept outside output/
(see `places.sent_record`) so that deleting and rebuilding output/ sends nothing again.

A letter is written to the record twice: «đang gửi» (SENDING) with its Message-ID before it
goes to the server, and «đã gửi» (SENT) once the server took it. A letter the server
refused is taken off again. One still «đang gửi» on the next run was cut off — a crash, a
kill, a connection lost after the message was handed over — and may have arrived: it is
sent again under the same Message-ID, which mail programs take for the same message."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from ..errors import MailRecordDamaged, OutputNotWritable
from ..files import atomic_write, shown
from ..places import sent_record
from ..workbook.model import Workbook
from .letter import Letter

LEGACY_SENT_LOG = ".chibo-sent.json"   # where chibo 0.1 kept the record, inside output/
SENDING, SENT = "sending", "sent"      # an entry without a status is from before: sent

# The record's declared shape: each entry's fields and their types (those marked True are
# required), and each attached file's. Anything else is a damaged record.
ENTRY_FIELDS: dict[str, tuple[type, bool]] = {
    "to": (str, True), "files": (list, True), "time": (str, False), "subject": (str, False),
    "message_id": (str, False), "status": (str, False), "invitation": (str, False),
    "meeting_sha256": (str, False)}
FILE_FIELDS: dict[str, tuple[type, bool]] = {
    "path": (str, False), "sha256": (str, False), "document": (str, False),
    "document_sha256": (str, False)}


def _fits(item: object, fields: dict[str, tuple[type, bool]]) -> bool:
    return isinstance(item, dict) and all(
        isinstance(item[name], kind) if name in item else not required
        for name, (kind, required) in fields.items())


def valid_messages(data: object) -> bool:
    """Whether `data` has the record's shape: {"messages": [entry, …]}."""
    messages = data.get("messages") if isinstance(data, dict) else None
    return isinstance(messages, list) and all(
        _fits(m, ENTRY_FIELDS) and m.get("status", SENT) in (SENDING, SENT)
        and all(_fits(f, FILE_FIELDS) for f in m["files"]) for m in messages)


class SentLog:
    """What was sent to whom, kept outside output/ (see `places.sent_record`): deleting and
    rebuilding output/ sends nothing again. A record left in output/ by an older chibo is
    read too."""

    def __init__(self, workbook: Workbook, output: Path):
        settings = workbook.settings.values
        self.path = sent_record(str(settings.get("cell_name") or Path(workbook.path).stem),
                                settings.get("year"))
        self.legacy = output / LEGACY_SENT_LOG
        self.messages: list[dict] = self._load()
        self.sent_before = {m.get("message_id") for m in self.delivered}

    def _load(self) -> list[dict]:
        messages = self._read(self.path) if self.path.exists() else []
        if self.legacy.exists():   # once saved here, its letters are in the record too
            known = {m.get("message_id") for m in messages}
            messages = [m for m in self._read(self.legacy)
                        if m.get("message_id") not in known] + messages
        return messages

    @staticmethod
    def _read(place: Path) -> list[dict]:
        try:
            data = json.loads(place.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            data = None
        if not valid_messages(data):
            raise MailRecordDamaged(f"Sổ theo dõi thư đã gửi {place} bị hỏng: hãy khôi phục hoặc xóa "
                                    "tệp đó (khi xóa, mọi văn bản sẽ được gửi lại).")
        return data["messages"]

    @property
    def delivered(self) -> list[dict]:
        """The letters the server took."""
        return [m for m in self.messages if m.get("status", SENT) == SENT]

    @property
    def cut_off(self) -> list[dict]:
        """The letters a run began to send and never knew the end of: they may have arrived."""
        return [m for m in self.messages if m.get("status") == SENDING]

    def invited(self, address: str | None, meeting_id: str) -> list[str]:
        """The versions (meeting hashes) of a meeting's invitation sent to an address, or
        to anyone when the address is None."""
        return [m.get("meeting_sha256", "") for m in self.delivered
                if m.get("invitation") == meeting_id
                and (address is None or m["to"].casefold() == address.casefold())]

    def was_sent(self, address: str, document: str, digest: str | None = None) -> bool:
        """Whether this document reached this address, as a PDF or as the Word file — as it
        is now (its .docx hash `digest`), or in any version when no hash is given."""
        return any(m["to"].casefold() == address.casefold() and any(
            f.get("document") == document and digest in (None, f.get("document_sha256"))
            for f in m["files"]) for m in self.delivered)

    def earlier_try(self, letter: Letter) -> dict | None:
        """The same letter, begun by a run that was cut off."""
        return next((m for m in self.cut_off if _same_letter(m, letter)), None)

    def sent_meanwhile(self, letter: Letter) -> bool:
        """Whether another run sent this very letter since this record was read."""
        return any(_same_letter(m, letter) and m.get("message_id") not in self.sent_before
                   for m in self.delivered)

    def reread(self) -> None:
        """What the record says now: another run may have sent since it was read."""
        self.messages = self._load()

    def check_writable(self) -> None:
        """Before the first letter: the record can be written, or nothing is sent."""
        probe = self.path.with_name(f".{self.path.stem}.thu-ghi")
        try:
            atomic_write(probe, b"")   # the record is replaced the same way, in the same folder
            probe.unlink(missing_ok=True)   # a second click's check may have removed it first
        except PermissionError:
            raise OutputNotWritable(f"Không có quyền ghi sổ theo dõi thư đã gửi ({shown(self.path)}): "
                                    "chưa gửi thư nào.") from None
        except OutputNotWritable as error:
            raise OutputNotWritable(f"Không ghi được sổ theo dõi thư đã gửi ({shown(self.path)}): "
                                    f"{error} Chưa gửi thư nào: không có sổ này, thư sẽ bị gửi "
                                    "trùng ở lần sau.") from None

    def begin(self, letter: Letter) -> None:
        """Written «đang gửi» before the letter goes to the server."""
        assert letter.message is not None  # prepare composes every letter
        earlier = self.earlier_try(letter)   # sent again under its Message-ID: one entry
        self.messages = [m for m in self.messages if m is not earlier]
        self.messages.append({
            "time": dt.datetime.now().isoformat(timespec="seconds"),
            "to": letter.address,
            "subject": str(letter.message["Subject"]),
            "message_id": str(letter.message["Message-ID"]),
            "status": SENDING,
            "files": [{"path": a.relative, "sha256": hashlib.sha256(a.path.read_bytes()).hexdigest(),
                       "document": a.document.path, "document_sha256": a.document_sha256}
                      for a in letter.files],
            **letter.facts,
        })
        self._save()

    def finish(self, letter: Letter) -> None:
        """The server took the letter."""
        entry = self._entry(letter)
        entry.update(status=SENT, time=dt.datetime.now().isoformat(timespec="seconds"))
        self._save()

    def abandon(self, letter: Letter) -> None:
        """The server refused the letter: it did not go."""
        entry = self._entry(letter)
        self.messages = [m for m in self.messages if m is not entry]
        self._save()

    def _entry(self, letter: Letter) -> dict:
        assert letter.message is not None
        wanted = str(letter.message["Message-ID"])
        return next(m for m in reversed(self.messages) if m.get("message_id") == wanted)

    def _save(self) -> None:
        data = json.dumps({"messages": self.messages}, ensure_ascii=False, indent=1)
        try:
            atomic_write(self.path, data.encode("utf-8"))
        except PermissionError:
            raise OutputNotWritable(f"không có quyền ghi {shown(self.path)}") from None


def _same_letter(entry: dict, letter: Letter) -> bool:
    """The same message to the same address: the same invitation version, or the same
    documents as they are now."""
    if entry["to"].casefold() != letter.address.casefold():
        return False
    if "invitation" in letter.facts:
        return (entry.get("invitation") == letter.facts["invitation"]
                and entry.get("meeting_sha256") == letter.facts.get("meeting_sha256"))
    return entry.get("invitation") is None and (
        {(f.get("document"), f.get("document_sha256")) for f in entry["files"]}
        == {(a.document.path, a.document_sha256) for a in letter.files})
