"""Files the user attaches to a message: images and PDFs, sent as base64 content blocks."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Literal

from core.model.messages import ContentBlock

IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
PDF_TYPE = "application/pdf"
MAX_IMAGE_BYTES = 5 * 1024 * 1024
"""The API refuses larger images."""
MAX_PDF_BYTES = 32 * 1024 * 1024
"""The API's whole request limit; a larger PDF cannot fit."""


class AttachmentError(ValueError):
    """Why a file cannot be attached; the fields let the GUI say it in the user's language."""

    def __init__(
        self,
        reason: Literal["type", "size", "read"],
        name: str,
        *,
        size: int = 0,
        limit: int = 0,
        detail: str = "",
    ) -> None:
        super().__init__(f"{name}: {reason} {detail}".strip())
        self.reason = reason
        self.name = name
        self.size = size
        self.limit = limit
        self.detail = detail


def load_attachment(path: Path) -> ContentBlock:
    """The file as an image or document block, or AttachmentError saying why not."""
    suffix = path.suffix.lower()
    if suffix not in IMAGE_TYPES and suffix != ".pdf":
        raise AttachmentError("type", path.name)
    try:
        size = path.stat().st_size
        limit = MAX_IMAGE_BYTES if suffix in IMAGE_TYPES else MAX_PDF_BYTES
        if size > limit:
            raise AttachmentError("size", path.name, size=size, limit=limit)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError as exc:
        raise AttachmentError("read", path.name, detail=exc.strerror or "") from exc
    if suffix == ".pdf":
        return {
            "type": "document",
            "source": {"type": "base64", "media_type": PDF_TYPE, "data": data},
            "title": path.name,
        }
    return {"type": "image", "source": {"type": "base64", "media_type": IMAGE_TYPES[suffix], "data": data}}
