"""`triptych --demo --smoke-test`: proof that a copy of the app runs, installed or not.

Once the window is on screen it sends one prompt to the demo model as a user would, waits for the whole
reply, prints one line and the app quits: exit 0 when the reply came complete, 1 on anything else (an error,
no reply within the time limit). The line shows the send button's label (the language the window speaks) and
the folder the app's code was imported from, so a run can tell an installed copy from the checkout.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.model.conversation import StoredMessage
    from gui.chat.session_signals import ChatSignals
    from gui.main_window import MainWindow

PROMPT = "Hello from the smoke test."
TIMEOUT_S = 60.0
TOP_LEVEL_NAMES = ("main", "core", "gui", "resources")
_LOOK_EVERY_S = 0.02


class SmokeTestFailed(Exception):
    pass


async def smoke_test(window: MainWindow, controller: ChatSignals, timeout: float = TIMEOUT_S) -> int:
    """The exit code; the one line goes to stdout when it passes, the reason to stderr when it does not."""
    started = time.monotonic()
    try:
        async with asyncio.timeout(timeout):
            reply = await _one_reply(window, controller)
        folder = code_folder()
    except TimeoutError:
        print(f"smoke test failed: no complete reply within {timeout:g} s", file=sys.stderr, flush=True)
        return 1
    except Exception as error:
        print(f"smoke test failed: {error or type(error).__name__}", file=sys.stderr, flush=True)
        return 1
    content: Sequence[Mapping[str, Any]] = reply.content  # read as JSON: a block without text counts 0
    characters = sum(len(block.get("text", "")) for block in content)
    label = window.composer.send_button.text()
    print(
        f"smoke test passed: a reply of {characters} characters in {time.monotonic() - started:.1f} s;"
        f' the send button reads "{label}"; code in {folder}',
        flush=True,
    )
    return 0


def code_folder() -> Path:
    """The one folder the app's top-level modules come from. Different folders mean another distribution
    installed one of these generic names beside the app, and the app would run mixed code."""
    folders = {}
    for name in TOP_LEVEL_NAMES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise SmokeTestFailed(f"module {name} not found")
        folders[name] = Path(spec.origin).resolve().parent
        if spec.submodule_search_locations is not None:
            folders[name] = folders[name].parent
    if len(set(folders.values())) != 1:
        raise SmokeTestFailed(f"the app's modules come from different folders: {folders}")
    return folders["main"]


async def _one_reply(window: MainWindow, controller: ChatSignals) -> StoredMessage:
    while not _ready(window):
        await asyncio.sleep(_LOOK_EVERY_S)
    finished: asyncio.Future[StoredMessage] = asyncio.get_running_loop().create_future()

    def reply_finished(message: StoredMessage) -> None:
        if not finished.done():
            finished.set_result(message)

    controller.replyFinished.connect(reply_finished)
    try:
        window.composer.editor.setPlainText(PROMPT)
        window.composer.send_button.click()
        reply = await finished
    finally:
        controller.replyFinished.disconnect(reply_finished)
    if reply.status != "complete" or reply.error is not None:
        raise SmokeTestFailed(f"the reply ended {reply.status}: {reply.error}")
    if not any(block.get("text") for block in reply.content):
        raise SmokeTestFailed("the reply has no text")
    if PROMPT not in window.transcript.browser.toPlainText():
        raise SmokeTestFailed("the transcript does not show the prompt")
    return reply


def _ready(window: MainWindow) -> bool:
    """Painted, with a conversation open, a profile chosen and the send button on."""
    handle = window.windowHandle()
    return (
        handle is not None
        and handle.isExposed()
        and window.current_conversation() is not None
        and bool(window.profile_picker.currentText())
        and window.composer.send_button.isEnabled()
    )
