"""Ports every context shares: the unit of work's transaction semantics, and health.

Each context's ``ports`` module declares the narrow unit of work its use cases need: this
base plus its own repositories as read-only properties. The adapters' units of work serve
every context at once, and strict mypy checks that they do (they subclass each port).
"""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self, runtime_checkable


class UnitOfWork(Protocol):
    """One transaction (unless opened read-only: see the factories). ``async with uow:``
    opens it; ``commit()`` makes it durable; leaving the block without a commit rolls it
    back. Repositories are reachable only inside the block; nothing they write is visible
    to anyone else until ``commit()``."""

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


@runtime_checkable  # the HTTP layer checks what it is handed against this
class HealthProbe(Protocol):
    async def check(self) -> None:
        """Return when the backing store answers; raise ``ServiceUnavailableError`` if not."""
        ...
