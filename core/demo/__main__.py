"""`python -m core.demo --port 0 --key demo [--quirks NAME]`: serve the demo model until interrupted, as a
relay with that quirk profile would pass it on (`core.demo.quirks`: headers-renamed, 529-as-500, …)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from core.demo.quirks import PROFILES, Quirks
from core.demo.server import demo_server

_BY_NAME = {profile.name.split(" (")[0].replace(" ", "-").replace(",", ""): profile for profile in PROFILES}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m core.demo", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--key", default="demo", help="the API key clients must send")
    parser.add_argument("--quirks", choices=sorted(_BY_NAME), default="faithful", help="a relay's habits")
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.port, args.key, _BY_NAME[args.quirks]))


async def _serve(port: int, key: str, quirks: Quirks) -> None:
    server = demo_server(key, port=port)
    server.quirks = quirks
    async with server:
        print(server.base_url, flush=True)
        await asyncio.Event().wait()


if __name__ == "__main__":
    main()
