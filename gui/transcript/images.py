"""The transcript's images: a message's image block, decoded and scaled down to a thumbnail."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from core.model.conversation import StoredMessage

THUMBNAIL_PX = 240


def thumbnail(messages: Mapping[int, StoredMessage], path: str) -> QImage | None:
    """The image block at `path` (`<message id>/<block index>`), at most THUMBNAIL_PX wide and high; None if
    there is no such image or it does not decode."""
    message_id, _, index = path.partition("/")
    try:
        # Any block, read as plain JSON: a block of another shape is one of the errors caught below.
        block: Mapping[str, Any] = messages[int(message_id)].content[int(index)]
        data = block["source"]["data"]
    except (KeyError, IndexError, ValueError, TypeError):
        return None
    return thumbnail_of(data)


def thumbnail_of(data: object) -> QImage | None:
    """Base64 image data as a thumbnail, at most THUMBNAIL_PX wide and high; None if it does not decode."""
    if not isinstance(data, str):
        return None
    try:
        image = QImage.fromData(base64.b64decode(data))
    except (ValueError, binascii.Error):
        return None
    if image.isNull():
        return None
    if max(image.width(), image.height()) > THUMBNAIL_PX:
        image = image.scaled(
            THUMBNAIL_PX,
            THUMBNAIL_PX,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image
