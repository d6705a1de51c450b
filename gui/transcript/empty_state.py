"""What the transcript shows before a conversation's first message: what to try, and one-click examples.

A blank transcript made newcomers guess. This says where to write and offers four examples, each showing
something Triptych does: a table and code, thinking, a tool call, a comparison of settings. A click emits
`exampleChosen(key, prompt)`; the window decides what the example needs (thinking on, a tool offered, the
compare window) and sends the prompt. The prompts are translated, so the demo model answers in the
interface's language. Colours come from the palette, so the light and dark themes both read well.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

TABLE_CODE = "table_code"
THINKING = "thinking"
TOOL = "tool"
COMPARE = "compare"
EXAMPLES = (TABLE_CODE, THINKING, TOOL, COMPARE)
_CONTENT_WIDTH = 620
_BUTTON_WIDTH = 280


@dataclass(frozen=True)
class _Words:
    title: str
    description: str
    prompt: str


class ExampleButton(QPushButton):
    """A button with a title and a line saying what it does (a QPushButton cannot wrap its own text)."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"example_{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = QLabel(self)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for label in (self.title, self.description):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.description, 1)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)  # a row's buttons share its height
        self.setSizePolicy(policy)

    # The labels inside decide the height, wrapped to the width the grid gives.
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else super().heightForWidth(width)

    def sizeHint(self) -> QSize:
        return QSize(_BUTTON_WIDTH, self.heightForWidth(_BUTTON_WIDTH))

    def minimumSizeHint(self) -> QSize:
        return QSize(_BUTTON_WIDTH // 2, self.heightForWidth(_BUTTON_WIDTH))

    def set_words(self, title: str, description: str) -> None:
        self.title.setText(title)
        self.description.setText(description)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.setToolTip(description)


class EmptyState(QScrollArea):
    """Signals: exampleChosen(key, prompt): an example (see EXAMPLES) was clicked, its prompt translated."""

    exampleChosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        content = QWidget(self)
        content.setBackgroundRole(QPalette.ColorRole.Base)
        content.setAutoFillBackground(True)
        self.heading = QLabel(content)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel(content)
        self.intro.setWordWrap(True)
        self.hint = QLabel(content)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.buttons = {key: ExampleButton(key, content) for key in EXAMPLES}
        self._prompts: dict[str, str] = {}
        for key, button in self.buttons.items():
            button.clicked.connect(
                lambda _checked=False, key=key: self.exampleChosen.emit(key, self._prompts[key])
            )

        column = QWidget(content)
        column.setMaximumWidth(_CONTENT_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, key in enumerate(EXAMPLES):
            grid.addWidget(self.buttons[key], index // 2, index % 2)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(12)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addLayout(grid)
        inner.addWidget(self.hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        outer = QVBoxLayout(content)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setWidget(content)
        self.retranslate()

    def prompt(self, key: str) -> str:
        """The prompt an example sends, in the interface's language."""
        return self._prompts[key]

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Start a conversation"))
        self.intro.setText(
            self.tr(
                "Write a message below and press Enter. Or start with an example: each one shows something"
                " Triptych does."
            )
        )
        self.hint.setText(
            self.tr(
                "Thinking, tools and every other setting are in the parameter panel on the right"
                " (Ctrl+Shift+P); Compare settings is in the View menu (Ctrl+Shift+C)."
            )
        )
        words = {
            TABLE_CODE: _Words(
                self.tr("A table and code"),
                self.tr("Markdown tables and highlighted code, streamed as they arrive."),
                self.tr("Make a table of sorting algorithms with their speed, and show quicksort in Python."),
            ),
            THINKING: _Words(
                self.tr("Thinking"),
                self.tr(
                    "Turns thinking on for this conversation and asks a riddle: the thinking comes first."
                ),
                self.tr("A kilogram of feathers or a kilogram of iron: which is heavier?"),
            ),
            TOOL: _Words(
                self.tr("A tool call"),
                self.tr(
                    "Offers a get_time tool and asks the time; answer the call with “Reply with result…”."
                ),
                self.tr("What time is it?"),
            ),
            COMPARE: _Words(
                self.tr("A comparison"),
                self.tr("Opens Compare settings: one prompt at three temperatures, side by side."),
                self.tr("What does temperature do to a reply?"),
            ),
        }
        for key, chosen in words.items():
            self.buttons[key].set_words(chosen.title, chosen.description)
            self._prompts[key] = chosen.prompt

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
