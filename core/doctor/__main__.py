"""`python -m core.doctor`: check a provider from a script; the exit code is 1 when a check failed.

The key is read from the environment (`TRIPTYCH_API_KEY`, else `ANTHROPIC_API_KEY`), never from the command
line, where other users of the machine can read it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from typing import IO

from core.api.client import ApiClient
from core.doctor.battery import run_doctor
from core.doctor.plan import preview_cost
from core.doctor.wording import CHECK_TITLES, report_markdown, words_for
from core.model.profile import Profile
from core.model.provider_check import Finding, Verdict

_KEY_VARIABLES = ("TRIPTYCH_API_KEY", "ANTHROPIC_API_KEY")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m core.doctor",
        description="Check what a provider (the Anthropic API or a relay) keeps of the Messages API.",
    )
    parser.add_argument("base_url", help="the provider's base URL, e.g. https://api.anthropic.com")
    parser.add_argument(
        "--model", default="claude-sonnet-4-5", help="the model to check (default: %(default)s)"
    )
    parser.add_argument("--api-style", choices=("anthropic", "openai"), default="anthropic")
    parser.add_argument("--auth", choices=("x-api-key", "bearer"), default="x-api-key")
    parser.add_argument("--proxy", help="an HTTP or SOCKS proxy URL")
    parser.add_argument("--yes", action="store_true", help="do not ask before spending the previewed cost")
    parser.add_argument("--markdown", action="store_true", help="print the report as Markdown")
    return parser


def main(argv: list[str] | None = None, *, stdin: IO[str] = sys.stdin, stdout: IO[str] = sys.stdout) -> int:
    args = _parser().parse_args(argv)
    key = next((os.environ[name] for name in _KEY_VARIABLES if os.environ.get(name)), "")
    if not key:
        print(f"No key: set {' or '.join(_KEY_VARIABLES)} in the environment.", file=stdout)
        return 2
    preview = preview_cost(args.model)
    bound = (
        "unknown (no price for this model)"
        if preview.upper_bound_usd is None
        else f"${preview.upper_bound_usd:.3f}"
    )
    print(f"{preview.requests} small requests to {args.model}; at most {bound} at list prices.", file=stdout)
    if not args.yes:
        print("Go on? [y/N] ", end="", file=stdout, flush=True)
        if stdin.readline().strip().lower() not in ("y", "yes"):
            return 2
    profile = Profile(
        "doctor", args.base_url, auth_style=args.auth, api_style=args.api_style, proxy=args.proxy or None
    )

    def show(finding: Finding) -> None:
        if not args.markdown:
            words = words_for(finding)
            print(f"{finding.verdict.mark} {CHECK_TITLES[finding.check]}: {words.meaning}", file=stdout)
            if finding.verdict in (Verdict.WARN, Verdict.FAIL):
                print(f"    {words.action}", file=stdout)

    async def run() -> int:
        async with ApiClient(profile, key) as client:
            report = await run_doctor(client, args.model, on_finding=show, profile_name=args.base_url)
        if args.markdown:
            print(report_markdown(report, []), file=stdout, end="")
        return 1 if report.worst == Verdict.FAIL else 0

    return asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main())
