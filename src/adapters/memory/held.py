"""What a unit of work recorded and has not written yet (its outbox events, its audit
entries), as PostgreSQL holds them (``postgres/held.py``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class HeldRecords(Generic[T]):
    """Records held until the write of the change they describe carries them
    (:meth:`carried`) or the unit of work commits (:meth:`write_all`); earlier records are
    written first, so the order they were made in stays."""

    def __init__(self, write: Callable[[Sequence[T]], None]) -> None:
        self._write = write
        self._held: list[T] = []

    def hold(self, record: T) -> None:
        self._held.append(record)

    def held(self) -> Sequence[T]:
        return tuple(self._held)

    def carried(self, matches: Callable[[T], bool]) -> T | None:
        """The first held record that ``matches``, no longer held, for the write of its
        change (None when none is held); the records held before it are written first."""
        for place, record in enumerate(self._held):
            if matches(record):
                earlier, self._held = self._held[:place], self._held[place + 1 :]
                self._write(earlier)
                return record
        return None

    def write_all(self) -> None:
        held, self._held = self._held, []
        self._write(held)

    def drop(self) -> None:
        self._held = []
