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

import contextlib
import datetime as dt
import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import OutputNotWritable
from ..files import atomic_write, folder_refusals, lock_file_beside, program_holding, shown
from .fingerprint import is_marked, mark_docx, mark_pdf, pdf_source

MANIFEST = ".chibo-manifest.json"
WRITING_LOCK = ".chibo-dang-ghi.lock"   # where the data folder cannot hold the lock below
WAIT_FOR_OTHER_BUILD = 300              # seconds: a build with its PDFs takes a minute or two
NEW_VERSION_SUFFIX = "-ban-moi"

WRITTEN, UNCHANGED = "written", "unchanged"
KEPT_EDITED = "kept-edited"     # her edited file stays, and says what the workbook says
NEW_VERSION = "new-version"     # her edited file stays; the workbook's new version is beside it
LOCKED, FAILED = "locked", "failed"   # nothing written: the file is open; or it could not be made
# What became of a file, as every summary says it (the command line and the window).
STATUS_WORDS = {WRITTEN: "Đã ghi", NEW_VERSION: "Giữ bản đồng chí đã sửa, ghi bản mới bên cạnh",
                KEPT_EDITED: "Giữ nguyên bản đồng chí đã sửa", UNCHANGED: "Không thay đổi",
                LOCKED: "Không ghi được", FAILED: "Không tạo được"}


@dataclass(frozen=True)
class Outcome:
    path: Path                   # the document's own path (hers, where she edited it)
    status: str
    new_version: Path | None = None
    message: str = ""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pdf_name(relative_docx: str) -> str:
    return relative_docx[: -len(".docx")] + ".pdf"


def new_version_name(relative: str, number: int = 1) -> str:
    """'…/bao-cao-quy-2-2022.docx' -> '…/bao-cao-quy-2-2022-ban-moi.docx' (…-ban-moi-2.docx
    where she edited the first new version too)."""
    stem, dot, suffix = relative.rpartition(".")
    counter = f"-{number}" if number > 1 else ""
    return f"{stem}{NEW_VERSION_SUFFIX}{counter}{dot}{suffix}"


class Manifest:
    """What chibo wrote in an output folder (`.chibo-manifest.json`): by relative path, the
    hash of the file, of the document a PDF was made from, and of a new version offered
    beside an edited file. A damaged manifest reads as empty: every existing file is hers."""

    def __init__(self, path: Path):
        self.path = path
        self.deferred = self.dirty = False
        self.entries: dict[str, dict] = {}
        try:
            found = path.exists()
        except PermissionError:
            raise OutputNotWritable(f"Không có quyền mở thư mục {shown(path.parent)}: hãy chọn thư "
                                    "mục khác, hoặc xin quyền đọc và ghi thư mục này.") from None
        if found:
            try:
                entries = json.loads(path.read_text(encoding="utf-8"))["files"]
            except (ValueError, KeyError, TypeError, OSError):
                entries = {}
            if isinstance(entries, dict):
                self.entries = {k: v for k, v in entries.items()
                                if isinstance(k, str) and isinstance(v, dict)}

    def get(self, relative: str) -> dict | None:
        return self.entries.get(relative)

    def holds(self, relative: str, data: bytes) -> bool:
        """Whether `data` is what chibo last wrote at `relative`."""
        return self.entries.get(relative, {}).get("sha256") == sha256(data)

    def record(self, relative: str, data: bytes, source: str | None) -> None:
        """chibo wrote `data` at `relative` (a PDF: made from the document of hash `source`)."""
        entry = dict(self.entries.get(relative, {}))
        changed = entry.get("sha256") != sha256(data) or (source and entry.get("source_sha256")
                                                          != source)
        if not changed:
            return
        entry.update({"sha256": sha256(data),
                      "written": dt.datetime.now().isoformat(timespec="seconds")})
        entry.pop("offered_sha256", None)
        if source:
            entry["source_sha256"] = source
        self.entries[relative] = entry
        self.save()

    def remember_recipe(self, relative: str, recipe: str) -> None:
        """The file chibo wrote at `relative` was made from this recipe."""
        entry = self.entries.get(relative)
        if entry is not None and entry.get("recipe") != recipe:
            entry["recipe"] = recipe
            self.save()

    def offered(self, relative: str, digest: str) -> None:
        """A new version of hash `digest` was offered beside her edited file."""
        self.entries.setdefault(relative, {})["offered_sha256"] = digest
        self.save()

    def forget(self, relative: str) -> None:
        if self.entries.pop(relative, None) is not None:
            self.save()

    def save(self) -> None:
        if self.deferred:   # a run writes it once, at its end (see OutputFolder.writing)
            self.dirty = True
            return
        data = json.dumps({"files": self.entries}, ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write(self.path, data.encode("utf-8"))

    @contextlib.contextmanager
    def saved_at_the_end(self) -> Iterator[None]:
        """Changes kept in memory and written once: a crash in between loses no file of
        hers, since chibo's own files are known by their content too (fingerprint.py)."""
        self.deferred, self.dirty = True, False
        try:
            yield
        finally:
            self.deferred = False
            if self.dirty:
                self.save()


class OutputFolder:
    """The output folder: where each document goes, and how a write keeps her edits."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.manifest = Manifest(self.root / MANIFEST)
        self._paths: dict[str, Path] = {}   # each file's place, resolved once (a big build asks
        # for each some seven times, and resolving asks the system about every folder above)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One run at a time writes this folder (the window and a command line, or two
        command lines): a second waits, then reads the manifest the first left."""
        from filelock import FileLock, Timeout

        with folder_refusals(self.root):
            self.root.mkdir(parents=True, exist_ok=True)
        place = self._lock_place()
        lock = FileLock(str(place), timeout=WAIT_FOR_OTHER_BUILD)
        try:
            with folder_refusals(place.parent):
                lock.acquire()
        except Timeout:   # a TimeoutError, which folder_refusals passes on untouched
            raise OutputNotWritable(f"Một lần lập văn bản khác đang ghi vào thư mục "
                                    f"{shown(self.root)} đã hơn {WAIT_FOR_OTHER_BUILD // 60} phút: "
                                    "hãy đợi lần đó xong rồi lập lại.") from None
        try:
            self.manifest = Manifest(self.root / MANIFEST)
            with self.manifest.saved_at_the_end():
                yield
        finally:
            lock.release()

    def _lock_place(self) -> Path:
        """The folder's lock, in chibo's data folder (named by the folder's path), so that
        nothing of chibo's lies among her documents."""
        from ..places import data_folder

        name = hashlib.sha256(str(self.root.resolve()).encode("utf-8")).hexdigest()[:24]
        place = data_folder() / "dang-ghi"
        try:
            place.mkdir(parents=True, exist_ok=True)
        except OSError:
            return self.root / WRITING_LOCK
        return place / f"{name}.lock"

    def path_of(self, relative: str) -> Path:
        """Where a file of the folder is, never outside it."""
        known = self._paths.get(relative)
        if known is not None:
            return known
        if self.root.exists() and not self.root.is_dir():
            raise OutputNotWritable(f"{self.root} là một tệp, không phải thư mục: hãy chọn thư "
                                    "mục khác để ghi văn bản.")
        try:
            path = (self.root / relative).resolve()
        except (OSError, ValueError):   # a NUL byte, a name the system refuses
            raise OutputNotWritable(f"Tên tệp không hợp lệ: {relative[:80]!r}") from None
        if not path.is_relative_to(self._resolved_root):
            raise OutputNotWritable(f"Tên tệp không hợp lệ: {relative}")
        self._paths[relative] = path
        return path

    @functools.cached_property
    def _resolved_root(self) -> Path:
        return self.root.resolve()

    def made_from(self, relative: str, recipe: str) -> bool:
        """Whether the file at `relative` is chibo's, made from this recipe: the same file
        a build would write now."""
        entry = self.manifest.get(relative)
        if entry is None or entry.get("recipe") != recipe:
            return False
        path = self.path_of(relative)
        return path.is_file() and self.manifest.holds(relative, path.read_bytes())

    def recorded(self, relative: str) -> dict | None:
        return self.manifest.get(relative)

    def edited_by_hand(self, relative: str) -> bool:
        """Whether the file on disk differs from what chibo last wrote there."""
        path = self.path_of(relative)
        return path.exists() and not self.ours(relative, path.read_bytes())

    def ours(self, relative: str, data: bytes) -> bool:
        """Whether chibo wrote this content here: the manifest says so, or the content's own
        mark does (a crash or another build may have kept the manifest from knowing)."""
        return self.manifest.holds(relative, data) or is_marked(relative, data)

    def new_version_of(self, relative: str) -> Path | None:
        """The workbook's new version waiting beside her edited document, if any (the
        latest, where she edited an earlier one too)."""
        if not self.path_of(relative).exists():
            return None
        found = [self.path_of(n) for n in self._new_version_names(relative)]
        found = [p for p in found if p.exists()]
        return found[-1] if found else None

    def _new_version_names(self, relative: str) -> list[str]:
        names, number = [], 1
        while True:
            name = new_version_name(relative, number)
            names.append(name)
            if not self.path_of(name).exists():
                return names
            number += 1

    def write(self, relative: str, data: bytes, source: str | None = None) -> Outcome:
        """Write one file safely; `source` is the hash of the document a PDF was made from."""
        path = self.path_of(relative)
        data = mark_pdf(data, source) if source else mark_docx(data) \
            if relative.endswith(".docx") else data
        if path.exists():
            old = path.read_bytes()
            if old == data:   # what chibo would write: ours, even if not recorded
                self.manifest.record(relative, data, source)
                self._drop_new_version(relative)
                return Outcome(path, UNCHANGED)
            if not self.ours(relative, old):
                return self._beside_hers(relative, path, data, source)
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
            raise OutputNotWritable(f"Không ghi được vào thư mục {shown(path.parent)} "
                                    f"({error.strerror or error}): hãy chọn thư mục khác.") from None
        self.manifest.record(relative, data, source)
        return Outcome(path, WRITTEN)

    def _beside_hers(self, relative: str, path: Path, data: bytes,
                     source: str | None) -> Outcome:
        """Her edited document stays as it is. If the workbook now says something else than
        when chibo last wrote it, the new version goes beside it — unless she already
        removed that very version, choosing hers."""
        entry = self.manifest.get(relative) or {}
        digest = sha256(data)
        if source is not None:   # a PDF she replaced, a signed scan perhaps
            return self._beside_her_pdf(relative, path, data, source)
        declined = entry.get("offered_sha256") == digest and self.new_version_of(relative) is None
        if entry.get("sha256") == digest or declined:
            if entry.get("sha256") == digest:
                self._drop_new_version(relative)
            return Outcome(path, KEPT_EDITED, message=f"{shown(path)} đã được sửa bằng tay sau "
                           "khi chibo lập: chibo giữ nguyên bản này, làm PDF và gửi đi bản này.")
        newer = self._place_for_new_version(relative, data)
        written = self._write_new_version(newer, data)
        self.manifest.offered(relative, digest)
        if written.status == LOCKED:
            return Outcome(path, KEPT_EDITED, message=f"{shown(path)} đã được sửa bằng tay: chibo "
                           "giữ nguyên bản này; sổ đã đổi nội dung văn bản này nhưng chưa ghi được "
                           f"bản mới: {written.message}")
        return Outcome(path, NEW_VERSION, written.path,
                       f"{shown(path)} đã được sửa bằng tay nên chibo giữ nguyên (bản này được "
                       f"làm PDF và gửi đi); sổ đã đổi nội dung văn bản này, bản mới ghi ở "
                       f"{shown(written.path)}. Hãy so sánh, giữ một bản và xóa bản kia.")

    def _place_for_new_version(self, relative: str, data: bytes) -> str:
        """Where the new version goes: the first '-ban-moi' name that is free, or already
        holds chibo's own new version — never one she edited."""
        for name in self._new_version_names(relative):
            path = self.path_of(name)
            if not path.exists():
                return name
            content = path.read_bytes()
            if content == data or self.ours(name, content):
                return name
        raise AssertionError("unreachable: the last name is free")

    def _write_new_version(self, name: str, data: bytes) -> Outcome:
        path = self.path_of(name)
        if path.exists() and path.read_bytes() == data:
            return Outcome(path, UNCHANGED)   # already there: not rewritten
        return self._replace(name, path, data, None)

    def _beside_her_pdf(self, relative: str, path: Path, data: bytes, source: str) -> Outcome:
        """A PDF she replaced is hers. While it was made for the document as it is now,
        there is nothing to write; if the document changed, the new PDF goes beside it."""
        entry = self.manifest.get(relative) or {}
        if entry.get("source_sha256") == source:
            return Outcome(path, KEPT_EDITED, message=f"{shown(path)} đã được thay bằng tay (ví dụ "
                           "bản scan có chữ ký): chibo giữ và gửi bản này.")
        newer = self._place_for_new_version(relative, data)
        written = self._write_new_version(newer, data)
        if written.status == LOCKED:
            return written
        return Outcome(path, NEW_VERSION, written.path,
                       f"{shown(path)} đã được thay bằng tay nhưng văn bản đã đổi: PDF mới ghi ở "
                       f"{shown(written.path)}; thư gửi đi kèm văn bản Word cho đến khi đồng chí "
                       "giữ một bản PDF.")

    def _drop_new_version(self, relative: str) -> None:
        """A new version chibo wrote beside her document goes once it is no longer new:
        when the document says the same again, or she took the new one. Not if she
        edited it: then it is hers too."""
        for newer in self._new_version_names(relative):
            path = self.path_of(newer)
            if path.exists() and self.ours(newer, path.read_bytes()):
                try:
                    path.unlink()
                except OSError:
                    continue
                self.manifest.forget(newer)

    def document_hash(self, relative_docx: str) -> str | None:
        """The hash of a document as it is on disk now (hers, if she edited it)."""
        path = self.path_of(relative_docx)
        return sha256(path.read_bytes()) if path.exists() else None

    def pdf_is_current(self, relative_docx: str) -> bool:
        """Whether the PDF beside a document was made from the document as it is on disk now
        (the secretary's edited file included). A PDF she replaced — a signed scan — stands
        for the document chibo last made it from."""
        relative_pdf = pdf_name(relative_docx)
        path = self.path_of(relative_pdf)
        if not path.exists():
            return False
        made_from = pdf_source(path.read_bytes())   # chibo's PDF says what it was made from
        if made_from is None:
            made_from = (self.manifest.get(relative_pdf) or {}).get("source_sha256")
        return made_from is not None and made_from == self.document_hash(relative_docx)
