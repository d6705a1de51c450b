"""Before sending: the token count of what the next send carries, its share of the model's context window
(a gauge, with a warning near the limit) and the price of that input.

Nothing is counted while the composer is empty. The count is asked 400 ms after the last change (a
keystroke, an attachment, a setting, a new turn), not per keystroke: first an estimate made off the UI
thread, marked "≈", then the provider's `count_tokens` where it has one. A change while a count is on its
way makes that count's answer stale: it is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, SignalInstance
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from core.chat.input_count import InputCounter
from core.chat.session import conversation_history
from core.model.conversation import StoredMessage
from core.model.messages import ChatMessage, ContentBlock
from core.model.request_settings import RequestSettings
from core.model.send_preview import SendPreview
from gui.tasks import TaskKeeper

DELAY_MS = 400
"""After the last change: typing goes on faster than this, so one count follows a burst of keys."""
_WARNING_COLOURS = {"near": "#c77700", "over": "#c62828"}


@dataclass(frozen=True)
class NextRequest:
    """What the window would send next, but for the composer's draft."""

    profile_name: str | None
    path: list[StoredMessage]
    settings: RequestSettings


def next_messages(path: list[StoredMessage], draft: list[ContentBlock]) -> list[ChatMessage]:
    """The messages a send of `draft` after `path` carries (joined to a user turn left without a reply, as
    the session joins them)."""
    history = conversation_history(path)
    if not draft:
        return history
    if history and history[-1].role == "user":
        history[-1] = ChatMessage("user", [*history[-1].content, *draft])
    else:
        history.append(ChatMessage("user", list(draft)))
    return history


class SendPreviewBar(QWidget):
    """ "1,234 tokens · 12% of 200K context · $0.0037 input" and a small gauge of the context window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendPreview")
        self.label = QLabel(self)
        self.label.setObjectName("sendPreviewText")
        self.gauge = QProgressBar(self)
        self.gauge.setObjectName("contextGauge")
        self.gauge.setRange(0, 100)
        self.gauge.setTextVisible(False)
        self.gauge.setFixedSize(72, 8)
        self._normal_palette = QPalette(self.gauge.palette())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.gauge)
        self._preview: SendPreview | None = None
        self._waiting = False
        self.show_preview(None)

    @property
    def preview(self) -> SendPreview | None:
        return self._preview

    @property
    def waiting(self) -> bool:
        """A newer count is to come: the figure shown is marked as an estimate meanwhile."""
        return self._waiting

    def show_preview(self, preview: SendPreview | None, *, waiting: bool = False) -> None:
        """`waiting`: a newer count is on its way, so the figure shown is marked as an estimate."""
        self._preview, self._waiting = preview, waiting
        self._render()

    def mark_outdated(self) -> None:
        """The draft changed: the figure shown is now an estimate until the next count."""
        if self._preview is not None and not self._waiting:
            self._waiting = True
            self._render()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._render()

    def _render(self) -> None:
        self.gauge.setAccessibleName(self.tr("Context window used"))
        preview = self._preview
        self.setVisible(preview is not None)
        if preview is None:
            self.label.clear()
            return
        exact = preview.exact and not self._waiting
        tokens = self.tr("%Ln tokens", "", preview.tokens)
        parts = [tokens if exact else f"≈ {tokens}"]
        level = preview.level
        if preview.context_window:
            parts.append(
                self.tr("{percent} of {window} context").format(
                    percent=_percent(preview.fraction or 0.0), window=_compact(preview.context_window)
                )
            )
        if preview.input_cost_usd is not None:
            parts.append(self.tr("{cost} input").format(cost=_dollars(preview.input_cost_usd)))
        if level == "near":
            parts.append(self.tr("near the context limit"))
        elif level == "over":
            parts.append(self.tr("longer than the context window: it will be refused"))
        self.label.setText(" · ".join(parts))
        self.gauge.setAccessibleDescription(self.label.text())
        colour = _WARNING_COLOURS.get(level)
        self.label.setStyleSheet(f"color: {colour};" if colour else "")
        self.gauge.setVisible(preview.context_window is not None)
        self.gauge.setValue(min(100, round((preview.fraction or 0.0) * 100)))
        palette = QPalette(self._normal_palette)
        if colour:
            palette.setColor(QPalette.ColorRole.Highlight, QColor(colour))
        self.gauge.setPalette(palette)
        how = (
            self.tr("Counted by the provider (count_tokens).")
            if exact
            else self.tr(
                "Estimated here at about four characters a token: the provider has no token count, or its "
                "count has not come yet."
            )
        )
        cost_note = self.tr("The cost is for the input at the model's price, before any prompt caching.")
        self.setToolTip(f"{how}\n{cost_note}")


class SendPreviewer(QObject):
    """Keeps a SendPreviewBar up to date with the composer's draft and the window's next request."""

    def __init__(
        self,
        bar: SendPreviewBar,
        counter: InputCounter,
        tasks: TaskKeeper,
        draft: Callable[[], list[ContentBlock]],
        next_request: Callable[[], NextRequest | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bar = bar
        self._counter = counter
        self._tasks = tasks
        self._draft = draft
        self._next_request = next_request
        self._generation = 0
        self._closed = False
        self._held = False
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._count_now)

    def watch(self, *signals: SignalInstance) -> None:
        """Count again after each of these (debounced)."""
        for signal in signals:
            signal.connect(self.refresh)

    def watch_draft(self, signal: SignalInstance) -> None:
        """Count again after each change of the draft (debounced), even while held."""
        signal.connect(self._draft_changed)

    def hold_on(self, *signals: SignalInstance) -> None:
        """Count nothing after each of these until the draft changes (a send: its draft is on its way, and
        the settings and turns changing meanwhile must not count it)."""
        for signal in signals:
            signal.connect(self.hold)

    def hold(self) -> None:
        self._held = True
        self._generation += 1
        self._timer.stop()

    def _draft_changed(self) -> None:
        self._held = False
        self.refresh()

    def refresh(self) -> None:
        if self._closed or self._held:
            return
        self._generation += 1
        self.bar.mark_outdated()
        self._timer.start()

    def close(self) -> None:
        """The window is closing: no count from now on (the shutdown's own changes included)."""
        self._closed = True
        self.hold()

    def _count_now(self) -> None:
        if not self._closed:
            self._tasks.start(self._count(self._generation))

    async def _count(self, generation: int) -> None:
        request, draft = self._next_request(), self._draft()
        if request is None or not draft:  # nothing to send yet: nothing to count
            self.bar.show_preview(None)
            return
        messages = next_messages(request.path, draft)
        name, settings = request.profile_name, request.settings
        estimate = await self._counter.estimate(name, messages, settings)
        if generation != self._generation:
            return
        self.bar.show_preview(estimate, waiting=True)
        counted = await self._counter.count(name, messages, settings)
        if generation == self._generation:
            self.bar.show_preview(counted)


def _percent(fraction: float) -> str:
    locale = QLocale()
    if 0 < fraction < 0.01:
        return "<" + locale.toString(1) + locale.percent()
    return locale.toString(round(fraction * 100)) + locale.percent()


def _compact(tokens: int) -> str:
    """200K, 1M: a context window in the way model pages name it."""
    if tokens % 1_000_000 == 0:
        return f"{tokens // 1_000_000}M"
    return f"{round(tokens / 1000)}K"


def _dollars(amount: float) -> str:
    if 0 < amount < 0.0001:
        return "<$0.0001"
    return f"${amount:.4f}" if amount < 1 else f"${amount:.2f}"
