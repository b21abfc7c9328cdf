"""What a day asks of the secretary: every problem of her book, then the reminders of the
day (invitations not sent for a meeting a few days away) — what `chibo check` prints and the
window shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..mail.reminders import invitations_due
from ..places import output_beside
from ..problems import Report
from ..rules.checked import Checked, open_checked


def with_reminders(checked: Checked, output_dir: str | Path | None = None) -> Report:
    """A checked book's problems and the day's reminders (the output folder, beside the
    book unless told otherwise, is where older records of mail may be)."""
    return checked.problems.extended(
        invitations_due(checked, output_dir or output_beside(checked.path)))


def check_for_the_day(path: str | Path, today: dt.date,
                      output_dir: str | Path | None = None) -> Report:
    """Open and check a book for a day, with the day's reminders."""
    return with_reminders(open_checked(path, today), output_dir)
