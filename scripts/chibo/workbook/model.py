"""What the reader hands to the later stages: clean records that remember their cells, and the
few facts of the field that are computed from them (quarter, duration, attendance, rating)."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from ..wording import percent
from .schema import LEVELS
from .values import matching_key


class RowCells(Mapping[str, str]):
    """The cells of one row of a table, by field: its column's letters and its row number,
    written out when asked (a big book has hundreds of thousands of cells)."""

    __slots__ = ("letters", "row")

    def __init__(self, letters: dict[str, str], row: int):
        self.letters, self.row = letters, row

    def __getitem__(self, field_name: str) -> str:
        return f"{self.letters[field_name]}{self.row}"

    def __iter__(self) -> Iterator[str]:
        return iter(self.letters)

    def __len__(self) -> int:
        return len(self.letters)


@dataclass(frozen=True, eq=False, init=False)
class Record:
    """One row of a table sheet (or the whole `Thông tin` sheet): clean values by field name,
    and for each field the cell it came from, so every problem can name its cell."""

    sheet: str
    row: int
    values: dict[str, Any]
    cells: Mapping[str, str]   # the cell each field came from: 'C5'

    def __init__(self, sheet: str, row: int, values: dict[str, Any], cells: Mapping[str, str]):
        # each value an attribute of its own: the rules read them hundreds of thousands of
        # times in a big book, and a record is never changed once read (a big book makes
        # fifty thousand of them, so its attributes are written in one go)
        attributes = self.__dict__
        attributes.update(values)
        attributes["sheet"], attributes["row"] = sheet, row
        attributes["values"], attributes["cells"] = values, cells

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def cell(self, field_name: str) -> str:
        """The cell of a field, e.g. 'C5'; the row's first cell if its column is absent."""
        return self.cells.get(field_name) or f"A{self.row}"


@dataclass
class Workbook:
    """The whole workbook, one attribute per sheet of `schema.SHEETS`. Read once, never
    changed: the lookups below index it on first use."""

    path: str
    settings: Record
    legal_bases: list[Record] = field(default_factory=list)
    plan_paragraphs: list[Record] = field(default_factory=list)
    themes: list[Record] = field(default_factory=list)
    members: list[Record] = field(default_factory=list)
    meetings: list[Record] = field(default_factory=list)
    absences: list[Record] = field(default_factory=list)
    opinions: list[Record] = field(default_factory=list)
    tasks: list[Record] = field(default_factory=list)
    assessments: list[Record] = field(default_factory=list)
    documents: list[Record] = field(default_factory=list)
    recipients: list[Record] = field(default_factory=list)
    criteria: list[Record] = field(default_factory=list)
    scores: list[Record] = field(default_factory=list)
    ratings: list[Record] = field(default_factory=list)
    _derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, what: str, key, compute: Callable[[], Any]) -> Any:
        """What is worked out from the book — an index, a day's documents, a meeting's
        attendance — once per `key`: the book is never changed once read, so a figure stays
        true for it."""
        known = self._derived
        try:
            return known[what, key]
        except KeyError:
            found = known[what, key] = compute()
            return found

    def member_named(self, name: str | None) -> Record | None:
        if not name:
            return None
        return self._members_by_name.get(matching_key(name))

    # The two indexes every rule asks, hundreds of thousands of times in a big book: each an
    # attribute once built (`derived` holds the rest).
    @functools.cached_property
    def _members_by_name(self) -> dict[str, Record]:
        index: dict[str, Record] = {}
        for member in self.members:
            if member.name:
                index.setdefault(matching_key(member.name), member)
        return index

    def of_meeting(self, table: str, meeting: Record) -> list[Record]:
        """The rows of `absences`, `opinions` or `tasks` that belong to a meeting, in order."""
        def rows_by_meeting() -> dict[str, list[Record]]:
            index: dict[str, list[Record]] = {}
            for row in getattr(self, table):
                index.setdefault(row.meeting_id, []).append(row)
            return index
        return self.derived("rows by meeting", table, rows_by_meeting).get(meeting.id, [])

    def absences_of(self, meeting: Record) -> list[Record]:
        return self.of_meeting("absences", meeting)

    def meeting_with_id(self, meeting_id: str | None) -> Record | None:
        return self._meetings_by_id.get(meeting_id)

    @functools.cached_property
    def _meetings_by_id(self) -> dict[str | None, Record]:
        index: dict[str | None, Record] = {}
        for meeting in self.meetings:
            if meeting.id is not None:
                index.setdefault(meeting.id, meeting)
        return index


# --- facts of the field ---------------------------------------------------------------------

def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_end(year: int, quarter: int) -> dt.date:
    return dt.date(year + quarter // 4, quarter * 3 % 12 + 1, 1) - dt.timedelta(days=1)


def minutes_between(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


FULL, PROBATIONARY = "Chính thức", "Dự bị"


def is_full_on(member: Record, day: dt.date) -> bool:
    """Whether a member was a full member on a day: a promotion recorded in `Ngày chuyển
    chính thức` counts from that date — before it, whatever `Loại` says now, she was still
    probationary, and did not vote (Điều lệ Đảng, Điều 5)."""
    promoted = member.values.get("promoted")
    if promoted is not None:
        return day >= promoted
    return member.values.get("membership") == FULL


def twelve_months_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:   # 29 February
        return day.replace(year=day.year + 1, day=28)


def probation_ends(member: Record) -> dt.date | None:
    """When a probationary member's 12 months end (Điều lệ Đảng, Điều 5); None for a member
    already full, or whose promotion is recorded."""
    admitted = member.values.get("admitted")
    if admitted is None or member.values.get("promoted") is not None or \
            member.values.get("membership") != PROBATIONARY:
        return None
    return twelve_months_after(admitted)


def working_days_after(day: dt.date, count: int) -> dt.date:
    """The day `count` working days (Monday to Friday) after `day`; public holidays, which
    differ by year, are not taken off."""
    while count:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def in_cell_on(member: Record, day: dt.date) -> bool:
    """Whether a member belonged to the cell on a day (moved in on or before, not yet out)."""
    joined, left = member.values.get("joined"), member.values.get("left")
    return (joined is None or joined <= day) and (left is None or day < left)


def members_on(workbook: Workbook, day: dt.date) -> list[Record]:
    """The named members in the cell on a day, worked out once per day (a big book holds
    meetings by the thousand on a few hundred days); the list is shared, never changed."""
    return workbook.derived("members on", day, lambda: [
        m for m in workbook.members if m.name and in_cell_on(m, day)])


def members_at_year_end(workbook: Workbook) -> list[Record]:
    """The members the year's review rates: those in the cell on 31 December of its year."""
    return members_on(workbook, dt.date(workbook.settings.year, 12, 31))


def level_for(points: float, settings: Record) -> str | None:
    """The year's level that points reach, by the cell's thresholds (QĐ 366-QĐ/TW, Điều 11)."""
    found = [settings.values.get(k) for k in ("level_excellent", "level_good", "level_done")]
    thresholds = [t for t in found if t is not None]
    if len(thresholds) < len(found):
        return None
    for level, lowest in zip(LEVELS, thresholds, strict=False):
        if points >= lowest:
            return level
    return LEVELS[-1]


def excellent_allowed(cap: float, good: int) -> int:
    """How many members may be «Hoàn thành xuất sắc nhiệm vụ»: at most `cap` % of those
    «Hoàn thành tốt nhiệm vụ» (HD 21-HD/BTCTW; the commune's plan sets the share)."""
    return math.floor(cap * good / 100 + 1e-9)   # 20 % of 10 is 2, not 1.9999


def self_review_form(workbook: Workbook, member: Record) -> str:
    """The member's self-review form: as `Xếp loại` says, else 2A for the chi ủy (who lead),
    2B for the other members (HD 43-HD/BTCTW)."""
    row = review_row(workbook, member.name)
    if row is not None and row.form:
        return row.form
    return "2A" if member.position in ("Bí thư", "Phó bí thư", "Chi ủy viên") else "2B"


def review_row(workbook: Workbook, name: str | None) -> Record | None:
    """The row of `Xếp loại` of a member (or, with the cell's word «Chi bộ», of the cell)."""
    key = matching_key(name or "")
    return next((r for r in workbook.ratings if r.subject and matching_key(r.subject) == key),
                None)


def rating_for(score: float, good: float, fair: float, average: float) -> str:
    if score >= good:
        return "Tốt"
    if score >= fair:
        return "Khá"
    if score >= average:
        return "Trung bình"
    return "Kém"


def short_of_good(figures: Attendance, minimum: float | None) -> list[str]:
    """HD 12's minimum criteria for «Tốt» — nobody absent without reason, and attendance
    above the cell's minimum — as the reasons a meeting misses them; none: it may be «Tốt».
    The one statement of the rule: the derived rating and the checks both ask it."""
    reasons = []
    if figures.absent_without_reason:
        names = ", ".join(m.name for m in figures.absent_without_reason)
        reasons.append(f"có đảng viên vắng không lý do ({names})")
    if minimum is not None and figures.required and not figures.rate > minimum:
        reasons.append(f"tỷ lệ dự họp {percent(figures.rate)} không cao hơn {percent(minimum)}")
    return reasons


def rating_of(meeting: Record, settings: Record, figures: Attendance | None = None) -> str | None:
    """A meeting's Xếp loại as typed, or else derived from its Điểm by the cell's levels —
    and then never «Tốt» for a meeting that misses HD 12's minimum criteria."""
    if meeting.rating:
        return meeting.rating
    good, fair, average = (settings.values.get(k) for k in ("score_good", "score_fair", "score_average"))
    if meeting.score is None or good is None or fair is None or average is None:
        return None
    derived = rating_for(meeting.score, good, fair, average)
    if derived == "Tốt" and figures is not None and short_of_good(
            figures, settings.values.get("min_attendance")):
        return "Khá"
    return derived


def materials_of(workbook: Workbook, meeting: Record) -> list[Path]:
    """The files of a meeting's `Tài liệu`, relative to the workbook's folder."""
    folder = workbook.derived("folder", None, lambda: Path(workbook.path).resolve().parent)
    return [folder / part.strip() for part in (meeting.materials or "").split(";") if part.strip()]


def people_in(text: str | None) -> list[str]:
    """The people of a guests cell, one per ';' or line break, without a typed 'Đồng chí'."""
    found = [p.strip().rstrip(".,;") for p in _PEOPLE_APART.split(text or "")]
    return [_TYPED_TITLE.sub("", p) for p in found if p]


_PEOPLE_APART = re.compile(r"[;\n]")
_TYPED_TITLE = re.compile(r"^(đồng chí|đ/c)\s+", re.I)


def person_name(entry: str) -> str:
    """'Trần Văn Hùng, Đảng ủy viên Đảng ủy xã Mỹ Hòa' -> 'Trần Văn Hùng'."""
    return entry.split(",")[0].strip()


def upper_delegates(workbook: Workbook, meeting: Record) -> list[str]:
    """The upper committee's members at a meeting, each as '<name>, <post>': those its
    `Đại biểu cấp trên` names — the cell's liaison of `Thông tin` with the post given there —
    and the liaison too when he spoke at the meeting (HD 42: he follows the cell)."""
    liaison = workbook.settings.values.get("liaison")
    found = people_in(meeting.upper_delegate)
    if liaison:
        key = matching_key(person_name(liaison))
        found = [liaison if "," not in p and matching_key(p) == key else p for p in found]
        spoke = any(matching_key(o.speaker or "") == key
                    for o in workbook.of_meeting("opinions", meeting))
        if spoke and key not in {matching_key(person_name(p)) for p in found}:
            found.append(liaison)
    return found


def is_upper_delegate(workbook: Workbook, meeting: Record, name: str | None) -> bool:
    """Whether a speaker is the upper committee's member at the meeting (or the liaison)."""
    if not name:
        return False
    keys = workbook.derived("upper-delegates", (id(meeting), meeting.row), lambda: {
        matching_key(person_name(c)) for c in people_in(meeting.upper_delegate)
        + [workbook.settings.values.get("liaison") or ""] if c})
    return matching_key(name) in keys


def assignees(text: str | None) -> list[str]:
    """Who carries out a task: 'Chi ủy, Lê Thị Ánh và Hồ Văn Tuấn' -> three names."""
    return [name for name in _ASSIGNEES_APART.split(text or "") if name.strip()]


_ASSIGNEES_APART = re.compile(r"\s*[,;]\s*|\s+và\s+")


def is_collective(name: str) -> bool:
    """A body of the cell ('Chi ủy', 'Toàn chi bộ', …) rather than a person."""
    return matching_key(name) in _collective_keys()


@functools.cache
def _collective_keys() -> frozenset[str]:
    from .schema import COLLECTIVE_ASSIGNEES

    return frozenset(matching_key(c) for c in COLLECTIVE_ASSIGNEES)


def parse_vote(text: str | None) -> tuple[int, int] | None:
    """'11/11 nhất trí' -> (11, 11): who agreed, out of how many voted."""
    found = _VOTE.match(text or "")
    return (int(found.group(1)), int(found.group(2))) if found else None


_VOTE = re.compile(r"\s*(\d+)\s*/\s*(\d+)")


@dataclass(frozen=True)
class Attendance:
    """Who was expected at a meeting and who came, as the minutes print it."""

    members: list[Record]            # in the cell on the day
    exempt: list[Record]             # miễn sinh hoạt: not required to attend
    absent_with_reason: list[tuple[Record, str]]
    absent_without_reason: list[Record]
    day: dt.date                     # the meeting's: each member's status is the one that day

    @property
    def total(self) -> int:
        return len(self.members)

    def full(self, members: list[Record]) -> list[Record]:
        """Those of `members` who were full members on the meeting's day."""
        return [m for m in members if is_full_on(m, self.day)]

    @property
    def full_members(self) -> int:
        return len(self.full(self.members))

    @property
    def probationary(self) -> int:
        return self.total - self.full_members

    @property
    def required(self) -> int:
        return self.total - len(self.exempt)

    @property
    def absent(self) -> int:
        return len(self.absent_with_reason) + len(self.absent_without_reason)

    @property
    def present(self) -> int:
        return self.required - self.absent

    @property
    def present_members(self) -> list[Record]:
        away = {id(m) for m in self.exempt} | {id(m) for m, _ in self.absent_with_reason} | {
            id(m) for m in self.absent_without_reason}
        return [m for m in self.members if id(m) not in away]

    @property
    def voters(self) -> int:
        """Members present who may vote: a probationary member may not (Điều lệ Đảng, Điều 5)."""
        return len(self.full(self.present_members))

    @property
    def rate(self) -> float:
        """Present over required, in per cent."""
        return 100.0 * self.present / self.required if self.required else 0.0


def attendance(workbook: Workbook, meeting: Record) -> Attendance:
    """Who was in the cell on the meeting's day, exempt, absent with and without reason —
    worked out once per meeting."""
    return workbook.derived("attendance", (id(meeting), meeting.row),
                            lambda: _attendance(workbook, meeting))


def _attendance(workbook: Workbook, meeting: Record) -> Attendance:
    members = members_on(workbook, meeting.date)
    exempt = [m for m in members if m.exempt == "Có"]
    in_cell, excused = {id(m) for m in members}, {id(m) for m in exempt}
    with_reason, without_reason = [], []
    seen = set()
    for absence in workbook.absences_of(meeting):
        member = workbook.member_named(absence.name)
        if member is None or id(member) in excused or id(member) in seen \
                or id(member) not in in_cell:
            continue  # the checks report these; the figures count only real absences
        seen.add(id(member))
        if absence.reason:
            with_reason.append((member, absence.reason))
        else:
            without_reason.append(member)
    return Attendance(members, exempt, with_reason, without_reason, meeting.date)


@dataclass(frozen=True)
class MembersFigures:
    """The cell's members over a period, as a report counts them: those in the cell on its
    last day (full and probationary), and what happened in it."""

    day: dt.date
    members: list[Record]                         # in the cell on `day`
    admitted: list[Record]                        # Ngày vào Đảng in the period
    moved_in: list[Record]
    moved_out: list[Record]
    probation_due: list[tuple[Record, dt.date]]   # 12 months over by `day`, still probationary

    @property
    def full(self) -> int:
        return sum(1 for m in self.members if is_full_on(m, self.day))

    @property
    def probationary(self) -> int:
        return len(self.members) - self.full


def members_figures(workbook: Workbook, start: dt.date, day: dt.date) -> MembersFigures:
    """Who was in the cell on `day`, and who was admitted, moved in and moved out from
    `start` to `day`; probationary members whose 12 months were over by `day`."""
    def within(value: dt.date | None) -> bool:
        return value is not None and start <= value <= day

    named = [m for m in workbook.members if m.name]
    present = members_on(workbook, day)
    due = [(m, ends) for m in present if (ends := probation_ends(m)) is not None and ends <= day]
    return MembersFigures(day, present, [m for m in named if within(m.values.get("admitted"))],
                          [m for m in named if within(m.values.get("joined"))],
                          [m for m in named if within(m.values.get("left"))], due)


@dataclass
class Committee:
    """The Đảng ủy's settings workbook (`chibo init --dang-uy`), for `chibo tong-hop`."""

    path: str
    settings: Record
    documents: list[Record] = field(default_factory=list)
    recipients: list[Record] = field(default_factory=list)
