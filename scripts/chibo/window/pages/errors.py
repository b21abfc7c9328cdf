"""What the window says when a request finds nothing or goes wrong: a Vietnamese page with
the way back, never a server's English words. A page that breaks is a bug; she still sees
where to go, and the cause is written to the console for whoever looks."""

from __future__ import annotations

import traceback

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..guard import SAFE_HEADERS

PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>chibo — {title}</title></head>
<body><h1>{title}</h1><p>{words}</p><p><a href="/">Về trang sổ</a></p></body></html>"""

WORDS = {
    400: ("Yêu cầu không hợp lệ", "chibo không hiểu yêu cầu này: hãy quay lại và dùng các nút "
                                  "trên trang."),
    404: ("Không có trang này", "Địa chỉ này không có trong chibo, hoặc tệp đã được chuyển đi."),
    405: ("Không làm được việc này", "Trang này không nhận yêu cầu kiểu đó: hãy dùng các nút "
                                     "trên trang của chibo."),
}
MISSING_FILE = ("Không có tệp này", "Tệp này không có trong thư mục văn bản của chibo: có thể "
                                    "tệp đã được xóa hoặc chuyển đi. Hãy lập lại văn bản từ "
                                    "trang sổ.")
BROKEN = ("chibo gặp lỗi", "chibo gặp lỗi khi làm việc này; sổ và văn bản của đồng chí không "
                           "bị ảnh hưởng. Hãy quay lại trang sổ và thử lại; nếu vẫn lỗi, hãy báo "
                           "người hỗ trợ kèm thông báo trong cửa sổ lệnh.")


def _page(title: str, words: str, status: int) -> HTMLResponse:
    return HTMLResponse(PAGE.format(title=title, words=words), status, headers=SAFE_HEADERS)


def missing_file() -> HTMLResponse:
    """A file asked for that is not (or no longer) in the output folder."""
    return _page(*MISSING_FILE, 404)


async def refused(request: Request, error: Exception) -> HTMLResponse:
    status = error.status_code if isinstance(error, HTTPException) else 404
    return _page(*WORDS.get(status, WORDS[400]), status)


async def broken(request: Request, error: Exception) -> HTMLResponse:
    traceback.print_exception(error)
    return _page(*BROKEN, 500)


HANDLERS = {HTTPException: refused, 500: broken}
