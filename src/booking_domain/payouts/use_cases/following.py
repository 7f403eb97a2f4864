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

from booking_domain.payouts.cues import (
    PAYOUT_EVENT_TYPES,
    Collected,
    Cue,
    DiscountReleased,
    PaidBack,
    cue_of,
)
from booking_domain.payouts.entering import (
    collected_key,
    collection_entries,
    discount_key,
    payment_key,
    refund_entries,
    refunded_key,
    release_entry,
    released_key,
)
from booking_domain.payouts.ledger import enter
from booking_domain.payouts.ports import PayoutLedger, PayoutsUnitOfWork
from booking_domain.payouts.use_cases.deps import PayoutsDeps
from booking_domain.shared.errors import DomainError
from booking_domain.shared.following import follow_batch
from booking_domain.shared.outbox import OutboxEvent
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

            async def enter(event: OutboxEvent) -> int:
                cue = cue_of(event)
                return 0 if cue is None else await _entered(uow, cue, self._deps)

            return await follow_batch(
                uow, uow.payout_cursor, self._deps.feed,
                types=PAYOUT_EVENT_TYPES, limit=batch_size, handle=enter,
            )  # fmt: skip


async def _transfer_of(ledger: PayoutLedger, cue: PaidBack) -> tuple[int, int] | None:
    """``(transferred, collected)`` of the payment a gateway's refund returns, when that
    payment paid the artist's own account (the gateway reversed its transfer)."""
    if not cue.by_gateway or cue.payment_id is None:
        return None
    key = payment_key(cue.gateway, cue.payment_id)
    transferred, collected = await ledger.keyed(f"transferred/{key}"), await ledger.keyed(key)
    if transferred is None or collected is None:
        return None
    return transferred.amount.amount, collected.amount.amount


async def _release(uow: PayoutsUnitOfWork, cue: DiscountReleased, deps: PayoutsDeps) -> int:
    """Points of a platform-funded discount came back to the customer: their value is
    taken back from the artist who was credited it (nothing where no credit was entered:
    points redeemed before the ledger began)."""
    ledger = uow.payout_ledger
    credit = await ledger.keyed(discount_key(cue.invoice_ref))
    if credit is None or credit.booking_id is None or await ledger.has_key(released_key(cue)):
        return 0
    account = await ledger.account(credit.artist_id, credit.amount.currency, for_update=True)
    held = await ledger.of_booking(credit.booking_id, credit.amount.currency)
    entry = release_entry(cue, credit, held, deps.clock.now())
    if entry is None:
        return 0
    account, numbered = enter(account, [entry])
    await ledger.save(account, numbered)
    return 1


async def _entered(uow: PayoutsUnitOfWork, cue: Cue, deps: PayoutsDeps) -> int:
    """The cue's entries, in a savepoint: a cue the rules refuse is logged and enters
    nothing, and the batch goes on."""
    try:
        async with uow.savepoint():
            return await _enter(uow, cue, deps)
    except DomainError:
        # Data the rules refuse must not stop every later event: this one is not entered.
        _log.warning("ledger: event %s is not entered", cue.event_id, exc_info=True)
        return 0


async def _enter(uow: PayoutsUnitOfWork, cue: Cue, deps: PayoutsDeps) -> int:
    if isinstance(cue, DiscountReleased):
        return await _release(uow, cue, deps)
    ledger = uow.payout_ledger
    key = collected_key(cue) if isinstance(cue, Collected) else refunded_key(cue)
    booking = await uow.bookings.get(cue.booking_id)
    if booking is None or await ledger.has_key(key):
        return 0
    if (
        isinstance(cue, PaidBack)
        and cue.payment_id is not None
        and not await ledger.has_key(payment_key(cue.gateway, cue.payment_id))
    ):
        return 0  # a refund of a payment collected before the ledger began: never entered
    account = await ledger.account(booking.artist_id, cue.amount.currency, for_update=True)
    now = deps.clock.now()  # taken under the account's lock: entries in their order's time
    if isinstance(cue, Collected):
        credited = cue.invoice_ref and await ledger.has_key(discount_key(cue.invoice_ref))
        entries = collection_entries(
            cue, booking.artist_id, deps.fees, now, credit_discount=not credited
        )
    else:
        held = await ledger.of_booking(cue.booking_id, cue.amount.currency)
        transfer = await _transfer_of(ledger, cue)
        entries = refund_entries(cue, booking.artist_id, held, now, transfer=transfer)
    if not entries:
        return 0
    after, numbered = enter(account, entries)
    await ledger.save(after, numbered)
    return 1
