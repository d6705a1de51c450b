"""The form for one MCP server: how it is reached (a command, or a URL), its environment or headers with
secret values, whether it is enabled and trusted, and how long one call may take.

`ServerDraft` is what the form holds: the config as the store keeps it (secret values empty) and the secret
values typed in this dialog, for the keyring. Nothing is written until the dialog saves.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QWidget

from core.model.tools import DEFAULT_CALL_TIMEOUT, ServerConfig, Transport
from gui.tools.key_values import KeyValueRow, KeyValueTable
from gui.tools.words import transport_text
from gui.widgets.fields import ChoiceCombo
from gui.widgets.json_edit import ERROR_COLOR

TRANSPORTS: tuple[Transport, ...] = ("stdio", "http", "sse")


@dataclass(frozen=True)
class ServerDraft:
    config: ServerConfig
    secrets: dict[str, str] = field(default_factory=dict)
    """Secret values typed in the dialog (env variable or header name -> value), for the keyring."""


def draft_problems(draft: ServerDraft, other_names: set[str]) -> list[str]:
    """What keeps the draft from being saved, worded; empty when it can be."""
    config = draft.config
    problems = []
    if not config.name.strip():
        problems.append(QCoreApplication.translate("ServerForm", "Give the server a name."))
    elif config.name in other_names:
        problems.append(QCoreApplication.translate("ServerForm", "Another server has this name."))
    if config.transport == "stdio" and not config.command.strip():
        problems.append(QCoreApplication.translate("ServerForm", "Give the command that starts the server."))
    if config.transport != "stdio":
        parts = urlsplit(config.url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append(
                QCoreApplication.translate(
                    "ServerForm", "Give the server's address, starting with http:// or https://."
                )
            )
    return problems


class ServerForm(QWidget):
    """Signals:
    changed: the user edited a field.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._args_problem = ""
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. files"))
        self.transport = ChoiceCombo(self)
        for transport in TRANSPORTS:
            self.transport.add_choice(transport_text(transport), transport)
        self.command = QLineEdit(self)
        self.command.setPlaceholderText(self.tr("e.g. npx, uvx or a full path"))
        self.args = QLineEdit(self)
        self.args.setPlaceholderText(self.tr("Separated by spaces; quote an argument that holds one"))
        self.cwd = QLineEdit(self)
        self.cwd.setPlaceholderText(self.tr("Optional; Triptych's own folder when empty"))
        self.env = KeyValueTable(
            self.tr("VARIABLE"),
            self.tr("Environment"),
            self.tr("Environment variables the server starts with; tick Secret for keys and tokens"),
            self,
        )
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://example.com/mcp")
        self.headers = KeyValueTable(
            self.tr("Header"),
            self.tr("Headers"),
            self.tr("HTTP headers sent with every request; tick Secret for keys and tokens"),
            self,
        )
        self.enabled = QCheckBox(self.tr("Enabled"), self)
        self.trusted = QCheckBox(self.tr("Trusted: believe its tools' annotations"), self)
        self.trusted.setToolTip(
            self.tr(
                "A trusted server's read-only tools run without asking. An untrusted server's annotations "
                "are shown as hints only, and every call asks first."
            )
        )
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setRange(1, 3600)
        self.timeout.setDecimals(0)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setValue(DEFAULT_CALL_TIMEOUT)
        self.timeout.setAccessibleDescription(
            self.tr("How long one tool call may take; then it is stopped and the model is told")
        )
        self.transport.setAccessibleDescription(
            self.tr("How Triptych reaches the server: a command it starts, or an address")
        )
        self.enabled.setAccessibleDescription(
            self.tr("When off, the server is not started and its tools are not offered")
        )
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {ERROR_COLOR}")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self._layout = form
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Transport"), self.transport)
        form.addRow(self.tr("Command"), self.command)
        form.addRow(self.tr("Arguments"), self.args)
        form.addRow(self.tr("Working folder"), self.cwd)
        form.addRow(self.tr("Environment"), self.env)
        form.addRow(self.tr("URL"), self.url)
        form.addRow(self.tr("Headers"), self.headers)
        form.addRow(self.tr("Call timeout"), self.timeout)
        form.addRow("", self.enabled)
        form.addRow("", self.trusted)
        form.addRow("", self.problems)
        self.transport.currentIndexChanged.connect(self._show_transport_fields)
        for signal in (
            self.name.textChanged,
            self.transport.currentIndexChanged,
            self.command.textChanged,
            self.args.textChanged,
            self.cwd.textChanged,
            self.env.changed,
            self.url.textChanged,
            self.headers.changed,
            self.enabled.toggled,
            self.trusted.toggled,
            self.timeout.valueChanged,
        ):
            signal.connect(self._edited)
        self._show_transport_fields()

    def load(self, config: ServerConfig) -> None:
        """Show a server's saved config. Emits nothing."""
        self._loading = True
        try:
            self.name.setText(config.name)
            self.transport.set_choice(config.transport)
            self.command.setText(config.command)
            self.args.setText(shlex.join(config.args))
            self.cwd.setText(config.cwd or "")
            self.env.set_rows(config.env, config.secret_names)
            self.url.setText(config.url)
            self.headers.set_rows(config.headers, config.secret_names)
            self.enabled.setChecked(config.enabled)
            self.trusted.setChecked(config.trusted)
            self.timeout.setValue(config.call_timeout)
        finally:
            self._loading = False
        self._show_transport_fields()

    def draft(self) -> ServerDraft:
        """The server as the form shows it. An argument line with an unclosed quote is kept whole as one
        argument (and reported by `problems`), so nothing typed is lost."""
        transport: Transport = self.transport.choice() or "stdio"
        try:
            args = tuple(shlex.split(self.args.text()))
            self._args_problem = ""
        except ValueError:
            args = (self.args.text(),) if self.args.text() else ()
            self._args_problem = self.tr("The arguments have an unclosed quote.")
        stdio = transport == "stdio"
        env_rows, header_rows = self.env.rows(), self.headers.rows()
        rows = env_rows if stdio else header_rows
        secrets = {row.name: row.value for row in rows if row.secret and row.value}
        config = ServerConfig(
            name=self.name.text().strip(),
            transport=transport,
            command=self.command.text().strip() if stdio else "",
            args=args if stdio else (),
            env=_values(env_rows) if stdio else {},
            cwd=(self.cwd.text().strip() or None) if stdio else None,
            url="" if stdio else self.url.text().strip(),
            headers={} if stdio else _values(header_rows),
            secret_names=frozenset(row.name for row in rows if row.secret),
            enabled=self.enabled.isChecked(),
            trusted=self.trusted.isChecked(),
            call_timeout=float(self.timeout.value()),
        )
        return ServerDraft(config, secrets)

    def show_problems(self, problems: list[str]) -> None:
        shown = [*problems, self._args_problem] if self._args_problem else problems
        self.problems.setText("\n".join(shown))
        self.problems.setVisible(bool(shown))

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _show_transport_fields(self) -> None:
        stdio = self.transport.choice() == "stdio"
        for widget in (self.command, self.args, self.cwd, self.env):
            self._layout.setRowVisible(widget, stdio)
        for widget in (self.url, self.headers):
            self._layout.setRowVisible(widget, not stdio)


def _values(rows: list[KeyValueRow]) -> dict[str, str]:
    """Names to values, a secret's value left empty: the keyring holds it."""
    return {row.name: "" if row.secret else row.value for row in rows if row.name}
