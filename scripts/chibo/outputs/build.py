"""The build: from a checked workbook, choose the documents, render them from their templates,
write them safely, and turn them into PDF.

A chooser says which documents a command writes: `choose(checked, outputs, pdf)` returns the
documents and sentences for the summary. Only meetings held by the checked day count: a
schedule typed in advance is not yet a meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..documents.common import latest_quarter, meeting_by_id, register_entry
from ..documents.document import Document, Planned
from ..documents.kinds import (MINUTES, PLAN, QUARTER_REPORT, YEAR_REPORT, review_meetings,
                              yearly, year_documents)
from ..documents.rendering import TEMPLATES_DIR, recipe, render
from ..errors import NotReady
from ..problems import Report
from ..rules.checked import Checked
from ..wording import short_date
from ..workbook import schema
from ..workbook.model import Workbook
from .folder import OutputFolder
from .writing import OutputFile, Written, write_outputs

Chooser = Callable[[Checked, OutputFolder, bool], tuple[list[Document], list[str]]]


@dataclass
class BuildResult:
    report: Report                       # the problems of the workbook
    workbook: Workbook | None = None
    written: Written = field(default_factory=Written)
    notes: list[str] = field(default_factory=list)
    pdf_required: bool = False           # the user asked for PDF explicitly
    stopped_while_open: bool = False     # the workbook is open in Excel: nothing was built

    @property
    def failed(self) -> bool:
        return (self.report.has_errors or self.stopped_while_open or self.written.failed
                or (self.written.pdf_failure is not None and self.pdf_required))


def build(checked: Checked, choose: Chooser, output_dir: str | Path,
          templates_dir: str | Path | None = None, pdf: bool = False,
          pdf_required: bool = False, while_open: bool = False) -> BuildResult:
    """Unless the checked workbook has errors, write the documents `choose` picks, and their
    PDFs when `pdf` is set. A workbook open in Excel may hold unsaved work: nothing is
    built from it unless `while_open`."""
    result = BuildResult(checked.problems, checked.workbook, pdf_required=pdf_required)
    workbook = checked.workbook
    if workbook is None or not checked.usable:
        return result
    if checked.problems.open_note is not None and not while_open:
        result.stopped_while_open = True
        return result
    outputs = OutputFolder(output_dir)
    documents, result.notes = choose(checked, outputs, pdf)
    templates = Path(templates_dir) if templates_dir else TEMPLATES_DIR
    recipes = [recipe(d, templates, workbook.settings) for d in documents]
    # a document built before from the same recipe is the same file: not rendered again
    wanted = [d for d, r in zip(documents, recipes, strict=True) if not outputs.made_from(d.path, r)]
    rendered = dict(zip((id(d) for d in wanted),
                        render_all(wanted, templates, workbook.settings), strict=True))
    files = [OutputFile(d.path, d.label, rendered.get(id(d)), refresh=d.refresh, recipe=r)
             for d, r in zip(documents, recipes, strict=True)]
    result.written = write_outputs(outputs, files, pdf)
    return result


# Rendering is the long part of a big build (some 30 ms a document): past this many
# documents, it is spread over the machine's cores by the standard library's pool.
RENDER_IN_PARALLEL_FROM = 32


def render_all(documents: list[Document], templates: Path, settings) -> list[bytes]:
    """Each document's Word file, in order. Only a process of its own — the command line,
    not the window's threads, which a forked worker would copy mid-work — renders in
    parallel."""
    import os
    import threading

    workers = min(os.cpu_count() or 1, 8)
    if len(documents) < RENDER_IN_PARALLEL_FROM or workers < 2 or threading.active_count() > 1:
        return [render(d, templates, settings) for d in documents]
    from concurrent.futures import ProcessPoolExecutor

    # One document of each template first, here, the shortest: the workers are forked with
    # each template part already cleaned and compiled. The rest go longest first, so that no
    # long report is left for the end while the other workers wait.
    by_length = sorted(documents, key=_length)
    firsts: dict[str, Document] = {}
    for document in by_length:
        firsts.setdefault(document.template, document)
    made = {id(d): render(d, templates, settings) for d in firsts.values()}
    rest = [d for d in reversed(by_length) if id(d) not in made]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        made.update(zip(map(id, rest), pool.map(
            render, rest, [templates] * len(rest), [settings] * len(rest),
            chunksize=max(1, len(rest) // (workers * 4))), strict=True))
    return [made[id(d)] for d in documents]


def _length(document: Document) -> int:
    """How long a document is to render, near enough: the size of what it says, as the
    workers are sent it."""
    import pickle

    return len(pickle.dumps(document.context))


def _book(checked: Checked) -> Workbook:
    assert checked.workbook is not None   # build chooses only for a usable workbook
    return checked.workbook


def choose_plan(checked: Checked, outputs: OutputFolder, pdf: bool):
    workbook = _book(checked)
    return [yearly(PLAN, workbook.settings.year).compose(workbook, checked.today)], []


def choose_minutes(quarter: int | None = None, meeting_id: str | None = None) -> Chooser:
    """The minutes of one meeting, or of a quarter's meetings (the latest quarter held)."""
    def choose(checked: Checked, outputs: OutputFolder, pdf: bool):
        workbook, today = _book(checked), checked.today
        papers = [p for p in year_documents(workbook, today) if p.kind is MINUTES]
        if meeting_id is not None:
            meeting = meeting_by_id(workbook, meeting_id)
            if not meeting.date or meeting.date.year != workbook.settings.year:
                raise NotReady(f"Buổi «{meeting.id}» không thuộc năm {workbook.settings.year}.")
            if meeting.date > today:
                raise NotReady(f"Buổi «{meeting.id}» chưa diễn ra (ngày "
                               f"{short_date(meeting.date)}): chưa có biên bản.")
            return [p.compose(workbook) for p in papers if p.meeting is meeting], []
        chosen = quarter or latest_quarter(workbook, today)
        documents = [p.compose(workbook) for p in papers if p.quarter == chosen]
        if not documents:
            where = f"quý {chosen}" if chosen else f"năm {workbook.settings.year}"
            raise NotReady(f"Sổ chưa có buổi sinh hoạt nào đã diễn ra trong {where}.")
        return documents, []
    return choose


def choose_report(quarter: int | None = None, year: bool = False) -> Chooser:
    """The report of a quarter (the latest held), or of the year."""
    def choose(checked: Checked, outputs: OutputFolder, pdf: bool):
        workbook, today = _book(checked), checked.today
        if year:
            return [yearly(YEAR_REPORT, workbook.settings.year).compose(workbook, today)], []
        chosen = quarter or latest_quarter(workbook, today)
        if chosen is None:
            raise NotReady("Sổ chưa có buổi sinh hoạt nào đã diễn ra: hãy chọn quý cần báo cáo.")
        planned = yearly(QUARTER_REPORT, workbook.settings.year, chosen)
        entry = register_entry(workbook, QUARTER_REPORT, planned.period)
        if entry is not None and entry.date is not None and entry.date > today:
            raise NotReady(f"Báo cáo quý {chosen} đề ngày {short_date(entry.date)} ở trang Văn "
                           "bản: chibo lập báo cáo này từ ngày đó, khi những gì nó ghi lại đã "
                           "diễn ra.")
        return [planned.compose(workbook, today)], []
    return choose


def choose_quarter_end(quarter: int | None = None, everything: bool = False) -> Chooser:
    """build-report: the plan if not built yet, the quarter's papers and report, and the
    year's report once it is due; with `everything`, the whole year. Every other document
    of the year already built — the plan too — is written again where the workbook changed
    what it says."""
    def choose(checked: Checked, outputs: OutputFolder, pdf: bool):
        workbook, today = _book(checked), checked.today
        notes = []
        chosen = quarter or latest_quarter(workbook, today)
        if chosen is None and not everything:
            notes.append("Sổ chưa có buổi sinh hoạt nào đã diễn ra: chỉ lập kế hoạch.")
        if quarter is not None and not any(p.quarter == quarter
                                           for p in year_documents(workbook, today)):
            raise NotReady(f"Quý {quarter}/{workbook.settings.year} chưa có buổi sinh hoạt nào "
                           "đã diễn ra: chưa có văn bản nào của quý này để lập.")

        def in_scope(planned: Planned) -> bool:
            if everything:
                return True
            if planned.kind.pack:
                return False   # the year's end has its own run (choose_year_end)
            return planned.quarter == chosen or (
                planned.kind is YEAR_REPORT and (chosen == 4 or quarter is None)) or (
                planned.kind is PLAN and not (outputs.path_of(planned.path).exists() and (
                    not pdf or outputs.pdf_is_current(planned.path))))

        return _with_refreshed(checked, outputs, in_scope), notes
    return choose


def choose_year_end(checked: Checked, outputs: OutputFolder, pdf: bool):
    """build-report --year-end: the year's review pack — each member's self-review from
    December, the rest once the review meeting is held — and whatever else built before
    that the workbook changed."""
    workbook, today = _book(checked), checked.today
    pack = [p for p in year_documents(workbook, today) if p.kind.pack]
    if not pack:
        raise NotReady(f"Chưa đến kỳ kiểm điểm cuối năm {workbook.settings.year}: hồ sơ kiểm "
                       "điểm, xếp loại lập từ tháng 12, hoặc khi sổ có buổi «"
                       f"{schema.REVIEW_KIND}».")
    notes = []
    if not review_meetings(workbook, today):
        notes.append(f"Chưa họp hội nghị kiểm điểm (Loại «{schema.REVIEW_KIND}» ở trang Buổi sinh "
                     "hoạt): mới lập bản kiểm điểm của từng đảng viên; báo cáo tập thể, biên bản "
                     "và danh sách đề nghị xếp loại lập sau hội nghị.")
    return _with_refreshed(checked, outputs, lambda planned: planned.kind.pack), notes


def _with_refreshed(checked: Checked, outputs: OutputFolder,
                    in_scope: Callable[[Planned], bool]) -> list[Document]:
    """The year's documents in scope, and those out of it built before: each of them is
    written again only where the workbook changed what it says."""
    workbook, today = _book(checked), checked.today
    documents = []
    for planned in year_documents(workbook, today):
        wanted = in_scope(planned)
        built_before = (outputs.path_of(planned.path).exists()
                        or outputs.recorded(planned.path) is not None)
        if wanted or built_before:   # only what was built may need building again
            document = planned.compose(workbook, today)
            document.refresh = not wanted
            documents.append(document)
    return documents
