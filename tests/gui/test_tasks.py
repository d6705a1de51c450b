"""TaskKeeper: coroutines started from slots are kept, their errors reported, and shut down cleanly."""

import asyncio

import qasync

from gui.tasks import TaskKeeper
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
