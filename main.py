"""Start Triptych: `python main.py [--demo] [--data-dir DIR]`.

`--demo` also starts the built-in offline demo API on 127.0.0.1 with a ready "Demo" profile, so everything
can be tried with no key and no network.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Imported here so `--help` answers at once, before Qt loads.
    from gui.app import AppOptions, run

    return run(AppOptions(demo=args.demo, data_dir=args.data_dir, demo_port=args.demo_port))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triptych", description="A desktop chat client for Claude models.")
    parser.add_argument("--demo", action="store_true", help="start the offline demo API and its profile")
    parser.add_argument("--data-dir", help="keep all data (database, settings) in this folder")
    parser.add_argument("--demo-port", type=int, default=0, help="port for the demo API (0: any free port)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
