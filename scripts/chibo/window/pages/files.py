"""The files a build wrote: served (PDFs inline) or opened with the system's program — only
ever from the output folders the window wrote to, addressed by the folder's number — and her
choice between two versions of a document."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response

from ...errors import ChiboError
from ...files import not_a_file
from ...outputs.choosing import keep_version
from ...outputs.folder import OutputFolder

from ..rendering import Form, window_of
from ..state import Window
from .errors import missing_file


MAX_PATH_CHARACTERS = 1024   # far beyond any file chibo writes


def inside_output(window: Window, reference: str) -> Path | None:
    """'N/relative/path' under the N-th output folder, or None: nothing else is ever served
    or opened, whatever the path says."""
    number, _, relative = reference.partition("/")
    if not (number.isascii() and number.isdigit()) or int(number) >= len(window.roots) \
            or not relative or "\0" in relative or len(relative) > MAX_PATH_CHARACTERS:
        return None
    root = window.roots[int(number)]
    try:
        path = (root / relative).resolve()
    except (OSError, ValueError):   # a name the system refuses
        return None
    return path if path.is_relative_to(root) and path != root else None


def open_file(request: Request, form: Form) -> Response:
    window = window_of(request)
    path = inside_output(window, str(form.get("tep", "")))
    if path is not None:
        window.opener(path if form.get("thu_muc") != "c" else path.parent)
    return Response(status_code=204)


def serve_file(request: Request, form: Form) -> Response:
    path = inside_output(window_of(request), request.path_params["path"])
    if path is None or not_a_file(path) is not None:
        return missing_file()
    inline = path.suffix.lower() == ".pdf"
    return FileResponse(path, filename=path.name,
                        content_disposition_type="inline" if inline else "attachment")


def keep(request: Request, form: Form) -> Response:
    """Keep one of two versions of a document (hers, or the workbook's new one)."""
    window = window_of(request)
    try:
        window.notice = keep_version(OutputFolder(window.output_folder()), str(form.get("tep", "")),
                                     keep_new=form.get("giu") == "moi")
    except ChiboError as error:
        window.notice = str(error)
    return RedirectResponse("/", 303)
