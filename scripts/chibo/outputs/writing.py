"""Writing a run's files and their PDFs: one path for the build of a cell's documents and for
the commune's summary, so both say the same of what became of each file."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ConversionFailed, ConverterMissing
from .folder import FAILED, LOCKED, UNCHANGED, WRITTEN, Outcome, OutputFolder, pdf_name


@dataclass(frozen=True)
class OutputFile:
    """One file a run writes under the output folder."""

    relative: str
    label: str                   # how the summary names it
    data: bytes | None           # None: made from the same recipe as the file chibo wrote
    as_pdf: bool = True          # also wanted as PDF (a document; not a spreadsheet)
    # Written only where it was built before, and named only when something happened to it:
    # a document of another period that the workbook may have corrected.
    refresh: bool = False
    recipe: str | None = None    # what a document is made from (see rendering.recipe)


@dataclass
class Written:
    """What became of a run's files: one summary, whatever the command."""

    files: list[tuple[OutputFile, Outcome]] = field(default_factory=list)
    pdfs: list[tuple[OutputFile, Outcome]] = field(default_factory=list)   # of the documents
    pdf_failure: str | None = None               # why no PDF was made, when none could be

    @property
    def failed(self) -> bool:

        return any(o.status in (LOCKED, FAILED) for _, o in self.files + self.pdfs)


def write_outputs(outputs: OutputFolder, files: list[OutputFile], pdf: bool) -> Written:
    """Write each file safely (see outputs.py), then make the PDFs of the documents as they
    are on disk — the secretary's edited file where she edited one — in one LibreOffice run.
    A file that could not be written is reported as such and gets no PDF."""
    with outputs.writing():
        return _write_outputs(outputs, files, pdf)


def _write_outputs(outputs: OutputFolder, files: list[OutputFile], pdf: bool) -> Written:
    written = Written()
    for file in files:
        if file.refresh and not (outputs.path_of(file.relative).exists()
                                 or outputs.recorded(file.relative) is not None):
            continue
        if file.data is None:
            outcome = Outcome(outputs.path_of(file.relative), UNCHANGED)
        else:
            outcome = outputs.write(file.relative, file.data)
            if file.recipe and outcome.status in (WRITTEN, UNCHANGED):
                outputs.manifest.remember_recipe(file.relative, file.recipe)
        stale_pdf = pdf and file.as_pdf and not outputs.pdf_is_current(file.relative) and (
            not file.refresh or outputs.recorded(pdf_name(file.relative)) is not None)
        if file.refresh and outcome.status == UNCHANGED and not stale_pdf:
            continue
        written.files.append((file, outcome))
    if pdf:
        _make_pdfs(written, outputs)
    return written


def _make_pdfs(written: Written, outputs: OutputFolder) -> None:
    from .pdf import convert_to_pdf

    wanted = [(f, o) for f, o in written.files if f.as_pdf and o.status not in (LOCKED, FAILED)
              and not outputs.pdf_is_current(f.relative)]
    if not wanted:
        return
    try:
        converted = convert_to_pdf([o.path for _, o in wanted])
    except (ConverterMissing, ConversionFailed) as error:
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
