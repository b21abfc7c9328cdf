"""What the window knows: where it listens, its sessions, the workbook it holds checked, the
output folders it may serve files from, and the jobs running off the request thread."""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import ChiboError, OutputNotWritable
from ..files import atomic_write, lock_file_beside, system_refusal
from ..places import data_folder, output_beside
from ..rules.checked import Checked, open_checked

RECENT_FILE = "gan-day.json"   # the books the window opened last, in chibo's data folder


def open_with_system(path: Path) -> None:
    """Open a file or folder with the program the system uses for it."""
    if sys.platform.startswith("win"):
        os.startfile(str(path))   # type: ignore[attr-defined,unused-ignore]
    elif sys.platform == "darwin":
        subprocess.Popen(["open", str(path)])
    else:
        subprocess.Popen(["xdg-open", str(path)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)


@dataclass
class Job:
    """A build, a send or a summary running off the request thread."""

    kind: str
    done: bool = False
    result: Any = None
    failure: str | None = None
    failure_family: str | None = None   # the declared family of a foreseen failure
    started: float = field(default_factory=time.monotonic)
    asked: str = ""                # a build: what she chose to build (the form's `ky`)
    then: str = ""                 # a build: the send page's period; a send: its preview
    count: int = 0                 # a summary: the books read so far, of `total`
    total: int = 0

    def advance(self, read: int) -> None:
        self.count += read


@dataclass
class Window:
    port: int
    token: str
    start_folder: Path
    workbook: Path | None = None
    output: Path | None = None
    fixed_today: dt.date | None = None      # a day to judge by (tests); else today, every time
    opener: Callable[[Path], None] = open_with_system
    sessions: dict[str, str] = field(default_factory=dict)     # session id -> CSRF token
    jobs: dict[str, Job] = field(default_factory=dict)
    last_seen: float = field(default_factory=time.monotonic)
    stop: Callable[[], None] = lambda: None
    roots: list[Path] = field(default_factory=list)           # the only folders files come from
    _stamp: tuple = ()
    _checked: Checked | None = None
    version: int = 0                        # how many times the book was checked
    notice: str | None = None               # what the last action did, said once on its page
    commune_folder: Path | None = None      # the folder of cells' books the Đảng ủy last summed
    previews: dict[str, str | None] = field(default_factory=dict)   # a send's preview -> its job
    # Pages run in worker threads: what they share is changed under this lock.
    lock: threading.RLock = field(default_factory=threading.RLock)

    @property
    def origins(self) -> set[str]:
        return {f"http://127.0.0.1:{self.port}", f"http://localhost:{self.port}"}

    @property
    def hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    @property
    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def choose(self, workbook: Path) -> None:
        """Hold another book from now on (and remember it among the recent ones)."""
        self.workbook, self._checked = workbook.resolve(), None
        remember(self.workbook)

    def output_folder(self) -> Path:
        assert self.workbook is not None
        folder = self.output or output_beside(self.workbook)
        self.allow(folder)
        return folder

    def allow(self, folder: Path) -> int:
        """Serve files from this output folder too; its number in the links."""
        folder = folder.resolve()
        if folder not in self.roots:
            self.roots.append(folder)
        return self.roots.index(folder)

    def checked(self) -> Checked:
        """The book as checked: checked again whenever the file changed on disk, a program
        opened or closed it (its lock file), or the day changed. Excel saves through a
        temporary file and a rename: a read that fails mid-save is simply tried again at the
        next poll."""
        assert self.workbook is not None
        lock = lock_file_beside(self.workbook)   # opened in Excel: said before any save
        try:
            stat = self.workbook.stat()
            stamp: tuple = (str(self.workbook), stat.st_size, stat.st_mtime_ns, self.today,
                            str(lock))
        except OSError:
            stamp = (str(self.workbook), None, None, self.today, str(lock))
        with self.lock:
            if stamp != self._stamp or self._checked is None:
                self._checked = open_checked(self.workbook, self.today)
                self._stamp = stamp
                self.version += 1
            return self._checked

    def new_job(self, kind: str, then: str = "") -> str:
        """A job's page, before its work starts."""
        key = secrets.token_hex(8)
        self.jobs[key] = Job(kind, then=then)
        return key

    def run_job(self, kind_or_key: str, work: Callable[[], Any]) -> str:
        """Run `work` in the background: a new job of this kind, or the job of this key."""
        key = kind_or_key if kind_or_key in self.jobs else self.new_job(kind_or_key)
        job = self.jobs[key]

        def target() -> None:
            try:
                job.result = work()
            except ChiboError as error:
                job.failure, job.failure_family = str(error), error.family
            except Exception as error:   # shown, never a dead page
                job.failure = system_refusal(error) or \
                    f"Lỗi không mong đợi ({type(error).__name__}: {error})"
            job.done = True

        threading.Thread(target=target, daemon=True).start()
        return key


def recent_workbooks() -> list[Path]:
    try:
        paths = json.loads((data_folder() / RECENT_FILE).read_text(encoding="utf-8"))
        return [Path(p) for p in paths if Path(p).exists()][:8]
    except (OSError, ValueError, TypeError):
        return []


def remember(workbook: Path) -> None:
    paths = [str(workbook)] + [str(p) for p in recent_workbooks() if p != workbook]
    try:
        atomic_write(data_folder() / RECENT_FILE,
                     json.dumps(paths[:8], ensure_ascii=False).encode("utf-8"))
    except OutputNotWritable:
        pass   # a list of recent books is a convenience, never a failure
