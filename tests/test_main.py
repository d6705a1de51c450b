"""`python main.py --demo` starts the offline demo and streams a reply through the real engine."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_demo_starts_streams_a_reply_and_reports_its_metrics() -> None:
    done = subprocess.run(
        [sys.executable, "main.py", "--demo", "--once", "--prompt", "Show me a table"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Demo API at http://127.0.0.1:" in done.stdout
    assert "You said: “Show me a table”" in done.stdout
    assert "| Feature |" in done.stdout and "```python" in done.stdout
    assert "stop: end_turn" in done.stdout


def test_without_demo_it_says_what_to_run() -> None:
    done = subprocess.run([sys.executable, "main.py"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "--demo" in done.stdout
