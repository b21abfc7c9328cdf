"""The mail password, kept only where the system keeps passwords: Windows Credential
Manager, the macOS Keychain, the Secret Service on Linux (through the `keyring` package).

Never in the workbook, the output folder or a log. A machine with no credential store (a
bare Linux, CI) simply has nothing saved: that is never a failure.
"""

from __future__ import annotations

SERVICE = "chibo"


def _account(user: str, host: str) -> str:
    return f"{user} @ {host}"


def saved_password(user: str, host: str) -> str | None:
    """The password saved on this machine for this account and server, if any."""
    try:
        import keyring

        return keyring.get_password(SERVICE, _account(user, host))
    except Exception:   # no backend, a locked store: nothing saved, as far as chibo can tell
        return None


def known_password(user: str, host: str) -> str | None:
    """The password chibo may use without asking: CHIBO_SMTP_PASSWORD, else the one saved."""
    import os

    return os.environ.get("CHIBO_SMTP_PASSWORD") or saved_password(user, host)


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
