"""The forms a secret could take in a file, a log or a widget, for tests that search for it: plain, escaped as
Python's repr and JSON write it, URL-encoded, and base64 (standard and URL-safe) at each of the three
alignments it could have inside a longer base64 text.

Written apart from `core.wire.secret_forms`, so the tests do not search with the code they check."""

from __future__ import annotations

import base64
import json
import math
from urllib.parse import quote


def secret_forms(secret: str) -> dict[str, bytes]:
    raw = secret.encode()
    forms = {
        "plain": raw,
        "url-encoded": quote(secret, safe="").encode(),
        "repr": repr(secret)[1:-1].encode(),
        "json": json.dumps(secret)[1:-1].encode(),
    }
    for offset in range(3):
        for name, encode in (("base64", base64.b64encode), ("base64url", base64.urlsafe_b64encode)):
            encoded = encode(b"\0" * offset + raw)
            # Only the characters made from the key's bytes alone, whatever surrounds them.
            first, last = math.ceil(offset / 3), (offset + len(raw)) // 3
            forms[f"{name}@{offset}"] = encoded[4 * first : 4 * last]
    return forms


def forms_in(data: bytes, secret: str) -> list[str]:
    """The names of the forms of `secret` found in `data`."""
    return [name for name, form in secret_forms(secret).items() if form in data]
