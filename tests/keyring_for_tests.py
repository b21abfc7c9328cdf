"""A credential store for the tests: a JSON file named by CHIBO_TEST_KEYRING, so that a
command run on a real terminal (another process) and the test itself see the same store.
Chosen with PYTHON_KEYRING_BACKEND=keyring_for_tests.FileKeyring, or keyring.set_keyring."""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def file(self) -> Path:
        return Path(os.environ["CHIBO_TEST_KEYRING"])

    def _all(self) -> dict:
        return json.loads(self.file.read_text()) if self.file.exists() else {}

    def get_password(self, service, username):
        return self._all().get(f"{service}|{username}")

    def set_password(self, service, username, password):
        stored = self._all()
        stored[f"{service}|{username}"] = password
        self.file.write_text(json.dumps(stored))

    def delete_password(self, service, username):
        stored = self._all()
        stored.pop(f"{service}|{username}", None)
        self.file.write_text(json.dumps(stored))
