"""Sending from the window: the preview of a period's letters (the year's review pack and
each member's self-review among them) or of a meeting's invitations, with a password field
when none is known on this machine, then the send off the request thread — through the same
dialogue as the command line. A password missing or refused brings her back to the same
preview, the field ready; a password she asked to keep is kept, or she is told why not."""

from __future__ import annotations

from typing import Callable
from urllib.parse import urlencode

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
PASSWORD_REFUSED = "password-refused"


def _letters(request: Request, chosen: str, again: bool) -> Callable[[], Mailing | None]:
    """The letters of her choice; `again`: the documents already sent too (a resend)."""
    window = window_of(request)
    checked, output = window.checked(), window.output_folder()
    if chosen == "ban-kiem-diem":
        return lambda: prepare_self_reviews(checked, output, again)
    period = (Period(year_end=True) if chosen == "cuoi-nam" else Period() if chosen == "nam"
              else Period(int(chosen)) if chosen in CHOICES and chosen else None)
    return lambda: prepare_letters(checked, output, period, again)


def _invitations(request: Request) -> Callable[[], Mailing | None]:
    window = window_of(request)
    checked, output = window.checked(), window.output_folder()
    meeting = request.path_params["meeting"]
    return lambda: prepare_invitations(checked, meeting, output)


async def preview(request: Request) -> Response:
    chosen = request.query_params.get("ky", "")
    again = request.query_params.get("gui_lai") == "c"
    return _preview(request, "gui.html", _letters(request, chosen, again), chosen=chosen,
                    choices=CHOICES, again=again)


async def send(request: Request) -> Response:
    form = await request.form()
    chosen, again = str(form.get("ky", "")), form.get("gui_lai") == "c"
    back = "/gui?" + urlencode({"ky": chosen, **({"gui_lai": "c"} if again else {})})
    return _send_in_background(request, _letters(request, chosen, again), form, back)


async def invitation_preview(request: Request) -> Response:
    return _preview(request, "moi.html", _invitations(request),
                    meeting=request.path_params["meeting"])


async def invite(request: Request) -> Response:
    return _send_in_background(request, _invitations(request), await request.form(),
                               f"/moi/{request.path_params['meeting']}")


def _preview(request: Request, template: str, letters: Callable[[], Mailing | None],
             **context) -> Response:
    """The letters as they would go, with what the last try said (a password missing or
    refused), said once."""
    window = window_of(request)
    notice, window.notice = window.notice, None
    try:
        mailing = letters()
    except ChiboError as error:
        return page(request, template, message=str(error), mailing=None, **context)
    return page(request, template, mailing=mailing, notice=notice,
                needs_password=bool(mailing and Sending(mailing).needs_password()), **context)


def _send_in_background(request: Request, letters: Callable[[], Mailing | None], form,
                        back: str) -> Response:
    """Send what `letters()` prepares, off the request thread, with the password typed in
    the page or the one known on this machine; kept there only when she asked. Without a
    password to send with, she is back on the preview, told so."""
    window = window_of(request)
    typed = str(form.get("mat_khau", "")) or None
    keep = form.get("luu_mat_khau") == "c"
    try:
        mailing = letters()
    except ChiboError as error:
        window.notice = str(error)
        return RedirectResponse(back, 303)
    if mailing is not None and mailing.letters and typed is None \
            and Sending(mailing).needs_password():
        window.notice = "Chưa gõ mật khẩu thư: hãy gõ mật khẩu rồi bấm Gửi."
        return RedirectResponse(back, 303)

    def work():
        if mailing is None:
            raise NotReady("Sổ có lỗi: hãy sửa rồi gửi lại.")
        if not mailing.letters:
            return mailing, None, None
        dialogue = Sending(mailing)
        result = dialogue.send(typed)
        kept = dialogue.keep() if keep and dialogue.may_keep else None
        return mailing, result, kept

    key = window.run_job("gui", work)
    window.jobs[key].then = back   # a refused password: back to this preview
    return RedirectResponse(f"/viec/{key}", 303)
