"""Serving the window: uvicorn on 127.0.0.1 and a free port, the address with its token said
first, and a clean stop on «Đóng chibo», Ctrl+C, SIGTERM or a few idle minutes."""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Callable

from ..errors import OutputNotWritable, PortBusy
from ..files import atomic_write
from ..places import data_folder
from .app import create_app
from .state import Window, recent_workbooks

IDLE_SECONDS = 180          # no page open for this long: chibo closes by itself


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
        raise PortBusy(f"Cổng {port} đang được dùng: hãy chọn cổng khác (--port) hoặc bỏ "
                       "--port để chibo tự chọn.") from None
    listener.listen(64)   # a browser opened at once waits in line, not refused
    port = listener.getsockname()[1]
    window = Window(port, secrets.token_urlsafe(24), Path.cwd(), output=output, fixed_today=today)
    if opener is not None:
        window.opener = opener
    last = recent_workbooks()
    if workbook is None and last:
        workbook = last[0]   # she comes back to the book she used last
    if workbook is not None:
        window.choose(workbook)
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
    few minutes. The address, with its token, is the first thing said. One window per user:
    when one already runs, its address is said and opened instead."""
    running = running_window() if port == 0 else None
    if running is not None:
        announce(running)
        if browser:
            import webbrowser

            webbrowser.open(running)
        return
    server, window, listener, address = start(workbook, output, port, today)
    announce(address)
    try:
        _serve(server, window, listener, address, browser)
    finally:
        _forget_running(window)


def _serve(server, window: Window, listener, address: str, browser: bool) -> None:
    _remember_running(window)

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


# Where a running window leaves its address, for a second start to open instead: in the
# user's own data folder, readable by her alone (the token opens the window).
RUNNING_FILE = "cua-so-dang-mo.json"


def running_window() -> str | None:
    """The address of a window this user already runs, if it answers as chibo."""
    import http.client

    try:
        known = json.loads((data_folder() / RUNNING_FILE).read_text(encoding="utf-8"))
        port, token = int(known["port"]), str(known["token"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", f"/?token={token}")
        answer = connection.getresponse()
        connection.close()
    except OSError:
        return None
    # the window turns its token into a session and sends the browser home
    return f"http://127.0.0.1:{port}/?token={token}" if answer.status == 303 else None


def _remember_running(window: Window) -> None:
    place = data_folder() / RUNNING_FILE
    try:
        atomic_write(place, json.dumps({"port": window.port, "token": window.token,
                                        "pid": os.getpid()}).encode("utf-8"))
        os.chmod(place, 0o600)
    except (OutputNotWritable, OSError):
        pass   # a second start would then start a second window: no harm to her work


def _forget_running(window: Window) -> None:
    place = data_folder() / RUNNING_FILE
    try:
        if json.loads(place.read_text(encoding="utf-8")).get("port") == window.port:
            place.unlink()
    except (OSError, ValueError, AttributeError):
        pass
