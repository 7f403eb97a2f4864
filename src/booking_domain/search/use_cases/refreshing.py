"""Keeping the free-starts projection up to date (``free_starts`` says why it is exact).

One refresher at a time (across processes) reads the outbox's feed from its position and
recomputes the artists of booking events; then it recomputes the artists the projection
reports due (no projection yet, an older catalogue version, or a hold that ran out). Each
batch is one transaction with the position's advance, so a crash repeats a batch at most.

A batch reads and computes every artist's projection first and writes them all after: an
open transaction that has written holds back the outbox feed's horizon (on PostgreSQL no
reader sees an event committed after its first write until it ends: docs/events.md, "Order
and the feed"), so it writes only once nothing is left to compute. Interleaved, a burst's
batch of 200 artists held every reader of the feed (the planner, webhooks, the real-time
stream) back for seconds.
"""

from __future__ import annotations

from datetime import datetime

from booking_domain.bookings import artist_of_booking_event
from booking_domain.search.free_starts import VALIDITY, CalendarProjection, project
from booking_domain.search.ports import SearchUnitOfWork
from booking_domain.search.use_cases.deps import SearchDeps
from booking_domain.shared.errors import DomainError
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.outbox import OutboxEvent
from booking_domain.shared.use_case import UseCase, in_batches

# Events read per batch: the artists of a batch's booking events are recomputed once each,
# however many of their bookings it holds (a burst of bookings over 200 artists costs about
# 200 recomputes per batch, not one per booking).
BATCH = 1000


def _calendar_changed(event: OutboxEvent) -> ArtistId | None:
    """The artist whose calendar a booking event changed (None for other events)."""
    return artist_of_booking_event(event) if event.type.startswith("booking.") else None


class RefreshFreeStarts(UseCase[SearchDeps]):
    """Bring the projection up to date; returns how many artists were recomputed (0 also
    when another refresher is at work)."""

    async def __call__(self, *, batch_size: int = BATCH) -> int:
        return await in_batches(self._one_batch, batch_size)

    async def _one_batch(self, batch_size: int) -> tuple[int, bool]:
        async with self._deps.uow() as uow:
            position = await uow.search_position.claim()
            if position is None:
                return 0, False
            now = self._deps.clock.now()
            items = await self._deps.feed.read(position.after, limit=batch_size)
            touched = {a for item in items if (a := _calendar_changed(item.event)) is not None}
            due = await uow.free_starts.due(now, batch_size)
            recompute = sorted(touched | set(due), key=str)
            computed = [await _computed(uow, artist_id, now) for artist_id in recompute]
            await _store(uow, recompute, computed, now)
            if items:
                await uow.search_position.advance(items[-1].cursor)
            await uow.commit()
        more = len(items) == batch_size or len(due) == batch_size
        return len(recompute), more


async def _computed(
    uow: SearchUnitOfWork, artist_id: ArtistId, now: datetime
) -> CalendarProjection | DomainError | None:
    """The artist's projection (None: no such artist now), or the refusal of its stored
    data."""
    try:
        calendar = await uow.free_starts.calendar(artist_id, now)
        return None if calendar is None else project(calendar, now)
    except DomainError as refusal:
        return refusal


async def _store(
    uow: SearchUnitOfWork,
    artists: list[ArtistId],
    computed: list[CalendarProjection | DomainError | None],
    now: datetime,
) -> None:
    for artist_id, outcome in zip(artists, computed, strict=True):
        if isinstance(outcome, DomainError):
            # Stored data the rules refuse (say, a time zone this system no longer knows)
            # must not stop every other artist's refresh: this one offers nothing until it
            # changes.
            await uow.free_starts.offer_nothing(artist_id, now, now + VALIDITY)
    await uow.free_starts.store_all([p for p in computed if isinstance(p, CalendarProjection)])
