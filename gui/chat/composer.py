"""Where the user writes: multi-line text, attachments, Send and Stop."""

from __future__ import annotations

import asyncio
import html
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.chat.attachments import AttachmentError, load_attachment
from core.model.messages import ContentBlock
from gui.tasks import TaskKeeper


class Composer(QWidget):
    submitted = Signal(list)
    """The content blocks of the new user turn: attachments first, then the text."""
    stopRequested = Signal()

    def __init__(self, tasks: TaskKeeper, parent: QWidget | None = None, *, enter_sends: bool = True) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.enter_sends = enter_sends
        self._attachments: list[tuple[str, ContentBlock]] = []
        self._replying = False

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("composerEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(self.tr("Message"))
        self.editor.installEventFilter(self)
        self.attach_button = QToolButton(self)
        self.attach_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.attach_button.clicked.connect(self._choose_files)
        self.send_button = QPushButton(self)
        self.send_button.clicked.connect(self._send_or_stop)
        self.chips = QLabel(self)
        self.chips.setWordWrap(True)
        self.chips.linkActivated.connect(self._remove_attachment)
        self.notice = QLabel(self)
        self.notice.setObjectName("composerNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.chips, 1)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.editor)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        shortcut = (
            self.tr("Enter to send, Shift+Enter for a new line")
            if self.enter_sends
            else self.tr("Ctrl+Enter to send")
        )
        self.editor.setPlaceholderText(self.tr("Message Claude…  ({shortcut})").format(shortcut=shortcut))
        self.attach_button.setToolTip(self.tr("Attach images or PDF files"))
        self.attach_button.setAccessibleName(self.tr("Attach files"))
        self.editor.setAccessibleDescription(shortcut)
        self._update_button()

    def set_replying(self, replying: bool) -> None:
        self._replying = replying
        self._update_button()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def attach(self, paths: list[Path]) -> asyncio.Task[None]:
        """Read the files off the UI thread; each becomes a chip, or a notice says why it cannot."""
        return self._tasks.start(self._load(paths))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._is_send_key(event):
                if not self._replying:
                    self._send_or_stop()
                return True
            if event.key() == Qt.Key.Key_Escape and self._replying:
                self.stopRequested.emit()
                return True
        return super().eventFilter(watched, event)

    def _is_send_key(self, event: QKeyEvent) -> bool:
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        modifiers = event.modifiers()
        if self.enter_sends:
            return not modifiers & Qt.KeyboardModifier.ShiftModifier
        return bool(modifiers & Qt.KeyboardModifier.ControlModifier)

    def _send_or_stop(self) -> None:
        if self._replying:
            self.stopRequested.emit()
            return
        text = self.editor.toPlainText().strip()
        if not text and not self._attachments:
            return
        blocks = [block for _, block in self._attachments]
        if text:
            blocks.append({"type": "text", "text": text})
        self.show_notice("")
        self.submitted.emit(blocks)

    def clear(self) -> None:
        """After the turn was accepted: the text and attachments are now in the transcript."""
        self.editor.clear()
        self._attachments.clear()
        self._show_chips()

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files"),
            "",
            self.tr("Images and PDF (*.png *.jpg *.jpeg *.gif *.webp *.pdf)"),
        )
        if names:
            self.attach([Path(name) for name in names])

    async def _load(self, paths: list[Path]) -> None:
        problems = []
        for path in paths:
            try:
                block = await asyncio.to_thread(load_attachment, path)
            except AttachmentError as error:
                problems.append(self._describe(error))
                continue
            self._attachments.append((path.name, block))
        self._show_chips()
        self.show_notice("\n".join(problems))

    def _describe(self, error: AttachmentError) -> str:
        if error.reason == "type":
            return self.tr(
                "{name}: only images (PNG, JPEG, GIF, WebP) and PDF files can be attached."
            ).format(name=error.name)
        if error.reason == "size":
            return self.tr("{name} is {size:.1f} MB; the limit for this kind of file is {limit} MB.").format(
                name=error.name, size=error.size / 2**20, limit=error.limit // 2**20
            )
        return self.tr("{name} could not be read: {detail}").format(name=error.name, detail=error.detail)

    def _show_chips(self) -> None:
        chips = [
            f'📄 {html.escape(name)} <a href="remove:{index}">✕</a>'
            for index, (name, _) in enumerate(self._attachments)
        ]
        self.chips.setText(" &nbsp; ".join(chips))

    def _remove_attachment(self, link: str) -> None:
        index = int(link.removeprefix("remove:"))
        if 0 <= index < len(self._attachments):
            del self._attachments[index]
        self._show_chips()

    def _update_button(self) -> None:
        self.send_button.setText(self.tr("Stop") if self._replying else self.tr("Send"))
        self.send_button.setAccessibleDescription(
            self.tr("Stops the reply; what came is kept") if self._replying else self.tr("Sends the message")
        )
        self.send_button.setToolTip(
            self.tr("Stop the reply (Esc); what came is kept") if self._replying else ""
        )
