"""Writing documents under output/ without ever losing the secretary's work.

- Every file is written to a temporary file beside it and renamed, so a crash leaves no half
  document.
- A manifest (`output/.chibo-manifest.json`) records the hash of every file chibo wrote. A
  file on disk whose hash differs was edited by hand: it is kept under a new name, and the
  caller is told.
- A file open in Word or LibreOffice (its lock file beside it, or the system refusing the
  rename) is left alone, with a message naming it.
- Paths stay inside the output folder, whatever a Mã buổi contains.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ChiboError

MANIFEST = ".chibo-manifest.json"

WRITTEN, UNCHANGED, KEPT_EDITED = "written", "unchanged", "kept-edited"
LOCKED, FAILED = "locked", "failed"   # nothing written: the file is open; or it could not be made


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str
    kept_as: Path | None = None
    message: str = ""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def lock_file_beside(path: Path) -> Path | None:
    """The owner file Word (~$name) or LibreOffice (.~lock.name#) keeps while a file is open."""
    for candidate in (f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#"):
        lock = path.with_name(candidate)
        if lock.exists():
            return lock
    return None


def shown(path: Path) -> str:
    """A path as the secretary typed it: relative to where she runs chibo, when inside."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def pdf_name(relative_docx: str) -> str:
    return relative_docx[: -len(".docx")] + ".pdf"


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".chibo-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


class OutputFolder:
    """The output folder and its manifest."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.manifest_path = self.root / MANIFEST
        self.entries: dict[str, dict] = {}
        if self.manifest_path.exists():
            try:
                self.entries = json.loads(self.manifest_path.read_text(encoding="utf-8"))["files"]
            except (ValueError, KeyError, TypeError):
                self.entries = {}  # a damaged manifest: every existing file counts as hers

    def path_of(self, relative: str) -> Path:
        if self.root.exists() and not self.root.is_dir():
            raise ChiboError(f"{self.root} là một tệp, không phải thư mục: hãy chọn thư mục "
                             "khác bằng -o.")
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ChiboError(f"Tên tệp không hợp lệ: {relative}")
        return path

    def recorded(self, relative: str) -> dict | None:
        return self.entries.get(relative)

    def is_built(self, relative: str) -> bool:
        return relative in self.entries and self.path_of(relative).exists()

    def edited_by_hand(self, relative: str) -> bool:
        """Whether the file on disk differs from what chibo last wrote there."""
        path = self.path_of(relative)
        return path.exists() and not self._is_recorded(relative, path.read_bytes())

    def _is_recorded(self, relative: str, data: bytes) -> bool:
        """Whether `data` is what the manifest says chibo wrote at `relative`."""
        return self.entries.get(relative, {}).get("sha256") == sha256(data)

    def write(self, relative: str, data: bytes, source: str | None = None) -> Outcome:
        """Write one file safely; `source` is the hash of the document a PDF was made from."""
        path = self.path_of(relative)
        name = shown(path)
        lock = lock_file_beside(path)
        if lock is not None:
            return Outcome(path, LOCKED, message=f"{name} đang được mở (thấy tệp khóa "
                           f"{lock.name}): hãy đóng tệp trong Word rồi chạy lại.")
        kept = None
        if path.exists():
            old = path.read_bytes()
            if old == data:   # what chibo would write: ours, even if not recorded
                self._record(relative, data, source)
                return Outcome(path, UNCHANGED)
            if not self._is_recorded(relative, old):   # edited by hand
                kept = self._keep(path, dt.datetime.now())
        try:
            atomic_write(path, data)
        except PermissionError:
            return Outcome(path, LOCKED, message=f"Không ghi được {name}: tệp đang mở trong Word "
                           "hoặc chỉ cho đọc; hãy đóng tệp rồi chạy lại.")
        except OSError as error:
            raise ChiboError(f"Không ghi được vào thư mục {shown(path.parent)} "
                             f"({error.strerror or error}): hãy chọn thư mục khác bằng -o.") from None
        self._record(relative, data, source)
        if kept is not None:
            return Outcome(path, KEPT_EDITED, kept, f"{name} đã được sửa tay sau khi tạo: bản "
                           f"của đồng chí được giữ lại thành {shown(kept)}; bản mới ghi đè "
                           "tên cũ.")
        return Outcome(path, WRITTEN)

    def _record(self, relative: str, data: bytes, source: str | None) -> None:
        entry = {"sha256": sha256(data),
                 "written": dt.datetime.now().isoformat(timespec="seconds")}
        if source:
            entry["source_sha256"] = source
        if self.entries.get(relative, {}).get("sha256") == entry["sha256"] and not source:
            return   # nothing new to record
        self.entries[relative] = entry
        self._save()

    def pdf_is_current(self, relative_docx: str) -> bool:
        """Whether the PDF beside a document was made from the document as it is now."""
        relative_pdf = pdf_name(relative_docx)
        entry = self.entries.get(relative_pdf)
        document = self.entries.get(relative_docx)
        return (entry is not None and document is not None
                and entry.get("source_sha256") == document.get("sha256")
                and not self.edited_by_hand(relative_pdf) and self.path_of(relative_pdf).exists())

    def _keep(self, path: Path, now: dt.datetime) -> Path:
        """Rename a hand-edited file out of the way: name.sua-tay-YYYYmmdd-HHMMSS.docx."""
        stamp = now.strftime("%Y%m%d-%H%M%S")
        kept = path.with_name(f"{path.stem}.sua-tay-{stamp}{path.suffix}")
        counter = 1
        while kept.exists():
            counter += 1
            kept = path.with_name(f"{path.stem}.sua-tay-{stamp}-{counter}{path.suffix}")
        try:
            os.replace(path, kept)
        except PermissionError:
            raise ChiboError(f"Không đổi tên được {shown(path)} (bản đã sửa tay): tệp đang "
                             "mở? Hãy đóng tệp rồi chạy lại.") from None
        return kept

    def _save(self) -> None:
        data = json.dumps({"files": self.entries}, ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write(self.manifest_path, data.encode("utf-8"))
