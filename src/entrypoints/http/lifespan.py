"""A background coroutine that lives as long as the app: started by ``on_startup``,
cancelled (and awaited) by ``on_shutdown``."""

from __future__ import annotations

import asyncio
import contextlib


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
