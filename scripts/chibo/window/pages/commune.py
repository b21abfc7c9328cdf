"""The Đảng ủy's page: the summary of a folder of cells' books, built off the request thread."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ...commune.cells import COMMITTEE_FILE, cell_workbooks
from ...commune.summary import run_summary
from ..rendering import page, window_of


async def show(request: Request) -> Response:
    return page(request, "dang-uy.html", folder=str(window_of(request).start_folder))


async def summarise(request: Request) -> Response:
    window = window_of(request)
    form = await request.form()
    folder = Path(str(form.get("thu_muc", "")).strip().strip('"') or window.start_folder)
    quarter = str(form.get("quy", ""))
    today = window.today

    def work():
        committee_path = folder / COMMITTEE_FILE
        paths, notes = cell_workbooks(folder, committee_path)
        return run_summary(paths, notes, committee_path, folder / "output", None,
                           int(quarter) if quarter.isdigit() else None, quarter == "nam", today,
                           pdf=True)

    window.allow(folder / "output")
    key = window.run_job("tong-hop", work)
    return RedirectResponse(f"/viec/{key}", 303)
