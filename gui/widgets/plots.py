"""What every chart of the app shares: a picture to read, not to explore (pyqtgraph's mouse pan and zoom, its
context menu and its "A" auto-range button are off: a stray drag would lose the chart's own framing), and
axes in the app's palette colours.

pyqtgraph comes with this module; only the chart modules import it, when their window first opens."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor


def still_plot(
    plot: pg.PlotWidget | pg.PlotItem, *, grid_x: bool = False, grid_y: bool = False, grid_alpha: float = 0.25
) -> None:
    """A plot the mouse leaves alone, with light grid lines behind it across x, y or both."""
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    if grid_x or grid_y:
        plot.showGrid(x=grid_x, y=grid_y, alpha=grid_alpha)


def colour_axes(plot: pg.PlotWidget | pg.PlotItem, line: QColor, text: QColor) -> None:
    """The left and bottom axes drawn in `line`, their figures and label in `text`."""
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(line))
        axis.setTextPen(pg.mkPen(text))
        axis.label.setDefaultTextColor(text)
