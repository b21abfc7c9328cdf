"""Sending from the window: the preview of a period's letters or of a meeting's invitations,
with a password field when none is known on this machine, then the send off the request
thread — through the same dialogue as the command line."""

from __future__ import annotations

from typing import Callable

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ...errors import ChiboError, NotReady
from ...mail.delivery import Mailing
from ...mail.dialogue import Sending
from ...mail.invitations import prepare_invitations
from ...mail.sending import prepare_letters
from ..rendering import page, window_of


def _letters(request: Request, quarter: str, year: bool) -> Callable[[], Mailing | None]:
    window = window_of(request)
    checked, output = window.checked(), window.output_folder()
    return lambda: prepare_letters(checked, output, int(quarter) if quarter else None, year, False)


def _invitations(request: Request) -> Callable[[], Mailing | None]:
    window = window_of(request)
    checked, output = window.checked(), window.output_folder()
    meeting = request.path_params["meeting"]
    return lambda: prepare_invitations(checked, meeting, output)


async def preview(request: Request) -> Response:
    quarter = request.query_params.get("quy", "")
    year = request.query_params.get("nam") == "1"
    try:
        mailing = _letters(request, quarter, year)()
    except ChiboError as error:
        return page(request, "gui.html", message=str(error), mailing=None)
    return page(request, "gui.html", mailing=mailing, quarter=quarter, year_report=year,
                needs_password=bool(mailing and Sending(mailing).needs_password()))


async def send(request: Request) -> Response:
    form = await request.form()
    return _send_in_background(request, _letters(request, str(form.get("quy", "")),
                                                 form.get("nam") == "1"), form)


async def invitation_preview(request: Request) -> Response:
    meeting = request.path_params["meeting"]
    try:
        mailing = _invitations(request)()
    except ChiboError as error:
        return page(request, "moi.html", message=str(error), mailing=None, meeting=meeting)
    return page(request, "moi.html", mailing=mailing, meeting=meeting,
                needs_password=bool(mailing and Sending(mailing).needs_password()))


async def invite(request: Request) -> Response:
    return _send_in_background(request, _invitations(request), await request.form())


def _send_in_background(request: Request, letters: Callable[[], Mailing | None], form) -> Response:
    """Send what `letters()` prepares, off the request thread, with the password typed in
    the page or the one known on this machine; kept there only when she asked."""
    typed = str(form.get("mat_khau", "")) or None
    keep = form.get("luu_mat_khau") == "c"

    def work():
        mailing = letters()
        if mailing is None:
            raise NotReady("Sổ có lỗi: hãy sửa rồi gửi lại.")
        if not mailing.letters:
            return mailing, None
        dialogue = Sending(mailing)
        result = dialogue.send(typed)
        if keep and dialogue.may_keep:
            dialogue.keep()
        return mailing, result

    key = window_of(request).run_job("gui", work)
    return RedirectResponse(f"/viec/{key}", 303)
