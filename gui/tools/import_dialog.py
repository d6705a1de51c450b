"""Import MCP servers: from a file (Claude desktop's claude_desktop_config.json, VS Code's mcp.json, Claude
Code's .mcp.json) or from JSON pasted in the box, with a preview of what will be added and, in plain words,
each entry that will not be and why. Nothing is added until "Add"; then the servers join the MCP servers
dialog as unsaved drafts, their secret-looking values moved aside for the keyring.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model.tools import ServerConfig
from core.tools.config_formats import (
    ConfigFormat,
    ImportProblem,
    ImportProblemKind,
    ImportResult,
    parse_config,
)
from gui.tools.files import FileChooser, choose_config_file
from gui.tools.server_form import ServerDraft
from gui.tools.words import transport_text
from gui.widgets.json_edit import ERROR_COLOR, WARNING_COLOR

MAX_FILE_BYTES = 5_000_000
"""A configuration file is a few kilobytes; anything far larger is not one."""


def format_text(found: ConfigFormat) -> str:
    texts = {
        ConfigFormat.CLAUDE_DESKTOP: QCoreApplication.translate(
            "ImportServersDialog", "Read as mcpServers (Claude desktop, Claude Code, Cursor…)."
        ),
        ConfigFormat.VS_CODE: QCoreApplication.translate("ImportServersDialog", "Read as VS Code's servers."),
        ConfigFormat.BARE: QCoreApplication.translate("ImportServersDialog", "Read as a list of servers."),
    }
    return texts[found]


def problem_text(problem: ImportProblem) -> str:
    """One entry that was not imported (or a warning about one that was), as a sentence."""
    server, detail = problem.server or "", problem.detail
    translate = QCoreApplication.translate
    texts = {
        ImportProblemKind.NOT_JSON: translate("ImportServersDialog", "This is not JSON: {detail}"),
        ImportProblemKind.NO_SERVERS: translate(
            "ImportServersDialog",
            "No servers found: expected mcpServers, servers, or entries with a command or a url.",
        ),
        ImportProblemKind.NOT_AN_OBJECT: translate(
            "ImportServersDialog", "{server}: not imported, its entry is not an object."
        ),
        ImportProblemKind.NO_COMMAND_OR_URL: translate(
            "ImportServersDialog", "{server}: not imported, it has neither a command nor a url."
        ),
        ImportProblemKind.BAD_FIELD: translate(
            "ImportServersDialog", "{server}: not imported, its field {detail} has the wrong type."
        ),
        ImportProblemKind.UNKNOWN_TYPE: translate(
            "ImportServersDialog",
            "{server}: not imported, its type {detail} is unknown (stdio, http or sse).",
        ),
        ImportProblemKind.EMPTY_NAME: translate(
            "ImportServersDialog", "A server without a name was not imported."
        ),
        ImportProblemKind.NEEDS_INPUT: translate(
            "ImportServersDialog", "{server}: {detail} is asked for by the other app; enter its value here."
        ),
    }
    return texts[problem.kind].format(server=server, detail=detail)


def as_draft(config: ServerConfig) -> ServerDraft:
    """An imported server as a dialog draft: values of secret-looking names go to the keyring on Save, not
    to the database."""
    secrets = {
        name: value
        for values in (config.env, config.headers)
        for name, value in values.items()
        if name in config.secret_names and value
    }
    env = {name: "" if name in config.secret_names else value for name, value in config.env.items()}
    headers = {name: "" if name in config.secret_names else value for name, value in config.headers.items()}
    return ServerDraft(replace(config, env=env, headers=headers), secrets)


class ImportServersDialog(QDialog):
    """Signals:
    serversChosen(list): the servers to add, as `ServerDraft`s.
    """

    serversChosen = Signal(list)

    def __init__(
        self, parent: QWidget | None = None, *, choose_file: FileChooser = choose_config_file
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import MCP servers"))
        self._choose_file = choose_file
        self._result = ImportResult(format=None)
        self.intro = QLabel(
            self.tr(
                "Open Claude desktop's claude_desktop_config.json or VS Code's mcp.json, or paste JSON below "
                '(the whole file, its mcpServers, or one "name": {…} entry).'
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open file…"), self)
        self.open_button.setAccessibleDescription(self.tr("Reads a configuration file into the box"))
        self.open_button.clicked.connect(self._open_file)
        self.text = QPlainTextEdit(self)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlaceholderText(
            '{"mcpServers": {"time": {"command": "uvx", "args": ["mcp-server-time"]}}}'
        )
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Configuration JSON"))
        self.text.setAccessibleDescription(self.tr("The JSON to import servers from"))
        self.found = QLabel(self)
        self.found.setWordWrap(True)
        self.preview = QTreeWidget(self)
        self.preview.setHeaderLabels(
            [self.tr("Server"), self.tr("Transport"), self.tr("Runs"), self.tr("Secrets")]
        )
        self.preview.setRootIsDecorated(False)
        self.preview.setAccessibleName(self.tr("Servers to import"))
        self.preview.setAccessibleDescription(self.tr("The servers that will be added"))
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add_button = self.buttons.addButton(self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setAccessibleDescription(self.tr("Adds the servers listed to the MCP servers dialog"))
        self.buttons.accepted.connect(self._add)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.found)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self._reparse = QTimer(self, singleShot=True, interval=150)
        self._reparse.timeout.connect(self._parse)
        self.text.textChanged.connect(self._reparse.start)
        self._parse()
        self.resize(720, 560)

    def set_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self._parse()

    def servers(self) -> list[ServerDraft]:
        return [as_draft(config) for config in self._result.servers]

    def _open_file(self) -> None:
        path = self._choose_file(self)
        if path is None:
            return
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                self._show_file_problem(self.tr("{name} is too large for a configuration file."), path)
                return
            text = path.read_bytes().decode("utf-8-sig")
        except OSError as error:
            reason = error.strerror or str(error)
            self._show_file_problem(self.tr("{name} could not be read: {reason}"), path, reason)
            return
        except UnicodeDecodeError:
            self._show_file_problem(self.tr("{name} is not a text file (UTF-8)."), path)
            return
        self.set_text(text)

    def _show_file_problem(self, template: str, path: Path, reason: str = "") -> None:
        self.problems.setText(template.format(name=path.name, reason=reason))
        self.problems.setStyleSheet(f"color: {ERROR_COLOR}")

    def _parse(self) -> None:
        self._reparse.stop()
        text = self.text.toPlainText()
        self._result = parse_config(text) if text.strip() else ImportResult(format=None)
        result = self._result
        self.found.setText(format_text(result.format) if result.format is not None else "")
        self.found.setVisible(result.format is not None)
        self.preview.clear()
        for config in result.servers:
            runs = config.url if config.transport != "stdio" else " ".join([config.command, *config.args])
            item = QTreeWidgetItem(
                [config.name, transport_text(config.transport), runs, ", ".join(sorted(config.secret_names))]
            )
            item.setToolTip(2, runs)
            self.preview.addTopLevelItem(item)
        for column in (0, 1):
            self.preview.resizeColumnToContents(column)
        refused = [p for p in result.problems if p.kind is not ImportProblemKind.NEEDS_INPUT]
        lines = [problem_text(problem) for problem in result.problems]
        if result.servers:
            secrets = [name for config in result.servers for name in config.secret_names]
            if secrets:
                lines.append(
                    self.tr("Values of {names} will be kept in the keyring.").format(names=", ".join(secrets))
                )
        self.problems.setText("\n".join(lines))
        self.problems.setStyleSheet(f"color: {ERROR_COLOR if refused else WARNING_COLOR}" if lines else "")
        count = len(result.servers)
        self.add_button.setText(self.tr("Add %n server(s)", "", count) if count else self.tr("Add"))
        self.add_button.setEnabled(count > 0)

    def _add(self) -> None:
        self._parse()
        if not self._result.servers:
            return
        self.serversChosen.emit(self.servers())
        self.accept()
