"""Where the tests find the repository and the files they read: everything a test reads lies inside the
repository, so a clone with nothing beside it passes."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
RECORDED_STREAMS = FIXTURES / "sse"
