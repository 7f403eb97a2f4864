"""The ledger's follower: reads the outbox's feed and enters payments collected and refunds
paid back into the artists' accounts (``payouts.entering``).

One follower at a time (across processes) reads the feed from its position; for each event
of the types it follows (``cues.PAYOUT_EVENT_TYPES``, picked out by the feed's storage)
it enters the cue's entries, and moves its position past everything it looked at, all in
one transaction. A crash between two batches repeats nothing and skips nothing; an event
read twice is entered once (each entry's key names its cause).
"""

from __future__ import annotations

import logging
from datetime import datetime

from booking_domain.payouts.cues import PAYOUT_EVENT_TYPES, Collected, Cue, cue_of
from booking_domain.payouts.entering import (
    collected_key,
    collection_entries,
    refund_entries,
    refunded_key,
)
from booking_domain.payouts.fees import FeeRule
from booking_domain.payouts.ledger import Entry, enter
from booking_domain.payouts.ports import PayoutsUnitOfWork
from booking_domain.payouts.use_cases.deps import PayoutsDeps
from booking_domain.shared.errors import DomainError
from booking_domain.shared.use_case import UseCase, in_batches

_log = logging.getLogger("inkslot.payouts")
BATCH = 500  # events looked at per transaction (most are of other types, never read)


class EnterPayments(UseCase[PayoutsDeps]):
    """Enter what the feed holds now, in batches; returns how many events were entered (0
    also when another follower is at work)."""

    async def __call__(self, *, batch_size: int = BATCH) -> int:
        return await in_batches(self._one_batch, batch_size)

    async def _one_batch(self, batch_size: int) -> tuple[int, bool]:
        async with self._deps.uow() as uow:
            position = await uow.payout_cursor.claim()
            if position is None:
                return 0, False
            scan = await self._deps.feed.scan(
                position.after, types=PAYOUT_EVENT_TYPES, limit=batch_size
            )
            if scan.reached is None:
                return 0, False
            now = self._deps.clock.now()
            made = 0
            for item in scan.items:
                cue = cue_of(item.event)
                if cue is not None:
                    made += await _entered(uow, cue, self._deps.fees, now)
            await uow.payout_cursor.advance(scan.reached)
            await uow.commit()
        return made, scan.looked == batch_size


async def _entered(uow: PayoutsUnitOfWork, cue: Cue, rule: FeeRule, now: datetime) -> int:
    try:
        key = collected_key(cue) if isinstance(cue, Collected) else refunded_key(cue)
        booking = await uow.bookings.get(cue.booking_id)
        if booking is None or await uow.payout_ledger.has_key(key):
            return 0
        if isinstance(cue, Collected):
            entries = collection_entries(cue, booking.artist_id, rule, now)
        else:
            held = await uow.payout_ledger.of_booking(cue.booking_id, cue.amount.currency)
            entries = refund_entries(cue, booking.artist_id, held, now)
        return await _save(uow, entries)
    except DomainError:
        # Data the rules refuse must not stop every later event: this one is not entered.
        _log.warning("ledger: event %s is not entered", cue.event_id, exc_info=True)
        return 0


async def _save(uow: PayoutsUnitOfWork, entries: list[Entry]) -> int:
    if not entries:
        return 0
    first = entries[0]
    account = await uow.payout_ledger.account(
        first.artist_id, first.amount.currency, for_update=True
    )
    after, numbered = enter(account, entries)
    await uow.payout_ledger.save(after, numbered)
    return 1
