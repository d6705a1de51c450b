"""Which link targets from the model may stay clickable. Apart from the Markdown renderer (which imports
Python-Markdown and Pygments), so the transcript's cards can ask without loading them."""

from __future__ import annotations

from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def allowed_link(href: str) -> bool:
    """Whether a link target may stay clickable: an absolute http, https or mailto URL."""
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in LINK_SCHEMES
