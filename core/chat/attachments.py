"""Files the user attaches to a message: images, PDFs and text files, checked against the limits.

What a file is comes from its content, not its name: PNG, JPEG, GIF and WebP by their signatures, PDF by
`%PDF-`, and anything that is valid UTF-8 without NUL bytes is text (code, Markdown, CSV, JSON, logs…).
Images go as base64 image blocks; a PDF as a base64 document; text as a document with a plain-text source
(`{"type": "text", "media_type": "text/plain"}`), titled with the file's name, which the Messages API reads
as the file's contents (and the OpenAI-compatible route sends as a text part, see core.wire.openai).
"""

from __future__ import annotations

import base64
import codecs
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from core.model.messages import ContentBlock

Kind = Literal["image", "pdf", "text"]

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
MAX_REQUEST_BYTES = 32 * 1024 * 1024
"""The API's limit on a whole request."""
MAX_TOTAL_BYTES = MAX_REQUEST_BYTES * 3 // 4
"""The files of one message together: they travel base64-encoded, a third larger, in a request of at most
32 MB (the conversation's earlier turns take some of that too; the API says so if they do)."""
MAX_PDF_BYTES = MAX_TOTAL_BYTES
"""A larger PDF cannot fit in a request once encoded."""
MAX_TEXT_BYTES = 1024 * 1024
"""About 250,000 tokens of English: more than most models' context window already."""
MAX_FILES = 20
"""Per message. The API takes up to 100 images in a request; 20 keeps a turn readable and its request
far from the size limit."""
LIMITS: dict[Kind, int] = {"image": MAX_IMAGE_BYTES, "pdf": MAX_PDF_BYTES, "text": MAX_TEXT_BYTES}

_SNIFF_BYTES = 8192
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)

Reason = Literal["type", "size", "read", "empty", "count", "total"]


class AttachmentError(ValueError):
    """Why a file cannot be attached; the fields let the GUI say it in the user's language.

    `kind` is what the file was taken for (for "size": whose limit it broke); `limit` the limit broken
    (bytes, or files for "count")."""

    def __init__(
        self,
        reason: Reason,
        name: str,
        *,
        kind: Kind | None = None,
        size: int = 0,
        limit: int = 0,
        detail: str = "",
    ) -> None:
        super().__init__(f"{name}: {reason} {detail}".strip())
        self.reason = reason
        self.name = name
        self.kind = kind
        self.size = size
        self.limit = limit
        self.detail = detail


@dataclass(frozen=True)
class Attachment:
    """One file ready to go with the next message."""

    name: str
    kind: Kind
    size: int
    """Bytes of the file (for the per-message total)."""
    block: ContentBlock


def load_attachment(path: Path) -> Attachment:
    """The file as an image, PDF or text document block, or AttachmentError saying why not. A file over its
    limit is refused before it is read whole."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(_SNIFF_BYTES)
            kind = _kind(head, path.suffix.lower())
            if kind is None:
                raise AttachmentError("type", path.name)
            if size > LIMITS[kind]:
                raise AttachmentError("size", path.name, kind=kind, size=size, limit=LIMITS[kind])
            data = head + file.read()
    except OSError as exc:
        raise AttachmentError("read", path.name, detail=exc.strerror or str(exc)) from exc
    if kind == "image":
        media_type = _image_type(data)
        if media_type is None:  # named like an image, but it is not one the API reads
            raise AttachmentError("type", path.name)
        return image_attachment(path.name, data, media_type)
    if kind == "pdf":
        if not data.startswith(b"%PDF-"):
            raise AttachmentError("type", path.name)
        block: ContentBlock = {
            "type": "document",
            "source": {"type": "base64", "media_type": PDF_TYPE, "data": _b64(data)},
            "title": path.name,
        }
        return Attachment(path.name, "pdf", len(data), block)
    return text_attachment(path.name, data)


def image_attachment(name: str, data: bytes, media_type: str = "image/png") -> Attachment:
    """Image bytes (e.g. pasted from the clipboard) as an image block, within the image limit."""
    if len(data) > MAX_IMAGE_BYTES:
        raise AttachmentError("size", name, kind="image", size=len(data), limit=MAX_IMAGE_BYTES)
    source = {"type": "base64", "media_type": media_type, "data": _b64(data)}
    block: ContentBlock = {"type": "image", "source": source}
    return Attachment(name, "image", len(data), block)


def text_attachment(name: str, data: bytes) -> Attachment:
    """UTF-8 text as a titled document with a plain-text source; anything else is refused as a type."""
    if len(data) > MAX_TEXT_BYTES:
        raise AttachmentError("size", name, kind="text", size=len(data), limit=MAX_TEXT_BYTES)
    text = _as_text(data, final=True)
    if text is None:
        raise AttachmentError("type", name)
    if not text.strip():
        raise AttachmentError("empty", name)
    block: ContentBlock = {
        "type": "document",
        "source": {"type": "text", "media_type": "text/plain", "data": text},
        "title": name,
    }
    return Attachment(name, "text", len(data), block)


def check_room(attached: Sequence[Attachment], new: Attachment) -> None:
    """Raise AttachmentError ("count" or "total") if `new` does not fit beside what is attached."""
    if len(attached) >= MAX_FILES:
        raise AttachmentError("count", new.name, limit=MAX_FILES)
    total = sum(item.size for item in attached) + new.size
    if total > MAX_TOTAL_BYTES:
        raise AttachmentError("total", new.name, size=total, limit=MAX_TOTAL_BYTES)


def _kind(head: bytes, suffix: str) -> Kind | None:
    """What the file is, from its first bytes (its name only where the content cannot tell yet)."""
    if _image_type(head) is not None:
        return "image"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if suffix in IMAGE_TYPES:
        return "image"
    if suffix == ".pdf":
        return "pdf"
    if _as_text(head, final=False) is not None:
        return "text"
    return None


def _image_type(data: bytes) -> str | None:
    for signature, media_type in _SIGNATURES:
        if data.startswith(signature):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _as_text(data: bytes, *, final: bool) -> str | None:
    """The bytes as text if they are UTF-8 (a BOM dropped) without NUL; else None. With `final` false the
    bytes are a file's start, which may end inside a character."""
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=final)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
