"""The Đảng ủy's page: the summary of a folder of cells' books, built off the request thread
— and the Đảng ủy's own workbook made here when the folder has none."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ...commune.cells import COMMITTEE_FILE, cell_workbooks
from ...commune.summary import run_summary
from ...errors import ChiboError
from ...workbook.creating import create_workbook
from ..rendering import Form, page, window_of, year_typed


def _folder(window, typed: str | None) -> Path:
    return Path(str(typed or "").strip().strip('"') or window.commune_folder or window.start_folder)


def show(request: Request, form: Form) -> Response:
    window = window_of(request)
    folder = _folder(window, request.query_params.get("thu_muc"))
    notice, window.notice = window.notice, None
    return page(request, "dang-uy.html", folder=str(folder), notice=notice, year=window.today.year,
                has_committee=(folder / COMMITTEE_FILE).is_file())


def create_committee(request: Request, form: Form) -> Response:
    """The Đảng ủy's own workbook, made in the folder and opened in Excel to fill in."""
    window = window_of(request)
    folder = _folder(window, str(form.get("thu_muc", "")))
    try:
        year = year_typed(form.get("nam"), window.today.year)
        made = create_workbook(folder / COMMITTEE_FILE, year=year, committee=True)
    except ChiboError as error:
        window.notice = str(error)
    else:
        window.opener(made)
        window.notice = (f"Đã tạo sổ của Đảng ủy {made} và mở bằng Excel: hãy ghi thông tin của "
                         "Đảng ủy (tên, người ký, nơi nhận…), lưu lại rồi lập tổng hợp.")
    window.commune_folder = folder
    return RedirectResponse("/dang-uy", 303)


def summarise(request: Request, form: Form) -> Response:
    window = window_of(request)
    folder = _folder(window, str(form.get("thu_muc", "")))
    window.commune_folder = folder
    quarter = str(form.get("quy", ""))
    if quarter not in ("", "nam", "1", "2", "3", "4"):
        window.notice = f"Không có kỳ «{quarter[:40]}»: hãy chọn quý 1–4 hoặc cả năm."
        return RedirectResponse("/dang-uy", 303)
    today = window.today

    key = window.new_job("tong-hop")
    job = window.jobs[key]

    def work():
        committee_path = folder / COMMITTEE_FILE
        paths, notes = cell_workbooks(folder, committee_path)
        job.total = len(paths)
        return run_summary(paths, notes, committee_path, folder / "output", None,
                           int(quarter) if quarter not in ("", "nam") else None, quarter == "nam",
                           today, progress=job.advance, pdf=True)

    window.allow(folder / "output")
    window.run_job(key, work)
    return RedirectResponse(f"/viec/{key}", 303)
