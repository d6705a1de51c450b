"""One column of the compare view: what it changes from the conversation, its replies, and its measurements.

The column holds its own profile and settings; `CompareView` sends them and feeds the replies back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.compare.naming import column_names as _column_names
from core.model.compare_run import ColumnMetrics, Difference, differences
from core.model.conversation import StoredMessage
from core.model.provider_check import Loss
from core.model.request_settings import RequestSettings
from core.wire.accumulate import StreamUpdate
from gui.error_messages import describe
from gui.params.model_picker import ModelPicker, ProfilePicker
from gui.params.panel import ParameterPanel
from gui.params.provider_warnings import loss_text, relevant_losses
from gui.transcript.view import TranscriptView
from gui.widgets.screen_fit import fit_to_screen


class CompareColumnWidget(QWidget):
    """Signals: editRequested, stopRequested, continueRequested, removeRequested (all without arguments);
    maximiseToggled(bool): the header's Maximise button (checked: show this column alone)."""

    editRequested = Signal()
    stopRequested = Signal()
    continueRequested = Signal()
    removeRequested = Signal()
    maximiseToggled = Signal(bool)

    def __init__(self, profile_name: str | None, settings: RequestSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile_name = profile_name
        self.settings = settings
        self.metrics: ColumnMetrics | None = None
        self.running = False
        self.reply: StoredMessage | None = None
        """The reply of the last round, once it ended."""
        self._reply_id: int | None = None
        self.preset_name: str | None = None
        """The saved preset the column was made from, named first in its header."""
        self.name = ""
        """What sets this column apart from the others (`column_names`): its name in every place."""
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.edit_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.maximise_button = QToolButton(self)
        self.maximise_button.setCheckable(True)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #c62828")
        self.notice.hide()
        self.chosen = False
        """The conversation continued with this column ("Continue with this")."""
        self.chosen_label = QLabel(self)
        self.chosen_label.setWordWrap(True)
        # The theme's highlight: it reads as "selected" in light and dark alike.
        self.chosen_label.setStyleSheet(
            "QLabel { background: palette(highlight); color: palette(highlighted-text);"
            " padding: 3px 6px; border-radius: 3px; font-weight: bold; }"
        )
        self.chosen_label.hide()
        self.stop_button = QPushButton(self)
        self.continue_button = QPushButton(self)
        self.transcript = TranscriptView(error_text=describe, parent=self)
        self._build_layout()
        self.edit_button.clicked.connect(self.editRequested)
        self.remove_button.clicked.connect(self.removeRequested)
        self.maximise_button.toggled.connect(self.maximiseToggled)
        self.stop_button.clicked.connect(self.stopRequested)
        self.continue_button.clicked.connect(self.continueRequested)
        self.set_running(False)
        self.continue_button.setEnabled(False)
        self.retranslate()

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.maximise_button)
        actions = QHBoxLayout()
        actions.addWidget(self.stop_button)
        actions.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.transcript, 1)
        layout.addLayout(actions)
        self.setMinimumWidth(320)

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("Edit settings…"))
        self.remove_button.setText(self.tr("Remove"))
        self.maximise_button.setText(self.tr("Maximise"))
        self.maximise_button.setToolTip(self.tr("Show this column alone; click again to show every column."))
        self.stop_button.setText(self.tr("Stop"))
        self.continue_button.setText(self.tr("Chosen ✓") if self.chosen else self.tr("Continue with this"))
        self.chosen_label.setText(self.tr("✓ The conversation continues with this reply"))
        self.edit_button.setAccessibleDescription(self.tr("This column's provider, model and parameters"))
        self.remove_button.setAccessibleDescription(self.tr("Removes this column"))
        self.stop_button.setAccessibleDescription(self.tr("Stops this column's reply"))
        self.continue_button.setToolTip(
            self.tr("Make this column's reply the conversation's next turn, with its settings.")
        )

    def set_name(self, name: str) -> None:
        self.name = name
        self.title.setText(name)
        self.setAccessibleName(name)
        self._show_header_if_new()

    def _show_header_if_new(self) -> None:
        """The line under the name says what the column changes from the conversation; hidden when it would
        repeat the name."""
        self.header.setVisible(self.header.text() != self.name)

    def set_base(
        self, base: RequestSettings, base_profile: str | None, losses: frozenset[Loss] = frozenset()
    ) -> None:
        """Show only what this column changes from the conversation's settings, and what its provider's
        last check found lost that these settings meet."""
        found = differences(base, base_profile, self.settings, self.profile_name)
        text = (
            " · ".join(difference_text(item) for item in found)
            if found
            else self.tr("Same as the conversation")
        )
        text = f"{self.preset_name} — {text}" if self.preset_name else text
        warnings = [f"⚠ {loss_text(loss)}" for loss in relevant_losses(losses, self.settings)]
        self.header.setText("\n".join([text, *warnings]))
        self._show_header_if_new()

    def set_chosen(self, chosen: bool) -> None:
        """Marked as the column the conversation continued with: a banner above its reply, and its button
        says so (choosing it again would change nothing; another column can still be chosen)."""
        self.chosen = chosen
        self.chosen_label.setVisible(chosen)
        self.continue_button.setEnabled(self.reply is not None and not chosen and not self.running)
        self.retranslate()

    def set_running(self, running: bool) -> None:
        self.running = running
        self.stop_button.setEnabled(running)
        self.edit_button.setEnabled(not running)
        if running:
            self.continue_button.setEnabled(False)

    # --- replies --------------------------------------------------------------------------------------

    def clear(self) -> None:
        self.transcript.show_messages([])
        self.metrics = None
        self.show_notice("")
        self.reply = None
        self.set_chosen(False)

    def show_notice(self, text: str) -> None:
        """A problem of this column alone (e.g. settings the API would refuse); empty hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_stored(self, prompts: list[str], replies: list[StoredMessage]) -> None:
        """A reopened run: the column's prompts and replies (one per round) as stored, ready to continue."""
        pairs = zip(prompts, replies, strict=False)
        self.transcript.show_messages([m for p, r in pairs for m in (prompt_message(r, p), r)])
        self.reply = replies[-1] if replies else None
        self._reply_id = self.reply.id if self.reply is not None else None
        self.continue_button.setEnabled(self.reply is not None)

    def begin(self, prompt: str, reply: StoredMessage, *, continuing: bool = False) -> None:
        """The round's prompt (as stored: the reply's parent) and the reply that starts streaming;
        `continuing`: the round's next request after its tool calls (their results are in the cards)."""
        if reply.parent_id is not None and not continuing:
            self.transcript.append_message(prompt_message(reply, prompt))
        if not continuing and self.chosen:
            self.set_chosen(False)  # a new round: the choice was of the last one
        self._reply_id = reply.id
        self.transcript.begin_reply(reply)
        self.set_running(True)

    def reply_text(self) -> str:
        """The text of the last round's reply (thinking and tool blocks left out)."""
        content = self.reply.content if self.reply is not None else []
        return "\n\n".join(str(block.get("text", "")) for block in content if block.get("type") == "text")

    def feed_update(self, update: StreamUpdate) -> None:
        if self._reply_id is not None:
            self.transcript.feed_update(self._reply_id, update)

    def finish(self, message: StoredMessage, metrics: ColumnMetrics) -> None:
        self.transcript.finish_reply(message)
        self.reply = message
        self.metrics = metrics
        self.set_running(False)
        self.continue_button.setEnabled(True)


class ColumnSettingsDialog(QDialog):
    """A column's profile, model and parameters, edited apart from the conversation's."""

    def __init__(
        self,
        profile_name: str | None,
        settings: RequestSettings,
        profile_names: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Column settings"))
        self.profile_picker = ProfilePicker(self)
        self.profile_picker.set_profiles(profile_names)
        self.profile_picker.set_profile(profile_name or "")
        self.model_picker = ModelPicker(self)
        self.model_picker.set_model_id(settings.model)
        self.parameters = ParameterPanel(self)
        self.parameters.set_model(settings.model)
        self.parameters.set_settings(settings)
        self.model_picker.modelChanged.connect(self.parameters.set_model)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Profile"), self.profile_picker)
        form.addRow(self.tr("Model"), self.model_picker)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.parameters, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(460, 720))  # smaller on a small screen

    def profile_name(self) -> str | None:
        return self.profile_picker.profile() or None

    def settings(self) -> RequestSettings:
        settings = self.parameters.settings()
        settings.model = self.model_picker.model_id() or settings.model
        return settings


def column_names(columns: Sequence[tuple[str | None, RequestSettings]]) -> list[str]:
    """Each column (profile name, settings) named by what sets it apart from the others, translated; the
    same name in the headers, the diff dialog and the alternatives."""
    same = QCoreApplication.translate("CompareColumnWidget", "same settings")
    return _column_names(columns, difference_text, same)


def prompt_message(reply: StoredMessage, prompt: str) -> StoredMessage:
    """A round's prompt, as stored: the reply's parent."""
    return StoredMessage(
        id=reply.parent_id or -reply.id,
        conversation_id=reply.conversation_id,
        parent_id=None,
        role="user",
        content=[{"type": "text", "text": prompt}],
    )


# The wording keeps the column widget's translation context (a literal, for lupdate): the header and the
# alternatives dialog share one translation.


def difference_text(difference: Difference) -> str:
    """A column header's wording of one difference, e.g. "temperature 0.2", translated."""
    field = _field_names().get(difference.field, difference.field)
    value = _value_words().get(difference.value_text, difference.value_text)
    return QCoreApplication.translate("CompareColumnWidget", "{field} {value}").format(
        field=field, value=value
    )


def _value_words() -> dict[str, str]:
    return {
        "changed": QCoreApplication.translate("CompareColumnWidget", "changed"),
        "none": QCoreApplication.translate("CompareColumnWidget", "none"),
        "off": QCoreApplication.translate("CompareColumnWidget", "off"),
        "on": QCoreApplication.translate("CompareColumnWidget", "on"),
        "default": QCoreApplication.translate("CompareColumnWidget", "default"),
        "adaptive": QCoreApplication.translate("CompareColumnWidget", "adaptive"),
        "all": QCoreApplication.translate("CompareColumnWidget", "all"),
    }


def _field_names() -> dict[str, str]:
    return {
        "profile": QCoreApplication.translate("CompareColumnWidget", "profile"),
        "model": QCoreApplication.translate("CompareColumnWidget", "model"),
        "max_tokens": QCoreApplication.translate("CompareColumnWidget", "max tokens"),
        "system": QCoreApplication.translate("CompareColumnWidget", "system prompt"),
        "temperature": QCoreApplication.translate("CompareColumnWidget", "temperature"),
        "top_p": QCoreApplication.translate("CompareColumnWidget", "top_p"),
        "top_k": QCoreApplication.translate("CompareColumnWidget", "top_k"),
        "stop_sequences": QCoreApplication.translate("CompareColumnWidget", "stop sequences"),
        "stream": QCoreApplication.translate("CompareColumnWidget", "streaming"),
        "thinking": QCoreApplication.translate("CompareColumnWidget", "thinking"),
        "effort": QCoreApplication.translate("CompareColumnWidget", "effort"),
        "output_schema": QCoreApplication.translate("CompareColumnWidget", "output schema"),
        "tools": QCoreApplication.translate("CompareColumnWidget", "tools"),
        "tool_choice": QCoreApplication.translate("CompareColumnWidget", "tool choice"),
        "cache_control": QCoreApplication.translate("CompareColumnWidget", "caching"),
        "metadata_user_id": QCoreApplication.translate("CompareColumnWidget", "user id"),
        "service_tier": QCoreApplication.translate("CompareColumnWidget", "service tier"),
        "inference_geo": QCoreApplication.translate("CompareColumnWidget", "inference region"),
        "container": QCoreApplication.translate("CompareColumnWidget", "container"),
        "extra_json": QCoreApplication.translate("CompareColumnWidget", "extra JSON"),
        "mcp_servers": QCoreApplication.translate("CompareColumnWidget", "MCP servers"),
    }
