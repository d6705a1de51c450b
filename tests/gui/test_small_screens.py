"""Windows on small screens (1280 × 800, 1024 × 700), in English and in Chinese: each window placed as it
places itself on such a screen (`fit_into`, the same code `fit_to_screen` runs with the screen's area) keeps
its frame inside the screen and its bottom buttons on it, whole, and no button narrower than its text.

The offscreen screen is 800 × 800 whatever the test; the window is placed for the screen under test and
nothing else is faked: its real layout decides whether it fits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QRect, QSize, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QWidget

from core.api.connection_check import ConnectionReport
from core.demo import FakeServer, Reply, Text
from core.model.grid import RunState, TestCase
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from gui.app import install_translation
from gui.grid.window import PREFERRED_SIZE, GridWindow
from gui.widgets.screen_fit import MARGIN, fit_into
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start

LAPTOP = QRect(0, 0, 1280, 800)
SMALL = QRect(0, 0, 1024, 700)
TITLE_BAR = 32


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = set(qapp.findChildren(QTranslator))
    if request.param != "en":
        install_translation(qapp, request.param)
    yield request.param
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)


def fitted_size(preferred: QSize, screen: QRect) -> QSize:
    return QSize(
        min(preferred.width(), screen.width() - 2 * MARGIN),
        min(preferred.height(), screen.height() - 2 * MARGIN - TITLE_BAR),
    )


async def place(window: QWidget, preferred: QSize, screen: QRect) -> None:
    """Place `window` as it places itself on `screen`; a window whose layout needs more grows past it."""
    fit_into(window, preferred, screen)
    wanted = fitted_size(preferred, screen)
    await wait_until(
        lambda: window.size() == wanted.expandedTo(window.minimumSize()), what="the window resized"
    )


def assert_whole_on_screen(widget: QWidget, screen: QRect, what: str) -> None:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    on_screen = QRect(top_left, widget.size())
    assert screen.contains(on_screen), f"{what} at {on_screen} is off the screen {screen}"
    assert widget.visibleRegion().boundingRect() == widget.rect(), f"{what} is cut off by its column"


def assert_no_button_clipped(window: QWidget) -> None:
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.text():
            needed = button.minimumSizeHint().width()
            assert button.width() >= needed, f"“{button.text()}” is {button.width()} px wide, needs {needed}"


async def open_grid(app: Running) -> GridWindow:
    assert app.app.grid is not None
    app.app.grid.open_action.trigger()
    await wait_until(lambda: app.app.grid is not None and app.app.grid.grid_window is not None, what="grid")
    window = app.app.grid.grid_window
    assert window is not None
    await wait_until(lambda: window.isVisible() and window.editor.isEnabled(), what="the grid window")
    return window


def test_the_grid_window_fits_small_screens(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer, language: str
) -> None:
    """The set-up column (test set, variants, repeats) is the window's tallest part: on a 1280 × 800 screen it
    fits whole; on a 1024 × 700 one its fields scroll, and Estimate and Run stay in view below them."""

    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        window = await open_grid(app)
        if language != "en":
            assert window.run_button.text() == "运行"
        bottom_buttons = {"Estimate cost": window.estimate_button, "Run": window.run_button}
        for screen in (LAPTOP, SMALL):
            await place(window, PREFERRED_SIZE, screen)
            size = f"{screen.width()} × {screen.height()}"
            assert window.size() == fitted_size(PREFERRED_SIZE, screen), (
                f"on {size} the grid window needs {window.minimumSizeHint()}: it grows off the screen"
            )
            assert screen.contains(window.frameGeometry()), (window.frameGeometry(), screen)
            for name, button in bottom_buttons.items():
                assert_whole_on_screen(button, screen, f"{name} on {size}")
            assert_no_button_clipped(window)
            scroll = window.setup_scroll
            if screen == LAPTOP:
                assert scroll.verticalScrollBar().maximum() == 0, f"on {size} the set-up column scrolls"
            # Every field can be reached: the last one scrolled to is shown whole.
            scroll.ensureWidgetVisible(window.confirm_above)
            await wait_until(
                lambda: window.confirm_above.visibleRegion().boundingRect() == window.confirm_above.rect(),
                what=f"the last set-up field on {size} scrolled into view",
            )

        # A run's charts need 480 pixels and their titles' width: on the small screen their tab scrolls, the
        # window keeps its size.
        window.editor.name.setText("Capitals")
        window.editor.template.setPlainText("What is the capital of France?")
        window.editor.add_cases([TestCase("France")])
        window.repeats.setValue(1)
        server.enqueue(Reply([Text("Paris.")]))
        window.run_button.click()
        await wait_until(lambda: window.run_bar.state == RunState.DONE, timeout=20, what="the run to end")
        tabs = {"statistics": (window.stats_page, "stats_view"), "charts": (window.charts_page, "charts")}
        for name, (page, shown) in tabs.items():
            window.tabs.setCurrentWidget(page)
            await wait_until(lambda shown=shown: getattr(window, shown) is not None, what=f"the {name}")
            await place(window, PREFERRED_SIZE, SMALL)
            assert window.size() == fitted_size(PREFERRED_SIZE, SMALL), f"the {name} make it grow"
            assert_whole_on_screen(window.run_button, SMALL, f"Run with the {name} shown")
        # No chart cut at the right: the view is as wide as its titles and names need (the tab scrolls).
        view = window.charts.view
        needed = view.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
        await wait_until(lambda: view.viewport().width() >= needed, what="the charts shown whole")
        window.close()
        await app.quit()

    run(qloop, body(), timeout=40)


def test_the_providers_dialog_fits_a_small_screen_with_its_price_table_usable(
    qapp: QApplication, qloop: qasync.QEventLoop, language: str
) -> None:
    """Without a usable keyring the dialog says so in a wrapped note; left to Qt, the dialog was cut to 2/3
    of a 700-pixel screen, less than its fields need, and the price table kept its header alone."""
    from gui.providers.dialog import ProvidersDialog
    from gui.tasks import TaskKeeper
    from tests.gui.providers.test_dialog import FakeKeys

    async def never_tested(profile: Profile, key: str) -> ConnectionReport:
        raise AssertionError("no test was asked for")

    keys = FakeKeys(usable=False, reason="No keyring service is running (Secret Service not found).")
    dialog = ProvidersDialog([Profile("Relay", "http://127.0.0.1:1")], keys, never_tested, TaskKeeper())

    async def body() -> None:
        dialog.show()
        await wait_until(dialog.isVisible, what="the providers dialog")
        await wait_until(dialog.keyring_note.isVisible, what="the note that keys stay for this session")
        # It opens at its preferred size where the screen has room, not at Qt's 2/3 of the screen's height.
        screen = qapp.primaryScreen().availableGeometry()
        assert dialog.size() == fitted_size(dialog.sizeHint(), screen), (dialog.size(), dialog.sizeHint())
        await place(dialog, dialog.sizeHint(), SMALL)
        assert dialog.size() == fitted_size(dialog.sizeHint(), SMALL), "the dialog grows off the screen"
        table = dialog.prices.table
        assert table.height() >= table.minimumHeight(), "the price table is squeezed"
        below = dialog.prices.add_button.mapTo(dialog, dialog.prices.add_button.rect().topLeft()).y()
        assert table.mapTo(dialog, table.rect().bottomLeft()).y() < below, "the table runs under its buttons"
        for button in dialog.buttons.buttons():
            assert_whole_on_screen(button, SMALL, button.text())
        assert_no_button_clipped(dialog)
        dialog.close()

    run(qloop, body())


def test_the_column_settings_dialog_fits_a_small_screen(
    qapp: QApplication, qloop: qasync.QEventLoop, language: str
) -> None:
    """A compare column's (and a grid variant's) settings: 720 pixels high where there is room; placed for a
    700-pixel screen its layout fits lower, its parameters scrolling, OK and Cancel on the screen."""
    from gui.compare.column import ColumnSettingsDialog

    preferred = QSize(460, 720)
    dialog = ColumnSettingsDialog("Relay", RequestSettings(model="claude-sonnet-4-6"), ["Relay"])

    async def body() -> None:
        dialog.show()
        await wait_until(dialog.isVisible, what="the settings dialog")
        await place(dialog, preferred, SMALL)
        assert dialog.size() == fitted_size(preferred, SMALL), "the dialog grows off the screen"
        for button in dialog.findChildren(QDialogButtonBox)[0].buttons():
            assert_whole_on_screen(button, SMALL, button.text())
        assert_no_button_clipped(dialog)
        dialog.close()

    run(qloop, body())
