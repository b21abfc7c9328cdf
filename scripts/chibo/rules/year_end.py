"""The rules of the year's review and rating (`Xếp loại`; QĐ 366-QĐ/TW, HD 43-HD/BTCTW): one
row for the cell and one for every member still in it on 31 December, levels that agree with
their points, the cap on the top level, what a discipline forbids, the head of the cell not
above the cell, and votes that add up to the full members at the review meeting."""

from __future__ import annotations

import datetime as dt

from ..wording import decimal, short_date
from ..workbook import schema
from ..workbook.model import (Record, attendance, excellent_allowed, in_cell_on, level_for,
                              members_at_year_end, review_row)
from ..workbook.values import matching_key
from .checker import Checker, next_free_row

EXCELLENT, GOOD, DONE = schema.LEVELS[0], schema.LEVELS[1], schema.LEVELS[2]
QD366 = "Quy định 366-QĐ/TW"
SHEET = schema.RATINGS_SHEET.name


def check_ratings(c: Checker) -> None:
    """Every rule of `Xếp loại`, once it has rows; the review meeting held without them is
    said, since the pack would leave every level blank."""
    if not c.year:
        return
    year: int = c.year
    _thresholds(c)
    review = _review_meeting(c)
    if not c.wb.ratings:
        if review is not None:
            c.report.add("ratings-missing", sheet=SHEET, cell="A2", day=short_date(review.date))
        return
    members = _rated_members(c, year)
    _everyone_rated(c, members, year)
    for row in c.wb.ratings:
        _points(c, row)
    _cap(c, members)
    _disciplines(c, members)
    _head_of_cell(c)
    if review is not None:
        _votes(c, review)


def _review_meeting(c: Checker) -> Record | None:
    """The year's review meeting, once held (the last, should there be two)."""
    held = [m for m in c.year_meetings() if m.kind == schema.REVIEW_KIND and m.date <= c.as_of()]
    return max(held, key=lambda m: m.date) if held else None


def _thresholds(c: Checker) -> None:
    s = c.wb.settings
    excellent, good, done = (s.values.get(k) for k in ("level_excellent", "level_good",
                                                       "level_done"))
    if excellent is None or good is None or done is None:
        return
    if not excellent > good > done:
        c.flag("level-thresholds", s, "level_good", excellent=decimal(excellent),
               good=decimal(good), done=decimal(done))


def _rated_members(c: Checker, year: int) -> list[tuple[Record, Record]]:
    """Each row of a member, with her member, once: a name not in `Đảng viên`, a member no
    longer (or not yet) in the cell on 31 December, and a second row are problems."""
    end = dt.date(year, 12, 31)
    first: dict[str, Record] = {}
    rated = []
    for row in c.wb.ratings:
        if not row.subject or matching_key(row.subject) == matching_key(schema.CELL_ROW):
            continue
        member = c.member(row, "subject", "Đối tượng")
        if member is None:
            continue
        earlier = first.setdefault(matching_key(member.name), row)
        if earlier is not row:
            c.flag("duplicate-rating", row, "subject", name=member.name,
                   first=f"{SHEET}!{earlier.cell('subject')}")
        elif not in_cell_on(member, end):
            c.flag("rated-not-in-cell", row, "subject", name=member.name, day=short_date(end),
                   why=_why_not_in_cell(member, end))
        else:
            rated.append((member, row))
    return rated


def _why_not_in_cell(member: Record, end: dt.date) -> str:
    if member.left and member.left <= end:
        return (f"đã chuyển đi ngày {short_date(member.left)}: chi bộ nơi đồng chí sinh hoạt "
                "cuối năm kiểm điểm, xếp loại đồng chí")
    return f"chuyển đến ngày {short_date(member.joined)}, sau năm kiểm điểm"


def _everyone_rated(c: Checker, rated: list[tuple[Record, Record]], year: int) -> None:
    """The cell and every member in it on 31 December have a row."""
    have = {id(member) for member, _ in rated}
    missing = [f"«{m.name}»" for m in members_at_year_end(c.wb) if id(m) not in have
               and review_row(c.wb, m.name) is None]
    if review_row(c.wb, schema.CELL_ROW) is None:
        missing.insert(0, f"tập thể chi bộ (dòng «{schema.CELL_ROW}»)")
    if missing:
        c.report.add("unrated", sheet=SHEET, cell=next_free_row(c.wb.ratings),
                     names=", ".join(missing), day=short_date(dt.date(year, 12, 31)))


def _points(c: Checker, row: Record) -> None:
    """Points, where written, reach the level the cell proposes (else the one proposed by
    the member herself)."""
    field = "proposed" if row.proposed else "self_level"
    level = row.values.get(field)
    if row.points is None or not level:
        return
    expected = level_for(row.points, c.wb.settings)
    if expected is not None and expected != level:
        c.flag("level-points", row, field, points=decimal(row.points), expected=expected,
               level=level)


def _cap(c: Checker, rated: list[tuple[Record, Record]]) -> None:
    """"Hoàn thành xuất sắc" for at most the cap's share of those "Hoàn thành tốt"."""
    cap = c.wb.settings.values.get("excellent_cap")
    if cap is None:
        return
    excellent = [row for _, row in rated if row.proposed == EXCELLENT]
    good = sum(row.proposed == GOOD for _, row in rated)
    allowed = excellent_allowed(cap, good)
    if len(excellent) > allowed:
        c.flag("excellent-over-cap", excellent[0], "proposed", count=len(excellent),
               rows=", ".join(str(r.row) for r in excellent), allowed=allowed,
               cap=decimal(cap), good=good)


def _disciplines(c: Checker, rated: list[tuple[Record, Record]]) -> None:
    """A member disciplined in the year is not rated above "Hoàn thành nhiệm vụ"; a cell with
    a member disciplined cannot be "Hoàn thành xuất sắc" (QĐ 366-QĐ/TW)."""
    disciplined = [(member, row) for member, row in rated if row.discipline]
    for member, row in disciplined:
        if row.proposed in (EXCELLENT, GOOD):
            c.flag("disciplined-above-done", row, "proposed", name=member.name,
                   discipline=row.discipline, level=row.proposed, rule=QD366)
    own = review_row(c.wb, schema.CELL_ROW)
    if own is not None and disciplined and EXCELLENT in (own.proposed, own.self_level):
        field = "proposed" if own.proposed == EXCELLENT else "self_level"
        c.flag("cell-excellent-disciplined", own, field, rule=QD366,
               names=", ".join(f"«{m.name}» ({r.discipline})" for m, r in disciplined))


def _head_of_cell(c: Checker) -> None:
    """The secretary, who heads the cell, is not rated above it."""
    own = review_row(c.wb, schema.CELL_ROW)
    secretary = c.wb.member_named(c.wb.settings.values.get("cell_secretary"))
    row = review_row(c.wb, secretary.name) if secretary is not None else None
    if own is None or row is None or not own.proposed or not row.proposed:
        return
    if schema.LEVELS.index(row.proposed) < schema.LEVELS.index(own.proposed):
        c.flag("head-above-cell", row, "proposed", name=row.subject, level=row.proposed,
               cell_level=own.proposed)


def _votes(c: Checker, review: Record) -> None:
    """Each proposal is voted by the full members at the review meeting (Điều lệ Đảng, Điều 5:
    a probationary member does not vote)."""
    voters = attendance(c.wb, review).voters
    for row in c.wb.ratings:
        if row.agree is None and row.disagree is None:
            if row.proposed:
                c.flag("vote-missing", row, "agree", day=short_date(review.date), voters=voters)
            continue
        total = (row.agree or 0) + (row.disagree or 0)
        if total != voters:
            c.flag("rating-vote-count", row, "agree", agree=row.agree or 0,
                   disagree=row.disagree or 0, total=total, day=short_date(review.date),
                   voters=voters)
