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
from .pages import book, build, choose, close, commune, errors, files, send
from .rendering import view
from .state import Window

GET, POST = ["GET"], ["POST"]

ROUTES = [
    Route("/", view(book.home), methods=GET),
    Route("/trang", view(book.live), methods=GET),
    Route("/mo-so", view(book.open_book), methods=POST),
    Route("/so", view(choose.show), methods=GET),
    Route("/chon", view(choose.choose), methods=POST),
    Route("/tao", view(choose.create), methods=POST),
    Route("/lap", view(build.build), methods=POST),
    Route("/viec/{key}", view(build.job), methods=GET),
    Route("/gui", view(send.preview), methods=GET),
    Route("/gui", view(send.send), methods=POST),
    Route("/moi/{meeting}", view(send.invitation_preview), methods=GET),
    Route("/moi/{meeting}", view(send.invite), methods=POST),
    Route("/mo", view(files.open_file), methods=POST),
    Route("/giu", view(files.keep), methods=POST),
    Route("/tep/{path:path}", view(files.serve_file), methods=GET),
    Route("/dang-uy", view(commune.show), methods=GET),
    Route("/dang-uy", view(commune.summarise), methods=POST),
    Route("/dang-uy/tao", view(commune.create_committee), methods=POST),
    Route("/dong", view(close.close), methods=POST),
]


def create_app(window: Window) -> Starlette:
    app = Starlette(routes=ROUTES, middleware=[Middleware(Guard, window=window)],
                    exception_handlers=errors.HANDLERS)
    app.state.window = window
    return app
