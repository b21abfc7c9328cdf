"""`chibo ui`: the secretary's window — a local web page over the same library as the
command line. Every rule, build and send goes through `checking`, `building`, `sending`,
`status` and `summary`; this module only shows them and keeps the door shut.

Safe by construction: it listens on 127.0.0.1 only; a request whose Host is not this
machine's address and port is refused (DNS rebinding); the first visit must carry the token
printed at start, which becomes an HttpOnly, SameSite=Strict cookie; every POST carries the
session's CSRF token and is refused from another Origin; files are served only from the
output folder. A password typed in the page is used for that send and kept nowhere.
"""

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

from .errors import ChiboError

IDLE_SECONDS = 180          # no page open for this long: chibo closes by itself
COOKIE = "chibo_phien"


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
    started: float = field(default_factory=time.monotonic)


@dataclass
class Window:
    """What the window knows: where it listens, the workbook, and its running jobs."""

    port: int
    token: str
    start_folder: Path
    workbook: Path | None = None
    output: Path | None = None
    today: dt.date | None = None
    opener: Callable[[Path], None] = open_with_system
    sessions: dict[str, str] = field(default_factory=dict)     # session id -> CSRF token
    jobs: dict[str, Job] = field(default_factory=dict)
    last_seen: float = field(default_factory=time.monotonic)
    stop: Callable[[], None] = lambda: None
    roots: list[Path] = field(default_factory=list)           # the only folders files come from
    _checked: tuple = ()
    _check: Any = None

    @property
    def origins(self) -> set[str]:
        return {f"http://127.0.0.1:{self.port}", f"http://localhost:{self.port}"}

    @property
    def hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def output_folder(self) -> Path:
        from .places import output_beside

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

    def checked(self) -> tuple[int, Any, Any]:
        """(version, workbook, report): checked again whenever the file changed on disk.
        Excel saves through a temporary file and a rename: a read that fails mid-save is
        simply tried again at the next poll."""
        from .checking import read_and_check

        assert self.workbook is not None
        stamp: tuple
        try:
            stat = self.workbook.stat()
            stamp = (str(self.workbook), stat.st_size, stat.st_mtime_ns)
        except OSError:
            stamp = (str(self.workbook), None, None)
        if stamp != self._checked or self._check is None:
            book, report = read_and_check(self.workbook, self.today)
            version = (self._check[0] + 1) if self._check else 1
            self._check = (version, book, report)
            self._checked = stamp
        return self._check

    def run_job(self, kind: str, work: Callable[[], Any]) -> str:
        key = secrets.token_hex(8)
        job = self.jobs[key] = Job(kind)

        def target() -> None:
            try:
                job.result = work()
            except ChiboError as error:
                job.failure = str(error)
            except Exception as error:   # shown, never a dead page
                job.failure = f"Lỗi không mong đợi ({type(error).__name__}: {error})"
            job.done = True

        threading.Thread(target=target, daemon=True).start()
        return key


# --- recent workbooks ----------------------------------------------------------------------------

def recent_workbooks() -> list[Path]:
    from .places import data_folder

    try:
        paths = json.loads((data_folder() / "gan-day.json").read_text(encoding="utf-8"))
        return [Path(p) for p in paths if Path(p).exists()][:8]
    except (OSError, ValueError, TypeError):
        return []


def remember(workbook: Path) -> None:
    from .outputs import atomic_write
    from .places import data_folder

    paths = [str(workbook)] + [str(p) for p in recent_workbooks() if p != workbook]
    try:
        atomic_write(data_folder() / "gan-day.json",
                     json.dumps(paths[:8], ensure_ascii=False).encode("utf-8"))
    except ChiboError:
        pass   # a list of recent books is a convenience, never a failure


# --- the application -----------------------------------------------------------------------------

def create_app(window: Window):
    from jinja2 import Environment, PackageLoader, select_autoescape
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.base import BaseHTTPMiddleware
    from starlette.responses import (FileResponse, HTMLResponse, JSONResponse, PlainTextResponse,
                                     RedirectResponse, Response)
    from starlette.routing import Route

    pages = Environment(loader=PackageLoader("chibo", "window_pages"),
                        autoescape=select_autoescape(["html"]))

    class Guard(BaseHTTPMiddleware):
        """Only this machine, only with the token, only POSTs carrying the CSRF token."""

        async def dispatch(self, request, call_next):
            if request.headers.get("host") not in window.hosts:
                return PlainTextResponse("Từ chối: địa chỉ máy chủ không hợp lệ.", 403)
            session = request.cookies.get(COOKIE)
            if session not in window.sessions:
                given = request.query_params.get("token", "")
                if request.method == "GET" and secrets.compare_digest(given, window.token):
                    session = secrets.token_urlsafe(24)
                    window.sessions[session] = secrets.token_urlsafe(24)
                    response = RedirectResponse("/", 303)
                    response.set_cookie(COOKIE, session, httponly=True, samesite="strict")
                    return response
                return PlainTextResponse("Từ chối: hãy mở chibo bằng địa chỉ có mã (token) mà "
                                         "chibo in ra khi khởi động.", 403)
            if request.method == "POST":
                origin = request.headers.get("origin")
                if origin is not None and origin not in window.origins:
                    return PlainTextResponse("Từ chối: yêu cầu đến từ trang khác.", 403)
            window.last_seen = time.monotonic()
            request.state.csrf = window.sessions[session]
            return await call_next(request)

    async def posted(request):
        """The form of a POST, once its CSRF token is the session's own."""
        from starlette.exceptions import HTTPException

        form = await request.form()
        sent = request.headers.get("x-csrf-token") or str(form.get("csrf", ""))
        if not secrets.compare_digest(sent, request.state.csrf):
            raise HTTPException(403, "Từ chối: thiếu mã xác nhận của phiên.")
        return form

    def page(request, name: str, **context) -> HTMLResponse:
        return HTMLResponse(pages.get_template(name).render(
            csrf=request.state.csrf, workbook=window.workbook, **context))

    async def home(request):
        if window.workbook is None:
            return page(request, "chon-so.html", here=_workbooks_in(window.start_folder),
                        recent=recent_workbooks(), year=dt.date.today().year)
        version, book, report = window.checked()
        return page(request, "so.html", book=book, report=report, version=version,
                    problems=_problems_by_sheet(report), **_overview(window, book, report))

    async def problems(request):
        """The live part of the page: polled every two seconds, re-checked after a save."""
        if window.workbook is None:
            return JSONResponse({"version": 0, "html": ""})
        version, book, report = window.checked()
        html = pages.get_template("van-de.html").render(problems=_problems_by_sheet(report),
                                                        report=report)
        return JSONResponse({"version": version, "html": html})

    async def choose(request):
        from .places import find_workbook

        form = await posted(request)
        try:
            path = find_workbook(str(form.get("duong_dan", "")).strip().strip('"'))
        except ChiboError as error:
            return page(request, "chon-so.html", message=str(error), year=dt.date.today().year,
                        here=_workbooks_in(window.start_folder), recent=recent_workbooks())
        if not path.is_file():
            return page(request, "chon-so.html", message=f"Không tìm thấy tệp {path}.",
                        here=_workbooks_in(window.start_folder), recent=recent_workbooks(),
                        year=dt.date.today().year)
        window.workbook, window._check = path.resolve(), None
        remember(window.workbook)
        return RedirectResponse("/", 303)

    async def create(request):
        from .creating import create_from, create_workbook

        form = await posted(request)
        target = window.start_folder / (str(form.get("ten", "")).strip() or "so-chi-bo")
        previous = str(form.get("tu_so", "")).strip()
        try:
            year = int(str(form.get("nam", ""))) if form.get("nam") else None
            if previous:
                made, _ = create_from(target, Path(previous), year=year)
            else:
                made = create_workbook(target, year=year)
        except (ChiboError, ValueError) as error:
            return page(request, "chon-so.html", message=str(error), year=dt.date.today().year,
                        here=_workbooks_in(window.start_folder), recent=recent_workbooks())
        window.workbook, window._check = made.resolve(), None
        remember(window.workbook)
        window.opener(made)
        return RedirectResponse("/", 303)

    async def open_workbook(request):
        await posted(request)
        if window.workbook is not None:
            window.opener(window.workbook)
        return RedirectResponse("/", 303)

    async def build(request):
        from .building import build as run_build
        from .building import choose_plan, choose_quarter_end

        form = await posted(request)
        what = str(form.get("ky", "quy"))
        choice = (choose_plan if what == "ke-hoach" else
                  choose_quarter_end(everything=True) if what == "ca-nam" else
                  choose_quarter_end(int(what[-1])) if what.startswith("quy-") else
                  choose_quarter_end())
        workbook, output, today = window.workbook, window.output_folder(), window.today
        key = window.run_job("lap", lambda: run_build(workbook, choice, output_dir=output,
                                                       today=today, pdf=True))
        return RedirectResponse(f"/viec/{key}", 303)

    async def job_page(request):
        job = window.jobs.get(request.path_params["key"])
        if job is None:
            return RedirectResponse("/", 303)
        if not job.done:
            return page(request, "dang-lam.html", job=job,
                        seconds=int(time.monotonic() - job.started))
        written = getattr(job.result, "written", None)
        return page(request, f"xong-{job.kind}.html", job=job, result=job.result,
                    links=_links(window, written) if written is not None else [])

    async def send_preview(request):
        from .sending import prepare

        assert window.workbook is not None
        quarter = request.query_params.get("quy")
        try:
            report, mailing = prepare(window.workbook, window.output_folder(),
                                      int(quarter) if quarter else None,
                                      request.query_params.get("nam") == "1", False,
                                      today=window.today)
        except ChiboError as error:
            return page(request, "gui.html", message=str(error), mailing=None)
        needs_password = _needs_password(mailing)
        return page(request, "gui.html", mailing=mailing, report=report, quarter=quarter or "",
                    year_report=request.query_params.get("nam") == "1",
                    needs_password=needs_password)

    async def send(request):
        from .sending import prepare

        form = await posted(request)
        quarter = str(form.get("quy", ""))
        workbook, output, today = window.workbook, window.output_folder(), window.today

        def letters():
            return prepare(workbook, output, int(quarter) if quarter else None,
                           form.get("nam") == "1", False, today=today)[1]

        return _send_in_background(letters, form)

    async def invite_preview(request):
        from .inviting import prepare_invitations

        meeting_id = request.path_params["meeting"]
        try:
            report, mailing = prepare_invitations(window.workbook, meeting_id,
                                                  window.output_folder(), today=window.today)
        except ChiboError as error:
            return page(request, "moi.html", message=str(error), mailing=None, meeting=meeting_id)
        needs_password = _needs_password(mailing)
        return page(request, "moi.html", mailing=mailing, meeting=meeting_id,
                    needs_password=needs_password)

    async def invite(request):
        from .inviting import prepare_invitations

        form = await posted(request)
        meeting_id = request.path_params["meeting"]
        workbook, output, today = window.workbook, window.output_folder(), window.today
        return _send_in_background(
            lambda: prepare_invitations(workbook, meeting_id, output, today=today)[1], form)

    def _send_in_background(letters, form):
        """Send what `letters()` prepares, off the request thread: the password typed in the
        page, else the one saved on this machine; saved there only when she asked."""
        from .credentials import known_password, save_password

        typed = str(form.get("mat_khau", "")) or None
        keep = form.get("luu_mat_khau") == "c"

        def work():
            mailing = letters()
            if mailing is None:
                raise ChiboError("Sổ có lỗi: hãy sửa rồi gửi lại.")
            settings = mailing.settings
            password = typed or (known_password(settings.user, settings.host)
                                 if settings and settings.user else None)
            result = mailing.send(password) if mailing.letters else None
            if keep and typed and settings and settings.user:
                save_password(settings.user, settings.host, typed)
            return mailing, result

        key = window.run_job("gui", work)
        return RedirectResponse(f"/viec/{key}", 303)

    async def open_file(request):
        form = await posted(request)
        path = _inside_output(window, str(form.get("tep", "")))
        if path is not None:
            window.opener(path if form.get("thu_muc") != "c" else path.parent)
        return Response(status_code=204)

    async def serve_file(request):
        path = _inside_output(window, request.path_params["path"])
        if path is None or not path.is_file():
            return PlainTextResponse("Không có tệp này trong thư mục văn bản.", 404)
        inline = path.suffix.lower() == ".pdf"
        return FileResponse(path, filename=path.name,
                            content_disposition_type="inline" if inline else "attachment")

    async def committee(request):
        return page(request, "dang-uy.html", folder=str(window.start_folder))

    async def committee_run(request):
        from .summary import COMMITTEE_FILE, cell_workbooks, run_summary

        form = await posted(request)
        folder = Path(str(form.get("thu_muc", "")).strip().strip('"') or window.start_folder)
        quarter = str(form.get("quy", ""))
        today = window.today or dt.date.today()

        def work():
            committee_path = folder / COMMITTEE_FILE
            paths, notes = cell_workbooks(folder, committee_path)
            return run_summary(paths, notes, committee_path, folder / "output", None,
                               int(quarter) if quarter else None, quarter == "nam", today, pdf=True)

        window.allow(folder / "output")
        key = window.run_job("tong-hop", work)
        return RedirectResponse(f"/viec/{key}", 303)

    async def close(request):
        await posted(request)
        window.stop()
        return HTMLResponse(pages.get_template("dong.html").render())

    routes = [Route("/", home), Route("/van-de", problems), Route("/chon", choose, methods=["POST"]),
              Route("/tao", create, methods=["POST"]), Route("/mo-so", open_workbook, methods=["POST"]),
              Route("/lap", build, methods=["POST"]), Route("/viec/{key}", job_page),
              Route("/gui", send_preview), Route("/gui", send, methods=["POST"]),
              Route("/moi/{meeting}", invite_preview),
              Route("/moi/{meeting}", invite, methods=["POST"]),
              Route("/mo", open_file, methods=["POST"]), Route("/tep/{path:path}", serve_file),
              Route("/dang-uy", committee), Route("/dang-uy", committee_run, methods=["POST"]),
              Route("/dong", close, methods=["POST"])]
    return Starlette(routes=routes, middleware=[Middleware(Guard)])


def _needs_password(mailing) -> bool:
    """Whether the send page must ask for the password: an account, and none known."""
    from .credentials import known_password

    settings = mailing.settings if mailing else None
    return bool(settings and settings.user and known_password(settings.user, settings.host) is None)


def _workbooks_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith(("~$", ".~lock")))


def _problems_by_sheet(report) -> list[tuple[str, list]]:
    """Errors before warnings, then by sheet, with the `Sheet!Cell` text of `check`."""
    groups: dict[str, list] = {}
    for problem in report.sorted():
        groups.setdefault(problem.sheet or "", []).append(problem)
    return list(groups.items())


def _overview(window: Window, book, report) -> dict:
    from .status import status

    if book is None or book.settings.year is None:
        return {"year_status": None, "upcoming": []}
    today = window.today or dt.date.today()
    upcoming = sorted((m for m in book.meetings if m.id and m.date and m.date >= today),
                      key=lambda m: m.date)
    try:
        return {"year_status": status(book, report, window.output_folder(), today),
                "upcoming": upcoming}
    except ChiboError:
        return {"year_status": None, "upcoming": upcoming}


def _inside_output(window: Window, reference: str) -> Path | None:
    """'N/relative/path' under the N-th output folder, or None: nothing else is ever served
    or opened, whatever the path says."""
    number, _, relative = reference.partition("/")
    if not number.isdigit() or int(number) >= len(window.roots) or not relative:
        return None
    root = window.roots[int(number)]
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) and path != root else None


def _links(window: Window, written) -> list[dict]:
    """Each file a run wrote, with what a secretary can do with it."""
    from .outputs import STATUS_WORDS

    links = []
    for file, outcome in written.files:
        path = Path(outcome.path).resolve()
        root = next((r for r in window.roots if path.is_relative_to(r)), None)
        if root is None:
            continue
        number = window.roots.index(root)
        pdf = path.with_suffix(".pdf")
        links.append({"label": file.label, "message": outcome.message, "name": path.name,
                      "state": STATUS_WORDS[outcome.status],
                      "relative": f"{number}/{path.relative_to(root).as_posix()}",
                      "docx": path.suffix == ".docx",
                      "pdf": f"{number}/{pdf.relative_to(root).as_posix()}" if pdf.exists()
                      else None})
    return links


# --- serving ---------------------------------------------------------------------------------------

def start(workbook: Path | None, output: Path | None, port: int = 0,
          today: dt.date | None = None, opener: Callable[[Path], None] | None = None):
    """The window, ready to serve: (server, window, listening socket, address)."""
    import socket

    import uvicorn

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(("127.0.0.1", port))
    except OSError:
        raise ChiboError(f"Cổng {port} đang được dùng: hãy chọn cổng khác (--port) hoặc bỏ "
                         "--port để chibo tự chọn.") from None
    listener.listen(64)   # a browser opened at once waits in line, not refused
    port = listener.getsockname()[1]
    window = Window(port, secrets.token_urlsafe(24), Path.cwd(),
                    workbook.resolve() if workbook else None, output, today)
    if opener is not None:
        window.opener = opener
    if window.workbook is not None:
        remember(window.workbook)
    class Server(uvicorn.Server):
        """Ctrl+C and SIGTERM close chibo as its «Đóng chibo» button does: gracefully, exit
        code 0 (uvicorn would raise the signal again once stopped)."""

        def handle_exit(self, sig, frame) -> None:
            self.should_exit = True

    server = Server(uvicorn.Config(create_app(window), log_level="warning", lifespan="off"))
    window.stop = lambda: setattr(server, "should_exit", True)
    return server, window, listener, f"http://127.0.0.1:{port}/?token={window.token}"


def serve(workbook: Path | None, output: Path | None, port: int, browser: bool,
          today: dt.date | None = None, announce: Callable[[str], None] = print) -> None:
    """Serve the window on 127.0.0.1 until Ctrl+C, SIGTERM, «Đóng chibo», or no page for a
    few minutes. The address, with its token, is the first thing said."""
    server, window, listener, address = start(workbook, output, port, today)
    announce(address)

    def idle_watch() -> None:
        while not server.should_exit:
            time.sleep(5)
            if time.monotonic() - window.last_seen > IDLE_SECONDS:
                server.should_exit = True

    threading.Thread(target=idle_watch, daemon=True).start()
    if browser:
        import webbrowser

        threading.Timer(0.5, lambda: webbrowser.open(address)).start()
    server.run(sockets=[listener])
