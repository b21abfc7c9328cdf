"""Sending from the window: the preview of a period's letters (the year's review pack and
each member's self-review among them) or of a meeting's invitations, with a password field
when none is known on this machine, then the send off the request thread — through the same
dialogue as the command line. A password missing or refused brings her back to the same
preview, the field ready; a password she asked to keep is kept, or she is told why not."""

from __future__ import annotations

import secrets
from typing import Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ...documents.kinds import Period
from ...errors import ChiboError, NotReady, PasswordMissing
from ...mail.delivery import Mailing
from ...mail.dialogue import Sending
from ...mail.invitations import prepare_invitations
from ...mail.self_reviews import prepare_self_reviews
from ...mail.sending import prepare_letters
from ..rendering import Form, page, window_of

# What the send page offers: its value of `ky`, and what it sends.
CHOICES = {"": "quý gần nhất có buổi họp", **{str(q): f"quý {q}" for q in (1, 2, 3, 4)},
           "nam": "báo cáo năm", "cuoi-nam": "hồ sơ kiểm điểm, xếp loại cuối năm",
           "ban-kiem-diem": "bản kiểm điểm cá nhân, gửi từng đảng viên"}


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


def preview(request: Request, form: Form) -> Response:
    chosen = request.query_params.get("ky", "")
    again = request.query_params.get("gui_lai") == "c"
    return _preview(request, "gui.html", _letters(request, chosen, again), chosen=chosen,
                    choices=CHOICES, again=again)


def send(request: Request, form: Form) -> Response:
    chosen, again = str(form.get("ky", "")), form.get("gui_lai") == "c"
    back = "/gui?" + urlencode({"ky": chosen, **({"gui_lai": "c"} if again else {})})
    return _send_in_background(request, _letters(request, chosen, again), form, back)


def invitation_preview(request: Request, form: Form) -> Response:
    return _preview(request, "moi.html", _invitations(request),
                    meeting=request.path_params["meeting"])


def invite(request: Request, form: Form) -> Response:
    return _send_in_background(request, _invitations(request), form,
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
    once = secrets.token_urlsafe(12)   # this preview is sent once, however often clicked
    window.previews[once] = None
    return page(request, template, mailing=mailing, notice=notice, once=once,
                needs_password=bool(mailing and Sending(mailing).needs_password()), **context)


def _send_in_background(request: Request, letters: Callable[[], Mailing | None], form,
                        back: str) -> Response:
    """Send what `letters()` prepares, off the request thread, with the password typed in
    the page or the one known on this machine; kept there only when she asked. Without a
    password to send with, she is back on the preview, told so. A preview is sent once: a
    second click shows the first click's send."""
    window = window_of(request)
    once = str(form.get("lan", ""))
    with window.lock:
        if once not in window.previews:
            window.notice = "Trang xem trước đã cũ: hãy xem lại các thư rồi bấm Gửi."
            return RedirectResponse(back, 303)
        if window.previews[once] is not None:   # a second click: the first send's page
            return RedirectResponse(f"/viec/{window.previews[once]}", 303)
        key = window.previews[once] = window.new_job("gui", then=back)
    typed = str(form.get("mat_khau", "")) or None
    keep = form.get("luu_mat_khau") == "c"

    def work():
        mailing = letters()
        if mailing is None:
            raise NotReady("Sổ có lỗi: hãy sửa rồi gửi lại.")
        if not mailing.letters:
            return mailing, None, None
        dialogue = Sending(mailing)
        if typed is None and dialogue.needs_password():
            raise PasswordMissing("Chưa gõ mật khẩu thư: hãy gõ mật khẩu rồi bấm Gửi.")
        result = dialogue.send(typed)
        kept = dialogue.keep() if keep and dialogue.may_keep else None
        return mailing, result, kept

    window.run_job(key, work)
    return RedirectResponse(f"/viec/{key}", 303)
