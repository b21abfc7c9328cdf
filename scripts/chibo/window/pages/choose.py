"""Choosing a book: one of the folder's, a recent one, a path typed — or a new book, empty or
carried over from last year's."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ...errors import ChiboError
from ...places import find_workbook
from ...workbook.creating import create_from, create_workbook
from ..rendering import page, window_of
from ..state import recent_workbooks


def workbooks_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith(("~$", ".~lock")))


def chooser(request: Request, message: str | None = None) -> Response:
    window = window_of(request)
    return page(request, "chon-so.html", message=message, year=window.today.year,
                here=workbooks_in(window.start_folder), recent=recent_workbooks())


async def choose(request: Request) -> Response:
    form = await request.form()
    try:
        path = find_workbook(str(form.get("duong_dan", "")).strip().strip('"'))
    except ChiboError as error:
        return chooser(request, str(error))
    if not path.is_file():
        return chooser(request, f"Không tìm thấy tệp {path}.")
    window_of(request).choose(path)
    return RedirectResponse("/", 303)


async def create(request: Request) -> Response:
    window = window_of(request)
    form = await request.form()
    target = window.start_folder / (str(form.get("ten", "")).strip() or "so-chi-bo")
    previous = str(form.get("tu_so", "")).strip()
    try:
        year = int(str(form.get("nam", ""))) if form.get("nam") else window.today.year
        if previous:
            made, _ = create_from(target, Path(previous), year=year)
        else:
            made = create_workbook(target, year=year)
    except (ChiboError, ValueError) as error:
        return chooser(request, str(error))
    window.choose(made)
    window.opener(made)
    return RedirectResponse("/", 303)
