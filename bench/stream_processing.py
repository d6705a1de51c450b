"""Stream processing benchmark: one long reply from a local server through a client to a finished message.

    python bench/stream_processing.py [--events 20000] [--chars 8] [--runs 5] [--server fake|fast] [--profile]

The server runs in its own process (bench/_sse_server.py), so only the client's CPU is counted: process CPU
seconds (`time.process_time`) and wall time per run, from the response's headers to holding the final message
(the stream itself: what comes before it is the same for every client and every length of reply, and on a
shared machine its ~30-40 ms, mostly loading the TLS certificates for a new httpx client, varied by more than
the margin of the goal), and the whole request's CPU besides, from creating the client.
Clients, each reading the same `--events`-event stream:
  triptych  core's ApiClient.stream() / MessageStream, iterated to the end, then .message()
  sdk       the official anthropic SDK's AsyncAnthropic().messages.stream(), iterated, get_final_message()
  floor     bare httpx: the response's lines read and counted, nothing parsed (the lower bound)
Medians over `--runs` runs (after one warm-up each) and CPU-per-event ratios against triptych and against the
floor are printed. The runs are interleaved, and the ratio to the floor is taken within each round (the
clients measured one after the other) and the median of the rounds' ratios is the one compared with the goal
(triptych at most 1.5x the floor): drift between rounds on a shared machine cancels out.
`--profile` runs triptych once more under cProfile and prints its top functions.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import anthropic
import httpx
from _sse_server import API_KEY, MODEL

from core.api.client import ApiClient
from core.model.messages import ChatMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings

HERE = Path(__file__).resolve().parent
PROMPT = "Write a long answer."


@dataclass
class Run:
    cpu: float
    """The stream's CPU seconds: from the response's headers to the final message."""
    wall: float
    events: int
    request_cpu: float
    """The whole request's CPU seconds, from creating the client."""


class Clock:
    """The CPU clock where a client says its stream began (its response's headers are in) and ended (it holds
    the final message, before closing anything)."""

    began: float | None = None
    ended: float | None = None

    @classmethod
    def stream_begins(cls) -> None:
        cls.began = time.process_time()

    @classmethod
    def stream_ends(cls) -> None:
        cls.ended = time.process_time()


async def triptych(base_url: str) -> int:
    async with ApiClient(Profile(name="bench", base_url=base_url), API_KEY) as client:
        stream = client.stream([ChatMessage.user_text(PROMPT)], RequestSettings(model=MODEL))
        updates = 0
        async with stream:
            Clock.stream_begins()
            async for _update in stream:
                updates += 1
        message = stream.message()
        Clock.stream_ends()
        assert message is not None and message.stop_reason == "end_turn", "incomplete reply"
        return updates


async def sdk(base_url: str) -> int:
    client = anthropic.AsyncAnthropic(api_key=API_KEY, base_url=base_url, max_retries=0)
    try:
        events = 0
        async with client.messages.stream(
            model=MODEL, max_tokens=4096, messages=[{"role": "user", "content": PROMPT}]
        ) as stream:
            Clock.stream_begins()
            async for _event in stream:
                events += 1
            message = await stream.get_final_message()
            Clock.stream_ends()
        assert message.stop_reason == "end_turn", "incomplete reply"
        return events
    finally:
        await client.close()


async def floor(base_url: str) -> int:
    body = {
        "model": MODEL,
        "max_tokens": 4096,
        "stream": True,
        "messages": [{"role": "user", "content": PROMPT}],
    }
    headers = {"x-api-key": API_KEY, "anthropic-version": "2023-06-01"}
    async with (
        httpx.AsyncClient(timeout=60) as client,
        client.stream("POST", f"{base_url}/v1/messages", json=body, headers=headers) as response,
    ):
        response.raise_for_status()
        Clock.stream_begins()
        data_lines = 0
        async for line in response.aiter_lines():
            if line.startswith("data:"):
                data_lines += 1
        Clock.stream_ends()
        return data_lines


CLIENTS: dict[str, Callable[[str], Awaitable[int]]] = {"triptych": triptych, "sdk": sdk, "floor": floor}


def measure(client: Callable[[str], Awaitable[int]], base_url: str) -> Run:
    Clock.began = Clock.ended = None
    cpu, wall = time.process_time(), time.perf_counter()
    events = asyncio.run(client(base_url))
    assert Clock.began is not None and Clock.ended is not None, "the client did not mark its stream"
    return Run(Clock.ended - Clock.began, time.perf_counter() - wall, events, time.process_time() - cpu)


def start_server(args: argparse.Namespace) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "_sse_server.py"),
            "--events",
            str(args.events),
            "--chars",
            str(args.chars),
            "--server",
            args.server,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    return server, server.stdout.readline().strip()


def profile(base_url: str, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    asyncio.run(triptych(base_url))
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=20_000, help="events in the stream")
    parser.add_argument("--chars", type=int, default=8, help="characters per text delta")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--server", choices=["fake", "fast"], default="fake", help="see bench/_sse_server.py")
    parser.add_argument("--clients", nargs="+", choices=list(CLIENTS), default=list(CLIENTS))
    parser.add_argument("--profile", action="store_true", help="also profile triptych's client once")
    args = parser.parse_args()
    server, base_url = start_server(args)
    try:
        results: dict[str, list[Run]] = {name: [] for name in args.clients}
        for name in args.clients:
            measure(CLIENTS[name], base_url)  # warm-up: imports, connection pools, caches
        for _ in range(args.runs):
            for name in args.clients:  # interleaved, so drift on a shared machine hits every client alike
                results[name].append(measure(CLIENTS[name], base_url))
        report(args, results)
        if args.profile:
            profile(base_url, 25)
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(10)


GOAL_OVER_FLOOR = 1.5
"""Issue 17: our client's CPU per event at most 1.5x the bare httpx floor's (on the default server)."""


def report(args: argparse.Namespace, results: dict[str, list[Run]]) -> None:
    print(
        f"{args.events} events ({args.chars} chars per delta) from the {args.server} server in another "
        f"process, median of {args.runs} runs; CPU: the stream's (request: from creating the client)"
    )
    print(
        f"{'client':<9} | {'events/s':>9} | {'wall s':>7} | {'CPU s':>6} | {'CPU µs/event':>12} | "
        f"{'request µs/event':>16} | {'CPU vs triptych':>15} | {'CPU vs floor':>12}"
    )
    floor_runs = results.get("floor")
    for name, runs in results.items():
        wall = statistics.median(run.wall for run in runs)
        cpu = statistics.median(run.cpu for run in runs)
        request = statistics.median(run.request_cpu for run in runs)
        ratio = paired(runs, results["triptych"]) if "triptych" in results else None
        over_floor = paired(runs, floor_runs) if floor_runs else None
        print(
            f"{name:<9} | {args.events / wall:>9,.0f} | {wall:>7.3f} | {cpu:>6.3f} | "
            f"{cpu / args.events * 1e6:>12.1f} | {request / args.events * 1e6:>16.1f} | "
            + (f"{ratio:>14.2f}x" if ratio else f"{'':>15}")
            + " | "
            + (f"{over_floor:>11.2f}x" if over_floor else f"{'':>12}")
        )
    if "triptych" in results and floor_runs:
        measured = paired(results["triptych"], floor_runs)
        rounds = sorted(
            ours.cpu / floor.cpu for ours, floor in zip(results["triptych"], floor_runs, strict=True)
        )
        verdict = "met" if measured <= GOAL_OVER_FLOOR else "NOT met"
        print(
            f"goal: triptych's CPU per event <= {GOAL_OVER_FLOOR}x the floor's; measured {measured:.2f}x "
            f"(the rounds' ratios {rounds[0]:.2f}-{rounds[-1]:.2f}x): {verdict}"
        )


def paired(runs: list[Run], base: list[Run]) -> float:
    """The median over the rounds of the stream's CPU against `base`'s in the same round."""
    return statistics.median(run.cpu / other.cpu for run, other in zip(runs, base, strict=True))


if __name__ == "__main__":
    main()
