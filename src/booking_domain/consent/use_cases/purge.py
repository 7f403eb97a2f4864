"""Retention: signed consents go ``RETENTION`` after their appointment (docs/privacy.md),
in batches, from the hourly purge."""

from __future__ import annotations

from booking_domain.consent.use_cases.deps import ConsentDeps
from booking_domain.shared.use_case import UseCase

PURGE_BATCH = 500


class PurgeConsents(UseCase[ConsentDeps]):
    """Delete the consents whose retention ended; returns how many went."""

    async def __call__(self, *, batch_size: int = PURGE_BATCH) -> int:
        gone = 0
        while True:
            async with self._deps.uow() as uow:
                batch = await uow.consents.purge(self._deps.clock.now(), limit=batch_size)
                await uow.commit()
            gone += batch
            if batch < batch_size:
                return gone
