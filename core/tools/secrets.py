"""Secret values of MCP servers (an env variable's or a header's, the names in `ServerConfig.secret_names`) in
the OS keyring, one entry per server and name under the service `triptych-mcp`: never in the database, a
config export or a log. Keyring calls may wait on D-Bus: the hub reads them on its own thread, the GUI writes
them off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "triptych-mcp"
_FILE_BACKEND_PACKAGES = ("keyrings.alt", "keyrings.cryptfile")
_REFUSED_BACKENDS = ("fail.Keyring", "null.Keyring")


class SecretReader(Protocol):
    def read(self, server: str, name: str) -> str | None:
        """The secret value of `name` (an env variable or a header) of `server`; None when none is kept."""
        ...


class SecretsUnavailable(Exception):
    """The keyring could not be used; nothing was written anywhere else."""


def entry(server: str, name: str) -> str:
    """The keyring user name for one secret: server and name, joined by a character neither can hold."""
    return f"{server}\x1f{name}"


class ToolSecrets:
    """Read, keep and forget server secrets in the OS keyring."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._given = backend

    def _backend(self) -> KeyringBackend:
        import keyring

        backend = self._given if self._given is not None else keyring.get_keyring()
        kind = f"{type(backend).__module__}.{type(backend).__name__}"
        if kind.startswith(_FILE_BACKEND_PACKAGES) or kind.endswith(_REFUSED_BACKENDS):
            raise SecretsUnavailable(f"No usable keyring (the backend is {kind}).")
        return backend

    def read(self, server: str, name: str) -> str | None:
        try:
            return self._backend().get_password(SERVICE, entry(server, name))
        except SecretsUnavailable:
            raise
        except Exception as error:
            raise SecretsUnavailable(str(error) or type(error).__name__) from error

    def write(self, server: str, name: str, value: str) -> None:
        try:
            self._backend().set_password(SERVICE, entry(server, name), value)
        except SecretsUnavailable:
            raise
        except Exception as error:
            raise SecretsUnavailable(str(error) or type(error).__name__) from error

    def delete(self, server: str, name: str) -> None:
        """Forget one secret; forgetting what is not there is not an error."""
        import keyring.errors

        try:
            self._backend().delete_password(SERVICE, entry(server, name))
        except keyring.errors.PasswordDeleteError:
            pass
        except SecretsUnavailable:
            raise
        except Exception as error:
            raise SecretsUnavailable(str(error) or type(error).__name__) from error
