"""Choosing a book: one of the folder's, a recent one, a path typed — or a new book, empty or
carried over from last year's, chosen from a list and said what was carried. Reachable from
every page, so she changes books without closing chibo."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ...errors import ChiboError
from ...files import not_a_file
from ...places import find_workbook
from ...workbook import schema
from ...workbook.creating import create_from, create_workbook
from ...workbook.reading import read_workbook
from ..rendering import Form, page, window_of, year_typed
from ..state import recent_workbooks


@dataclass(frozen=True)
class KnownBook:
    """A book she may open or carry into a new year, with what its `Thông tin` says."""

    path: Path
    cell_name: str | None
    year: int | None

    @property
    def next_name(self) -> str:
        """The new year's file name: the old one with its year moved on, if it had one."""
        if self.year and str(self.year) in self.path.stem:
            return self.path.name.replace(str(self.year), str(self.year + 1))
        return f"so-chi-bo-{(self.year or 0) + 1}.xlsx" if self.year else "so-chi-bo.xlsx"


def workbooks_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith(("~$", ".~lock")))


def known(path: Path) -> KnownBook:
    """A book and its cell's name and year — its settings alone are read."""
    try:
        book, _ = read_workbook(path, sheets=(schema.SETTINGS,))
    except ChiboError:
        book = None
    values = book.settings.values if book is not None else {}
    name = values.get("cell_name")
    return KnownBook(path, str(name) if name else None, values.get("year"))


def chooser(request: Request, message: str | None = None) -> Response:
    window = window_of(request)
    here = workbooks_in(window.start_folder)
    recent = [p for p in recent_workbooks() if p not in here]
    books = [known(p) for p in here + recent]
    cells = [b for b in books if b.year is not None and b.path.name != "dang-uy.xlsx"]
    return page(request, "chon-so.html", message=message, year=window.today.year,
                here=books[:len(here)], recent=books[len(here):], cells=cells)


def show(request: Request, form: Form) -> Response:
    return chooser(request)


def choose(request: Request, form: Form) -> Response:
    try:
        path = find_workbook(str(form.get("duong_dan", "")).strip().strip('"'))
    except ChiboError as error:
        return chooser(request, str(error))
    why = not_a_file(path)
    if why is not None:
        return chooser(request, why)
    window_of(request).choose(path)
    return RedirectResponse("/", 303)


def create(request: Request, form: Form) -> Response:
    """A new book — carried from last year's when she chose one — then what was carried."""
    window = window_of(request)
    name = re.sub(r'[\\/:*?"<>|]', "-", str(form.get("ten", "")).strip()) or "so-chi-bo"
    target = window.start_folder / name
    previous = str(form.get("tu_so", "")).strip()
    try:
        year = year_typed(form.get("nam"), window.today.year)
        if previous:
            made, carried = create_from(target, Path(previous), year=year)
        else:
            made, carried = create_workbook(target, year=year), []
    except ChiboError as error:
        return chooser(request, str(error))
    window.choose(made)
    window.opener(made)
    return page(request, "tao-xong.html", made=made, previous=Path(previous) if previous else None,
                carried=carried)
