"""What the transcript prepares once Markdown is loaded, so no later reply pays for it on the UI thread: the
Pygments lexers of common languages (a lexer's first use compiles its rules: Python's ~50 ms) made on the
Markdown worker thread, and the app's long-lived heap kept out of Python's full collections (~20-30 ms each,
about once a minute while replies stream). Both were the longest UI-thread steps of bench/stream_render.py
with one core kept busy. Checked in a fresh process: the test process has long made both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import gc, json
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from pygments.lexers.python import PythonLexer
from core.model.conversation import StoredMessage
from gui.transcript.view import TranscriptView

app = QApplication([])
view = TranscriptView(error_text=str)
view.resize(600, 400)
view.show()
frozen_before = gc.get_freeze_count()
reply = "## Plan\\n\\nNo code here, **just** words."
view.show_messages([StoredMessage(1, 1, None, "assistant", [{"type": "text", "text": reply}])])
# Wait on the condition inside Qt's own loop (the lexers are made on a worker thread), for at most 30 s.
waiting = QEventLoop()
check = QTimer(interval=10)
check.timeout.connect(lambda: "_tokens" in PythonLexer.__dict__ and waiting.quit())
check.start()
QTimer.singleShot(30_000, waiting.quit)
if "_tokens" not in PythonLexer.__dict__:
    waiting.exec()
print(json.dumps({
    "shown": "just words" in view.browser.toPlainText(),
    "python_lexer_ready": "_tokens" in PythonLexer.__dict__,
    "frozen_before": frozen_before,
    "frozen": gc.get_freeze_count(),
}))
"""


def test_showing_markdown_makes_the_lexers_ahead_and_keeps_the_long_lived_heap_out_of_collections() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["shown"]
    assert found["python_lexer_ready"], "the Python lexer was not made ahead (no Python code was shown)"
    assert found["frozen_before"] == 0
    assert found["frozen"] > 10_000, "the heap built so far is walked by every full collection"
