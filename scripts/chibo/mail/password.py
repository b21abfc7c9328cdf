"""The mail password, and the one policy of where it comes from: CHIBO_SMTP_PASSWORD (an
office's relay), else the one saved on this machine, else asked — and kept only where the
system keeps passwords (Windows Credential Manager, the macOS Keychain, the Secret Service on
Linux, through the `keyring` package), only when she asks.

Never in the workbook, the output folder or a log. A machine with no credential store (a
bare Linux, CI) simply has nothing saved: that is never a failure.
"""

from __future__ import annotations

import os

SERVICE = "chibo"
FROM_ENVIRONMENT, SAVED = "environment", "saved"


def _account(user: str, host: str) -> str:
    return f"{user} @ {host}"


def saved_password(user: str, host: str) -> str | None:
    """The password saved on this machine for this account and server, if any."""
    try:
        import keyring

        return keyring.get_password(SERVICE, _account(user, host))
    except Exception:   # no backend, a locked store: nothing saved, as far as chibo can tell
        return None


def known_password(user: str, host: str) -> tuple[str | None, str | None]:
    """(password, where it came from) that chibo may use without asking: CHIBO_SMTP_PASSWORD,
    else the one saved; (None, None) when it must be asked."""
    given = os.environ.get("CHIBO_SMTP_PASSWORD")
    if given is not None:
        return given, FROM_ENVIRONMENT
    saved = saved_password(user, host)
    return (saved, SAVED) if saved is not None else (None, None)


def save_password(user: str, host: str, password: str) -> bool:
    """Keep the password on this machine; False when it has nowhere to keep it."""
    try:
        import keyring

        keyring.set_password(SERVICE, _account(user, host), password)
        return True
    except Exception:
        return False


def forget_password(user: str, host: str) -> None:
    """Drop a saved password the server refused."""
    try:
        import keyring

        keyring.delete_password(SERVICE, _account(user, host))
    except Exception:
        pass
