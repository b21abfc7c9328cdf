"""What the day asks of the mail: HD 42-HD/BTCTW wants members and the upper committee's
member notified before a meeting, so a meeting a few days away that nobody has been invited
to is a reminder. Reminders are the mail stage's: checking a workbook never reads what was
sent."""

from __future__ import annotations

from pathlib import Path

from ..errors import MailRecordDamaged
from ..problems import Problem, problem
from ..rules.checked import Checked
from ..wording import short_date

DAYS_AHEAD = 3   # a meeting this close that nobody was invited to is a reminder


def invitations_due(checked: Checked, output_dir: str | Path) -> list[Problem]:
    """A reminder at each meeting within `DAYS_AHEAD` days that nobody has been invited to
    (when anyone could be). A record of mail that cannot be read reminds of nothing: sending
    says what is wrong with it."""
    workbook, today = checked.workbook, checked.today
    if workbook is None:
        return []
    near = [m for m in workbook.meetings
            if m.id and m.date and 0 <= (m.date - today).days <= DAYS_AHEAD]
    if not near:   # most days: `check` needs neither the record nor the mail's modules
        return []
    from .invitations import invitees
    from .record import SentLog

    try:
        log = SentLog(workbook, Path(output_dir))
    except MailRecordDamaged:
        return []
    found = []
    for meeting in near:
        if invitees(workbook, meeting) and not log.invited(None, meeting.id):
            days = (meeting.date - today).days
            found.append(problem("invitation-missing", meeting.sheet, meeting.cell("id"),
                                 day=short_date(meeting.date),
                                 when="hôm nay" if days == 0 else f"còn {days} ngày nữa"))
    return found
