"""The rules of the book's foundations: `Thông tin`, the plan's parts, `Đảng viên` and the
quarters' themes."""

from __future__ import annotations

import datetime as dt

from ..wording import decimal, short_date
from ..workbook import schema
from ..workbook.model import Record, probation_ends, quarter_of, working_days_after
from ..workbook.values import matching_key
from .checker import Checker, next_free_row


def check_settings(c: Checker) -> None:
    s = c.wb.settings
    c.member(s, "cell_secretary", "Bí thư")
    c.member(s, "deputy_secretary", "Phó bí thư")
    good, fair, average = (s.values.get(k) for k in ("score_good", "score_fair", "score_average"))
    if good is not None and fair is not None and average is not None and not good > fair > average:
        c.flag("score-levels", s, "score_fair", good=decimal(good), fair=decimal(fair),
               average=decimal(average))


def check_plan(c: Checker) -> None:
    """A plan without its purpose, requirements or measures is sent back."""
    present = {p.part for p in c.wb.plan_paragraphs if p.text}
    missing = [part for part in schema.PLAN_PARTS if part not in present]
    if missing:
        c.report.add("empty-plan-part", sheet=schema.PLAN_PARAGRAPHS.name,
                     cell=next_free_row(c.wb.plan_paragraphs),
                     parts=", ".join(f"«{part}»" for part in missing))


def check_members(c: Checker) -> None:
    if not c.wb.members:
        c.report.add("no-members", sheet=schema.MEMBERS.name, cell="A2")
    first_row: dict[str, Record] = {}
    for member in c.wb.members:
        if member.name:
            earlier = first_row.setdefault(matching_key(member.name), member)
            if earlier is not member:
                c.flag("duplicate-name", member, "name", name=member.name,
                       first=f"{earlier.sheet}!{earlier.cell('name')}",
                       mark=member.birth_year or "năm sinh")
        if member.joined and member.left and member.left <= member.joined:
            c.flag("left-before-joined", member, "left")
        _probation(c, member)
    secretary = c.wb.member_named(c.wb.settings.values.get("cell_secretary"))
    if secretary is not None and secretary.position not in (None, "Bí thư"):
        c.flag("position-mismatch", secretary, "position", name=secretary.name,
               position=secretary.position)


# A probation due this many days from now is said ahead, to prepare the file (HD 06-HD/TW).
PROBATION_NOTICE_DAYS = 30


def _probation(c: Checker, member: Record) -> None:
    """The 12 months of a probationary member, then the 30 working days the cell has to
    consider her (domain.md §8): said as they near, when they come, once they are over."""
    ends = probation_ends(member)
    if ends is None:
        return
    deadline = working_days_after(ends, 30)
    fields = {"name": member.name, "admitted": short_date(member.admitted),
              "ends": short_date(ends), "deadline": short_date(deadline)}
    if c.as_of() > deadline:
        c.flag("probation-over", member, "admitted", **fields)
    elif c.as_of() >= ends:
        c.flag("probation-due", member, "admitted", **fields)
    elif c.year and c.today.year == c.year and (ends - c.today).days <= PROBATION_NOTICE_DAYS:
        c.flag("probation-near", member, "admitted", **fields)


def check_themes(c: Checker) -> None:
    quarters = {t.quarter for t in c.wb.themes if t.quarter}
    missing = [str(q) for q in (1, 2, 3, 4) if q not in quarters]
    if missing:
        c.report.add("missing-theme", sheet=schema.THEMES.name, cell=next_free_row(c.wb.themes),
                     quarters=", ".join(missing))
    for theme in c.wb.themes:
        c.member(theme, "preparer", "Người chuẩn bị")
        month = theme.planned_month
        if theme.quarter and month and quarter_of(dt.date(2000, month, 1)) != theme.quarter:
            c.flag("month-outside-quarter", theme, "planned_month", month=month,
                   quarter=theme.quarter)
