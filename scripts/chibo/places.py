"""Where things are: the workbook the secretary means, the output folder beside it, and
chibo's own records kept outside output/ — what was sent — so that deleting output/ never
makes chibo send a letter twice.

A secretary opens a console wherever Windows puts it; nothing here depends on that folder
except the one guess she would expect: with no workbook named, the only .xlsx in it.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import WorkbookNotFound

OUTPUT_FOLDER = "output"
REPOSITORY_SAMPLE = Path("workbook") / "chibo.xlsx"   # the sample, from a checkout of chibo


class SeveralWorkbooks(WorkbookNotFound):
    """No workbook was named and the folder holds more than one: which one is hers?"""


def _workbooks_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.xlsx")
                  if p.is_file() and not p.name.startswith(("~$", ".~lock", ".")))


def find_workbook(argument: str | None, folder: Path | None = None) -> Path:
    """The workbook named (with or without «.xlsx»), or else the only one in the folder."""
    folder = folder or Path.cwd()
    if argument:
        path = Path(argument)
        if not path.exists() and not path.suffix and path.with_suffix(".xlsx").exists():
            return path.with_suffix(".xlsx")
        return path
    found = _workbooks_in(folder)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise SeveralWorkbooks(f"Thư mục {folder} có {len(found)} sổ ({names}): hãy ghi tên sổ "
                               f"cần dùng, ví dụ «chibo check {found[0].name}».")
    if (folder / REPOSITORY_SAMPLE).exists():
        return folder / REPOSITORY_SAMPLE
    raise WorkbookNotFound(f"Không thấy sổ Excel (.xlsx) nào trong thư mục {folder}: hãy ghi "
                           "đường dẫn tới sổ, ví dụ «D:\\SoChiBo\\so-chi-bo-2026.xlsx».")


def output_beside(workbook: str | Path) -> Path:
    """Documents go to output/ in the workbook's own folder, wherever the console is."""
    return Path(workbook).resolve().parent / OUTPUT_FOLDER


def data_folder() -> Path:
    """chibo's own records on this machine: CHIBO_DATA_DIR, or the system's place for a
    program's data (on Windows %LOCALAPPDATA%\\chibo), where nobody deletes by accident."""
    configured = os.environ.get("CHIBO_DATA_DIR", "").strip()
    if configured:
        return Path(configured)
    from platformdirs import user_data_dir

    return Path(user_data_dir("chibo", appauthor=False))


def sent_record(cell_name: str, year: int | None) -> Path:
    """The record of the letters one cell sent in one year: one file per cell and year, so
    that a copy of the workbook, a moved folder or a rebuilt output/ all see the same."""
    from .wording import slug

    return data_folder() / "da-gui" / f"{slug(cell_name)}-{year or 'x'}.json"

