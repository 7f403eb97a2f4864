"""What the ledger needs from storage: the artists' accounts with their entries, and the
follower's position in the outbox's feed. Every adapter passes the contract suite in
``tests/contract/payouts``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from booking_domain.accounts import HasUsers
from booking_domain.bookings import HasBookings
from booking_domain.catalog import HasArtists
from booking_domain.payouts.ledger import Account, Entry, EntryKind
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox, Savepoints, UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class BookingMoney:
    """What the ledger entered for one booking in one currency, by kind (minor units)."""

    collected: int = 0
    fees: int = 0
    refunded: int = 0
    fees_returned: int = 0
    transferred: int = 0  # paid by the gateway straight to the artist's own account
    transfers_reversed: int = 0
    discounts_credited: int = 0  # platform-funded loyalty discounts
    discounts_reversed: int = 0


@dataclass(frozen=True, slots=True)
class AccountSummary:
    """An account with what each kind of entry added up to on it (minor units, unsigned)."""

    account: Account
    totals: Mapping[EntryKind, int]


class PayoutLedger(Protocol):
    async def account(
        self, artist_id: ArtistId, currency: str, *, for_update: bool = False
    ) -> Account:
        """The artist's account in ``currency`` (an empty one, version 0, when nothing was
        entered in it yet); ``for_update`` holds it until the unit of work ends (an empty
        one too: two first entries of one account are entered one after the other)."""
        ...

    async def save(self, account: Account, entries: Sequence[Entry]) -> None:
        """``entries`` and the account they brought to ``account`` (its balance and
        version), at once. ``ConflictError`` when an entry's key was used before (the
        effect was entered) or the stored version is not the one before these entries."""
        ...

    async def has_key(self, key: str) -> bool:
        """Whether an entry was written under ``key``."""
        ...

    async def keyed(self, key: str) -> Entry | None:
        """The entry written under ``key``."""
        ...

    async def of_booking(self, booking_id: BookingId, currency: str) -> BookingMoney: ...

    async def summaries(self, artist_id: ArtistId) -> Sequence[AccountSummary]:
        """Every account of the artist, by currency code."""
        ...

    async def entries(
        self, artist_id: ArtistId, currency: str | None, page: PageRequest
    ) -> Page[Entry]:
        """The artist's entries (in ``currency`` when given), newest first (by when they were
        entered, then by their number in their account, then by currency), exact total."""
        ...

    async def owed_all(self) -> Sequence[Account]:
        """Every account whose balance is above zero, in ``owed``'s order, read at once (one
        snapshot: an account changed meanwhile is listed once, as it was)."""
        ...

    async def owed(self, page: PageRequest) -> Page[AccountSummary]:
        """The accounts whose balance is above zero (what the platform owes), the largest
        sums first within each currency, by currency code; exact total."""
        ...


@dataclass(frozen=True, slots=True)
class PayoutPosition:
    after: str | None  # the feed cursor of the last event looked at; None: none yet


class PayoutCursor(Protocol):
    async def claim(self) -> PayoutPosition | None:
        """Take the follower's turn for this unit of work (None: another one has it)."""
        ...

    async def advance(self, cursor: str) -> None:
        """Forward only (``ConflictError`` rather than move back)."""
        ...


class HasPayouts(Protocol):
    @property
    def payout_ledger(self) -> PayoutLedger: ...


class PayoutsUnitOfWork(
    # In the order these bases have in the other units of work, so that one adapter class
    # can serve them all.
    UnitOfWork,
    HasUsers,
    HasBookings,
    HasArtists,
    HasPayouts,
    HasOutbox,
    HasAudit,
    Savepoints,  # the follower enters each event in one: a refused one alone is undone
    Protocol,
):
    """What the ledger's use cases open: the accounts, the bookings entries are about, the
    artists and their users (names, addresses), the outbox and the trail."""

    @property
    def payout_cursor(self) -> PayoutCursor: ...


PayoutsUnitOfWorkFactory = UnitOfWorkFactory[PayoutsUnitOfWork]
