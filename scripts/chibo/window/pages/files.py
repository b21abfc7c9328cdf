"""The files a build wrote: served (PDFs inline) or opened with the system's program — only
ever from the output folders the window wrote to, addressed by the folder's number — and her
choice between two versions of a document."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response

from ...errors import ChiboError
from ...outputs.choosing import keep_version
from ...outputs.folder import OutputFolder

from ..rendering import window_of
from ..state import Window


def inside_output(window: Window, reference: str) -> Path | None:
    """'N/relative/path' under the N-th output folder, or None: nothing else is ever served
    or opened, whatever the path says."""
    number, _, relative = reference.partition("/")
    if not number.isdigit() or int(number) >= len(window.roots) or not relative:
        return None
    root = window.roots[int(number)]
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) and path != root else None


async def open_file(request: Request) -> Response:
    window = window_of(request)
    form = await request.form()
    path = inside_output(window, str(form.get("tep", "")))
    if path is not None:
        window.opener(path if form.get("thu_muc") != "c" else path.parent)
    return Response(status_code=204)


async def serve_file(request: Request) -> Response:
    path = inside_output(window_of(request), request.path_params["path"])
    if path is None or not path.is_file():
        return PlainTextResponse("Không có tệp này trong thư mục văn bản.", 404)
    inline = path.suffix.lower() == ".pdf"
    return FileResponse(path, filename=path.name,
                        content_disposition_type="inline" if inline else "attachment")


async def keep(request: Request) -> Response:
    """Keep one of two versions of a document (hers, or the workbook's new one)."""
    window = window_of(request)
    form = await request.form()
    try:
        window.notice = keep_version(OutputFolder(window.output_folder()), str(form.get("tep", "")),
                                     keep_new=form.get("giu") == "moi")
    except ChiboError as error:
        window.notice = str(error)
    return RedirectResponse("/", 303)
