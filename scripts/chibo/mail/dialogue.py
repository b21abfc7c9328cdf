"""The confirm-and-send dialogue, one object both faces drive: the letters shown first, the
password the send needs (known on this machine, or typed), the send itself, and then the
offer to keep a typed password on this machine. A saved password the server refuses is
forgotten, so the next send asks again."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import PasswordRefused
from .delivery import Mailing, SendResult
from .password import SAVED, forget_password, known_password, save_password


@dataclass
class Sending:
    mailing: Mailing
    typed: str | None = None            # the password she typed for this send, once it worked
    forgot_saved: bool = False          # the saved password was refused, and forgotten

    @property
    def account(self) -> str | None:
        settings = self.mailing.settings
        return settings.user if settings else None

    def needs_password(self) -> bool:
        """Whether she must type the password: an account, and none known on this machine."""
        settings = self.mailing.settings
        return bool(settings and settings.user
                    and known_password(settings.user, settings.host)[0] is None)

    def send(self, typed: str | None = None) -> SendResult:
        """Send the letters with the password she typed, or the one known on this machine."""
        settings = self.mailing.settings
        assert settings is not None   # a mailing with letters to send has its settings
        password, source = (typed, None) if typed else (
            known_password(settings.user, settings.host) if settings.user else (None, None))
        try:
            result = self.mailing.send(password)
        except PasswordRefused:
            if source == SAVED:
                forget_password(str(settings.user), settings.host)
                self.forgot_saved = True
            raise
        self.typed = typed
        return result

    @property
    def may_keep(self) -> bool:
        """Whether to offer keeping the password: she typed it and the server took it."""
        return bool(self.typed and self.account)

    def keep(self) -> bool:
        """Keep the typed password on this machine; False when it has nowhere to keep it."""
        settings = self.mailing.settings
        assert settings is not None and settings.user and self.typed
        return save_password(settings.user, settings.host, self.typed)
