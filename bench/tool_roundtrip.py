"""Tool round trip: a trivial MCP tool called over stdio through ToolHub, against the bare SDK, same run.

    python bench/tool_roundtrip.py [--calls 300] [--runs 3]

The server is tests/mcp_servers/faulty.py (the official SDK's MCPServer) in its own process; the tool is
`echo` with a short text. Variants, each with its own server process, interleaved over `--runs` runs:
  hub   core.tools.hub.ToolHub.call() awaited on the caller's loop: argument check against the schema, the
        hop to the hub's own loop thread and back, the result converted to a ToolOutcome
  sdk   mcp.ClientSession.call_tool() on the SDK's own stdio_client, on the calling loop (the floor)
Medians (and p95) of the per-call wall time in milliseconds, and the hub's median over the SDK's, are
printed. Goal: the hub's median at most 20 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.model.tools import ServerConfig
from core.tools.hub import ToolHub

FAULTY = Path(__file__).resolve().parents[1] / "tests" / "mcp_servers" / "faulty.py"
ARGUMENTS = {"text": "ping"}


async def hub_times(calls: int) -> list[float]:
    hub = ToolHub(start_timeout=120)
    try:
        await hub.configure([ServerConfig(name="bench", command=sys.executable, args=(str(FAULTY),))])
        spec = hub.find("echo")
        assert spec is not None, hub.statuses()
        for _ in range(20):  # warm up
            await hub.call(spec, ARGUMENTS)
        times = []
        for _ in range(calls):
            start = time.perf_counter()
            outcome = await hub.call(spec, ARGUMENTS)
            times.append(time.perf_counter() - start)
            assert outcome.problem is None, outcome
        return times
    finally:
        await hub.close()


async def sdk_times(calls: int) -> list[float]:
    from mcp import ClientSession, StdioServerParameters, stdio_client

    params = StdioServerParameters(command=sys.executable, args=[str(FAULTY)])
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        await session.list_tools()
        for _ in range(20):
            await session.call_tool("echo", ARGUMENTS)
        times = []
        for _ in range(calls):
            start = time.perf_counter()
            result = await session.call_tool("echo", ARGUMENTS)
            times.append(time.perf_counter() - start)
            assert not result.is_error
        return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    results: dict[str, list[float]] = {"hub": [], "sdk": []}
    for run in range(options.runs):
        for name, measure in (("hub", hub_times), ("sdk", sdk_times)):
            times = asyncio.run(measure(options.calls))
            results[name].extend(times)
            print(f"run {run + 1} {name}: median {statistics.median(times) * 1000:.2f} ms", file=sys.stderr)
    print(f"\n{options.calls} calls x {options.runs} runs of a trivial tool over stdio\n")
    print("| variant | median | p95 | ratio (median) |")
    print("|---|---|---|---|")
    sdk_median = statistics.median(results["sdk"])
    for name in ("hub", "sdk"):
        times = sorted(results[name])
        median = statistics.median(times)
        p95 = times[int(len(times) * 0.95)]
        print(f"| {name} | {median * 1000:.2f} ms | {p95 * 1000:.2f} ms | {median / sdk_median:.2f} |")
    hub_median = statistics.median(results["hub"]) * 1000
    print(f"\nhub median {hub_median:.2f} ms: {'within' if hub_median <= 20 else 'over'} the 20 ms goal")


if __name__ == "__main__":
    main()
