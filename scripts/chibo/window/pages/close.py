"""«Đóng chibo»: the window stops serving, and says so."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from ..rendering import Form, fragment, window_of


def close(request: Request, form: Form) -> Response:
    window_of(request).stop()
    return HTMLResponse(fragment("dong.html", nonce=request.state.nonce))
