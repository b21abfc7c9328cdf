"""The window's pages are Jinja templates under html/, autoescaped: every page carries the
session's CSRF token for its forms, the nonce its own script and style run under (the
guard's Content-Security-Policy allows no other), and the book the window holds.

A page's handler is a plain function of the request and its form, run in a worker thread
(`view`): reading a book or a folder never holds up the window's other pages."""

from __future__ import annotations

import functools
from typing import Callable

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .state import Window


@functools.cache
def _templates():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("chibo.window", "html"),
                       autoescape=select_autoescape(["html"]))


Form = FormData


def view(handler: Callable[[Request, Form], Response]):
    """The endpoint of a page: its form read on the event loop, its work off it."""
    @functools.wraps(handler)
    async def endpoint(request: Request) -> Response:
        form = await request.form() if request.method == "POST" else FormData()
        return await run_in_threadpool(handler, request, form)
    return endpoint


def year_typed(typed: object, default: int) -> int:
    """The year she typed in a form, or `default` when she typed none."""
    from ..errors import NotReady

    text = str(typed or "").strip()
    if not text:
        return default
    if not (text.isascii() and text.isdigit() and 1900 <= int(text) <= 2100):
        raise NotReady(f"Năm «{text[:20]}» không phải một năm: hãy gõ năm bằng bốn chữ số, ví dụ "
                       f"{default}.")
    return int(text)


def window_of(request: Request) -> Window:
    return request.app.state.window


def fragment(name: str, **context) -> str:
    """A part of a page, for the page to put in place itself."""
    return _templates().get_template(name).render(**context)


def page(request: Request, name: str, **context) -> HTMLResponse:
    return HTMLResponse(fragment(name, csrf=request.state.csrf, nonce=request.state.nonce,
                                 workbook=window_of(request).workbook, **context))
