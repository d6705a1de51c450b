"""Defaults and named presets, between the parameter panel's bar and the store.

A new conversation starts from the user's defaults (saved with "Save as default"), not from the
conversation shown before it; until the user saves defaults, from the factory settings. Named presets
(a system prompt with its settings: personas) are applied to the conversation shown, and the compare window
offers the same list as columns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from core.model.preset import Preset, UserDefaults
from core.model.request_settings import RequestSettings
from core.store.errors import NameTakenError
from core.store.services import PresetService
from gui.params.presets_bar import PresetsBar
from gui.tasks import TaskKeeper

if TYPE_CHECKING:
    from gui.params.presets_dialog import PresetsDialog

log = logging.getLogger(__name__)


class PresetHost(Protocol):
    """What the presets need of the main window."""

    def widget(self) -> QWidget: ...
    def show_notice(self, text: str) -> None: ...
    def current_settings(self) -> RequestSettings: ...
    def current_profile(self) -> str | None: ...
    async def apply_settings(self, settings: RequestSettings, profile_name: str | None) -> None:
        """Show these settings for the conversation and save them to it."""
        ...


class PresetActions(QObject):
    """Signals: presetsChanged(list[Preset]) after the list changed (saved, renamed, deleted)."""

    presetsChanged = Signal(list)

    def __init__(
        self,
        host: PresetHost,
        presets: PresetService,
        tasks: TaskKeeper,
        bar: PresetsBar,
        *,
        factory: Callable[[], RequestSettings],
        profile_names: Callable[[], list[str]],
    ) -> None:
        super().__init__(host.widget())
        self._host = host
        self._service = presets
        self._tasks = tasks
        self._bar = bar
        self._factory = factory
        self._profile_names = profile_names
        self._presets: list[Preset] = []
        self.dialog: PresetsDialog | None = None
        self.name_dialog: QInputDialog | None = None
        self.confirm_dialog: QMessageBox | None = None
        bar.applyRequested.connect(lambda preset_id: tasks.start(self.apply(preset_id)))
        bar.saveRequested.connect(self._ask_name_and_save)
        bar.manageRequested.connect(self.manage)
        bar.saveDefaultsRequested.connect(lambda: tasks.start(self.save_defaults()))
        bar.resetRequested.connect(lambda: tasks.start(self.reset_to_defaults()))

    async def load(self) -> None:
        self._show(await self._service.all())

    def presets(self) -> list[Preset]:
        return list(self._presets)

    # -- defaults ----------------------------------------------------------------------------------------

    async def starting_point(self) -> UserDefaults:
        """What a new conversation starts with: the saved defaults (their provider if it still exists,
        else the one chosen now), or the factory settings with the provider chosen now."""
        saved = await self._service.defaults()
        chosen = self._host.current_profile()
        if saved is None:
            return UserDefaults(self._factory(), chosen)
        profile = saved.profile_name if saved.profile_name in self._profile_names() else chosen
        return UserDefaults(saved.settings, profile)

    async def save_defaults(self) -> None:
        await self._service.save_defaults(
            UserDefaults(self._host.current_settings(), self._host.current_profile())
        )
        self._host.show_notice(self.tr("Saved: new conversations start from these settings."))

    async def reset_to_defaults(self) -> None:
        start = await self.starting_point()
        await self._host.apply_settings(start.settings, start.profile_name)
        self._host.show_notice(self.tr("This conversation's settings are the defaults again."))

    # -- presets -----------------------------------------------------------------------------------------

    async def apply(self, preset_id: int) -> None:
        preset = next((p for p in self._presets if p.id == preset_id), None)
        if preset is None:
            return
        profile = preset.profile_name if preset.profile_name in self._profile_names() else None
        await self._host.apply_settings(preset.settings, profile or self._host.current_profile())
        self._host.show_notice(self.tr('Preset "{name}" applied.').format(name=preset.name))

    def _ask_name_and_save(self) -> QInputDialog:
        """Ask for the name without a nested event loop (the window's asyncio loop keeps running)."""
        dialog = QInputDialog(self._host.widget())
        dialog.setObjectName("presetNameDialog")
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setWindowTitle(self.tr("Save as preset"))
        dialog.setLabelText(self.tr("Name of the preset:"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setMinimumWidth(340)  # the title reads whole
        dialog.textValueSelected.connect(self._named)
        self.name_dialog = dialog
        dialog.open()
        return dialog

    def _named(self, typed: str) -> None:
        name = typed.strip()
        if not name:
            return
        if not any(p.name == name for p in self._presets):
            self._tasks.start(self.save_preset(name))
            return
        confirm = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Save as preset"),
            self.tr('A preset named "{name}" exists. Replace its settings?').format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._host.widget(),
        )
        confirm.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        confirm.buttonClicked.connect(
            lambda button: self._replace_if_yes(confirm.standardButton(button), name)
        )
        self.confirm_dialog = confirm
        confirm.open()

    def _replace_if_yes(self, answer: QMessageBox.StandardButton, name: str) -> None:
        if answer == QMessageBox.StandardButton.Yes:
            self._tasks.start(self.save_preset(name))

    async def save_preset(self, name: str) -> Preset:
        saved = await self._service.save(name, self._host.current_settings(), self._host.current_profile())
        await self.load()
        self._host.show_notice(self.tr('Saved as preset "{name}".').format(name=saved.name))
        return saved

    def manage(self) -> PresetsDialog:
        if self.dialog is None:
            from gui.params.presets_dialog import PresetsDialog  # a dialog: loaded when first opened

            self.dialog = PresetsDialog(self._host.widget())
            self.dialog.renameRequested.connect(lambda i, name: self._tasks.start(self.rename(i, name)))
            self.dialog.deleteRequested.connect(lambda i: self._tasks.start(self.delete(i)))
        self.dialog.set_presets(self._presets)
        self.dialog.show_problem("")
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    async def rename(self, preset_id: int, name: str) -> None:
        problem = ""
        try:
            await self._service.rename(preset_id, name)
        except NameTakenError:
            taken = self.tr('A preset named "{name}" exists already; choose another name.')
            problem = taken.format(name=name)
        # The list as stored (the edit undone if refused) before the reason, so they never disagree.
        await self.load()
        if self.dialog is not None:
            self.dialog.show_problem(problem)

    async def delete(self, preset_id: int) -> None:
        await self._service.delete(preset_id)
        await self.load()

    def _show(self, presets: list[Preset]) -> None:
        self._presets = presets
        self._bar.set_presets(presets)
        if self.dialog is not None:
            self.dialog.set_presets(presets)
        self.presetsChanged.emit(presets)
