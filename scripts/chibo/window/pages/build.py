"""Building from the window — the latest quarter, a quarter, the whole year, the plan, the
year's review pack — off
the request thread, and the page of a job while it runs and once it is done."""

from __future__ import annotations

import time
from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ...files import shown
from ...outputs.build import build as build_documents
from ...outputs.build import choose_plan, choose_quarter_end, choose_year_end
from ...outputs.folder import STATUS_WORDS
from ..rendering import Form, page, window_of
from ..state import Window


# What the send page previews after a build of each choice (its `ky`).
SENT_AFTER = {"quy": "", "ca-nam": "", "ke-hoach": "", "cuoi-nam": "cuoi-nam",
              **{f"quy-{q}": str(q) for q in (1, 2, 3, 4)}}


def build(request: Request, form: Form) -> Response:
    """Build what she chose; from a book open in Excel only when she said to build anyway
    (a lock file left by a machine that stopped)."""
    window = window_of(request)
    what = str(form.get("ky", "quy"))
    if what not in SENT_AFTER:
        window.notice = f"Không có kỳ «{what[:40]}» để lập: hãy chọn trong danh sách «Lập cho»."
        return RedirectResponse("/", 303)
    choice = (choose_plan if what == "ke-hoach" else
              choose_year_end if what == "cuoi-nam" else
              choose_quarter_end(everything=True) if what == "ca-nam" else
              choose_quarter_end(int(what[-1])) if what.startswith("quy-") else
              choose_quarter_end())
    checked, output = window.checked(), window.output_folder()
    anyway = form.get("van_lap") == "c"
    key = window.run_job("lap", lambda: build_documents(checked, choice, output, pdf=True,
                                                        while_open=anyway))
    window.jobs[key].asked, window.jobs[key].then = what, SENT_AFTER[what]
    return RedirectResponse(f"/viec/{key}", 303)


def job(request: Request, form: Form) -> Response:
    window = window_of(request)
    running = window.jobs.get(request.path_params["key"])
    if running is None:
        return RedirectResponse("/", 303)
    if not running.done:
        return page(request, "dang-lam.html", job=running,
                    seconds=int(time.monotonic() - running.started))
    if running.kind == "gui" and running.failure_family in ("password-refused", "password-missing"):
        window.notice = running.failure   # the same preview, the field ready for another try
        return RedirectResponse(running.then, 303)
    written = getattr(running.result, "written", None)
    return page(request, f"xong-{running.kind}.html", job=running, result=running.result,
                links=links(window, written) if written is not None else [])


def links(window: Window, written) -> list[dict]:
    """Each file a run wrote, with what a secretary can do with it."""
    found = []
    for file, outcome in written.files:
        path = Path(outcome.path).resolve()
        root = next((r for r in window.roots if path.is_relative_to(r)), None)
        if root is None:
            continue
        number = window.roots.index(root)
        pdf = path.with_suffix(".pdf")
        found.append({"label": file.label, "message": outcome.message, "name": path.name,
                      "state": STATUS_WORDS[outcome.status],
                      "relative": f"{number}/{path.relative_to(root).as_posix()}",
                      "program": {".docx": "Word", ".xlsx": "Excel"}.get(path.suffix),
                      "shown": shown(path),
                      "pdf": f"{number}/{pdf.relative_to(root).as_posix()}" if pdf.exists()
                      else None})
    return found
