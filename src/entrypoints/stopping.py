"""A command's event loop stopped by SIGTERM: its main task is cancelled, so everything it
opened closes on the way out, and the process exits 0 (a stop carried out, not a crash).

Before the loop runs, a command's SIGTERM handler raises ``SystemExit(0)`` where the
signal finds it (``cli._exit_on_signal``): nothing is open yet. Inside a running loop that
would leave whatever the loop was in the middle of half done: psycopg_pool's scheduler lock
taken and never released (its ``async with`` exited by the exception), the pool's workers
connecting to a database that does not answer and ignoring the cancellation that follows,
and the loop's end waiting for them forever (a worker stopped while it starts, SIGTERM
right after ``docker start``). So while :func:`run_until_stopped` runs its coroutine, SIGTERM
only asks the loop to cancel the main task; its ``finally`` blocks close the pools.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Coroutine
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")


def run_until_stopped(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(main)``; SIGTERM meanwhile cancels ``main`` and the process exits 0.
    The SIGTERM handler in place before is restored after (a job queue that takes SIGTERM
    over for a graceful stop restores this one when it is done)."""
    stopped = False

    async def cancellable() -> T:
        task = asyncio.current_task()
        assert task is not None
        loop = asyncio.get_running_loop()

        def cancel(_signum: int, _frame: FrameType | None) -> None:
            nonlocal stopped
            if stopped:  # a second SIGTERM must not cut the first one's closing short
                return
            stopped = True
            try:
                loop.call_soon_threadsafe(task.cancel)
            except RuntimeError:  # the loop has just closed: nothing of it is open
                raise SystemExit(0) from None

        signal.signal(signal.SIGTERM, cancel)
        return await main

    before = signal.getsignal(signal.SIGTERM)
    try:
        return asyncio.run(cancellable())
    except asyncio.CancelledError:
        if stopped:
            raise SystemExit(0) from None
        raise
    finally:
        signal.signal(signal.SIGTERM, before)
