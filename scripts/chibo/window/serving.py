"""Serving the window: uvicorn on 127.0.0.1 and a free port, the address with its token said
first, and a clean stop on «Đóng chibo», Ctrl+C, SIGTERM or a few idle minutes."""

from __future__ import annotations

import datetime as dt
import secrets
import threading
import time
from pathlib import Path
from typing import Callable

from ..errors import PortBusy
from .app import create_app
from .state import Window

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
