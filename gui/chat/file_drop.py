"""Files and images coming in by paste (Ctrl+V) or drag and drop, handed to the composer as attachments.

The composer's editor takes them itself (a paste and a drop both arrive as `insertFromMimeData`); any other
widget (the transcript) gets a `FileDropTarget`, an event filter that accepts a drag of local files or an
image and passes it on. Plain text still pastes and drops as text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QPlainTextEdit, QWidget


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag or the clipboard carries (links to the web are not files)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def image_of(mime: QMimeData) -> QImage | None:
    """The image data a drag or the clipboard carries, if any (a screenshot, an image copied in a browser)."""
    if not mime.hasImage():
        return None
    image = mime.imageData()
    return image if isinstance(image, QImage) and not image.isNull() else None


def png_bytes(image: QImage) -> bytes:
    """The image as PNG (QImage is reentrant: this may run on a worker thread)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes str
    buffer.close()
    return bytes(data.data())


class ComposerEditor(QPlainTextEdit):
    """The composer's text field: a pasted or dropped image or file becomes an attachment, not text."""

    imagePasted = Signal(QImage)
    filesDropped = Signal(list)
    """list[Path]"""

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return (
            bool(local_files(source)) or image_of(source) is not None or super().canInsertFromMimeData(source)
        )

    def insertFromMimeData(self, source: QMimeData) -> None:
        if files := local_files(source):
            self.filesDropped.emit(files)
        elif not source.text() and (image := image_of(source)) is not None:
            # Only an image: text copied from a spreadsheet or an office document comes with a picture of
            # itself as well, and is meant to paste as text.
            self.imagePasted.emit(image)
        else:
            super().insertFromMimeData(source)


class FileDropTarget(QObject):
    """Makes a widget (and its viewport, for a scroll area) accept dropped files and images."""

    imageDropped = Signal(QImage)
    filesDropped = Signal(list)
    """list[Path]"""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            mime = event.mimeData()
            if local_files(mime) or image_of(mime) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            mime = event.mimeData()
            if files := local_files(mime):
                event.acceptProposedAction()
                self.filesDropped.emit(files)
                return True
            if (image := image_of(mime)) is not None:
                event.acceptProposedAction()
                self.imageDropped.emit(image)
                return True
        return super().eventFilter(watched, event)
