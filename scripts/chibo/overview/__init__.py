"""The overview stage: where the year stands (status) and what the day asks of the secretary
(the check with its reminders)."""
