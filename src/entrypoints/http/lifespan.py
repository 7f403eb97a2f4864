"""What lives as long as the app: background coroutines started by ``on_startup`` and
cancelled (and awaited) by ``on_shutdown``, and shutdown steps that cannot hang."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

_log = logging.getLogger("inkslot.http")
Hook = Callable[[], Awaitable[None]]


class LifespanTask:
    """Subclasses give ``_run`` (a loop that never returns on its own) and ``name``; a
    subclass may decline to start by overriding ``wanted``."""

    name = "inkslot-task"

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def wanted(self) -> bool:
        return True

    async def start(self) -> None:
        if self.wanted():
            self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        raise NotImplementedError


SHUTDOWN_STEP_SECONDS = 10.0


def bounded(hook: Hook) -> Hook:
    """A shutdown step that cannot hold the process forever: past its time it is abandoned
    with a warning naming it and every task still pending (what it waited for)."""
    name = getattr(hook, "__qualname__", repr(hook))

    async def step() -> None:
        try:
            await asyncio.wait_for(hook(), SHUTDOWN_STEP_SECONDS)
        except TimeoutError:
            pending = [
                f"{t.get_name()}: {t.get_coro()!r}"
                for t in asyncio.all_tasks()
                if t is not asyncio.current_task()
            ]
            _log.warning("shutdown step %s did not finish; pending: %s", name, pending)

    return step
