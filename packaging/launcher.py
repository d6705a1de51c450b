"""The bundle's entry point: the same `main()` the `triptych` script of a pip or pipx install runs. main.py
stays a module of its own inside the bundle (not the entry script), so `--smoke-test` finds where every
top-level module came from."""

import sys

from main import main

sys.exit(main())
