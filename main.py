"""Start Triptych: `python main.py [--demo [--smoke-test]] [--data-dir DIR]`, or put it in the desktop's
applications menu: `--install-desktop-entry` (`--uninstall-desktop-entry` takes it out).

`--demo` also starts the built-in offline demo API on 127.0.0.1 with a ready "Demo" profile, so everything
can be tried with no key and no network. `--smoke-test` then sends it one prompt, prints one line and quits
(exit 0 when the reply came): proof that an installed copy runs (gui/smoke.py).
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.smoke_test and not args.demo:
        parser.error("--smoke-test needs --demo")
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _desktop_entry(install=args.install_desktop_entry)
    # Imported here so `--help` answers at once, before Qt loads.
    from gui.app import AppOptions, run

    options = AppOptions(
        demo=args.demo,
        data_dir=args.data_dir,
        demo_port=args.demo_port,
        smoke_test=args.smoke_test,
        arguments=tuple(sys.argv[1:] if argv is None else argv),
    )
    return run(options)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triptych", description="A desktop chat client for Claude models.")
    parser.add_argument("--demo", action="store_true", help="start the offline demo API and its profile")
    parser.add_argument("--data-dir", help="keep all data (database, settings) in this folder")
    parser.add_argument("--demo-port", type=int, default=0, help="port for the demo API (0: any free port)")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="with --demo: send the demo model one prompt, print the result and quit (exit 0 when it "
        "replied); uses a fresh temporary data folder unless --data-dir is given",
    )
    entry = parser.add_mutually_exclusive_group()
    entry.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add Triptych to the desktop's applications menu, with its icon (Linux: under $XDG_DATA_HOME, "
        "else ~/.local/share), starting this copy; then exit",
    )
    entry.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove what --install-desktop-entry added, then exit",
    )
    return parser


def _desktop_entry(*, install: bool) -> int:
    from core.desktop.entry import launcher_command
    from gui.startup.desktop_command import install_desktop_entry, uninstall_desktop_entry

    if not install:
        return uninstall_desktop_entry()
    frozen = bool(getattr(sys, "frozen", False))  # a PyInstaller bundle: its executable is the app
    return install_desktop_entry(launcher_command(sys.argv[0], sys.executable, frozen=frozen))


if __name__ == "__main__":
    sys.exit(main())
