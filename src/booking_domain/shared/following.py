"""One batch of a follower of the outbox's feed that keeps its own position (the ledger's,
disputes' chargebacks): claim the follower's turn, read the events of its types after its
position, handle each, move the position past everything looked at, commit, all in the one
unit of work. A crash between two batches repeats nothing and skips nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from typing import Protocol

from booking_domain.shared.outbox import OutboxEvent
from booking_domain.shared.ports import OutboxFeed, UnitOfWork


class FeedPosition(Protocol):
    @property
    def after(self) -> str | None:
        """The feed cursor of the last event looked at; None: none yet."""
        ...


class FeedCursor(Protocol):
    async def claim(self) -> FeedPosition | None:
        """Take the follower's turn for this unit of work (None: another one has it)."""
        ...

    async def advance(self, cursor: str) -> None:
        """Forward only (``ConflictError`` rather than move back)."""
        ...


async def follow_batch(
    uow: UnitOfWork,
    cursor: FeedCursor,
    feed: OutboxFeed,
    *,
    types: Collection[str],
    limit: int,
    handle: Callable[[OutboxEvent], Awaitable[int]],
) -> tuple[int, bool]:
    """What ``handle`` made of the batch's events, and whether more may be waiting (the
    shape ``use_case.in_batches`` takes); commits ``uow``."""
    position = await cursor.claim()
    if position is None:
        return 0, False
    scan = await feed.scan(position.after, types=types, limit=limit)
    if scan.reached is None:
        return 0, False
    made = 0
    for item in scan.items:
        made += await handle(item.event)
    await cursor.advance(scan.reached)
    await uow.commit()
    return made, scan.looked == limit
