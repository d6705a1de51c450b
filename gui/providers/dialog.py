"""The providers dialog: add, edit and remove provider profiles, set their keys, and test a connection.

Keys go through a `KeyAccess` (the app adapts `core.api.keys.KeyStore` to it). The dialog never shows a
saved key: only the store's masked hint. Nothing is written until Save; Cancel leaves profiles and keys
as they were.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.api.keys import CredentialKind
from core.model.profile import DEFAULT_ANTHROPIC_VERSION, Profile
from gui.error_messages import describe
from gui.providers.draft import (
    ConnectionReport,
    KeyAccess,
    ProfileDraft,
    Tester,
    draft_problems,
)
from gui.providers.price_table import PriceTable
from gui.tasks import TaskKeeper
from gui.widgets.fields import ChoiceCombo
from gui.widgets.json_edit import ERROR_COLOR
from gui.widgets.screen_fit import fit_to_screen

__all__ = ["ConnectionReport", "KeyAccess", "ProvidersDialog", "Tester"]


class ProvidersDialog(QDialog):
    """Signals:
    profilesChanged(list): the saved profiles, emitted on Save.
    """

    profilesChanged = Signal(list)

    def __init__(
        self,
        profiles: list[Profile],
        keys: KeyAccess,
        tester: Tester,
        tasks: TaskKeeper,
        parent: QWidget | None = None,
        *,
        open_doctor: Callable[[Profile, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Providers"))
        self._open_doctor = open_doctor
        self._keys, self._tester, self._tasks = keys, tester, tasks
        self._keyring_ok, self._keyring_reason = keys.availability()
        self._drafts = [
            ProfileDraft.of(profile, not self._keyring_ok, self._saved_credentials(profile.name))
            for profile in profiles
        ]
        self._removed: list[str] = []
        self._row = -1
        self._saved: list[Profile] = list(profiles)
        self._test_task: asyncio.Task[Any] | None = None
        self._build()
        for draft in self._drafts:
            self.profile_list.addItem(draft.name)
        self.profile_list.currentRowChanged.connect(self._row_changed)
        self.profile_list.setCurrentRow(0 if self._drafts else -1)
        self._update_enabled()
        # Its preferred size, or what fits: left to Qt, a dialog is cut to 2/3 of the screen's height, on a
        # 700-pixel screen less than its fields need (the price table showed its header alone).
        fit_to_screen(self, self.sizeHint())

    def _saved_credentials(self, profile_name: str) -> dict[CredentialKind, str]:
        kinds: tuple[CredentialKind, ...] = ("base_url", "proxy")
        found = {kind: self._keys.credentials(profile_name, kind) for kind in kinds}
        return {kind: userinfo for kind, userinfo in found.items() if userinfo}

    # --- building -------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.profile_list = QListWidget(self)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.profile_list.setAccessibleName(self.tr("Providers"))
        self.profile_list.setAccessibleDescription(
            self.tr("The provider whose settings are shown on the right")
        )
        self.add_button.setAccessibleDescription(self.tr("Adds a new provider"))
        self.remove_button.setAccessibleDescription(self.tr("Removes the selected provider and its key"))
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        left = QVBoxLayout()
        left.addWidget(self.profile_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)
        self.form = QWidget(self)
        self._build_form(QFormLayout(self.form))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addWidget(self.form, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)

    def _build_form(self, form: QFormLayout) -> None:
        self.name = QLineEdit()
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("https://api.anthropic.com")
        self.auth_style = ChoiceCombo()
        self.auth_style.add_choice(self.tr("x-api-key header"), "x-api-key")
        self.auth_style.add_choice(self.tr("Authorization: Bearer"), "bearer")
        self.api_style = ChoiceCombo()
        self.api_style.add_choice(self.tr("Anthropic (/v1/messages)"), "anthropic")
        self.api_style.add_choice(self.tr("OpenAI-compatible (/v1/chat/completions)"), "openai")
        self.version = QLineEdit()
        self.version.setPlaceholderText(DEFAULT_ANTHROPIC_VERSION)
        self.betas = QLineEdit()
        self.betas.setPlaceholderText(self.tr("Beta names, comma separated"))
        self.proxy = QLineEdit()
        self.proxy.setPlaceholderText(self.tr("Optional, e.g. http://127.0.0.1:8080"))
        self.prices = PriceTable()
        for label, widget in (
            (self.tr("Name"), self.name),
            (self.tr("Base URL"), self.base_url),
            (self.tr("Auth style"), self.auth_style),
            (self.tr("API style"), self.api_style),
            (self.tr("anthropic-version"), self.version),
            (self.tr("Beta headers"), self.betas),
            (self.tr("Proxy"), self.proxy),
            (self.tr("Price overrides"), self.prices),
        ):
            form.addRow(label, widget)
        self._build_key_rows(form)
        self.name.setAccessibleDescription(self.tr("The provider's name, as the provider picker shows it"))
        self.base_url.setAccessibleDescription(self.tr("Where requests go, with or without /v1"))
        self.auth_style.setAccessibleDescription(self.tr("The header the key is sent in"))
        self.api_style.setAccessibleDescription(self.tr("The protocol the provider speaks"))
        self.key.setAccessibleDescription(self.tr("Saved in the system keyring, never in a file"))
        self.test_button.setAccessibleDescription(self.tr("Lists the models and sends a one-token message"))
        self.name.textEdited.connect(self._name_edited)

    def _build_key_rows(self, form: QFormLayout) -> None:
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_hint = QLabel()
        self.session_only = QCheckBox(self.tr("Keep for this session only"))
        self.session_only.setToolTip(self.tr("The key stays in memory and is forgotten when Triptych quits."))
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {ERROR_COLOR};")
        self.problems.hide()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self._test)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Check this provider…"))
        self.check_button.setToolTip(
            self.tr(
                "A few small requests that show what this provider keeps: thinking, tools, caching, usage…"
            )
        )
        self.check_button.clicked.connect(self._check)
        self.check_button.setVisible(self._open_doctor is not None)
        form.addRow(self.tr("API key"), self.key)
        for widget in (self.key_hint, self.session_only, self.keyring_note, self.problems):
            form.addRow("", widget)
        form.addRow(self.test_button, self.test_result)
        form.addRow("", self.check_button)
        self.key.textEdited.connect(self._key_edited)
        self._show_keyring()

    def _show_keyring(self) -> None:
        """Without a usable keyring, keys can only live in memory: say so, and why."""
        self.keyring_note.setVisible(not self._keyring_ok)
        if not self._keyring_ok:
            self.keyring_note.setText(
                self.tr("No usable keyring: {reason} Keys are kept for this session only.").format(
                    reason=self._keyring_reason
                )
            )

    # --- moving between profiles ----------------------------------------------------------------------

    def _row_changed(self, row: int) -> None:
        self._commit()
        self._row = row
        self._load()
        self._update_enabled()

    def _commit(self) -> None:
        """Copy the form into the draft it shows."""
        if not 0 <= self._row < len(self._drafts):
            return
        draft = self._drafts[self._row]
        draft.name, draft.base_url = self.name.text(), self.base_url.text()
        draft.auth_style, draft.api_style = self.auth_style.choice(), self.api_style.choice()
        draft.version, draft.betas, draft.proxy = self.version.text(), self.betas.text(), self.proxy.text()
        draft.prices = self.prices.rows()
        draft.new_key = self.key.text().strip()
        draft.session_only = self.session_only.isChecked()

    def _load(self) -> None:
        draft = self._drafts[self._row] if 0 <= self._row < len(self._drafts) else ProfileDraft(None, "", "")
        self.name.setText(draft.name)
        self.base_url.setText(draft.base_url)
        self.auth_style.set_choice(draft.auth_style)
        self.api_style.set_choice(draft.api_style)
        self.version.setText(draft.version)
        self.betas.setText(draft.betas)
        self.proxy.setText(draft.proxy)
        self.prices.set_rows(draft.prices)
        self.key.setText(draft.new_key)
        self.session_only.setChecked(draft.session_only or not self._keyring_ok)
        self.problems.hide()
        self._show_key_hint()

    def _show_key_hint(self) -> None:
        draft = self._drafts[self._row] if 0 <= self._row < len(self._drafts) else None
        masked = self._keys.masked(draft.original) if draft and draft.original else None
        if self.key.text().strip():
            hint = self.tr("The new key will be saved when you press Save.")
        elif masked:
            hint = self.tr("Saved: {hint}").format(hint=masked)
        else:
            hint = self.tr("No key saved.")
        self.key_hint.setText(hint)
        self.key.setPlaceholderText(self.tr("Paste a new key to replace it") if masked else "")

    def _name_edited(self, text: str) -> None:
        item = self.profile_list.currentItem()
        if item is not None:
            item.setText(text)

    def _key_edited(self, _text: str) -> None:
        self._show_key_hint()

    def _update_enabled(self) -> None:
        has_row = 0 <= self._row < len(self._drafts)
        self.form.setEnabled(has_row)
        self.remove_button.setEnabled(has_row)
        self.session_only.setEnabled(has_row and self._keyring_ok)
        self.test_button.setEnabled(has_row and self._test_task is None)
        self.check_button.setEnabled(has_row)

    def _add(self) -> None:
        self._commit()
        names = {draft.name.strip() for draft in self._drafts}
        candidates = (
            self.tr("New profile") if number == 1 else self.tr("New profile {number}").format(number=number)
            for number in range(1, len(names) + 2)
        )
        name = next(candidate for candidate in candidates if candidate not in names)
        self._drafts.append(
            ProfileDraft(None, name, "https://api.anthropic.com", session_only=not self._keyring_ok)
        )
        self.profile_list.addItem(name)
        self.profile_list.setCurrentRow(len(self._drafts) - 1)
        self.name.setFocus()
        self.name.selectAll()

    def _remove(self) -> None:
        row = self._row
        if not 0 <= row < len(self._drafts):
            return
        draft = self._drafts.pop(row)
        if draft.original is not None:
            self._removed.append(draft.original)
        self._row = -1  # the removed draft must not be committed when the selection moves
        self.profile_list.takeItem(row)
        self._row_changed(self.profile_list.currentRow())

    # --- checking and saving --------------------------------------------------------------------------

    def _show_problems(self, problems: list[str]) -> None:
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))

    def _save(self) -> None:
        self._commit()
        for row in range(len(self._drafts)):
            problems = draft_problems(self._drafts, row)
            if problems:
                self.profile_list.setCurrentRow(row)
                self._show_problems(problems)
                return
        try:
            self._save_keys()
        except Exception as error:  # a keyring failure must not lose the form; say what happened
            self._show_problems([self.tr("The key could not be saved: {error}").format(error=error)])
            return
        self._saved = [draft.profile() for draft in self._drafts]
        self._load()  # the fields now show the saved passwords masked, as on the next opening
        self.profilesChanged.emit(list(self._saved))
        self.accept()

    def _save_keys(self) -> None:
        """Removed profiles' keys go, renamed profiles' keys follow the name, typed keys are stored."""
        for name in self._removed:
            self._keys.delete(name)
        for draft in self._drafts:
            name = draft.name.strip()
            if draft.original is not None and draft.original != name:
                self._keys.rename(draft.original, name)
            if draft.new_key:
                self._keys.set(name, draft.new_key, session_only=draft.session_only)
            # A URL's `user:password` goes to the keyring like the key; the stored profile is without it.
            kinds: tuple[CredentialKind, ...] = ("base_url", "proxy")
            for kind in kinds:
                userinfo = draft.credentials(kind)
                if userinfo or kind in draft.saved_credentials:
                    self._keys.set_credentials(name, kind, userinfo or None, session_only=draft.session_only)
                    draft.saved_credentials[kind] = userinfo
            draft.saved_credentials = {kind: info for kind, info in draft.saved_credentials.items() if info}
            draft.mask_credentials()
            draft.original, draft.new_key = name, ""

    def profiles(self) -> list[Profile]:
        """The profiles as saved (the ones given, until Save is pressed)."""
        return list(self._saved)

    # --- testing --------------------------------------------------------------------------------------

    def _profile_and_key(self) -> tuple[Profile, str] | None:
        """The selected profile as edited (not saved yet) and its key; None, with the problems shown, when
        it is not complete."""
        self._commit()
        problems = draft_problems(self._drafts, self._row)
        self._show_problems(problems)
        if problems:
            return None
        draft = self._drafts[self._row]
        try:
            saved = self._keys.get(draft.original) if draft.original and not draft.new_key else None
        except Exception as error:  # a keyring that fails to answer: the user can still paste the key
            self._show_problems([self.tr("The saved key could not be read: {error}").format(error=error)])
            return None
        return draft.profile_to_test(), draft.new_key or saved or ""

    def _check(self) -> None:
        chosen = self._profile_and_key()
        if chosen is not None and self._open_doctor is not None:
            self._open_doctor(*chosen)

    def _test(self) -> None:
        chosen = self._profile_and_key()
        if chosen is None:
            return
        profile, key = chosen
        draft = self._drafts[self._row]
        self.test_result.setText(self.tr('Testing "{name}"…').format(name=draft.name.strip()))
        self._test_task = self._tasks.start(self._run_test(profile, key))
        self._update_enabled()

    async def _run_test(self, profile: Profile, key: str) -> None:
        try:
            report = await self._tester(profile, key)
        except Exception as error:  # a failing tester is still a result the user should read
            text = self.tr("The test could not run: {error}").format(error=error)
        else:
            text = self._report_text(report)
        self._test_task = None
        self.test_result.setText(text)
        self._update_enabled()

    def _report_text(self, report: ConnectionReport) -> str:
        lines = [
            self.tr("✓ Model list: %n model(s).", "", report.models_count)
            if report.models_ok
            else self.tr("✗ The model list (/v1/models) did not answer."),
            self.tr("✓ A 1-token test message was answered.")
            if report.message_ok
            else self.tr("✗ The test message was not answered."),
        ]
        if report.errors:
            # Worded here, in the interface's language, from core's typed errors.
            lines += list(dict.fromkeys(describe(error) for error in report.errors))
        elif report.detail:
            lines.append(report.detail)
        return "\n".join(lines)

    def done(self, result: int) -> None:
        """Closing stops a test still running, so it never writes to a closed dialog."""
        if self._test_task is not None:
            self._test_task.cancel()
            self._test_task = None
        super().done(result)
