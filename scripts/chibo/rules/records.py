"""The rules of what each meeting records: `Vắng mặt`, `Ý kiến`, `Nhiệm vụ`, `Đánh giá`, and
the score sheets (`Chấm điểm` against `Tiêu chí`)."""

from __future__ import annotations

from collections import defaultdict

from ..wording import decimal, short_date
from ..workbook import schema
from ..workbook.model import Record, assignees, is_collective, is_upper_delegate
from ..workbook.values import matching_key
from .checker import Checker

# Điều lệ Đảng, Điều 8: a member who misses cell meetings in three months of a year without
# good reason is to be considered for removal.
MONTHS_ABSENT_WITHOUT_REASON = 3


def check_absences(c: Checker) -> None:
    seen: set[tuple[str, str]] = set()
    months_without_reason: dict[str, set[int]] = defaultdict(set)
    for absence in c.wb.absences:
        meeting = c.meeting(absence)
        day = meeting.date if meeting is not None else None
        member = c.member_on(absence, "name", "Người vắng", day)
        if member is None or meeting is None:
            continue
        key = (meeting.id, matching_key(member.name))
        if key in seen:
            c.flag("duplicate-absence", absence, "name", name=member.name, meeting=meeting.id)
        seen.add(key)
        if member.exempt == "Có":
            c.flag("exempt-absent", absence, "name", name=member.name)
        elif not absence.reason and day:
            months_without_reason[member.name].add(day.month)
            if len(months_without_reason[member.name]) == MONTHS_ABSENT_WITHOUT_REASON:
                c.flag("absent-without-reason", absence, "reason", name=member.name,
                       months=MONTHS_ABSENT_WITHOUT_REASON)


def check_opinions(c: Checker) -> None:
    """A speaker is a member present — or the upper committee's member who attended, whose
    remarks the minutes keep as «ý kiến chỉ đạo»."""
    for opinion in c.wb.opinions:
        meeting = c.meeting(opinion)
        day = meeting.date if meeting is not None else None
        if meeting is not None and is_upper_delegate(c.wb, meeting, opinion.speaker):
            continue
        speaker = c.member_on(opinion, "speaker", "Người phát biểu", day)
        if speaker is not None and meeting is not None and \
                matching_key(speaker.name) in c.absent_names(meeting):
            c.flag("absent-speaker", opinion, "speaker", name=speaker.name, meeting=meeting.id)


def check_tasks(c: Checker) -> None:
    for task in c.wb.tasks:
        meeting = c.meeting(task)
        for name in assignees(task.assignee):
            if not is_collective(name) and c.wb.member_named(name) is None:
                near = c.suggest_member(name)
                hint = (f"; có phải đồng chí «{near}»?" if near else
                        f"; hãy ghi họ tên đảng viên hoặc {', '.join(schema.COLLECTIVE_ASSIGNEES[:3])}")
                c.flag("unknown-name", task, "assignee", label="Người thực hiện", name=name,
                       hint=hint)
        if meeting is not None and meeting.date and task.due and task.due < meeting.date:
            c.flag("due-before-meeting", task, "due", due=short_date(task.due),
                   day=short_date(meeting.date))


def check_assessments(c: Checker) -> None:
    seen: dict[str, Record] = {}
    for assessment in c.wb.assessments:
        if assessment.period:
            first = seen.setdefault(assessment.period, assessment)
            if first is not assessment:
                c.flag("duplicate-period", assessment, "period", period=assessment.period,
                       first=f"{first.sheet}!{first.cell('period')}")


def check_scores(c: Checker) -> None:
    """`Chấm điểm` against `Tiêu chí` and each meeting's `Điểm`: no criterion above its
    maximum, and the points of a meeting add up to its score."""
    criteria: dict[int, Record] = {}
    for row in c.wb.criteria:
        if row.number is not None:
            criteria.setdefault(row.number, row)
    if c.wb.scores and criteria:
        top = sum(r.maximum for r in criteria.values() if r.maximum is not None)
        if abs(top - 100) > 1e-9:
            c.report.add("criteria-total", sheet=schema.CRITERIA.name, cell="C2",
                         total=decimal(top))
    totals: dict[str, float] = defaultdict(float)
    for score in c.wb.scores:
        meeting = c.meeting(score)
        criterion = criteria.get(score.criterion) if score.criterion is not None else None
        if score.criterion is not None and criterion is None:
            c.flag("unknown-criterion", score, "criterion", number=score.criterion)
        elif criterion is not None and score.points is not None and \
                criterion.maximum is not None and score.points > criterion.maximum:
            c.flag("points-over-maximum", score, "points", points=decimal(score.points),
                   maximum=decimal(criterion.maximum), number=criterion.number)
        if meeting is not None and score.points is not None:
            totals[meeting.id] += score.points
    for meeting in c.wb.meetings:
        if c.is_unreadable(meeting, "score"):
            continue   # its own error says what to fix first
        scored = {s.criterion for s in c.wb.of_meeting("scores", meeting)}
        unscored = [str(n) for n in sorted(criteria) if scored and n not in scored]
        if unscored and meeting.date:
            c.flag("criteria-unscored", meeting, "score", day=short_date(meeting.date),
                   numbers=", ".join(unscored))
        if meeting.id in totals and (meeting.score is None
                                     or abs(totals[meeting.id] - meeting.score) > 1e-9):
            c.flag("score-total", meeting, "score", total=decimal(totals[meeting.id]),
                   what="chưa ghi «Điểm» của buổi" if meeting.score is None else
                   f"khác «Điểm» {decimal(meeting.score)} của buổi")
