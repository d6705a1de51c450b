"""Stream processing benchmark: one long reply from a local server through a client to a finished message.

    python bench/stream_processing.py [--events 20000] [--chars 8] [--runs 5] [--server fake|fast] [--profile]

The server runs in its own process (bench/_sse_server.py), so only the client's CPU is counted: process CPU
seconds (`time.process_time`) and wall time per run, from sending the request to holding the final message.
Clients, each reading the same `--events`-event stream:
  triptych  core's ApiClient.stream() / MessageStream, iterated to the end, then .message()
  sdk       the official anthropic SDK's AsyncAnthropic().messages.stream(), iterated, get_final_message()
  floor     bare httpx: the response's lines read and counted, nothing parsed (the lower bound)
Medians over `--runs` runs (after one warm-up each) and CPU-per-event ratios against triptych and against the
floor are printed, then the goal (triptych at most 1.5x the floor) and whether this run met it.
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
    wall: float
    events: int


async def triptych(base_url: str) -> int:
    async with ApiClient(Profile(name="bench", base_url=base_url), API_KEY) as client:
        stream = client.stream([ChatMessage.user_text(PROMPT)], RequestSettings(model=MODEL))
        updates = 0
        async with stream:
            async for _update in stream:
                updates += 1
        message = stream.message()
        assert message is not None and message.stop_reason == "end_turn", "incomplete reply"
        return updates


async def sdk(base_url: str) -> int:
    client = anthropic.AsyncAnthropic(api_key=API_KEY, base_url=base_url, max_retries=0)
    try:
        events = 0
        async with client.messages.stream(
            model=MODEL, max_tokens=4096, messages=[{"role": "user", "content": PROMPT}]
        ) as stream:
            async for _event in stream:
                events += 1
            message = await stream.get_final_message()
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
        data_lines = 0
        async for line in response.aiter_lines():
            if line.startswith("data:"):
                data_lines += 1
        return data_lines


CLIENTS: dict[str, Callable[[str], Awaitable[int]]] = {"triptych": triptych, "sdk": sdk, "floor": floor}


def measure(client: Callable[[str], Awaitable[int]], base_url: str) -> Run:
    cpu, wall = time.process_time(), time.perf_counter()
    events = asyncio.run(client(base_url))
    return Run(time.process_time() - cpu, time.perf_counter() - wall, events)


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
    parser.add_argument("--runs", type=int, default=5)
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
        f"process, median of {args.runs} runs"
    )
    print(
        f"{'client':<9} | {'events/s':>9} | {'wall s':>7} | {'CPU s':>6} | {'CPU µs/event':>12} | "
        f"{'CPU vs triptych':>15} | {'CPU vs floor':>12}"
    )
    cpu = {name: statistics.median(run.cpu for run in runs) for name, runs in results.items()}
    ours, floor_cpu = cpu.get("triptych"), cpu.get("floor")
    for name, runs in results.items():
        wall = statistics.median(run.wall for run in runs)
        ratio = f"{cpu[name] / ours:>14.2f}x" if ours else f"{'':>15}"
        over_floor = f"{cpu[name] / floor_cpu:>11.2f}x" if floor_cpu else f"{'':>12}"
        print(
            f"{name:<9} | {args.events / wall:>9,.0f} | {wall:>7.3f} | {cpu[name]:>6.3f} | "
            f"{cpu[name] / args.events * 1e6:>12.1f} | {ratio} | {over_floor}"
        )
    if ours and floor_cpu:
        measured = ours / floor_cpu
        verdict = "met" if measured <= GOAL_OVER_FLOOR else "NOT met"
        print(
            f"goal: triptych's CPU per event <= {GOAL_OVER_FLOOR}x the floor's; measured {measured:.2f}x: "
            f"{verdict}"
        )


if __name__ == "__main__":
    main()
