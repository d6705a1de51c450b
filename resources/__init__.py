"""The app's data files, shipped in the wheel as package data and read with importlib.resources: the
compiled translations, i18n/triptych_<locale>.qm, the icons, icons/*.svg and icons/app/*.png, and the
freedesktop.org desktop entry's template, desktop/triptych.desktop (the .ts sources and README screenshots
stay out)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def translation_file(locale: str) -> Traversable | None:
    """The compiled translation for a locale name such as "zh_CN", else for its language ("en" for
    "en_US"); None when there is neither."""
    language = locale.split("_")[0]
    for name in dict.fromkeys((locale, language)):
        candidate = files(__name__).joinpath("i18n", f"triptych_{name}.qm")
        if candidate.is_file():
            return candidate
    return None


def icon_file(name: str) -> Traversable:
    """A bundled icon by its name under icons/, e.g. "pin.svg" or "app/triptych-32.png"."""
    return files(__name__).joinpath("icons", *name.split("/"))


def desktop_entry_template() -> str:
    """The desktop entry as shipped; `core.desktop.entry` fills in the command that starts this copy."""
    return files(__name__).joinpath("desktop", "triptych.desktop").read_text(encoding="utf-8")
