"""The build: check the workbook, choose the documents, render them from their templates,
write them safely, and turn them into PDF.

Rendering runs in a sandboxed Jinja environment with autoescape and StrictUndefined: a
template is a file people pass around, and text from cells must appear exactly as typed.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from .documents import (Document, compose, latest_quarter, meeting_by_id, plan_document,
                        report_document, year_documents)
from .errors import ChiboError
from .model import Record, Workbook
from .outputs import pdf_name
from .problems import Report
from .wording import short_date


def _templates_dir() -> Path:
    """The shipped templates: templates/ of the repository, installed as the data of the
    package `chibo.templates` (a folder on disk in every install pip makes)."""
    from importlib.resources import files

    return Path(str(files("chibo.templates")))


TEMPLATES_DIR = _templates_dir()


def render(document: Document, templates: Path, settings: Record) -> bytes:
    """The finished .docx: the template filled in, margins from the workbook, and a zip whose
    bytes depend only on the content (so an unchanged document is recognised as unchanged)."""
    from docxtpl import DocxTemplate
    from docx.shared import Mm
    from jinja2 import TemplateError

    source = templates / document.template
    if not source.is_file():
        if not templates.is_dir():
            raise ChiboError(f"Không tìm thấy thư mục mẫu văn bản {templates}.")
        source = TEMPLATES_DIR / document.template   # a cell may restyle only some templates
    try:
        template = DocxTemplate(source)
        template.render(document.context, jinja_env=_environment(), autoescape=True)
    except TemplateError as error:
        raise ChiboError(f"Mẫu văn bản {source} có lỗi: {error}. Hãy sửa mẫu hoặc dùng lại mẫu "
                         "gốc của chibo.") from None
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ChiboError(f"Mẫu văn bản {source} không phải tệp Word (.docx) dùng được "
                         f"({type(error).__name__}).") from None
    for section in template.docx.sections:
        section.top_margin = Mm(settings.margin_top)
        section.bottom_margin = Mm(settings.margin_bottom)
        section.left_margin = Mm(settings.margin_left)
        section.right_margin = Mm(settings.margin_right)
    buffer = io.BytesIO()
    template.save(buffer)
    return _stable_zip(buffer.getvalue())


class _CompilingOnce(SandboxedEnvironment):
    """A sandboxed environment that compiles each template part once: docxtpl asks for the
    same source again for every document made from a template."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.compiled: dict[str, object] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals or template_class:
            return super().from_string(source, globals, template_class)
        if source not in self.compiled:
            self.compiled[source] = super().from_string(source)
        return self.compiled[source]


@functools.cache
def _environment() -> _CompilingOnce:
    """One environment per process: autoescape (a '<' from a cell must not break the XML)
    and StrictUndefined (a missing variable must not print nothing)."""
    return _CompilingOnce(autoescape=True, undefined=StrictUndefined)


def _stable_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps: same content, same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item))
    return out.getvalue()


# --- writing a run's files, and their PDFs ------------------------------------------------------

@dataclass(frozen=True)
class OutputFile:
    """One file a run writes under the output folder."""

    relative: str
    label: str                   # how the summary names it
    data: bytes
    as_pdf: bool = True          # also wanted as PDF (a document; not a spreadsheet)
    # Written only where it was built before, and named only when something happened to it:
    # a document of another period that the workbook may have corrected.
    refresh: bool = False


@dataclass
class Written:
    """What became of a run's files: one summary, whatever the command."""

    files: list = field(default_factory=list)   # (OutputFile, outputs.Outcome)
    pdfs: list = field(default_factory=list)    # (OutputFile, outputs.Outcome) of the PDFs
    pdf_failure: str | None = None               # why no PDF was made, when none could be

    @property
    def failed(self) -> bool:
        from .outputs import FAILED, LOCKED

        return any(o.status in (LOCKED, FAILED) for _, o in self.files + self.pdfs)


def write_outputs(outputs, files: list[OutputFile], pdf: bool) -> Written:
    """Write each file safely (see outputs.py), then make the PDFs of the documents as they
    are on disk — the secretary's edited file where she edited one — in one LibreOffice run.
    A file that could not be written is reported as such and gets no PDF."""
    from .outputs import UNCHANGED

    written = Written()
    for file in files:
        if file.refresh and not (outputs.path_of(file.relative).exists()
                                 or outputs.recorded(file.relative) is not None):
            continue
        outcome = outputs.write(file.relative, file.data)
        stale_pdf = pdf and file.as_pdf and not outputs.pdf_is_current(file.relative) and (
            not file.refresh or outputs.recorded(pdf_name(file.relative)) is not None)
        if file.refresh and outcome.status == UNCHANGED and not stale_pdf:
            continue
        written.files.append((file, outcome))
    if pdf:
        _make_pdfs(written, outputs)
    return written


def _make_pdfs(written: Written, outputs) -> None:
    from .converting import convert_to_pdf
    from .outputs import FAILED, LOCKED, Outcome

    wanted = [(f, o) for f, o in written.files if f.as_pdf and o.status not in (LOCKED, FAILED)
              and not outputs.pdf_is_current(f.relative)]
    if not wanted:
        return
    try:
        converted = convert_to_pdf([o.path for _, o in wanted])
    except ChiboError as error:
        written.pdf_failure = str(error)
        return
    for file, outcome in wanted:
        data = converted.get(outcome.path)
        relative = pdf_name(file.relative)
        if data is None:
            written.pdfs.append((file, Outcome(outputs.path_of(relative), FAILED,
                                               message="LibreOffice không tạo được PDF cho văn "
                                                       "bản này.")))
            continue
        written.pdfs.append((file, outputs.write(relative, data,
                                                 source=outputs.document_hash(file.relative))))


# --- the build: check, choose, render, write ------------------------------------------------

@dataclass(frozen=True)
class Run:
    """What a build knows besides the workbook: the day, and whether PDFs are wanted."""

    today: dt.date
    pdf: bool


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


def build(workbook_path, choose, output_dir="output", templates_dir=None,
          today: dt.date | None = None, pdf: bool = False,
          pdf_required: bool = False, while_open: bool = False) -> BuildResult:
    """Check the workbook; unless it has errors, write the documents `choose` picks, and
    their PDFs when `pdf` is set.

    `choose(workbook, outputs, run)` returns (documents, notes): the documents to write
    and sentences for the summary; `run` says the day and whether PDFs are wanted. A
    workbook open in Excel may hold unsaved work: nothing is built unless `while_open`."""
    from .checking import read_and_check
    from .outputs import OutputFolder

    today = today or dt.date.today()
    workbook, report = read_and_check(workbook_path, today)
    result = BuildResult(report, workbook, pdf_required=pdf_required)
    if workbook is None or report.has_errors:
        return result
    if report.open_note is not None and not while_open:
        result.stopped_while_open = True
        return result
    outputs = OutputFolder(output_dir)
    documents, result.notes = choose(workbook, outputs, Run(today, pdf))
    templates = Path(templates_dir) if templates_dir else TEMPLATES_DIR
    files = [OutputFile(d.path, d.label, render(d, templates, workbook.settings),
                        refresh=d.refresh) for d in documents]
    result.written = write_outputs(outputs, files, pdf)
    return result


def choose_plan(workbook, outputs, run):
    return [plan_document(workbook)], []


def choose_minutes(quarter: int | None = None, meeting_id: str | None = None):
    def choose(workbook, outputs, run):
        today = run.today
        if meeting_id is not None:
            meeting = meeting_by_id(workbook, meeting_id)
            if not meeting.date or meeting.date.year != workbook.settings.year:
                raise ChiboError(f"Buổi «{meeting.id}» không thuộc năm {workbook.settings.year}.")
            if meeting.date > today:
                raise ChiboError(f"Buổi «{meeting.id}» chưa diễn ra (ngày "
                                 f"{short_date(meeting.date)}): chưa có biên bản.")
            return [compose(workbook, p) for p in year_documents(workbook, today)
                    if p.meeting is meeting and p.doc_type == "BB"], []
        chosen = quarter or latest_quarter(workbook, today)
        documents = [compose(workbook, p) for p in year_documents(workbook, today)
                     if p.doc_type == "BB" and p.quarter == chosen]
        if not documents:
            where = f"quý {chosen}" if chosen else f"năm {workbook.settings.year}"
            raise ChiboError(f"Sổ chưa có buổi sinh hoạt nào đã diễn ra trong {where}.")
        return documents, []
    return choose


def choose_report(quarter: int | None = None, year: bool = False):
    def choose(workbook, outputs, run):
        today = run.today
        if year:
            return [report_document(workbook, None, today)], []
        chosen = quarter or latest_quarter(workbook, today)
        if chosen is None:
            raise ChiboError("Sổ chưa có buổi sinh hoạt nào đã diễn ra: hãy chọn quý cần báo "
                             "cáo.")
        return [report_document(workbook, chosen, today)], []
    return choose


def choose_quarter_end(quarter: int | None = None, everything: bool = False):
    """build-report: the plan if not built yet, the quarter's minutes and report, and the
    year's report once it is due; with `everything`, the whole year. Every other document
    of the year already built — the plan too — is written again where the workbook changed
    what it says. Only meetings held by today count: a schedule typed in advance is not yet
    a meeting."""
    def choose(workbook, outputs, run):
        today = run.today
        notes = []
        chosen = quarter or latest_quarter(workbook, today)
        if chosen is None and not everything:
            notes.append("Sổ chưa có buổi sinh hoạt nào đã diễn ra: chỉ lập kế hoạch.")
        documents = []
        for planned in year_documents(workbook, today):
            built_before = (outputs.path_of(planned.path).exists()
                            or outputs.recorded(planned.path) is not None)
            year_report = planned.doc_type == "BC" and planned.period == "Năm"
            in_scope = everything or planned.quarter == chosen or (
                year_report and (chosen == 4 or quarter is None)) or (
                planned.doc_type == "KH" and not (outputs.path_of(planned.path).exists() and (
                    not run.pdf or outputs.pdf_is_current(planned.path))))
            if in_scope or built_before:   # only what was built may need building again
                document = compose(workbook, planned, today)
                document.refresh = not in_scope
                documents.append(document)
        return documents, notes
    return choose
