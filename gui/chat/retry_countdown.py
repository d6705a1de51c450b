"""The notice shown while a request waits to be retried, counting the seconds down."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from core.chat.session import reply_error
from core.wire.errors import ApiError
from gui.error_messages import headline

_TICK_MS = 200


class RetryCountdown(QObject):
    """Writes "<what happened> Retrying in N s (attempt k)…" through `show`, once per second of the wait."""

    def __init__(self, show: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show = show
        self._timer = QTimer(self, interval=_TICK_MS)
        self._timer.timeout.connect(self._update)
        self._problem = ""
        self._attempt = 0
        self._deadline = 0.0
        self._shown: int | None = None

    def start(self, error: ApiError, wait: float, attempt: int) -> None:
        self._problem = headline(reply_error(error))
        self._attempt = attempt
        self._deadline = time.monotonic() + wait
        self._shown = None
        self._update()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _update(self) -> None:
        seconds = max(0, math.ceil(self._deadline - time.monotonic()))
        if seconds == self._shown:
            return
        self._shown = seconds
        if seconds == 0:
            self._timer.stop()
        self._show(
            self.tr("{problem} Retrying in {seconds} s (attempt {attempt})…").format(
                problem=self._problem, seconds=seconds, attempt=self._attempt + 1
            )
        )
