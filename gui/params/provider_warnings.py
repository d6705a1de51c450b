"""The parameter panel's warnings from the provider's last check: what this provider was found to lose,
named only when the settings shown would run into it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from core.model.provider_check import Loss
from core.model.request_settings import RequestSettings
from gui.widgets.json_edit import WARNING_COLOR


def relevant_losses(losses: frozenset[Loss], settings: RequestSettings) -> list[Loss]:
    """The losses these settings meet, in a fixed order."""
    thinking = settings.thinking is not None and settings.thinking.mode != "disabled"
    tools = bool(settings.tools)
    caching = settings.cache_control is not None or _marks_cache(settings)
    meets = {
        Loss.THINKING_WITH_TOOLS: thinking and tools,
        Loss.THINKING: thinking,
        Loss.TOOLS: tools,
        Loss.CACHING: caching,
        Loss.MODEL_SWAPPED: True,
        Loss.USAGE_INFLATED: True,
    }
    return [loss for loss in Loss if loss in losses and meets[loss]]


def _marks_cache(settings: RequestSettings) -> bool:
    system = settings.system if isinstance(settings.system, list) else []
    return any(block.get("cache_control") for block in system)


def loss_text(loss: Loss) -> str:
    return {
        Loss.THINKING_WITH_TOOLS: QCoreApplication.translate(
            "ProviderWarnings",
            "This provider loses thinking signatures: with thinking and tools both on, the reply after a "
            "tool call will be refused.",
        ),
        Loss.THINKING: QCoreApplication.translate(
            "ProviderWarnings", "This provider returned no thinking when asked for it."
        ),
        Loss.TOOLS: QCoreApplication.translate(
            "ProviderWarnings", "This provider did not carry a tool call through."
        ),
        Loss.CACHING: QCoreApplication.translate(
            "ProviderWarnings", "This provider does not report prompt caching: savings cannot be shown."
        ),
        Loss.MODEL_SWAPPED: QCoreApplication.translate(
            "ProviderWarnings", "This provider answered with another model than the one asked for."
        ),
        Loss.USAGE_INFLATED: QCoreApplication.translate(
            "ProviderWarnings", "This provider reports more input tokens than were sent (a hidden prompt?)."
        ),
    }[loss]


class ProviderWarnings(QLabel):
    """Shown above the panel's sections when the provider's last check found something these settings
    meet; hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {WARNING_COLOR};")
        self.setAccessibleName(QCoreApplication.translate("ProviderWarnings", "Provider check warnings"))
        self.hide()

    def show_for(self, losses: frozenset[Loss], settings: RequestSettings) -> None:
        met = relevant_losses(losses, settings)
        heading = QCoreApplication.translate("ProviderWarnings", "From the last provider check:")
        self.setText("\n".join([heading, *(f"⚠ {loss_text(loss)}" for loss in met)]) if met else "")
        self.setVisible(bool(met))
