"""Check once: a workbook opened and checked for a day, the one object every later stage
takes — the build, the letters, the invitations, `status`, the commune's summary, the window.

Checking looks at the workbook alone: what was sent by mail is the mail stage's business,
never a reason for a book to be in error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..problems import Report
from ..workbook import schema
from ..workbook.model import Workbook
from ..workbook.reading import read_workbook
from . import book, meetings, records, register, year, year_end
from .checker import Checker

# Each rule adds its problems to the report: first one per sheet, then the whole year.
RULES = (book.check_settings, book.check_plan, book.check_members, book.check_themes,
         meetings.check_meetings, records.check_absences, records.check_opinions,
         records.check_tasks, records.check_assessments, records.check_scores,
         register.check_register, register.check_recipients,
         year.thematic_meeting_every_quarter, year.regular_meeting_every_month,
         year.assessment_every_quarter, year_end.check_ratings)


@dataclass(frozen=True)
class Checked:
    """A workbook checked for a day: its records (None when the file could not be read at
    all), every problem found in it, and the day it was judged by."""

    path: Path
    workbook: Workbook | None
    problems: Report
    today: dt.date

    @property
    def usable(self) -> bool:
        """Whether documents and letters may be made from it: read, and without errors."""
        return self.workbook is not None and not self.problems.has_errors


def open_checked(path: str | Path, today: dt.date, on_her_machine: bool = True) -> Checked:
    """Read a workbook and check it as of `today` — without what only the secretary's own
    machine can see (the materials beside her book) when it is checked elsewhere
    (`on_her_machine` false: the Đảng ủy's office summing its cells)."""
    workbook, read = read_workbook(path)
    return Checked(Path(path), workbook, check_records(workbook, read, today, on_her_machine),
                   today)


def check_records(workbook: Workbook | None, read: Report, today: dt.date,
                  on_her_machine: bool = True) -> Report:
    """Every problem of a workbook's records, after those its reading found (`read`): a
    brand-new book gets its to-do list instead."""
    if workbook is None:
        return read
    if is_blank(workbook):
        return to_do_list(workbook, read)
    checker = Checker(workbook, read, today, on_her_machine)
    for rule in RULES:
        rule(checker)
    return read


def is_blank(workbook: Workbook) -> bool:
    """A workbook just made by `chibo init`: no member, theme, plan or meeting yet."""
    return not (workbook.members or workbook.themes or workbook.plan_paragraphs
                or workbook.meetings)


def to_do_list(workbook: Workbook, read: Report) -> Report:
    """What a brand-new workbook needs first, in the order to fill it — not every consequence
    of an empty book. Problems of the file itself (a missing sheet, a merged cell) stay."""
    todo = Report(sheet_order=read.sheet_order)
    todo.problems = [p for p in read.problems
                     if not (p.sheet == schema.SETTINGS.name and p.code == "required")]
    settings = workbook.settings
    missing = [s for s in schema.SETTINGS.settings
               if s.required and not settings.values.get(s.field)]
    if missing:
        todo.add("to-fill", sheet=schema.SETTINGS.name,
                 cell=settings.cells.get(missing[0].field, "B2"),
                 step="Ghi các mục " + ", ".join(f"«{s.header}»" for s in missing) + ".")
    steps = [(schema.MEMBERS, "Ghi danh sách đảng viên: họ và tên, loại (chính thức, dự bị), "
              "chức vụ.", workbook.members),
             (schema.LEGAL_BASES, "Ghi các văn bản làm căn cứ của kế hoạch.", workbook.legal_bases),
             (schema.PLAN_PARAGRAPHS, "Ghi mục đích, yêu cầu và biện pháp thực hiện của kế hoạch.",
              workbook.plan_paragraphs),
             (schema.THEMES, "Ghi chuyên đề của bốn quý.", workbook.themes)]
    for sheet, step, rows in steps:
        if not rows:
            todo.add("to-fill", sheet=sheet.name, cell="A2", step=step)
    return todo
