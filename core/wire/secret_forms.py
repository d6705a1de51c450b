"""Every form a secret can take in text a server or a library writes: plain, escaped as Python's repr or
JSON writes it, URL-encoded, and base64 (standard and URL-safe, at each of the three alignments it can have
inside a longer base64 text). Redaction replaces all of them: a relay that echoes the key base64-encoded, or
an error message that quotes it with `repr`, must not carry it past the redaction."""

from __future__ import annotations

import base64
import json
import math
import re
from functools import lru_cache
from urllib.parse import quote, quote_plus

_MIN_BASE64_CHARS = 12
"""A base64 fragment shorter than this could match unrelated text; keys are far longer."""
MIN_TOKEN_SECRET_CHARS = 16
"""A secret shorter than this is not looked for in content (a message, a reply, an error body): a short key
such as the demo's "demo" is an ordinary word there, and replacing it would show what was not sent."""


def secret_forms(secret: str) -> list[str]:
    """The forms of `secret`, longest first (so a longer form is replaced before a shorter one inside it)."""
    if not secret:
        return []
    forms = _text_forms(secret)
    raw = secret.encode()
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


def scrub_tokens_text(text: str, secrets: list[str], shown_as: str) -> str:
    """`text` with every form of every long secret replaced by `shown_as` where it stands as a whole token
    (not inside a longer word or number), so content is never altered: only the secret itself goes."""
    for secret in secrets:
        if len(secret) >= MIN_TOKEN_SECRET_CHARS:
            text = _token_pattern(secret).sub(shown_as, text)
    return text


def scrub_tokens_bytes(data: bytes, secrets: list[str], shown_as: str) -> bytes:
    """`data` (UTF-8) with every long secret replaced as in `scrub_tokens_text`."""
    replacement = shown_as.encode()
    for secret in secrets:
        if len(secret) >= MIN_TOKEN_SECRET_CHARS:
            data = _token_bytes_pattern(secret).sub(lambda _match: replacement, data)
    return data


@lru_cache(maxsize=16)
def _token_pattern(secret: str) -> re.Pattern[str]:
    return re.compile(_token_regex(secret))


@lru_cache(maxsize=16)
def _token_bytes_pattern(secret: str) -> re.Pattern[bytes]:
    return re.compile(_token_regex(secret).encode())


def _token_regex(secret: str) -> str:
    """Each form bounded by anything but a letter or a digit; a base64 fragment is matched anywhere, since it
    comes from inside a longer base64 text (`Basic <user:key>`) and is long enough to be the key's alone."""
    bounded = [form for form in secret_forms(secret) if not _is_base64_fragment(form, secret)]
    inside = [form for form in secret_forms(secret) if _is_base64_fragment(form, secret)]
    alternatives = [rf"(?<![0-9A-Za-z]){re.escape(form)}(?![0-9A-Za-z])" for form in bounded]
    alternatives += [re.escape(form) for form in inside]
    return "|".join(alternatives)


def _is_base64_fragment(form: str, secret: str) -> bool:
    return form not in _text_forms(secret)


def _text_forms(secret: str) -> set[str]:
    """The forms that are text of their own (a base64 fragment is not: it lives inside a longer text)."""
    return {
        secret,
        repr(secret)[1:-1],
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        quote(secret, safe=""),
        quote_plus(secret),
        repr(secret.encode())[2:-1],
    }
