"""GUI tests run real widgets offscreen, with asyncio running inside Qt's event loop (qasync).

A test that needs the network or other coroutines writes its body as a coroutine and runs it with
`run(qloop, body())`: while it awaits, Qt processes events, so widgets repaint and signals are delivered.
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Coroutine, Iterator
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from core.demo import FakeServer
from gui.startup.collector import collect_on_main_thread
from gui.theme.scheme import apply_theme
from tests.gui.fault_table import fault_table  # noqa: F401  (a fixture; its summary is tests/conftest.py's)
from tests.waiting import wait_until  # noqa: F401  (the GUI tests import it from here)


@pytest.fixture(autouse=True)
def collected_on_the_ui_thread(qapp: QApplication) -> None:
    """As in the app: Python's garbage collector runs on the UI thread only (gui.startup.collector), so no
    Qt object is destroyed on the fake server's or a worker's thread."""
    collect_on_main_thread(qapp)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    yield loop
    loop.run_until_complete(loop.shutdown_asyncgens())
    asyncio.set_event_loop(None)
    loop.close()


def run(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, Any], timeout: float = 20.0) -> Any:
    return loop.run_until_complete(asyncio.wait_for(coro, timeout))


@pytest.fixture
def earlier_heap_frozen() -> Iterator[None]:
    """For a test that times the UI thread: earlier tests leave a large heap in this process (in the full
    suite, a full collection of it took ~200 ms inside the 100,000-delta fault case, which stalls ~45 ms
    alone), so collect and freeze it first, and the app is charged only with its own work."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture
def server() -> Iterator[FakeServer]:
    """The fake Messages API on 127.0.0.1, expecting the driver's key."""
    from tests.gui.driver import KEY  # the driver imports this module's helpers

    with FakeServer.running_in_thread(api_key=KEY) as running:
        yield running


@pytest.fixture
def dark_theme(qapp: QApplication) -> Iterator[None]:
    """For a test that switches the theme: the app's theme is back to the system's afterwards."""
    try:
        yield
    finally:
        apply_theme(qapp, "system")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The app's Chinese translation (ours and Qt's own), removed after the test with the locale it set."""
    from gui.app import install_translation  # the whole app's modules: only for tests that ask

    before, locale = set(qapp.findChildren(QTranslator)), QLocale()
    install_translation(qapp, "zh_CN")
    yield
    QLocale.setDefault(locale)
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)
