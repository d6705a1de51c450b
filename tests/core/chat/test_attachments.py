"""Attaching images and PDFs: base64 blocks, with type and size checked before sending."""

import base64
from pathlib import Path

import pytest

from core.chat.attachments import MAX_IMAGE_BYTES, AttachmentError, load_attachment

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def test_an_image_becomes_a_base64_image_block(tmp_path: Path) -> None:
    path = tmp_path / "dot.PNG"
    path.write_bytes(PNG)
    block = load_attachment(path)
    assert block == {
        "type": "image",
        "source": {"type": "base64", "media_type": "image/png", "data": base64.b64encode(PNG).decode()},
    }


def test_a_pdf_becomes_a_titled_document_block(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    path.write_bytes(b"%PDF-1.4 tiny")
    block = load_attachment(path)
    assert block["type"] == "document" and block["title"] == "paper.pdf"
    assert block["source"]["media_type"] == "application/pdf"


def test_other_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"x")
    with pytest.raises(AttachmentError) as caught:
        load_attachment(path)
    assert (caught.value.reason, caught.value.name) == ("type", "notes.docx")


def test_an_image_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.jpg"
    with path.open("wb") as file:
        file.truncate(MAX_IMAGE_BYTES + 1)
    with pytest.raises(AttachmentError) as caught:
        load_attachment(path)
    assert caught.value.reason == "size" and caught.value.size == MAX_IMAGE_BYTES + 1


def test_an_unreadable_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(AttachmentError) as caught:
        load_attachment(tmp_path / "gone.png")
    assert caught.value.reason == "read"
