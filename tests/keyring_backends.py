"""A real keyring backend for tests, keeping its entries in a dict (no Secret Service needed)."""

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class DictKeyring(KeyringBackend):
    """A complete keyring backend that keeps its entries in a dict."""

    priority = 1
    # Defining a backend class registers it with keyring; not viable means keyring.get_keyring() never
    # picks it for code elsewhere in this test process.
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")
