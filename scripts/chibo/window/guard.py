"""The one door of the window. Every request passes here before any page sees it:

- its Host must be this machine's address and port (a page of another site that renamed
  itself 127.0.0.1 — DNS rebinding — is refused);
- it carries the session cookie, which only the token printed at start gives (the first
  visit, a GET with `?token=`, gets an HttpOnly, SameSite=Strict cookie and a redirect);
- a request that changes anything (POST) comes from the window's own page: its Origin, or
  failing that its Referer, is this window (an Origin «null», sent under the pages' own
  referrer policy, counts only with the browser's `Sec-Fetch-Site: same-origin`) — a POST
  with neither is refused — and it carries
  the session's CSRF token, in the form or in the `X-CSRF-Token` header.

Every answer goes out with headers that keep the page to itself: no framing by another
site, no address leaked to another, and on pages a Content-Security-Policy that runs only
the page's own script and style (their nonce, new for each request).

A page therefore never checks any of this itself.
"""

from __future__ import annotations

import secrets
import time
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .state import Window

COOKIE = "chibo_phien"          # and the port: two windows in one browser keep their sessions
MAX_FORM_BYTES = 1024 * 1024    # the window's forms are a few fields: nothing larger is read

REFUSED_HOST = "Từ chối: địa chỉ máy chủ không hợp lệ."
REFUSED_TOKEN = ("Từ chối: hãy mở chibo bằng địa chỉ có mã (token) mà chibo in ra khi khởi "
                 "động.")
REFUSED_ORIGIN = "Từ chối: yêu cầu đến từ trang khác."
REFUSED_CSRF = "Từ chối: thiếu mã xác nhận của phiên."


SAFE_HEADERS = {"X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
                "X-Content-Type-Options": "nosniff",
                "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; "
                                           "base-uri 'none'; form-action 'self'"}
_SAFE = {name.lower().encode("latin-1") for name in SAFE_HEADERS}
PAGE_POLICY = ("default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
               "connect-src 'self'; img-src 'self'; form-action 'self'; "
               "frame-ancestors 'none'; base-uri 'none'")


def _with_safe_headers(send: Send, nonce: str) -> Send:
    """The response's own headers, and those above: a page's policy names its nonce; a
    file (a PDF shown inline) gets no policy, which would stop the browser's viewer."""
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _SAFE]
            ours = dict(SAFE_HEADERS)
            if any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers):
                ours["Content-Security-Policy"] = PAGE_POLICY.format(nonce=nonce)
            else:
                del ours["Content-Security-Policy"]
            headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in ours.items()]
            message = {**message, "headers": headers}
        await send(message)
    return sending


class Guard:
    """ASGI middleware: Host, session, Origin and CSRF, for every request."""

    def __init__(self, app: ASGIApp, window: Window):
        self.app, self.window = app, window

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["nonce"] = nonce
        send = _with_safe_headers(send, nonce)
        refusal, receive = await self._judge(scope, headers, receive)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        self.window.last_seen = time.monotonic()
        await self.app(scope, receive, send)

    async def _judge(self, scope: Scope, headers: dict[str, str], receive: Receive):
        """(a response refusing the request, or None; the receive channel to pass on)."""
        window = self.window
        if headers.get("host") not in window.hosts:
            return PlainTextResponse(REFUSED_HOST, 403), receive
        session = _cookie(headers.get("cookie", ""), self._cookie_name)
        if session not in window.sessions:
            return self._first_visit(scope), receive
        scope.setdefault("state", {})["csrf"] = window.sessions[session]
        if scope["method"] != "POST":
            return None, receive
        if not self._from_the_window(headers):
            return PlainTextResponse(REFUSED_ORIGIN, 403), receive
        body = await _body(receive)
        if body is None:
            return PlainTextResponse(REFUSED_CSRF, 403), receive
        given = headers.get("x-csrf-token") or _form_field(headers, body, "csrf")
        if not secrets.compare_digest(given, window.sessions[session]):
            return PlainTextResponse(REFUSED_CSRF, 403), receive
        return None, _replay(body, receive)

    def _first_visit(self, scope: Scope):
        """The token, once, turns into the session cookie; anything else is refused."""
        given = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])[0]
        if scope["method"] != "GET" or not secrets.compare_digest(given, self.window.token):
            return PlainTextResponse(REFUSED_TOKEN, 403)
        session = secrets.token_urlsafe(24)
        self.window.sessions[session] = secrets.token_urlsafe(24)
        response = RedirectResponse("/", 303)
        response.set_cookie(self._cookie_name, session, httponly=True, samesite="strict")
        return response

    @property
    def _cookie_name(self) -> str:
        return f"{COOKIE}_{self.window.port}"

    def _from_the_window(self, headers: dict[str, str]) -> bool:
        origin = headers.get("origin")
        if origin == "null":
            # The pages' own `Referrer-Policy: no-referrer` makes the browser send «null» for
            # their forms; its Sec-Fetch-Site, which no page can set, says whose form it is.
            return headers.get("sec-fetch-site") == "same-origin"
        if origin is not None:
            return origin in self.window.origins
        referer = headers.get("referer", "")
        return any(referer.startswith(o + "/") for o in self.window.origins)


def _cookie(header: str, name: str) -> str | None:
    cookie: SimpleCookie = SimpleCookie()
    try:
        cookie.load(header)
    except Exception:   # a malformed Cookie header is simply no session
        return None
    return cookie[name].value if name in cookie else None


async def _body(receive: Receive) -> bytes | None:
    """The whole body of a POST, or None when it is larger than any form of the window."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _form_field(headers: dict[str, str], body: bytes, name: str) -> str:
    if not headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return ""
    return parse_qs(body.decode("utf-8", "replace")).get(name, [""])[0]


def _replay(body: bytes, original: Receive) -> Receive:
    """A receive channel that gives the page the body the guard already read, then listens
    to the connection as before (for a client that goes away)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return await original()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
