"""Search every conversation (Ctrl+K): results as you type, each opening its conversation at the message.

The dialog only asks and shows: `core.store.search` finds (off the UI thread, through the store worker), and
the window opens the conversation. Typing restarts a short timer; only the newest search's results show.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from core.store.search_query import SearchChoices, SearchFilters, SearchHit, SearchQuery, snippet_parts
from core.store.services import SearchService
from gui.tasks import TaskKeeper
from gui.widgets.dates import date_time_text

DEBOUNCE_MS = 150
HitRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class SearchDialog(QDialog):
    """Signals:
    hitChosen(object): the SearchHit the user opened (Enter or double-click).
    """

    hitChosen = Signal(object)

    def __init__(self, search: SearchService, tasks: TaskKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self._searcher = search
        self._tasks = tasks
        self._generation = 0
        self._shown_generation = 0
        self._open_when_shown = False
        """Enter came before the results of what was typed: open the first of them when they arrive."""
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._search_now)

        self.query = QLineEdit(self)
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        self.model_box = QComboBox(self)
        self.profile_box = QComboBox(self)
        self.since_check, self.since = QCheckBox(self), _date_edit(self, QDate.currentDate().addMonths(-1))
        self.until_check, self.until = QCheckBox(self), _date_edit(self, QDate.currentDate())
        self.attachments = QCheckBox(self)
        self.thinking = QCheckBox(self)
        self.tools = QCheckBox(self)
        self.results_model = QStandardItemModel(self)
        self.results = QListView(self)
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(_HitDelegate(self.results))
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.activated.connect(self._open)
        self.status = QLabel(self)
        self._build_layout()
        for signal in (
            self.query.textChanged,
            self.model_box.currentIndexChanged,
            self.profile_box.currentIndexChanged,
            self.since_check.toggled,
            self.since.dateChanged,
            self.until_check.toggled,
            self.until.dateChanged,
            self.attachments.toggled,
            self.thinking.toggled,
            self.tools.toggled,
        ):
            signal.connect(lambda *_args: self._timer.start())
        self.since_check.toggled.connect(self.since.setEnabled)
        self.until_check.toggled.connect(self.until.setEnabled)
        self.set_choices(SearchChoices(models=[], profiles=[]))
        self.retranslate()
        self.resize(640, 520)

    def _build_layout(self) -> None:
        filters = QGridLayout()
        filters.addWidget(self.model_box, 0, 0)
        filters.addWidget(self.profile_box, 0, 1)
        filters.addWidget(self.attachments, 0, 2)
        filters.addWidget(self.since_check, 1, 0)
        filters.addWidget(self.since, 1, 1)
        filters.addWidget(self.thinking, 1, 2)
        filters.addWidget(self.until_check, 2, 0)
        filters.addWidget(self.until, 2, 1)
        filters.addWidget(self.tools, 2, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Search conversations"))
        self.query.setPlaceholderText(self.tr("Search titles and messages"))
        self.model_box.setItemText(0, self.tr("Any model"))
        self.profile_box.setItemText(0, self.tr("Any provider"))
        self.since_check.setText(self.tr("From"))
        self.until_check.setText(self.tr("To"))
        self.attachments.setText(self.tr("With attachments"))
        self.thinking.setText(self.tr("Include thinking"))
        self.tools.setText(self.tr("Include tool calls"))
        self.query.setAccessibleName(self.tr("Search"))
        self.query.setAccessibleDescription(self.tr("Words to find in titles and messages, Chinese included"))
        self.model_box.setAccessibleDescription(self.tr("Only conversations with replies from this model"))
        self.profile_box.setAccessibleDescription(self.tr("Only conversations sent through this provider"))
        self.since_check.setAccessibleDescription(self.tr("Only messages from this date on"))
        self.since.setAccessibleName(self.tr("From date"))
        self.since.setAccessibleDescription(self.tr("The first day searched"))
        self.until_check.setAccessibleDescription(self.tr("Only messages up to this date"))
        self.until.setAccessibleName(self.tr("To date"))
        self.until.setAccessibleDescription(self.tr("The last day searched"))
        self.attachments.setAccessibleDescription(self.tr("Only messages with an image or a file attached"))
        self.thinking.setAccessibleDescription(self.tr("Also search the model's thinking"))
        self.tools.setAccessibleDescription(self.tr("Also search tool calls and their results"))
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setAccessibleDescription(self.tr("Enter opens the conversation at the message"))

    # --- the API the window's search action calls -----------------------------------------------------

    def set_choices(self, choices: SearchChoices) -> None:
        """The models and providers the filters offer; a current choice that is still offered stays."""
        for box, values in ((self.model_box, choices.models), (self.profile_box, choices.profiles)):
            current = box.currentData()
            blocker = box.blockSignals(True)
            first = box.itemText(0)
            box.clear()
            box.addItem(first, None)
            for value in values:
                box.addItem(value, value)
            box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
            box.blockSignals(blocker)

    def current_query(self) -> SearchQuery:
        return SearchQuery(
            self.query.text(),
            include_thinking=self.thinking.isChecked(),
            include_tools=self.tools.isChecked(),
            filters=SearchFilters(
                model=self.model_box.currentData(),
                profile_name=self.profile_box.currentData(),
                since=_start_of(self.since.date()) if self.since_check.isChecked() else None,
                until=_start_of(self.until.date().addDays(1)) if self.until_check.isChecked() else None,
                has_attachments=self.attachments.isChecked(),
            ),
        )

    def hits(self) -> list[SearchHit]:
        return [self.results_model.item(row).data(HitRole) for row in range(self.results_model.rowCount())]

    # --- searching ------------------------------------------------------------------------------------

    def _search_now(self) -> None:
        self._generation += 1
        self._tasks.start(self._search(self._generation, self.current_query()))

    async def _search(self, generation: int, query: SearchQuery) -> None:
        hits = await self._searcher.search(query)
        if generation != self._generation:
            return
        self._shown_generation = generation
        self._show(hits, self.tr("No results") if query.needle and not hits else "")
        if self._open_when_shown:
            self._open_when_shown = False
            self._open(self.results.currentIndex())

    def _show(self, hits: list[SearchHit], status: str) -> None:
        self.results_model.clear()
        for hit in hits:
            item = QStandardItem(hit.conversation_title)
            item.setData(hit, HitRole)
            item.setData(self._hit_html(hit), HtmlRole)
            self.results_model.appendRow(item)
        if hits:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        self.status.setText(status)

    def _hit_html(self, hit: SearchHit) -> str:
        when = date_time_text(hit.created_at)
        where = {None: self.tr("Title"), "user": self.tr("You"), "assistant": self.tr("Assistant")}
        title = html.escape(hit.conversation_title or self.tr("New conversation"))
        snippet = "".join(
            f"<b>{html.escape(piece)}</b>" if marked else html.escape(piece)
            for piece, marked in snippet_parts(hit.snippet)
        )
        return (
            f"<div><b>{title}</b> &nbsp;<small>{html.escape(when)} · {where.get(hit.role, '')}</small></div>"
            f"<div>{snippet}</div>"
        )

    def _enter(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._search_now()
        if self._shown_generation != self._generation:
            self._open_when_shown = True
        else:
            self._open(self.results.currentIndex())

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        self._open_when_shown = False
        super().hideEvent(event)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hitChosen.emit(index.data(HitRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the query field, Up and Down move through the results and Enter opens the current one."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                QApplication.sendEvent(self.results, QKeyEvent(event.type(), key, event.modifiers()))
                return True
        return super().eventFilter(watched, event)


class _HitDelegate(QStyledItemDelegate):
    """Draws a result's HTML (title, date, snippet with the matches in bold)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style = option.widget.style() if option.widget is not None else QApplication.style()
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, option.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HtmlRole) or ""))
        width = option.rect.width() or (option.widget.width() if option.widget is not None else 400)
        document.setTextWidth(width)
        return document


def _date_edit(parent: QWidget, date: QDate) -> QDateEdit:
    edit = QDateEdit(date, parent)
    edit.setCalendarPopup(True)
    edit.setEnabled(False)
    return edit


def _start_of(date: QDate) -> float:
    return float(QDateTime(date, QTime(0, 0)).toSecsSinceEpoch())
