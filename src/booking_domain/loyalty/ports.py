"""What loyalty needs from storage: the programs, the accounts with their entries and lots,
the redemptions invoices hold, and the earner's position in the outbox's feed. Every
adapter passes the contract suite in ``tests/contract/loyalty``."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from booking_domain.accounts import HasUsers
from booking_domain.bookings import HasBookings
from booking_domain.catalog import HasArtists
from booking_domain.loyalty.ledger import Account, AccountId, Entry, EntryId, Movement
from booking_domain.loyalty.programs import Program, ProgramId
from booking_domain.loyalty.redemption import Redemption
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox, UnitOfWork, UnitOfWorkFactory


class ProgramRepository(Protocol):
    """Programs are read with their name: the platform's is ``PLATFORM_NAME``, an artist's
    the artist's display name as it is now."""

    async def platform(self) -> Program | None: ...

    async def of_artist(self, artist_id: ArtistId) -> Program | None: ...

    async def get(self, program_id: ProgramId) -> Program | None: ...

    async def save(self, program: Program) -> None:
        """Store a new program or the new version of one (its name is not stored).
        ``ConflictError`` when another program of the same owner exists (two first saves
        raced) or the stored version is not the one before this."""
        ...


class LoyaltyLedger(Protocol):
    async def ensure(self, account: Account) -> AccountId:
        """The id of the customer's account in the program: ``account``'s, stored now, or
        the one stored before (concurrent first earnings store one)."""
        ...

    async def load(
        self,
        account_id: AccountId,
        *,
        for_update: bool = False,
        sources: Collection[str] = (),
        lots: Collection[EntryId] = (),
    ) -> Account | None:
        """The account with every lot that has points left, and besides them the lots of
        ``sources`` and the lots ``lots`` (whatever is left of them); ``for_update`` holds
        it until the unit of work ends."""
        ...

    async def find(self, customer_id: UserId, program_id: ProgramId) -> AccountId | None: ...

    async def save(self, movement: Movement) -> None:
        """The account's balance and version, its new entries and changed lots, at once.
        ``ConflictError`` when an entry's key was used before (the effect happened)."""
        ...

    async def has_key(self, key: str) -> bool:
        """Whether an entry was written under ``key`` (an event's effect happened)."""
        ...

    async def of_customer(self, customer_id: UserId) -> Sequence[Account]:
        """Every account of the customer (with their open lots), oldest first."""
        ...

    async def with_source(self, customer_id: UserId, source: str) -> Sequence[AccountId]:
        """The customer's accounts that hold a lot earned from ``source``."""
        ...

    async def expiring(self, now: datetime, *, limit: int) -> Sequence[AccountId]:
        """Up to ``limit`` accounts with a lot whose time ran out by ``now`` and that has
        points left."""
        ...

    async def entries(self, account_id: AccountId, page: PageRequest) -> Page[Entry]:
        """Newest first (by sequence), exact total."""
        ...

    async def entry(self, entry_id: EntryId) -> Entry | None: ...

    async def tier_points(self, account_id: AccountId, since: datetime) -> int:
        """Points earned less points reversed by entries from ``since`` on (never below 0)."""
        ...


class RedemptionRepository(Protocol):
    async def add(self, redemption: Redemption) -> None: ...

    async def get(self, invoice_id: UUID, *, for_update: bool = False) -> Redemption | None: ...

    async def update(self, redemption: Redemption) -> None:
        """Its status, what was restored, ``updated_at``."""
        ...

    async def of_booking(self, booking_id: BookingId) -> Sequence[Redemption]:
        """Oldest first."""
        ...

    async def of_customer(self, customer_id: UserId) -> Sequence[Redemption]:
        """Oldest first (a person's data export)."""
        ...


@dataclass(frozen=True, slots=True)
class EarningPosition:
    after: str | None  # the feed cursor of the last event looked at; None: none yet


class EarningCursor(Protocol):
    async def claim(self) -> EarningPosition | None:
        """Take the earner's turn for this unit of work (None: another earner has it)."""
        ...

    async def advance(self, cursor: str) -> None:
        """Forward only (``ConflictError`` rather than move back)."""
        ...


class HasLoyalty(Protocol):
    @property
    def loyalty_programs(self) -> ProgramRepository: ...

    @property
    def loyalty_ledger(self) -> LoyaltyLedger: ...

    @property
    def loyalty_redemptions(self) -> RedemptionRepository: ...


class LoyaltyUnitOfWork(
    # In the order these bases have in the other units of work, so that one adapter class
    # can serve them all.
    UnitOfWork,
    HasUsers,
    HasBookings,
    HasArtists,
    HasLoyalty,
    HasOutbox,
    HasAudit,
    Protocol,
):
    """What loyalty's use cases open: programs, accounts and redemptions, the bookings and
    artists earnings are about, the users (a program's artist), the outbox and the trail."""

    @property
    def earning_cursor(self) -> EarningCursor: ...


LoyaltyUnitOfWorkFactory = UnitOfWorkFactory[LoyaltyUnitOfWork]
