"""Attaching files: images, PDFs and text told apart by content, base64 or text blocks, limits checked."""

import base64
from pathlib import Path

import pytest

from core.chat.attachments import (
    MAX_FILES,
    MAX_IMAGE_BYTES,
    MAX_TEXT_BYTES,
    MAX_TOTAL_BYTES,
    Attachment,
    AttachmentError,
    check_room,
    image_attachment,
    load_attachment,
)

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def test_an_image_becomes_a_base64_image_block(tmp_path: Path) -> None:
    path = tmp_path / "dot.PNG"
    path.write_bytes(PNG)
    attachment = load_attachment(path)
    assert (attachment.name, attachment.kind, attachment.size) == ("dot.PNG", "image", len(PNG))
    assert attachment.block == {
        "type": "image",
        "source": {"type": "base64", "media_type": "image/png", "data": base64.b64encode(PNG).decode()},
    }


def test_an_image_is_known_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "screenshot"
    path.write_bytes(PNG)
    assert load_attachment(path).block["source"]["media_type"] == "image/png"
    misnamed = tmp_path / "photo.jpg"
    misnamed.write_bytes(PNG)
    assert load_attachment(misnamed).block["source"]["media_type"] == "image/png"


def test_a_pdf_becomes_a_titled_document_block(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    path.write_bytes(b"%PDF-1.4 tiny")
    block = load_attachment(path).block
    assert block["type"] == "document" and block["title"] == "paper.pdf"
    assert block["source"]["media_type"] == "application/pdf"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tool.py", "def greet():\n    return '你好'\n"),
        ("data.csv", "a,b\n1,2\n"),
        ("notes.md", "# Title\n\n* item\n"),
        ("config.json", '{"key": [1, 2]}'),
        ("Makefile", "all:\n\techo hi\n"),
        ("odd.xyz", "plain words in a file with a name nobody knows"),
    ],
)
def test_a_text_file_becomes_a_document_with_a_plain_text_source(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    attachment = load_attachment(path)
    assert attachment.kind == "text"
    assert attachment.block == {
        "type": "document",
        "source": {"type": "text", "media_type": "text/plain", "data": content},
        "title": name,
    }


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfhello")
    assert load_attachment(path).block["source"]["data"] == "hello"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"),
        ("latin1.txt", "café".encode("latin-1")),
        ("fake.png", b"not an image at all"),
        ("fake.pdf", b"not a pdf"),
    ],
)
def test_binary_and_non_utf8_files_are_refused(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AttachmentError) as caught:
        load_attachment(path)
    assert (caught.value.reason, caught.value.name) == ("type", name)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(AttachmentError) as caught:
        load_attachment(path)
    assert caught.value.reason == "empty"


def test_an_image_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.jpg"
    with path.open("wb") as file:
        file.truncate(MAX_IMAGE_BYTES + 1)
    with pytest.raises(AttachmentError) as caught:
        load_attachment(path)
    error = caught.value
    assert (error.reason, error.kind, error.size, error.limit) == (
        "size",
        "image",
        MAX_IMAGE_BYTES + 1,
        MAX_IMAGE_BYTES,
    )


def test_a_text_file_over_the_limit_is_refused_with_the_text_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.log"
    with path.open("wb") as file:
        file.write(b"a log line\n" * 1000)
        file.truncate(50 * 2**20)
    with pytest.raises(AttachmentError) as caught:
        load_attachment(path)
    error = caught.value
    assert (error.reason, error.kind, error.limit) == ("size", "text", MAX_TEXT_BYTES)


def test_a_pasted_image_over_the_limit_is_refused() -> None:
    with pytest.raises(AttachmentError) as caught:
        image_attachment("pasted.png", PNG + bytes(MAX_IMAGE_BYTES))
    assert (caught.value.reason, caught.value.kind) == ("size", "image")


def test_the_count_and_the_total_per_message_are_limited() -> None:
    small = Attachment("a.txt", "text", 10, {"type": "text", "text": "x"})
    check_room([small] * (MAX_FILES - 1), small)
    with pytest.raises(AttachmentError) as caught:
        check_room([small] * MAX_FILES, small)
    assert (caught.value.reason, caught.value.limit) == ("count", MAX_FILES)
    big = Attachment("b.pdf", "pdf", MAX_TOTAL_BYTES // 2 + 1, {"type": "text", "text": "x"})
    check_room([big], small)
    with pytest.raises(AttachmentError) as caught:
        check_room([big], big)
    assert (caught.value.reason, caught.value.limit) == ("total", MAX_TOTAL_BYTES)


def test_an_unreadable_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(AttachmentError) as caught:
        load_attachment(tmp_path / "gone.png")
    assert caught.value.reason == "read"
