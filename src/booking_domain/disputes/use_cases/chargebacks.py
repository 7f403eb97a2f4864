"""The chargebacks' follower: reads the outbox's feed and opens a dispute for each booking
whose card payment the customer's bank disputes (``chargebacks.py`` has the rules).

One follower at a time (across processes) reads the feed from its position
(``shared.following``); for each ``payment.disputed`` it opens the booking's dispute (a
booking disputed already gets no second one).
"""

from __future__ import annotations

import logging

from booking_domain.bookings import record_change
from booking_domain.disputes.chargebacks import (
    CHARGEBACK_EVENT_TYPES,
    Chargeback,
    chargeback_of,
    open_chargeback,
)
from booking_domain.disputes.ports import DisputesUnitOfWork
from booking_domain.disputes.use_cases.deps import DisputesDeps
from booking_domain.shared.following import follow_batch
from booking_domain.shared.outbox import OutboxEvent
from booking_domain.shared.use_case import UseCase, in_batches

_log = logging.getLogger("inkslot.disputes")
BATCH = 500  # events looked at per transaction (most are of other types, never read)


class OpenChargebackDisputes(UseCase[DisputesDeps]):
    """Open what the feed holds now, in batches; returns how many disputes were opened (0
    also when another follower is at work)."""

    async def __call__(self, *, batch_size: int = BATCH) -> int:
        return await in_batches(self._one_batch, batch_size)

    async def _one_batch(self, batch_size: int) -> tuple[int, bool]:
        async with self._deps.uow() as uow:

            async def open_one(event: OutboxEvent) -> int:
                chargeback = chargeback_of(event)
                return 0 if chargeback is None else await self._open(uow, chargeback)

            return await follow_batch(
                uow, uow.chargeback_cursor, self._deps.feed,
                types=CHARGEBACK_EVENT_TYPES, limit=batch_size, handle=open_one,
            )  # fmt: skip

    async def _open(self, uow: DisputesUnitOfWork, chargeback: Chargeback) -> int:
        booking = await uow.bookings.get(chargeback.booking_id, for_update=True)
        if booking is None:
            return 0
        opened = open_chargeback(booking, chargeback, self._deps.clock.now())
        if opened is None:
            _log.warning("chargeback of booking %s: disputed already", booking.id)
            return 0
        dispute, changed, entry = opened
        await uow.disputes.add(dispute)
        await record_change(uow, changed, entry)
        _log.warning("chargeback: dispute %s opened for booking %s", dispute.id, booking.id)
        return 1
