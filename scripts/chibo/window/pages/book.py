"""The workbook's page: what she came for first (build, send, invite — and the book open in
Excel said before she builds), then the book's problems (the day's reminders folded into one
line), the year at a glance and what is due, the versions of a document to choose between.
The whole page is one state, rendered by one template, polled after every save."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from ...errors import ChiboError
from ...overview.status import status, versions_to_choose, year_end_line
from ...overview.today import with_reminders
from ...problems import ERROR, REMINDER_CODES, Report
from ..rendering import Form, fragment, page, window_of
from ..state import Window
from .choose import chooser


def home(request: Request, form: Form) -> Response:
    window = window_of(request)
    if window.workbook is None:
        return chooser(request)
    notice, window.notice = window.notice, None
    return page(request, "so.html", notice=notice, **book_state(window))


def live(request: Request, form: Form) -> Response:
    """The page as the book now is: polled every two seconds; checked again after a save."""
    window = window_of(request)
    if window.workbook is None:
        return JSONResponse({"version": 0, "html": "", "heading": ""})
    state = book_state(window)
    html = fragment("so-trang.html", csrf=request.state.csrf, **state)
    return JSONResponse({"version": window.version, "html": html, "heading": state["heading"]})


def open_book(request: Request, form: Form) -> Response:
    window = window_of(request)
    if window.workbook is not None:
        window.opener(window.workbook)
    return RedirectResponse("/", 303)


def book_state(window: Window) -> dict:
    """Everything the workbook's page shows, from the book as it is now."""
    checked = window.checked()
    report = with_reminders(checked, window.output_folder())
    book = checked.workbook
    settings = book.settings if book is not None else None
    assert window.workbook is not None   # the page of a book held
    name = (settings.values.get("cell_name") if settings is not None else None) or window.workbook.stem
    year = settings.values.get("year") if settings is not None else None
    problems = problems_by_sheet(report, lambda p: p.code not in REMINDER_CODES)
    shown = [p for _, found in problems for p in found]
    return {"book": book, "report": report, "version": window.version,
            "heading": f"{name}, năm {year}" if year else str(name),
            "open_note": report.open_note, "problems": problems,
            "counts": {"errors": sum(p.severity == ERROR for p in shown),
                       "warnings": sum(p.severity != ERROR for p in shown)},
            "reminders": [p for p in report.sorted() if p.code in REMINDER_CODES],
            **_overview(window, report)}


def problems_by_sheet(report: Report, keep=lambda problem: True) -> list[tuple[str, list]]:
    """Errors before warnings, then by sheet, with the `Sheet!Cell` text of `check`; the
    note that the book is open is said above, at the actions."""
    groups: dict[str, list] = {}
    for problem in report.sorted():
        if keep(problem) and problem is not report.open_note:
            groups.setdefault(problem.sheet or "", []).append(problem)
    return list(groups.items())


def _overview(window: Window, report: Report) -> dict:
    """The year's table and what is due, the meetings still to come, and the documents with
    two versions to choose between."""
    checked = window.checked()
    book = checked.workbook
    empty: dict = {"year_status": None, "upcoming": [], "year_end": None, "versions": []}
    if book is None or book.settings.year is None:
        return empty
    doubtful = {(p.sheet, p.cell) for p in report.errors}   # a date in error
    upcoming = sorted((m for m in book.meetings if m.id and m.date and m.date >= checked.today
                       and (m.sheet, m.cell("date")) not in doubtful), key=lambda m: m.date)
    try:
        found = status(checked, window.output_folder())
        versions = versions_to_choose(checked, window.output_folder())
    except ChiboError:
        return {**empty, "upcoming": upcoming}
    number = window.allow(window.output_folder())
    return {"year_status": found, "upcoming": upcoming, "root": number,
            "year_end": year_end_line(found.year_end) if found.year_end else None,
            "versions": versions}
