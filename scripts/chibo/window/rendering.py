"""The window's pages are Jinja templates under html/, autoescaped: every page carries the
session's CSRF token for its forms, and the book the window holds."""

from __future__ import annotations

import functools

from starlette.requests import Request
from starlette.responses import HTMLResponse

from .state import Window


@functools.cache
def _templates():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("chibo.window", "html"),
                       autoescape=select_autoescape(["html"]))


def window_of(request: Request) -> Window:
    return request.app.state.window


def fragment(name: str, **context) -> str:
    """A part of a page, for the page to put in place itself."""
    return _templates().get_template(name).render(**context)


def page(request: Request, name: str, **context) -> HTMLResponse:
    return HTMLResponse(fragment(name, csrf=request.state.csrf,
                                 workbook=window_of(request).workbook, **context))
