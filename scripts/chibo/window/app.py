"""`chibo ui`: the secretary's window — a local web page over the same library as the command
line. Every rule, build and send goes through the library's stages; the pages only show
them, and the guard (guard.py) keeps the door shut for all of them.

The route table below is the whole window: which address serves which page.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from .guard import Guard
from .pages import book, build, choose, close, commune, files, send
from .state import Window

GET, POST = ["GET"], ["POST"]

ROUTES = [
    Route("/", book.home, methods=GET),
    Route("/trang", book.live, methods=GET),
    Route("/mo-so", book.open_book, methods=POST),
    Route("/so", choose.show, methods=GET),
    Route("/chon", choose.choose, methods=POST),
    Route("/tao", choose.create, methods=POST),
    Route("/lap", build.build, methods=POST),
    Route("/viec/{key}", build.job, methods=GET),
    Route("/gui", send.preview, methods=GET),
    Route("/gui", send.send, methods=POST),
    Route("/moi/{meeting}", send.invitation_preview, methods=GET),
    Route("/moi/{meeting}", send.invite, methods=POST),
    Route("/mo", files.open_file, methods=POST),
    Route("/giu", files.keep, methods=POST),
    Route("/tep/{path:path}", files.serve_file, methods=GET),
    Route("/dang-uy", commune.show, methods=GET),
    Route("/dang-uy", commune.summarise, methods=POST),
    Route("/dang-uy/tao", commune.create_committee, methods=POST),
    Route("/dong", close.close, methods=POST),
]


def create_app(window: Window) -> Starlette:
    app = Starlette(routes=ROUTES, middleware=[Middleware(Guard, window=window)])
    app.state.window = window
    return app
