"""«Đóng chibo»: the window stops serving, and says so."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from ..rendering import fragment, window_of


async def close(request: Request) -> Response:
    window_of(request).stop()
    return HTMLResponse(fragment("dong.html"))
