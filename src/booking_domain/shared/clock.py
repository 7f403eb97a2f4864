"""The Clock port: the domain never reads the time; use cases ask the injected clock."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, runtime_checkable


@runtime_checkable  # the HTTP layer checks what it is handed against this (the pages' clock)
class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...
