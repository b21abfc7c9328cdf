"""The rules of `Văn bản` and `Nơi nhận`: one row per document, numbers not reused, every
numbered document of the year numbered, and no document dated before what it records."""

from __future__ import annotations

from collections import Counter

from ..documents.common import register_entry
from ..documents.kinds import (PLAN, REVIEW_REPORT, Kind, dated_ahead, kinds_with_code,
                               year_documents)
from ..wording import short_date
from ..workbook import schema
from ..workbook.model import Record, quarter_of
from .checker import Checker, next_free_row


def check_register(c: Checker) -> None:
    by_key: dict[tuple[str, str], Record] = {}
    numbers: Counter = Counter()
    for document in c.wb.documents:
        code, period = document.doc_type, document.period
        kinds = kinds_with_code(code)
        if not (kinds and period) or not _period_is_known(c, document, kinds):
            continue
        first = by_key.setdefault((code, period), document)
        if first is not document:
            c.flag("duplicate-document", document, "period", kind=code, period=period,
                   first=f"{first.sheet}!{first.cell('period')}")
        if document.number is None and kinds[0].numbered:   # minutes may go unnumbered
            c.flag("missing-number", document, "number", kind=code, period=period,
                   advice="văn bản sẽ để trống số để ghi tay")
        elif document.number is not None:
            numbers[(code, document.number)] += 1
            if numbers[(code, document.number)] == 2:
                c.flag("duplicate-number", document, "number", number=document.number, kind=code)
    _dated_before_its_meetings(c)
    if not c.year:
        return
    for planned, entry in dated_ahead(c.wb, c.today):
        c.flag("dated-ahead", entry, "date", what=_what(planned), day=short_date(entry.date),
               today=short_date(c.today))
    for planned in year_documents(c.wb, c.today):
        code = planned.kind.code
        if planned.kind.numbered and (code, planned.period) not in by_key:
            c.report.add("missing-number", sheet=schema.DOCUMENTS.name,
                         cell=next_free_row(c.wb.documents), kind=code, period=planned.period,
                         advice=f"hãy thêm một dòng (Loại {code}, Kỳ {planned.period}, Số, Ngày).")


def _period_is_known(c: Checker, document: Record, kinds: list[Kind]) -> bool:
    """A row's Kỳ: a Mã buổi for the papers of one meeting, else a period its kind has."""
    code, period = document.doc_type, document.period
    if kinds[0].per_meeting:
        if c.wb.meeting_with_id(period) is not None:
            return True
        c.flag("bad-period", document, "period",
               what=f"{kinds[0].name.capitalize()} phải ghi Kỳ là một Mã buổi ở trang Buổi sinh "
                    f"hoạt; không có buổi «{period}»")
        return False
    allowed = [p for kind in kinds for p in kind.periods]
    if period in allowed:
        return True
    c.flag("bad-period", document, "period",
           what=f"Kỳ «{period}» không hợp lệ cho văn bản {code}: ghi "
                + (f"{allowed[0]} … {allowed[-2]} hoặc {allowed[-1]}" if len(allowed) > 2
                   else " hoặc ".join(allowed)))
    return False


def _dated_before_its_meetings(c: Checker) -> None:
    """A report cannot be dated before a meeting it reports on, nor minutes before their
    meeting: a document says only what is true on its date."""
    if not c.year:
        return
    for planned in year_documents(c.wb, c.today):
        entry = register_entry(c.wb, planned.kind, planned.period)
        if entry is None or entry.date is None or planned.kind is PLAN:
            continue
        if planned.meeting is not None:
            covered = [planned.meeting]
        else:   # a report covers its period's meetings; the review's, only its review meeting
            reviews = planned.kind is REVIEW_REPORT
            covered = [m for m in c.year_meetings() if m.date <= c.today
                       and (m.kind == schema.REVIEW_KIND) is reviews
                       and (planned.quarter is None or quarter_of(m.date) == planned.quarter)]
        later = [m for m in covered if m.date > entry.date]
        if later:
            last = max(later, key=lambda m: m.date)
            c.flag("dated-before-meeting", entry, "date", what=_what(planned),
                   day=short_date(entry.date), meeting_day=short_date(last.date),
                   meeting=last.id)


def _what(planned) -> str:
    """How a message names a document: «Biên bản», «Nghị quyết», «Báo cáo quý 2»."""
    if planned.meeting is not None:
        return planned.kind.name.capitalize()
    return f"{planned.kind.name.capitalize()} {planned.period.lower()}"


def check_recipients(c: Checker) -> None:
    if not c.wb.recipients:
        c.report.add("no-recipients", sheet=schema.RECIPIENTS.name, cell="A2")
