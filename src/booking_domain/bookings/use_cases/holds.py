"""Periodic upkeep: pending bookings whose hold ran out are cancelled (reason ``expired``);
idempotency keys past their 24 hours are deleted."""

from __future__ import annotations

from booking_domain.bookings import lifecycle
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.shared.errors import FieldError, InvalidInputError
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
                    expired, event = lifecycle.expire_hold(booking, now)
                    await uow.bookings.save(expired, event)
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
