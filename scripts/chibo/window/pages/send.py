"""Sending from the window: the preview of a period's letters (the year's review pack and
each member's self-review among them) or of a meeting's invitations,
with a password field when none is known on this machine, then the send off the request
thread — through the same dialogue as the command line."""

from __future__ import annotations

from typing import Callable

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ...documents.kinds import Period
from ...errors import ChiboError, NotReady
from ...mail.delivery import Mailing
from ...mail.dialogue import Sending
from ...mail.invitations import prepare_invitations
from ...mail.self_reviews import prepare_self_reviews
from ...mail.sending import prepare_letters
from ..rendering import page, window_of


# What the send page offers: its value of `ky`, and what it sends.
CHOICES = {"": "quý gần nhất có buổi họp", **{str(q): f"quý {q}" for q in (1, 2, 3, 4)},
           "nam": "báo cáo năm", "cuoi-nam": "hồ sơ kiểm điểm, xếp loại cuối năm",
           "ban-kiem-diem": "bản kiểm điểm cá nhân, gửi từng đảng viên"}


def _letters(request: Request, chosen: str) -> Callable[[], Mailing | None]:
    window = window_of(request)
    checked, output = window.checked(), window.output_folder()
    if chosen == "ban-kiem-diem":
        return lambda: prepare_self_reviews(checked, output, False)
    period = (Period(year_end=True) if chosen == "cuoi-nam" else Period() if chosen == "nam"
              else Period(int(chosen)) if chosen in CHOICES and chosen else None)
    return lambda: prepare_letters(checked, output, period, False)


def _invitations(request: Request) -> Callable[[], Mailing | None]:
    window = window_of(request)
    checked, output = window.checked(), window.output_folder()
    meeting = request.path_params["meeting"]
    return lambda: prepare_invitations(checked, meeting, output)


async def preview(request: Request) -> Response:
    chosen = request.query_params.get("ky", "")
    try:
        mailing = _letters(request, chosen)()
    except ChiboError as error:
        return page(request, "gui.html", message=str(error), mailing=None, chosen=chosen,
                    choices=CHOICES)
    return page(request, "gui.html", mailing=mailing, chosen=chosen, choices=CHOICES,
                needs_password=bool(mailing and Sending(mailing).needs_password()))


async def send(request: Request) -> Response:
    form = await request.form()
    return _send_in_background(request, _letters(request, str(form.get("ky", ""))), form)


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
