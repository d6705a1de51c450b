"""The grid's core values in the user's words: the cost preview and the test-case file errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from core.grid.cost import CostPreview


def money(low: float, high: float) -> str:
    if abs(high - low) < 0.00005:
        return f"${high:.4f}"
    return f"${low:.4f}–${high:.4f}"


def cost_text(preview: CostPreview, names: list[str]) -> str:
    """ "900 requests, estimated $0.12–$0.45 (counted by the provider)", then a line per column."""
    head = (
        QCoreApplication.translate("GridWords", "%n request(s)", None, preview.requests)
        + ", "
        + money(preview.low_usd, preview.high_usd)
    )
    head += " " + (
        QCoreApplication.translate("GridWords", "(input estimated here: the provider does not count tokens)")
        if preview.estimated
        else QCoreApplication.translate("GridWords", "(input counted by the provider)")
    )
    lines = [head]
    for item in preview.variants:
        name = names[item.variant] if item.variant < len(names) else item.model
        if item.low_usd is None or item.high_usd is None:
            cost = QCoreApplication.translate("GridWords", "no known price")
        else:
            cost = money(item.low_usd, item.high_usd)
        lines.append(f"{name}: {cost}")
    if preview.unpriced_models:
        lines.append(
            QCoreApplication.translate("GridWords", "Not in the total (no known price): {models}").format(
                models=", ".join(preview.unpriced_models)
            )
        )
    return "\n".join(lines)
