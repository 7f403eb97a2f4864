"""Holds that ran out: pending bookings whose hold ran out are cancelled (reason
``expired``), by the periodic sweep and, for the time a new booking wants, on the spot;
idempotency keys past their 24 hours are deleted."""

from __future__ import annotations

from datetime import datetime

from booking_domain.bookings import lifecycle
from booking_domain.bookings.ports import BookingsUnitOfWork
from booking_domain.bookings.recording import record_change
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.time import Interval
from booking_domain.shared.use_case import UseCase

EXPIRY_BATCH = 200


class ExpireHolds(UseCase[BookingsDeps]):
    """The system cancels (reason ``expired``) every pending booking whose hold has run out,
    in batches of ``batch_size`` per transaction; returns how many it expired. Holds another
    sweeper is expiring at the same moment are skipped, not waited for."""

    async def __call__(self, *, batch_size: int = EXPIRY_BATCH) -> int:
        if batch_size < 1:
            raise InvalidInputError(errors=(FieldError("batchSize", "Use at least 1."),))
        total = 0
        while True:
            async with self._deps.uow() as uow:
                now = self._deps.clock.now()
                held = await uow.bookings.expired_holds(now, limit=batch_size)
                for booking in held:
                    expired, entry = lifecycle.expire_hold(booking, now)
                    await record_change(uow, expired, entry)
                await uow.commit()
            total += len(held)
            if len(held) < batch_size:
                return total


class PurgeIdempotencyKeys(UseCase[BookingsDeps]):
    """Delete idempotency records that have expired (24 h after their request), in batches
    of ``batch_size`` per transaction; returns how many went. An expired record already
    answers nothing; this only keeps the table small."""

    async def __call__(self, *, batch_size: int = 1000) -> int:
        total = 0
        while True:
            async with self._deps.uow() as uow:
                gone = await uow.idempotency.purge_expired(self._deps.clock.now(), limit=batch_size)
                await uow.commit()
            total += gone
            if gone < batch_size:
                return total


async def expire_stale_holds(
    uow: BookingsUnitOfWork,
    artist_id: ArtistId,
    span: Interval,
    now: datetime,
    *,
    skip: BookingId | None = None,
) -> int:
    """Expire the artist's pending bookings overlapping ``span`` whose hold has run out, so a
    stale hold never makes the storage's overlap check refuse a free slot.

    Each one is re-read under a row lock before it changes, so two requests cleaning up the
    same hold do not collide: the second sees it already expired and leaves it.
    """
    expired = 0
    for held in await uow.bookings.holding(artist_id, span):
        if held.id == skip or not held.hold_expired(now):
            continue
        current = await uow.bookings.get(held.id, for_update=True)
        if current is None or not current.hold_expired(now):
            continue
        booking, entry = lifecycle.expire_hold(current, now)
        await record_change(uow, booking, entry)
        expired += 1
    return expired
