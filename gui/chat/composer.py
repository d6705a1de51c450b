"""Where the user writes: multi-line text, attachments, Send and Stop."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.chat.attachments import (
    MAX_FILES,
    MAX_IMAGE_BYTES,
    MAX_PDF_BYTES,
    MAX_TEXT_BYTES,
    MAX_TOTAL_BYTES,
    Attachment,
    AttachmentError,
    check_room,
    image_attachment,
    load_attachment,
)
from core.model.messages import ContentBlock
from gui.chat.file_drop import ComposerEditor, FileDropTarget, png_bytes
from gui.chat.notice_timeout import NoticeTimeout
from gui.tasks import TaskKeeper
from gui.theme.icons import icon, inline_image
from gui.widgets.recent_folders import remember_folder, start_folder
from gui.widgets.send_keys import is_send_key

if TYPE_CHECKING:
    import asyncio


class Composer(QWidget):
    submitted = Signal(list)
    """The content blocks of the new user turn: attachments first, then the text."""
    stopRequested = Signal()
    draftChanged = Signal()
    """The text or the attachments changed (what the next send would carry)."""

    def __init__(self, tasks: TaskKeeper, parent: QWidget | None = None, *, enter_sends: bool = True) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.enter_sends = enter_sends
        self._attachments: list[Attachment] = []
        self._replying = False
        self._pasted = 0
        self._drop_targets: list[FileDropTarget] = []

        self.editor = ComposerEditor(self)
        self.editor.setObjectName("composerEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(self.tr("Message"))
        self.editor.installEventFilter(self)
        self.editor.imagePasted.connect(self.attach_image)
        self.editor.filesDropped.connect(self.attach)
        self.editor.textChanged.connect(self.draftChanged)
        self.accept_drops_on(self.editor.viewport())
        self.attach_button = QToolButton(self)
        self.attach_button.setIcon(icon("paperclip"))
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
        self.notice_timeout = NoticeTimeout(self.notice, self)

        self.chips.hide()
        buttons = self._buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.editor)
        layout.addWidget(self.notice)
        layout.addWidget(self.chips)  # a line of its own: many files' names need the width
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        shortcut = (
            self.tr("Enter to send, Shift+Enter for a new line")
            if self.enter_sends
            else self.tr("Ctrl+Enter to send")
        )
        self.editor.setPlaceholderText(self.tr("Message Claude…  ({shortcut})").format(shortcut=shortcut))
        self.attach_button.setToolTip(
            self.tr(
                "Attach files: images (PNG, JPEG, GIF, WebP) up to {image} MB each, PDF up to {pdf} MB, "
                "text and code files (UTF-8) up to {text} MB; at most {count} files and {total} MB in one "
                "message. You can also paste an image (Ctrl+V) or drop files on the window."
            ).format(
                image=MAX_IMAGE_BYTES // 2**20,
                pdf=MAX_PDF_BYTES // 2**20,
                text=MAX_TEXT_BYTES // 2**20,
                count=MAX_FILES,
                total=MAX_TOTAL_BYTES // 2**20,
            )
        )
        self.attach_button.setAccessibleName(self.tr("Attach files"))
        self.editor.setAccessibleDescription(shortcut)
        self._update_button()

    def set_replying(self, replying: bool) -> None:
        self._replying = replying
        self._update_button()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.notice_timeout.shown(text)

    def attach(self, paths: list[Path]) -> asyncio.Task[None]:
        """Read the files off the UI thread; each becomes a chip, or a notice says why it cannot."""
        return self._tasks.start(self._load(paths))

    def attach_image(self, image: QImage) -> asyncio.Task[None]:
        """An image pasted or dropped (not a file): attached as PNG, encoded off the UI thread."""
        self._pasted += 1
        name = self.tr("pasted image {number}.png").format(number=self._pasted)
        return self._tasks.start(self._add_image(name, image))

    def accept_drops_on(self, widget: QWidget) -> FileDropTarget:
        """Files and images dropped on `widget` (e.g. the transcript's viewport) are attached here."""
        target = FileDropTarget(widget)
        target.filesDropped.connect(self.attach)
        target.imageDropped.connect(self.attach_image)
        # Held here as well: a Python event filter whose wrapper only its C++ parent knows can be collected
        # while the widget still calls it.
        self._drop_targets.append(target)
        return target

    def add_status(self, widget: QWidget) -> None:
        """A widget beside the Send button (the send preview)."""
        self._buttons.insertWidget(self._buttons.indexOf(self.send_button), widget)

    def draft(self) -> list[ContentBlock]:
        """The content blocks a send would carry now: attachments first, then the text."""
        blocks = [attachment.block for attachment in self._attachments]
        if text := self.editor.toPlainText().strip():
            blocks.append({"type": "text", "text": text})
        return blocks

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if is_send_key(event, enter_sends=self.enter_sends):
                if not self._replying:
                    self._send_or_stop()
                return True
            if event.key() == Qt.Key.Key_Escape and self._replying:
                self.stopRequested.emit()
                return True
        return super().eventFilter(watched, event)

    def _send_or_stop(self) -> None:
        if self._replying:
            self.stopRequested.emit()
            return
        blocks = self.draft()
        if not blocks:
            return
        self.show_notice("")
        self.submitted.emit(blocks)

    def clear(self) -> None:
        """After the turn was accepted: the text and attachments are now in the transcript."""
        self.editor.clear()
        self._attachments.clear()
        self._attachments_changed()

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files"),
            str(start_folder("attach")),
            self.tr("All files (*);;Images and PDF (*.png *.jpg *.jpeg *.gif *.webp *.pdf)"),
        )
        if names:
            remember_folder("attach", Path(names[0]))
            self.attach([Path(name) for name in names])

    async def _load(self, paths: list[Path]) -> None:
        import asyncio  # not at the top: the composer is in the first frame, shown before asyncio loads

        problems = []
        for path in paths:
            try:
                self._add(await asyncio.to_thread(load_attachment, path))
            except AttachmentError as error:
                problems.append(self._describe(error))
        self._attachments_changed()
        self.show_notice("\n".join(problems))

    async def _add_image(self, name: str, image: QImage) -> None:
        import asyncio

        try:
            self._add(image_attachment(name, await asyncio.to_thread(png_bytes, image)))
        except AttachmentError as error:
            self.show_notice(self._describe(error))
            return
        self._attachments_changed()
        self.show_notice("")

    def _add(self, attachment: Attachment) -> None:
        check_room(self._attachments, attachment)
        self._attachments.append(attachment)

    def _describe(self, error: AttachmentError) -> str:
        """Why a file was not attached, naming the limit it broke."""
        if error.reason == "type":
            return self.tr(
                "{name} was not attached: only images (PNG, JPEG, GIF, WebP), PDF files and text files "
                "(UTF-8 text such as code, Markdown, CSV or JSON) can be attached."
            ).format(name=error.name)
        if error.reason == "size":
            size, limit = f"{error.size / 2**20:.1f}", f"{error.limit / 2**20:g}"
            if error.kind == "image":
                text = self.tr("{name} is {size} MB: an image may be at most {limit} MB.")
            elif error.kind == "pdf":
                text = self.tr("{name} is {size} MB: a PDF may be at most {limit} MB.")
            else:
                text = self.tr("{name} is {size} MB: a text file may be at most {limit} MB.")
            return text.format(name=error.name, size=size, limit=limit)
        if error.reason == "count":
            return self.tr("{name} was not attached: a message can carry at most {limit} files.").format(
                name=error.name, limit=error.limit
            )
        if error.reason == "total":
            return self.tr(
                "{name} was not attached: the files of one message may add up to at most {limit} MB "
                "(a request may be 32 MB, and files travel encoded, a third larger)."
            ).format(name=error.name, limit=f"{error.limit / 2**20:g}")
        if error.reason == "empty":
            return self.tr("{name} was not attached: it is empty.").format(name=error.name)
        return self.tr("{name} could not be read: {detail}").format(name=error.name, detail=error.detail)

    def _attachments_changed(self) -> None:
        self._show_chips()
        self.draftChanged.emit()

    def _show_chips(self) -> None:
        ink = self.chips.palette().color(QPalette.ColorRole.WindowText)
        pixels = self.chips.fontMetrics().height()
        file, remove = inline_image("file", pixels, ink), inline_image("close", pixels, ink)
        chips = [
            f'{file}&nbsp;{html.escape(name)} <a href="remove:{index}">{remove}</a>'
            for index, name in enumerate(attachment.name for attachment in self._attachments)
        ]
        self.chips.setText(" &nbsp; ".join(chips))
        self.chips.setVisible(bool(chips))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._attachments:
            self._show_chips()  # the chips' icons in the new theme's text colour

    def _remove_attachment(self, link: str) -> None:
        index = int(link.removeprefix("remove:"))
        if 0 <= index < len(self._attachments):
            del self._attachments[index]
        self._attachments_changed()

    def _update_button(self) -> None:
        self.send_button.setText(self.tr("Stop") if self._replying else self.tr("Send"))
        self.send_button.setAccessibleDescription(
            self.tr("Stops the reply; what came is kept") if self._replying else self.tr("Sends the message")
        )
        self.send_button.setToolTip(
            self.tr("Stop the reply (Esc); what came is kept") if self._replying else ""
        )
