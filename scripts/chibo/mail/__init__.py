"""The mail stage: the server's settings, the record of what was sent, the letters of a
period and the invitations to a meeting, their delivery, the password, and the confirm-and-
send dialogue both faces drive."""
