"""What Triptych runs on, read from the installed distributions' own metadata (never a list kept by hand):
the app's version, and each runtime dependency, direct or indirect, with its version and licence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata

APP_DISTRIBUTION = "triptych"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_LONG_LICENCE = 80
"""Characters: a `License` field longer than this (or on several lines) is the licence's whole text."""


@dataclass(frozen=True)
class Dependency:
    name: str
    version: str
    licence: str | None
    """An SPDX expression or the licence's name; None when the distribution does not state one."""


def app_version() -> str | None:
    """The installed version of Triptych; None when it runs from sources that were never installed."""
    try:
        return metadata.version(APP_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None


def runtime_dependencies(root: str = APP_DISTRIBUTION) -> list[Dependency]:
    """Every installed distribution `root` needs to run, sorted by name: its requirements and theirs,
    without test or other optional extras. A requirement not installed here (another platform's) is left
    out: the list says what this copy runs on."""
    found: dict[str, Dependency] = {}
    pending = _requirements(root)
    while pending:
        name = pending.pop()
        key = _key(name)
        if key in found:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = Dependency(distribution.name, distribution.version, licence_of(distribution.metadata))
        pending.extend(_requirements(name))
    return sorted(found.values(), key=lambda dependency: _key(dependency.name))


def licence_of(fields: metadata.PackageMetadata) -> str | None:
    """The licence a distribution states: its SPDX `License-Expression`, else a short `License` field,
    else the name in its `License ::` classifier, else the first line of a `License` field's text."""
    # PackageMetadata is an email.message.Message, whose get() reads a header (the protocol omits it).
    expression = (fields.get("License-Expression") or "").strip()  # type: ignore[attr-defined]
    if expression:
        return expression
    text = (fields.get("License") or "").strip()  # type: ignore[attr-defined]
    if text and text.upper() != "UNKNOWN" and len(text) <= _LONG_LICENCE and "\n" not in text:
        return text
    classifiers = [c for c in fields.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return classifiers[0].split("::")[-1].strip()
    if text and text.upper() != "UNKNOWN":
        return text.splitlines()[0].strip()
    return None


def _requirements(name: str) -> list[str]:
    try:
        requires = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for requirement in requires:
        marker = requirement.partition(";")[2]
        if "extra" in marker:
            continue  # optional: tests, or a feature nobody asked for
        match = _NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def _key(name: str) -> str:
    """Distribution names compare as PEP 503 normalises them (case, and runs of -_. are one)."""
    return re.sub(r"[-_.]+", "-", name).lower()
