"""Writing documents under output/ without ever losing the secretary's work.

- Every file is written to a temporary file beside it and renamed, so a crash leaves no half
  document.
- A manifest (`output/.chibo-manifest.json`) records the hash of every file chibo wrote. A
  file on disk whose hash differs was edited by hand, and it is hers: chibo never writes over
  it, and it is the one made into PDF and sent. When the workbook later changes what that
  document says, the new version goes beside it (`…-ban-moi.docx`) for her to compare; once
  she removes one of the two, chibo follows her choice.
- A file open in Word, Excel or LibreOffice (its lock file beside it, or the system refusing
  the rename) is left alone, with a message naming it and the program.
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
NEW_VERSION_SUFFIX = "-ban-moi"

WRITTEN, UNCHANGED = "written", "unchanged"
KEPT_EDITED = "kept-edited"     # her edited file stays, and says what the workbook says
NEW_VERSION = "new-version"     # her edited file stays; the workbook's new version is beside it
LOCKED, FAILED = "locked", "failed"   # nothing written: the file is open; or it could not be made


@dataclass(frozen=True)
class Outcome:
    path: Path                   # the document's own path (hers, where she edited it)
    status: str
    new_version: Path | None = None
    message: str = ""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def lock_file_beside(path: Path) -> Path | None:
    """The owner file Word or Excel (~$name) or LibreOffice (.~lock.name#) keeps while a file
    is open."""
    for candidate in (f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#"):
        lock = path.with_name(candidate)
        if lock.exists():
            return lock
    return None


def program_holding(path: Path, lock: Path | None = None) -> str:
    """Which program holds a file open: LibreOffice leaves '.~lock.' files; Word and Excel
    leave '~$' files; without a lock file, the program of the file's kind."""
    if lock is not None and lock.name.startswith(".~lock."):
        return "LibreOffice"
    return {".xlsx": "Excel", ".xls": "Excel", ".pdf": "trình đọc PDF"}.get(path.suffix.lower(),
                                                                         "Word")


def shown(path: Path) -> str:
    """A path as the secretary typed it: relative to where she runs chibo, when inside."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def pdf_name(relative_docx: str) -> str:
    return relative_docx[: -len(".docx")] + ".pdf"


def new_version_name(relative: str) -> str:
    """'…/bao-cao-quy-2-2022.docx' -> '…/bao-cao-quy-2-2022-ban-moi.docx'."""
    stem, dot, suffix = relative.rpartition(".")
    return f"{stem}{NEW_VERSION_SUFFIX}{dot}{suffix}"


def atomic_write(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename. A folder that cannot be written (read
    only, a path through a file, a full disk) is a `ChiboError` naming it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".chibo-", suffix=path.suffix, dir=path.parent)
    except (FileExistsError, NotADirectoryError):
        raise ChiboError(f"Không tạo được thư mục {shown(path.parent)}: trên đường dẫn có một "
                         "tệp trùng tên thư mục.") from None
    except PermissionError:
        raise ChiboError(f"Không có quyền ghi vào thư mục {shown(path.parent)}: hãy chọn thư "
                         "mục khác.") from None
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
                             "khác để ghi văn bản.")
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

    def new_version_of(self, relative: str) -> Path | None:
        """The workbook's new version waiting beside her edited document, if any."""
        path = self.path_of(new_version_name(relative))
        return path if path.exists() and self.path_of(relative).exists() else None

    def _is_recorded(self, relative: str, data: bytes) -> bool:
        """Whether `data` is what the manifest says chibo wrote at `relative`."""
        return self.entries.get(relative, {}).get("sha256") == sha256(data)

    def write(self, relative: str, data: bytes, source: str | None = None) -> Outcome:
        """Write one file safely; `source` is the hash of the document a PDF was made from."""
        path = self.path_of(relative)
        if path.exists():
            old = path.read_bytes()
            if old == data:   # what chibo would write: ours, even if not recorded
                self._record(relative, data, source)
                self._drop_new_version(relative)
                return Outcome(path, UNCHANGED)
            if not self._is_recorded(relative, old):
                return self._beside_hers(relative, path, data)
        outcome = self._replace(relative, path, data, source)
        if outcome.status == WRITTEN:
            self._drop_new_version(relative)
        return outcome

    def _replace(self, relative: str, path: Path, data: bytes, source: str | None) -> Outcome:
        name = shown(path)
        lock = lock_file_beside(path)
        if lock is not None:
            return Outcome(path, LOCKED, message=f"{name} đang mở trong "
                           f"{program_holding(path, lock)}: hãy đóng tệp rồi chạy lại.")
        try:
            atomic_write(path, data)
        except PermissionError:
            return Outcome(path, LOCKED, message=f"Không ghi được {name}: tệp đang mở trong "
                           f"{program_holding(path)} hoặc chỉ cho đọc; hãy đóng tệp rồi chạy lại.")
        except OSError as error:
            raise ChiboError(f"Không ghi được vào thư mục {shown(path.parent)} "
                             f"({error.strerror or error}): hãy chọn thư mục khác.") from None
        self._record(relative, data, source)
        return Outcome(path, WRITTEN)

    def _beside_hers(self, relative: str, path: Path, data: bytes) -> Outcome:
        """Her edited document stays as it is. If the workbook now says something else than
        when chibo last wrote it, the new version goes beside it — unless she already
        removed that very version, choosing hers."""
        entry = self.entries.setdefault(relative, {})
        digest = sha256(data)
        newer = new_version_name(relative)
        declined = entry.get("offered_sha256") == digest and not self.path_of(newer).exists()
        if entry.get("sha256") == digest or declined:
            if entry.get("sha256") == digest:
                self._drop_new_version(relative)
            return Outcome(path, KEPT_EDITED, message=f"{shown(path)} đã được sửa bằng tay sau "
                           "khi chibo lập: chibo giữ nguyên bản này, làm PDF và gửi đi bản này.")
        written = self._replace(newer, self.path_of(newer), data, None)
        if written.status == LOCKED:
            return written
        entry["offered_sha256"] = digest
        self._save()
        return Outcome(path, NEW_VERSION, written.path,
                       f"{shown(path)} đã được sửa bằng tay nên chibo giữ nguyên (bản này được "
                       f"làm PDF và gửi đi); sổ đã đổi nội dung văn bản này, bản mới ghi ở "
                       f"{shown(written.path)}. Hãy so sánh, giữ một bản và xóa bản kia.")

    def _drop_new_version(self, relative: str) -> None:
        """A new version chibo wrote beside her document goes once it is no longer new:
        when the document says the same again, or she took the new one. Not if she
        edited it: then it is hers too."""
        newer = new_version_name(relative)
        path = self.path_of(newer)
        if path.exists() and self._is_recorded(newer, path.read_bytes()):
            try:
                path.unlink()
            except OSError:
                return
            self.entries.pop(newer, None)
            self._save()

    def _record(self, relative: str, data: bytes, source: str | None) -> None:
        entry = dict(self.entries.get(relative, {}))
        changed = entry.get("sha256") != sha256(data) or (source and entry.get("source_sha256")
                                                          != source)
        if not changed:
            return   # nothing new to record
        entry.update({"sha256": sha256(data),
                      "written": dt.datetime.now().isoformat(timespec="seconds")})
        entry.pop("offered_sha256", None)
        if source:
            entry["source_sha256"] = source
        self.entries[relative] = entry
        self._save()

    def document_hash(self, relative_docx: str) -> str | None:
        """The hash of a document as it is on disk now (hers, if she edited it)."""
        path = self.path_of(relative_docx)
        return sha256(path.read_bytes()) if path.exists() else None

    def pdf_is_current(self, relative_docx: str) -> bool:
        """Whether the PDF beside a document was made from the document as it is on disk now
        (the secretary's edited file included)."""
        relative_pdf = pdf_name(relative_docx)
        entry = self.entries.get(relative_pdf)
        return (entry is not None and self.path_of(relative_pdf).exists()
                and entry.get("source_sha256") == self.document_hash(relative_docx)
                and not self.edited_by_hand(relative_pdf))

    def _save(self) -> None:
        data = json.dumps({"files": self.entries}, ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write(self.manifest_path, data.encode("utf-8"))
