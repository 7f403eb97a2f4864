"""Entering what the outbox tells into the artists' accounts (docs/payouts.md, "What is
entered"): each cue's entries, by the rules of ``fees`` and ``ledger``.

- **Collected**: ``collected`` (+ the payment) and ``fee`` (- the rule's fee on it, when
  above zero), under the keys ``collected/<gateway>/<payment id>`` and ``fee/...``. A
  destination charge (the gateway paid the artist's share straight to their own account)
  enters the fee the gateway kept instead of the rule's, and ``transferred`` (- that
  share, ``transferred/...``): the platform owes nothing of it.
- **Paid back**: ``refunded`` (- the refund, capped at what the ledger holds collected and
  not yet refunded on the booking) and ``fee_returned`` (+ what the platform no longer
  keeps of the booking's fees, ``fees.fee_kept``), under ``refunded/<refund id>``. Money
  collected before the ledger began was never entered, so its refund is not either: a
  refund of a payment the ledger has no ``collected`` entry of enters nothing (the
  follower asks), and one that names no payment is capped as above. Where the gateway
  paid the artist's own account and the gateway refunded that payment, it took back the
  transfer in proportion (``transfer_reversed``, + the refunded share of that payment's
  transfer); a refund settled by hand reverses nothing at the gateway, so the artist owes
  the platform what it paid back, less the fee's share.
- **A platform-funded discount** (loyalty points of the platform's program paid part of the
  invoice; the customer paid the rest): ``discount_credited`` (+ the discount) beside the
  collection, under ``discount/invoice/<invoice id>``: the platform pays the artist what its
  points took off. When loyalty gives points of it back after a refund (its ``restorable``
  rule: the refunded share of the money paid, rounded down), the value of exactly those
  points is taken back (``discount_reversed``, - their share of the credit, as redeemed:
  the credit's note names its points; at most what is still credited), once per release
  (``discount/released/<event id>``). A second payment of one invoice credits nothing more.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from booking_domain.payouts.cues import Collected, DiscountReleased, PaidBack
from booking_domain.payouts.fees import FeeRule, fee_kept
from booking_domain.payouts.ledger import Entry, EntryId, EntryKind
from booking_domain.payouts.ports import BookingMoney
from booking_domain.shared.ids import ArtistId, new_uuid7
from booking_domain.shared.money import Money


def collected_key(cue: Collected) -> str:
    return payment_key(cue.gateway, cue.payment_id)


def payment_key(gateway: str, payment_id: str) -> str:
    """The key of the ``collected`` entry of a gateway's payment."""
    return f"collected/{gateway}/{payment_id}"


def discount_key(invoice_ref: str) -> str:
    """The key of the ``discount_credited`` entry of one invoice's platform-funded points."""
    return f"discount/invoice/{invoice_ref}"


def released_key(cue: DiscountReleased) -> str:
    return f"discount/released/{cue.event_id}"


def credited_points(credit: Entry) -> int:
    """The points a discount credit stands for (its note: ``"150 points"``; 0 if unreadable)."""
    words = (credit.note or "").split(" ")
    return int(words[0]) if words[0].isdigit() else 0


def release_entry(
    cue: DiscountReleased, credit: Entry, booking: BookingMoney, now: datetime
) -> Entry | None:
    """What the release takes back of the invoice's ``credit``: the released points' share of
    it (their value when they were redeemed, whatever a point is worth now), at most what the
    booking still holds credited (None: nothing is left)."""
    points = credited_points(credit)
    left = min(credit.amount.amount, booking.discounts_credited - booking.discounts_reversed)
    if points <= 0 or left <= 0:
        return None
    share = credit.amount.amount * min(cue.points, points) // points
    taken = Money(min(share, left), credit.amount.currency)
    if taken.is_zero:
        return None
    return Entry(
        id=EntryId(new_uuid7(int(now.timestamp() * 1000))), artist_id=credit.artist_id,
        kind=EntryKind.DISCOUNT_REVERSED, amount=taken, key=released_key(cue), created_at=now,
        booking_id=credit.booking_id, reference=cue.invoice_ref,
    )  # fmt: skip


def refunded_key(cue: PaidBack) -> str:
    return f"refunded/{cue.refund_id}"


def collection_entries(
    cue: Collected,
    artist_id: ArtistId,
    rule: FeeRule,
    now: datetime,
    *,
    credit_discount: bool = True,
) -> list[Entry]:
    """``credit_discount``: False when the invoice's discount was credited already (a second
    payment of the same invoice: its money is entered, its discount not twice)."""
    key = collected_key(cue)
    entries = [_entry(artist_id, EntryKind.COLLECTED, cue.amount, key, cue, now)]
    fee = rule.fee_for(cue.amount) if cue.fee is None else cue.fee
    if not fee.is_zero:
        entries.append(_entry(artist_id, EntryKind.FEE, fee, f"fee/{key}", cue, now))
    if credit_discount and cue.platform_discount is not None and cue.invoice_ref:
        credit, credit_key = cue.platform_discount, discount_key(cue.invoice_ref)
        entry = _entry(artist_id, EntryKind.DISCOUNT_CREDITED, credit, credit_key, cue, now)
        # The points it stands for, which a release's share is reckoned from.
        entries.append(dataclasses.replace(entry, note=f"{cue.points} points"))
    if cue.transferred is not None and not cue.transferred.is_zero:
        share = cue.transferred
        entries.append(
            _entry(artist_id, EntryKind.TRANSFERRED, share, f"transferred/{key}", cue, now)
        )
    return entries


def refund_entries(
    cue: PaidBack,
    artist_id: ArtistId,
    booking: BookingMoney,
    now: datetime,
    *,
    transfer: tuple[int, int] | None = None,
) -> list[Entry]:
    """``transfer``: ``(transferred, collected)`` of the refunded payment when the gateway
    refunded one that paid the artist's own account (it reversed the transfer in
    proportion); None for any other refund (one settled by hand reverses nothing at the
    gateway: the artist then owes the platform what it paid back, less the fee's share)."""
    held = booking.collected - booking.refunded
    back = min(cue.amount.amount, held)
    if back <= 0:
        return []
    key, currency = refunded_key(cue), cue.amount.currency
    entries = [_entry(artist_id, EntryKind.REFUNDED, Money(back, currency), key, cue, now)]
    kept = fee_kept(booking.fees, booking.collected, booking.refunded + back)
    returned = booking.fees - kept - booking.fees_returned
    if returned > 0:
        fee_back = Money(returned, currency)
        entries.append(_entry(artist_id, EntryKind.FEE_RETURNED, fee_back, f"fee/{key}", cue, now))
    if transfer is None:
        return entries
    # What the gateway has taken back of the payment's transfer once this refund is in, as
    # its fee: the refunded share (the booking's refunds so far count, as for the fee).
    transferred, collected = transfer
    refunded = min(booking.refunded + back, collected)
    target = transferred - fee_kept(transferred, collected, refunded)
    reversed_now = min(target, booking.transferred) - booking.transfers_reversed
    if reversed_now > 0:
        taken_back = Money(reversed_now, currency)
        kind, reversal = EntryKind.TRANSFER_REVERSED, f"transferred/{key}"
        entries.append(_entry(artist_id, kind, taken_back, reversal, cue, now))
    return entries


def _entry(
    artist_id: ArtistId,
    kind: EntryKind,
    amount: Money,
    key: str,
    cue: Collected | PaidBack,
    now: datetime,
) -> Entry:
    reference = cue.payment_id if isinstance(cue, Collected) else cue.refund_id
    return Entry(
        id=EntryId(new_uuid7(int(now.timestamp() * 1000))), artist_id=artist_id, kind=kind,
        amount=amount, key=key, created_at=now, booking_id=cue.booking_id, reference=reference,
    )  # fmt: skip
