"""The workbook's page: its problems (the day's reminders among them), the year at a glance,
what is due, the upcoming meetings — and the part of it polled after every save."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from ...errors import ChiboError
from ...overview.status import status, year_end_line
from ...overview.today import with_reminders
from ..rendering import fragment, page, window_of
from ..state import Window
from .choose import chooser


async def home(request: Request) -> Response:
    window = window_of(request)
    if window.workbook is None:
        return chooser(request)
    checked = window.checked()
    report = with_reminders(checked, window.output_folder())
    return page(request, "so.html", book=checked.workbook, report=report, version=window.version,
                problems=problems_by_sheet(report), **_overview(window))


async def problems(request: Request) -> Response:
    """The live part of the page: polled every two seconds, checked again after a save."""
    window = window_of(request)
    if window.workbook is None:
        return JSONResponse({"version": 0, "html": ""})
    checked = window.checked()
    report = with_reminders(checked, window.output_folder())
    html = fragment("van-de.html", problems=problems_by_sheet(report), report=report)
    return JSONResponse({"version": window.version, "html": html})


async def open_book(request: Request) -> Response:
    window = window_of(request)
    if window.workbook is not None:
        window.opener(window.workbook)
    return RedirectResponse("/", 303)


def problems_by_sheet(report) -> list[tuple[str, list]]:
    """Errors before warnings, then by sheet, with the `Sheet!Cell` text of `check`."""
    groups: dict[str, list] = {}
    for problem in report.sorted():
        groups.setdefault(problem.sheet or "", []).append(problem)
    return list(groups.items())


def _overview(window: Window) -> dict:
    """The year's table and what is due, and the meetings still to come."""
    checked = window.checked()
    book = checked.workbook
    if book is None or book.settings.year is None:
        return {"year_status": None, "upcoming": []}
    doubtful = {(p.sheet, p.cell) for p in checked.problems.errors}   # a date in error
    upcoming = sorted((m for m in book.meetings if m.id and m.date and m.date >= checked.today
                       and (m.sheet, m.cell("date")) not in doubtful), key=lambda m: m.date)
    try:
        found = status(checked, window.output_folder())
    except ChiboError:
        return {"year_status": None, "upcoming": upcoming}
    return {"year_status": found, "upcoming": upcoming,
            "year_end": year_end_line(found.year_end) if found.year_end else None}
