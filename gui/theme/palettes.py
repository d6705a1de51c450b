"""The app's own light and dark palettes, for the Fusion style.

On Linux without a desktop platform theme (and on Xvfb, and with `-platform offscreen`) Qt has no dark
palette to switch to: `QStyleHints.setColorScheme(Dark)` is only a request, which such platforms ignore. So
the app sets a whole palette itself: every role, for the active, inactive and disabled groups.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


@dataclass(frozen=True)
class _Scheme:
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    placeholder: str
    button: str
    light: str
    midlight: str
    mid: str
    dark: str
    shadow: str
    highlight: str
    highlighted_text: str
    link: str
    link_visited: str
    tooltip_base: str
    tooltip_text: str
    disabled_text: str
    accent: str


_DARK = _Scheme(
    window="#232427",
    window_text="#e6e6e9",
    base="#1b1c1f",
    alternate_base="#2b2d31",
    text="#e6e6e9",
    placeholder="#8e9097",
    button="#2f3136",
    light="#4a4d54",
    midlight="#3a3d43",
    mid="#44474e",
    dark="#141517",
    shadow="#000000",
    highlight="#3b6fd4",
    highlighted_text="#ffffff",
    link="#8ab4f8",
    link_visited="#c58af9",
    tooltip_base="#2f3136",
    tooltip_text="#e6e6e9",
    disabled_text="#6d7078",
    accent="#3b6fd4",
)
"""Dark grey rather than black (text on pure black smears), text at about 13:1 contrast on the base."""

_LIGHT = _Scheme(
    window="#efefef",
    window_text="#1d1d1f",
    base="#ffffff",
    alternate_base="#f4f5f7",
    text="#1d1d1f",
    placeholder="#6e6e73",
    button="#efefef",
    light="#ffffff",
    midlight="#e3e3e3",
    mid="#b8b8bc",
    dark="#9f9fa3",
    shadow="#767676",
    highlight="#2f65ca",
    highlighted_text="#ffffff",
    link="#1a56c4",
    link_visited="#7a3fb8",
    tooltip_base="#ffffdc",
    tooltip_text="#1d1d1f",
    disabled_text="#a0a0a4",
    accent="#2f65ca",
)
"""Fusion's own light colours, written out so that "Light" is light on a platform whose palette is dark."""


def palette(dark: bool) -> QPalette:
    """A complete palette: every role of every colour group set, so nothing falls back to the platform's."""
    scheme = _DARK if dark else _LIGHT
    result = QPalette()
    roles = {
        Role.Window: scheme.window,
        Role.WindowText: scheme.window_text,
        Role.Base: scheme.base,
        Role.AlternateBase: scheme.alternate_base,
        Role.Text: scheme.text,
        Role.PlaceholderText: scheme.placeholder,
        Role.Button: scheme.button,
        Role.ButtonText: scheme.window_text,
        Role.BrightText: "#ff6b6b" if dark else "#ffffff",
        Role.Light: scheme.light,
        Role.Midlight: scheme.midlight,
        Role.Mid: scheme.mid,
        Role.Dark: scheme.dark,
        Role.Shadow: scheme.shadow,
        Role.Highlight: scheme.highlight,
        Role.HighlightedText: scheme.highlighted_text,
        Role.Link: scheme.link,
        Role.LinkVisited: scheme.link_visited,
        Role.ToolTipBase: scheme.tooltip_base,
        Role.ToolTipText: scheme.tooltip_text,
        Role.Accent: scheme.accent,
    }
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        for role, colour in roles.items():
            result.setColor(group, role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        result.setColor(Group.Disabled, role, QColor(scheme.disabled_text))
    result.setColor(Group.Disabled, Role.Highlight, QColor(scheme.mid))
    return result


def is_dark(colours: QPalette) -> bool:
    """Whether a palette is a dark one: light text on a dark window."""
    return colours.color(Role.Window).lightness() < 128
