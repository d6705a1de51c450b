"""TaskKeeper: coroutines started from slots are kept, their errors reported, and shut down cleanly."""

import asyncio

import qasync

from gui.tasks import Coalesced, TaskKeeper
from tests.gui.conftest import run, wait_until


def test_a_failing_task_is_reported_not_lost(qloop: qasync.QEventLoop) -> None:
    reported: list[BaseException] = []
    keeper = TaskKeeper(on_error=reported.append)

    async def boom() -> None:
        raise ValueError("kaboom")

    async def body() -> None:
        keeper.start(boom())
        await wait_until(lambda: bool(reported), what="the error reported")

    run(qloop, body())
    assert [str(error) for error in reported] == ["kaboom"]
    assert keeper.running == 0


def test_shutdown_cancels_and_awaits_cleanup(qloop: qasync.QEventLoop) -> None:
    keeper = TaskKeeper()
    started = asyncio.Event()
    cleaned: list[str] = []

    async def long_job() -> None:
        try:
            started.set()
            await asyncio.sleep(60)
        finally:
            await asyncio.sleep(0.01)
            cleaned.append("saved")

    async def body() -> None:
        keeper.start(long_job())
        await started.wait()
        await keeper.shutdown()

    run(qloop, body())
    assert cleaned == ["saved"]
    assert keeper.running == 0


def test_a_coalesced_job_runs_once_at_a_time_and_once_more_for_what_came_meanwhile(
    qloop: qasync.QEventLoop,
) -> None:
    keeper = TaskKeeper()
    running = 0
    most = 0
    seen: list[int] = []
    state = [0]
    release = asyncio.Event()

    async def job() -> None:
        nonlocal running, most
        running += 1
        most = max(most, running)
        latest = state[0]
        await release.wait()
        seen.append(latest)
        running -= 1

    coalesced = Coalesced(keeper, job)

    async def body() -> None:
        first = coalesced.request()
        await wait_until(lambda: running == 1, what="the first run")
        for n in range(1, 6):  # five changes while it runs
            state[0] = n
            assert coalesced.request() is first
        release.set()
        await first
        assert not coalesced.busy
        # One run for the first request, one more for the five that came meanwhile, seeing the last.
        assert (coalesced.runs, seen, most) == (2, [0, 5], 1)
        await coalesced.request()
        assert coalesced.runs == 3

    run(qloop, body())
