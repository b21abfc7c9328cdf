"""Her choice between her edited document and the workbook's new version beside it
(`…-ban-moi.docx`): the one she keeps stays under the document's own name; the other goes
to a folder `cu/` beside them — never deleted, and never offered again."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import NotReady, OutputNotWritable
from ..files import lock_file_beside, program_holding, shown
from .folder import OutputFolder, pdf_name

OLD_FOLDER = "cu"


def keep_version(outputs: OutputFolder, relative: str, keep_new: bool) -> str:
    """Keep her document (`keep_new` False) or the workbook's new version; say, in her
    words, what was kept and where the other went."""
    with outputs.writing():
        return _keep_version(outputs, relative, keep_new)


def _keep_version(outputs: OutputFolder, relative: str, keep_new: bool) -> str:
    newer = outputs.new_version_of(relative)
    if newer is None:
        raise NotReady("Văn bản này không còn hai bản để chọn: có thể đồng chí đã chọn rồi.")
    hers = outputs.path_of(relative)
    newer_relative = newer.relative_to(outputs.path_of(".")).as_posix()
    # a new version's PDF goes too: the document kept gets its PDF at the next build
    going = ([hers, outputs.path_of(pdf_name(relative))] if keep_new else [newer]) + [
        outputs.path_of(pdf_name(newer_relative))]
    for path in (hers, newer):
        lock = lock_file_beside(path)
        if lock is not None:
            raise NotReady(f"{path.name} đang mở trong {program_holding(path, lock)}: hãy đóng "
                           "tệp rồi chọn lại.")
    moved = [_to_old_folder(path) for path in going if path.exists()]
    if keep_new:
        data = newer.read_bytes()
        _move(newer, hers)
        outputs.manifest.forget(newer_relative)
        outputs.manifest.record(relative, data, None)   # chibo's own again: rebuilt as the book changes
    else:
        outputs.manifest.forget(newer_relative)          # hers stays; the same version is not offered again
    kept = "bản mới theo sổ" if keep_new else "bản đồng chí đã sửa"
    return (f"Đã giữ {kept} ({hers.name}); bản kia chuyển vào {shown(moved[0].parent)}."
            if moved else f"Đã giữ {kept} ({hers.name}).")


def _to_old_folder(path: Path) -> Path:
    """Move a file into `cu/` beside it, under a name not taken yet there."""
    folder = path.parent / OLD_FOLDER
    target, number = folder / path.name, 2
    while target.exists():
        target = folder / f"{path.stem}-{number}{path.suffix}"
        number += 1
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise OutputNotWritable(f"Không tạo được thư mục {shown(folder)} ({error.strerror}).") from None
    _move(path, target)
    return target


def _move(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except OSError as error:
        raise OutputNotWritable(f"Không chuyển được {shown(source)} sang {shown(target)} "
                                f"({error.strerror or error}): tệp có đang mở không?") from None
