"""What a document is, before and after it is composed: its kind (declared in kinds.py), the
document a year plans (`Planned`), and the document composed for its template (`Document`)."""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field

from ..workbook.model import Record, Workbook
from ..workbook.schema import PACK_CODE


@dataclass(frozen=True)
class Kind:
    code: str                    # the Loại of `Văn bản` and `Nơi nhận`
    name: str                    # how a letter's subject names documents of the kind
    template: str                # the Word template, under templates/
    file: str                    # the file name: {year}, {quarter}, {stem} (a meeting's)
    label: str                   # how summaries name one: {year}, {quarter}, {date}, {what}
    module: str                  # the module that composes it: documents/<module>.py
    periods: tuple[str, ...] = ()    # its Kỳ in `Văn bản`; none: one per meeting (a Mã buổi)
    numbered: bool = True        # numbered from `Văn bản`; a missing number is a warning
    folder: str = "quy-{quarter}"    # where it is filed in the year's folder ('': at its top)
    upward: bool = False         # goes up with «*» in `Nơi nhận`: the plan and the reports
    pack: bool = False           # of the year's review pack: goes where `Nơi nhận` says «XL»
    stays_in_cell: bool = False  # without a `Nơi nhận` row of its own: «Lưu Chi bộ»
    mailed: bool = True          # `send` mails it where `Nơi nhận` says
    registered: bool = True      # has rows in `Văn bản` at all
    waits_for_its_date: bool = False  # a report: not built before the date `Văn bản` gives it

    @property
    def per_meeting(self) -> bool:
        return not self.periods

    def goes_to(self, recipient_code: str | None) -> bool:
        """Whether a `Nơi nhận` row («KH», «BB», «BC», «NQ», «XL» or «*») takes this kind.
        Minutes and resolutions go only where a row names them: «*» is what the cell sends
        upward; its minutes stay in its minutes book (domain.md §5). The year's review pack
        goes only where a row says «XL»."""
        if self.pack:
            return recipient_code == PACK_CODE
        return recipient_code == self.code or (recipient_code == "*" and self.upward)

    def compose(self, workbook: Workbook, planned: Planned, until: dt.date | None) -> Document:
        """What a document of this kind says: its module's `compose`, found by name so the
        modules of the kinds may use the declared list without a cycle."""
        module = importlib.import_module(f"{__package__}.{self.module}")
        return module.compose(workbook, planned, until)

    def path(self, year: int, quarter: int | None = None, stem: str = "") -> str:
        folder = self.folder.format(quarter=quarter) if self.folder else ""
        return (f"{year}/{folder}/" if folder else f"{year}/") + self.file.format(
            year=year, quarter=quarter, stem=stem) + ".docx"


@dataclass(frozen=True)
class Planned:
    """A document the year has, before anything is composed: what the checks, the build,
    `status` and `send` all agree on."""

    kind: Kind
    period: str              # 'Năm', 'Quý N', or a Mã buổi
    path: str
    label: str
    quarter: int | None = None           # a report's quarter (None: the year's); a paper's quarter
    meeting: Record | None = field(default=None, compare=False)
    member: Record | None = field(default=None, compare=False)   # a member's self-review

    def compose(self, workbook: Workbook, until: dt.date | None = None) -> Document:
        return self.kind.compose(workbook, self, until)


@dataclass
class Document:
    """A document composed, ready to render: its kind and period, its path under the output
    folder ('/'-separated, ASCII), how summaries name it, and its template's context."""

    kind: Kind
    period: str              # 'Năm', 'Quý N', or a Mã buổi
    path: str
    label: str
    context: dict = field(repr=False, default_factory=dict)
    # Written only where it was built before, and named in the summary only when it
    # changed: a document of another period that the workbook may have corrected.
    refresh: bool = False

    @property
    def template(self) -> str:
        return self.kind.template
