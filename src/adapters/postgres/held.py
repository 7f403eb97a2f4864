"""What a unit of work recorded and has not written yet (its outbox events, its audit
entries): held until the statement that writes the change they describe carries them, or
written all at once when the unit commits (``outbox.py``, ``audit.py``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class HeldRecords(Generic[T]):
    """Earlier records are written before one a statement carries, so the order they were
    made in stays."""

    def __init__(self, write: Callable[[Sequence[T]], Awaitable[None]]) -> None:
        self._write = write
        self._held: list[T] = []

    def hold(self, record: T) -> None:
        self._held.append(record)

    def held(self) -> Sequence[T]:
        return tuple(self._held)

    async def carried(self, matches: Callable[[T], bool]) -> T | None:
        """The first held record that ``matches``, no longer held, for the statement that
        writes its change (None when none is held); the records held before it are written
        first."""
        for place, record in enumerate(self._held):
            if matches(record):
                earlier, self._held = self._held[:place], self._held[place + 1 :]
                await self._write(earlier)
                return record
        return None

    async def write_all(self) -> None:
        held, self._held = self._held, []
        await self._write(held)

    def drop(self) -> None:
        self._held = []
