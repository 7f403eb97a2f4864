"""The job worker inside an API process (``make run``'s) runs for as long as the process
serves: it is started again whenever it stops by itself, with an error or without one (as
procrastinate stops a worker whose listener could not connect), and a cancel stops it."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from entrypoints.worker import run_worker_until_cancelled
from tests.support.bootstrap import build_app
from tests.support.builders import cheap_settings

pytestmark = pytest.mark.anyio


class Procrastinate:
    """How procrastinate's worker ends, run after run: ``"stops"`` (its side task failed:
    it returns as from a graceful stop), ``"fails"`` (an error), then it works until
    cancelled."""

    def __init__(self, *endings: str) -> None:
        self.endings = list(endings)
        self.runs = 0
        self.working = asyncio.Event()

    async def __call__(self, *_: Any, install_signal_handlers: bool) -> None:
        assert install_signal_handlers is False  # the process's signals are the server's
        self.runs += 1
        if self.endings:
            if self.endings.pop(0) == "fails":
                raise ConnectionError("the database refused the connection")
            return
        self.working.set()
        await asyncio.Event().wait()


async def test_a_worker_that_stops_by_itself_is_started_again_until_cancelled() -> None:
    worker = Procrastinate("stops", "fails", "stops")
    task = asyncio.create_task(
        run_worker_until_cancelled(
            cheap_settings(), build_app().bundles, run=worker, restart_after=0
        )
    )
    await asyncio.wait_for(worker.working.wait(), timeout=10)
    assert worker.runs == 4
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert worker.runs == 4
