"""A command's event loop stopped by SIGTERM: its work is cancelled, what it opened is
closed, and the process exits as the SIGTERM handler in place before says a stop ends.

Before the loop runs, a command's SIGTERM handler raises ``SystemExit`` where the signal
finds it: nothing is open yet. Inside a running loop that would leave whatever the loop was
in the middle of half done: psycopg_pool's scheduler lock taken and never released (its
``async with`` exited by the exception), the pool's workers connecting to a database that
does not answer and ignoring the cancellation that follows, and the loop's end waiting for
them forever (a worker stopped while it starts, SIGTERM right after ``docker start``). So
while :func:`run_until_stopped` runs, SIGTERM only cancels the work, and never the closing
that follows it (a cancelled close would leave the pools it had not reached open: the same
wait forever).
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from types import FrameType
from typing import TypeVar

T = TypeVar("T")

# How a stop ends when the command had no SIGTERM handler of its own: as the default
# disposition reports it to a shell (128 + 15), so a one-shot command stopped midway (a key
# rotation rolled back) never reads as done.
KILLED_BY_SIGTERM = 128 + signal.SIGTERM


def run_until_stopped(work: Callable[[], Awaitable[T]], close: Callable[[], Awaitable[None]]) -> T:
    """Run ``work()`` and then ``close()`` on a new event loop; return ``work``'s result.

    A SIGTERM meanwhile cancels ``work`` (never ``close``, which always runs to its end) and
    the process then exits: 0 where the command's own handler before said a stop is carried
    out (``serve``, ``worker``: a Python handler), 143 where nothing did (one-shot commands
    under the default disposition). A job queue that takes SIGTERM over while ``work`` runs
    (a graceful stop) restores this handler when it is done; a SIGTERM after that, while the
    command closes, still ends the process as a stop. The handler before is restored after.
    """
    before = signal.getsignal(signal.SIGTERM)
    stopped_exit = 0 if callable(before) else KILLED_BY_SIGTERM
    stopped = closing = False

    async def main() -> T:
        nonlocal closing
        task = asyncio.current_task()
        assert task is not None
        loop = asyncio.get_running_loop()

        def stop(_signum: int, _frame: FrameType | None) -> None:
            nonlocal stopped
            already, stopped = stopped, True
            if already or closing:  # the closing runs to its end; the exit follows it
                return
            loop.call_soon_threadsafe(task.cancel)

        signal.signal(signal.SIGTERM, stop)
        try:
            return await work()
        finally:
            closing = True
            await close()

    try:
        result = asyncio.run(main())
    except asyncio.CancelledError:
        if stopped:
            raise SystemExit(stopped_exit) from None
        raise
    finally:
        signal.signal(signal.SIGTERM, before)
    if stopped:  # came while the work ended or the closing ran: a stop all the same
        raise SystemExit(stopped_exit)
    return result
