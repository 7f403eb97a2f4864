"""The platform's ledger of what it owes each artist (docs/payouts.md).

An artist's **account** holds, per currency, the running ``balance`` of its entries: what
the platform collected for the artist, less its fees, less what it paid back to customers
(with the fee share that goes with it), less what it paid out to the artist. A positive
balance is owed to the artist; a negative one (a refund after a payout) is owed by the
artist and comes off the next collections.

Rules:
- **Entries are append-only** and each one changes its account by its signed amount
  (``Entry.signed``); every balance is the sum of its entries, and ``apply`` is the only
  way an account changes.
- An account's entries are numbered 1, 2, 3 ... in the order they were entered
  (``sequence``; ``enter`` numbers them): a new entry is unnumbered (0) until then.
- Each entry has a ``key`` naming what caused it (a payment, a refund, a payout): an effect
  is entered once, however often its cause is read.
- Kinds and their signs: ``collected`` (+), ``fee`` (-), ``refunded`` (-),
  ``fee_returned`` (+), ``payout`` (-), ``transferred`` (-: the gateway paid the artist's
  own account), ``transfer_reversed`` (+: a refund took part of it back),
  ``discount_credited`` (+: a discount the platform funded), ``discount_reversed`` (-: a
  refund's share of it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.shared.errors import InvalidInputError
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware

EntryId = NewType("EntryId", UUID)


class EntryKind(StrEnum):
    COLLECTED = "collected"  # a gateway took the customer's money for the artist
    FEE = "fee"  # the platform's fee on it
    REFUNDED = "refunded"  # the platform paid money of the artist's back to a customer
    FEE_RETURNED = "fee_returned"  # the fee's share of that refund, given back
    PAYOUT = "payout"  # the platform paid the artist
    # A destination charge (Stripe Connect): the gateway paid the artist's share straight to
    # their own account, so the platform does not owe it; a refund takes it back in part.
    TRANSFERRED = "transferred"
    TRANSFER_REVERSED = "transfer_reversed"
    # A discount the platform funded (its loyalty program's points) credited to the artist,
    # and the share of it a refund takes back (the points come back to the customer).
    DISCOUNT_CREDITED = "discount_credited"
    DISCOUNT_REVERSED = "discount_reversed"


CREDITS = frozenset(
    {
        EntryKind.COLLECTED,
        EntryKind.FEE_RETURNED,
        EntryKind.TRANSFER_REVERSED,
        EntryKind.DISCOUNT_CREDITED,
    }
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One movement of one artist's account. ``booking_id``: the booking it is about (None
    for a payout); ``reference``: the gateway's payment or refund id, or the payout's bank
    reference; ``recorded_by``: the admin who recorded a payout."""

    id: EntryId
    artist_id: ArtistId
    kind: EntryKind
    amount: Money
    key: str
    created_at: datetime
    booking_id: BookingId | None = None
    reference: str | None = None
    note: str | None = None
    recorded_by: UserId | None = None
    sequence: int = 0  # its number in its account (0: not entered yet)

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")
        if self.amount.is_zero:
            raise InvalidInputError("A ledger entry moves money: its amount is above zero.")

    @property
    def signed(self) -> int:
        """What it does to the balance, in minor units."""
        return self.amount.amount if self.kind in CREDITS else -self.amount.amount


@dataclass(frozen=True, slots=True)
class Account:
    """One artist's money in one currency. ``version`` counts its entries."""

    artist_id: ArtistId
    currency: str
    balance: int = 0
    version: int = 0
    updated_at: datetime | None = None

    @property
    def owed(self) -> Money:
        """What the platform owes the artist now (zero when the artist owes)."""
        return Money(max(self.balance, 0), self.currency)


def apply(account: Account, entry: Entry) -> Account:
    """The account after ``entry`` (numbered next in it): the one way an account changes."""
    if entry.artist_id != account.artist_id or entry.amount.currency != account.currency:
        raise ValueError("an entry changes its own artist's account in its own currency")
    if entry.sequence != account.version + 1:
        raise ValueError("an entry is numbered next in its account (``enter``)")
    return dataclasses.replace(
        account,
        balance=account.balance + entry.signed,
        version=account.version + 1,
        updated_at=entry.created_at,
    )


def enter(account: Account, entries: Sequence[Entry]) -> tuple[Account, tuple[Entry, ...]]:
    """The account after ``entries`` (new ones, in order), and the entries numbered in it."""
    numbered = []
    for entry in entries:
        entry = dataclasses.replace(entry, sequence=account.version + 1)
        account = apply(account, entry)
        numbered.append(entry)
    return account, tuple(numbered)
