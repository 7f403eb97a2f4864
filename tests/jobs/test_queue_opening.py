"""Opening the job queue's app can be interrupted (a stop while the database accepts and
does not answer yet) without leaving anything behind that would keep the process alive."""

from __future__ import annotations

import asyncio
import contextlib
import socket

import pytest

from adapters.jobs.queue import job_app, opened

pytestmark = pytest.mark.anyio


async def test_an_opening_interrupted_by_a_stop_leaves_no_task_behind() -> None:
    """psycopg_pool's workers survive a cancellation by design; unless the interrupted
    opening closes the pool, the end of ``asyncio.run`` (cancel every task, wait for all)
    waits for them forever: the worker stopped while it starts that never exited."""
    loop = asyncio.get_running_loop()
    with socket.socket() as silent:  # a database that accepts and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        silent.setblocking(False)
        port = silent.getsockname()[1]
        app = job_app(f"postgresql://inkslot:secret@127.0.0.1:{port}/inkslot")
        before = asyncio.all_tasks()

        async def use_the_queue() -> None:
            async with opened(app):
                pytest.fail("the queue opened against a database that never answers")

        using = asyncio.create_task(use_the_queue())
        waiting, _ = await asyncio.wait_for(loop.sock_accept(silent), timeout=30)
        using.cancel()  # the stop, while the pool waits for its first connection
        with contextlib.suppress(asyncio.CancelledError):
            await using
        left = asyncio.all_tasks() - before - {asyncio.current_task()}
        for task in left:  # what the end of asyncio.run does
            task.cancel()
        _, pending = await asyncio.wait(left, timeout=15) if left else (set(), set())
        waiting.close()
    assert not pending, f"tasks that outlive the stop: {pending}"
