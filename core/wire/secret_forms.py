"""Every form a secret can take in text a server or a library writes: plain, escaped as Python's repr or
JSON writes it, URL-encoded, and base64 (standard and URL-safe, at each of the three alignments it can have
inside a longer base64 text). Redaction replaces all of them: a relay that echoes the key base64-encoded, or
an error message that quotes it with `repr`, must not carry it past the redaction."""

from __future__ import annotations

import base64
import json
import math
from urllib.parse import quote, quote_plus

_MIN_BASE64_CHARS = 12
"""A base64 fragment shorter than this could match unrelated text; keys are far longer."""


def secret_forms(secret: str) -> list[str]:
    """The forms of `secret`, longest first (so a longer form is replaced before a shorter one inside it)."""
    if not secret:
        return []
    forms = {
        secret,
        repr(secret)[1:-1],
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        quote(secret, safe=""),
        quote_plus(secret),
    }
    raw = secret.encode()
    forms.add(repr(raw)[2:-1])
    for offset in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"\0" * offset + raw).decode()
            # Only the characters made from the secret's bytes alone, whatever surrounds them.
            first, last = math.ceil(offset / 3), (offset + len(raw)) // 3
            fragment = encoded[4 * first : 4 * last]
            if len(fragment) >= _MIN_BASE64_CHARS:
                forms.add(fragment)
    return sorted((form for form in forms if form), key=len, reverse=True)


def scrub_text(text: str, secrets: list[str], shown_as: str) -> str:
    """`text` with every form of every secret replaced by `shown_as`."""
    for secret in secrets:
        for form in secret_forms(secret):
            text = text.replace(form, shown_as)
    return text


def scrub_bytes(data: bytes, secrets: list[str], shown_as: str) -> bytes:
    """`data` with every form of every secret replaced by `shown_as` (UTF-8)."""
    replacement = shown_as.encode()
    for secret in secrets:
        for form in secret_forms(secret):
            data = data.replace(form.encode(), replacement)
    return data
