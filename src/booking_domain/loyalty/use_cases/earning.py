"""The earner: follows the outbox's feed and turns completions, balance payments, reviews
and refunds into ledger entries (docs/loyalty.md, "Earning").

Spending earns on money received through the platform, never on a price nobody paid: a
completion earns on what the booking holds then (its deposit, paid and kept), and a balance
payment on its amount. A booking completed unpaid earns nothing. Money the artist took in
the studio and recorded (``taken_in_studio``) earns only in the artist's own program, which
the artist funds: the platform's points are discounts on every artist's invoices, and an
artist could otherwise mint them by recording cash nobody paid.

One earner at a time (across processes) reads the feed from its position; for each event of
the types it follows (``cues.EARNING_EVENT_TYPES``, picked out by the feed's storage, so the
rest are never read) it applies the rule and records the entries, and moves its position
past everything it looked at, all in one transaction. A crash between two batches repeats
nothing and skips nothing; an event read twice earns once (the entry's key is the event and
the reason; reversals and restorations are cumulative, so a repeat claims nothing more).

The rates are those in force when the event is handled, within a second or so of it. A
deleted account earns nothing and gets nothing back (its points were forfeited).
"""

from __future__ import annotations

import logging
from datetime import datetime

from booking_domain.bookings import HistoryKind, taken_in_studio
from booking_domain.loyalty import cues
from booking_domain.loyalty.bookkeeping import apply
from booking_domain.loyalty.cues import (
    EARNING_EVENT_TYPES,
    BalancePaid,
    Completed,
    Cue,
    Refunded,
    Reviewed,
    Unreviewed,
    booking_source,
    review_source,
)
from booking_domain.loyalty.holding import (
    account_for,
    booking_program,
    change_account,
    give_back,
    record_movement,
)
from booking_domain.loyalty.ledger import AccountId, Earn, Reverse, account_share
from booking_domain.loyalty.ports import LoyaltyLedger, LoyaltyUnitOfWork
from booking_domain.loyalty.programs import TIER_WINDOW, Program, spending_points
from booking_domain.loyalty.redemption import RedemptionStatus, note_restored, restorable
from booking_domain.loyalty.use_cases.deps import LoyaltyDeps
from booking_domain.shared.errors import DomainError
from booking_domain.shared.ids import UserId
from booking_domain.shared.use_case import UseCase, in_batches

_log = logging.getLogger("inkslot.loyalty")
BATCH = 500  # events looked at per transaction (most are of other types, never read)


class EarnPoints(UseCase[LoyaltyDeps]):
    """Handle what the feed holds now, in batches; returns how many events changed an
    account (0 also when another earner is at work)."""

    async def __call__(self, *, batch_size: int = BATCH) -> int:
        return await in_batches(self._one_batch, batch_size)

    async def _one_batch(self, batch_size: int) -> tuple[int, bool]:
        async with self._deps.uow() as uow:
            position = await uow.earning_cursor.claim()
            if position is None:
                return 0, False
            scan = await self._deps.feed.scan(
                position.after, types=EARNING_EVENT_TYPES, limit=batch_size
            )
            if scan.reached is None:
                return 0, False
            now = self._deps.clock.now()
            made = 0
            for item in scan.items:
                cue = cues.cue_of(item.event)
                if cue is not None:
                    made += await _handled(uow, cue, now)
            await uow.earning_cursor.advance(scan.reached)
            await uow.commit()
        return made, scan.looked == batch_size


async def _handled(uow: LoyaltyUnitOfWork, cue: Cue, now: datetime) -> int:
    try:
        if isinstance(cue, Completed | BalancePaid):
            return await _spent(uow, cue, now)
        if isinstance(cue, Reviewed):
            return await _reviewed(uow, cue, now)
        if isinstance(cue, Unreviewed):
            source = review_source(cue.review_id)
            return await _reverse(uow, cue.customer_id, source, None, cue, now)
        return await _refunded(uow, cue, now)
    except DomainError:
        # Data the rules refuse must not stop every later event: this one earns nothing.
        _log.warning("loyalty: event %s earns nothing", cue.event_id, exc_info=True)
        return 0


async def _gone(uow: LoyaltyUnitOfWork, customer_id: UserId) -> bool:
    """The customer deleted their account: their points were forfeited, none come after."""
    user = await uow.users.get(customer_id)
    return user is None or user.deleted_at is not None


async def _earn(
    uow: LoyaltyUnitOfWork,
    customer_id: UserId,
    program: Program,
    earning: tuple[int, int, str, str],
    key: str,
    now: datetime,
) -> int:
    """Earn ``(points, basis, source, reason)`` in the customer's account, once per
    ``key``."""
    points, basis, source, reason = earning
    if points <= 0 or await uow.loyalty_ledger.has_key(key) or await _gone(uow, customer_id):
        return 0
    account = await account_for(uow, customer_id, program, now)
    action = Earn(points, basis, source, reason, now + program.rates.expiry, key)
    await record_movement(uow, apply(account, action, now), program)
    return 1


async def _spent(uow: LoyaltyUnitOfWork, cue: Completed | BalancePaid, now: datetime) -> int:
    """Money paid through the platform for a booking earns, in its program's currency, at
    the customer's tier (reached before this earning): what a completed booking holds (its
    deposit) when it is completed, and each balance payment. Nothing on an unpaid price."""
    paid = cue.kept if isinstance(cue, Completed) else cue.amount
    currency = cue.currency
    booking = await uow.bookings.get(cue.booking_id)
    if paid <= 0 or booking is None or booking.customer_id is None:
        return 0
    program = await booking_program(uow, booking.artist_id)
    if program is None or program.rates.currency != currency:
        return 0
    if program.artist_id is None:  # the platform's program: its own money only
        paid -= await _taken_in_studio(uow, cue)
        if paid <= 0:
            return 0
    ledger = uow.loyalty_ledger
    found = await ledger.find(booking.customer_id, program.id)
    tier_points = 0 if found is None else await ledger.tier_points(found, now - TIER_WINDOW)
    points = spending_points(paid, program.rates, tier_points)
    reason = "booking_completed" if isinstance(cue, Completed) else "balance_paid"
    earning = (points, paid, booking_source(booking.id), reason)
    return await _earn(uow, booking.customer_id, program, earning, cues.key(cue, "earn"), now)


async def _taken_in_studio(uow: LoyaltyUnitOfWork, cue: Completed | BalancePaid) -> int:
    """What of the cue's money the artist took in the studio: a balance payment's own, or
    for a completion the deposit recorded by hand (from the booking's history)."""
    if isinstance(cue, BalancePaid):
        return cue.amount if cue.in_studio else 0
    return sum(
        e.amount.amount
        for e in await uow.bookings.history(cue.booking_id)
        if e.kind is HistoryKind.PAYMENT_RECORDED
        and e.amount is not None
        and taken_in_studio(e.reason)
    )


async def _reviewed(uow: LoyaltyUnitOfWork, cue: Reviewed, now: datetime) -> int:
    """A published (or restored) review earns the program's review points, flat."""
    program = await booking_program(uow, cue.artist_id)
    if program is None or program.rates.review_points <= 0:
        return 0
    points = program.rates.review_points
    earning = (points, points, review_source(cue.review_id), "review_published")
    return await _earn(uow, cue.customer_id, program, earning, cues.key(cue, "earn"), now)


async def _reverse(
    uow: LoyaltyUnitOfWork,
    customer_id: UserId,
    source: str,
    kept: int | None,
    cue: Cue,
    now: datetime,
    *,
    kept_by_platform: int | None = None,
) -> int:
    """Claim back what ``source`` earned beyond the ``kept`` minor units of its basis the
    platform still holds (None: all of it), from every account that holds a lot of it,
    each lot the same share of the basis of all of them (a booking's deposit and balance
    may have earned in two programs: the artist's, and the platform's before it). The
    platform's program earned on the platform's own money only, so its accounts are
    reckoned apart, on ``kept_by_platform`` (the money the platform still keeps; default
    ``kept``). Each account's reversal is its own, once: its key names the account."""
    ledger = uow.loyalty_ledger
    reason = "refund" if isinstance(cue, Refunded) else "review_hidden"
    holders = await ledger.with_source(customer_id, source)
    bases = {account_id: await _basis(ledger, account_id, source) for account_id in holders}
    platform = await uow.loyalty_programs.platform()
    of_platform = {
        account_id
        for account_id in holders
        if platform is not None
        and (account := await ledger.load(account_id)) is not None
        and account.program_id == platform.id
    }
    totals = {
        True: sum(b for a, b in bases.items() if a in of_platform),
        False: sum(b for a, b in bases.items() if a not in of_platform),
    }
    keeps = {True: kept if kept_by_platform is None else kept_by_platform, False: kept}
    changed = 0
    for account_id in holders:
        group = account_id in of_platform
        amount = account_share(bases[account_id], totals[group], keeps[group])
        key = cues.key(cue, f"reverse:{account_id}")
        action = Reverse(source, amount, reason, key)
        moved = await change_account(uow, account_id, action, now, sources=[source])
        changed += moved is not None and bool(moved.entries)
    return changed


async def _basis(ledger: LoyaltyLedger, account_id: AccountId, source: str) -> int:
    account = await ledger.load(account_id, sources=[source])
    lots = () if account is None else account.lots
    return sum(max(lot.basis, 0) for lot in lots if lot.source == source)


async def _refunded(uow: LoyaltyUnitOfWork, cue: Refunded, now: datetime) -> int:
    """Money went back: the refunded share of the money paid is reversed, and the refunded share
    of the points its paid invoices redeemed comes back."""
    booking = await uow.bookings.get(cue.booking_id)
    if booking is None or booking.customer_id is None or await _gone(uow, booking.customer_id):
        return 0
    source = booking_source(booking.id)
    # Points were earned on money paid and kept; what the platform still keeps of it earns
    # on (a duplicate payment refunded later earned nothing and takes nothing back).
    kept = max(cue.paid - cue.refunded, 0)
    # Of it, what the platform received: money taken in the studio earned no platform points.
    kept_by_platform = max(kept - booking.held_in_studio, 0)
    changed = await _reverse(
        uow, booking.customer_id, source, kept, cue, now, kept_by_platform=kept_by_platform
    )
    for redemption in await uow.loyalty_redemptions.of_booking(booking.id):
        if redemption.status is not RedemptionStatus.SPENT:
            continue
        locked = await uow.loyalty_redemptions.get(redemption.invoice_id, for_update=True)
        points = 0 if locked is None else restorable(locked, cue.refunded, cue.paid)
        if locked is None or points <= 0:
            continue
        await give_back(uow, locked, points, "refund", now)
        await uow.loyalty_redemptions.update(note_restored(locked, points, now))
        changed += 1
    return changed
