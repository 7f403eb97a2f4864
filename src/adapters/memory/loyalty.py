"""In-memory loyalty: programs, accounts with their entries (an earn entry keeps its lot as
it is now), redemptions and the earner's position."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from datetime import datetime
from uuid import UUID

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.catalog.ports import ArtistRepository
from booking_domain.loyalty import (
    PLATFORM_NAME,
    Account,
    AccountId,
    EarningCursor,
    EarningPosition,
    Entry,
    EntryId,
    EntryKind,
    LoyaltyLedger,
    Movement,
    Program,
    ProgramId,
    ProgramRepository,
    Redemption,
    RedemptionRepository,
)
from booking_domain.shared import ConcurrentUpdateError, ConflictError
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest


class InMemoryProgramRepository(TableRepository[ProgramId, Program], ProgramRepository):
    def __init__(self, table: StagedTable[ProgramId, Program], artists: ArtistRepository) -> None:
        super().__init__(table)
        self._artists = artists

    async def _named(self, program: Program | None) -> Program | None:
        if program is None or program.artist_id is None:
            return program
        artist = await self._artists.get(program.artist_id)
        return dataclasses.replace(program, name="" if artist is None else artist.display_name)

    async def platform(self) -> Program | None:
        found = next((p for p in self._rows.values() if p.artist_id is None), None)
        return await self._named(found)

    async def of_artist(self, artist_id: ArtistId) -> Program | None:
        found = next((p for p in self._rows.values() if p.artist_id == artist_id), None)
        return await self._named(found)

    async def get(self, program_id: ProgramId) -> Program | None:
        return await self._named(self._rows.get(program_id))

    async def save(self, program: Program) -> None:
        stored = self._rows.get(program.id)
        if stored is None:
            if any(p.artist_id == program.artist_id for p in self._rows.values()):
                raise ConflictError("This owner has a program already.")
        elif stored.version != program.version - 1:
            raise ConcurrentUpdateError()
        self._rows.put(program.id, dataclasses.replace(program, name=PLATFORM_NAME))


class InMemoryLoyaltyLedger(LoyaltyLedger):
    """Accounts are stored without their lots; an earn entry holds its lot as it is now."""

    def __init__(
        self,
        accounts: StagedTable[AccountId, Account],
        entries: StagedTable[EntryId, Entry],
    ) -> None:
        self._accounts = accounts
        self._entries = entries

    def _lots_of(self, account_id: AccountId) -> list[Entry]:
        return [
            e for e in self._entries.values() if e.account_id == account_id and e.lot is not None
        ]

    async def ensure(self, account: Account) -> AccountId:
        found = await self.find(account.customer_id, account.program_id)
        if found is not None:
            return found
        self._accounts.put(account.id, dataclasses.replace(account, lots=()))
        return account.id

    async def find(self, customer_id: UserId, program_id: ProgramId) -> AccountId | None:
        return next(
            (
                a.id
                for a in self._accounts.values()
                if a.customer_id == customer_id and a.program_id == program_id
            ),
            None,
        )

    async def load(
        self,
        account_id: AccountId,
        *,
        for_update: bool = False,
        sources: Collection[str] = (),
        lots: Collection[EntryId] = (),
    ) -> Account | None:
        account = self._accounts.get(account_id)
        if account is None:
            return None
        wanted = [
            e.lot
            for e in self._lots_of(account_id)
            if e.lot is not None
            and (e.lot.remaining > 0 or e.lot.source in sources or e.id in lots)
        ]
        return dataclasses.replace(account, lots=tuple(sorted(wanted, key=lambda lot: lot.id)))

    async def save(self, movement: Movement) -> None:
        after = movement.account
        before = self._accounts.get(after.id)
        if before is None or before.version != after.version - len(movement.entries):
            raise ConcurrentUpdateError()
        keys = {e.key for e in self._entries.values() if e.key is not None}
        if any(e.key is not None and e.key in keys for e in movement.entries):
            raise ConflictError("This effect was recorded before.")
        self._accounts.put(after.id, dataclasses.replace(after, lots=()))
        for entry in movement.entries:
            self._entries.put(entry.id, entry)
        for lot in movement.changed:
            earned = self._entries.get(lot.id)
            if earned is not None:
                self._entries.put(lot.id, dataclasses.replace(earned, lot=lot))

    async def has_key(self, key: str) -> bool:
        return any(e.key == key for e in self._entries.values())

    async def of_customer(self, customer_id: UserId) -> Sequence[Account]:
        mine = sorted(
            (a for a in self._accounts.values() if a.customer_id == customer_id),
            key=lambda a: (a.created_at, a.id),
        )
        return [a for a in [await self.load(a.id) for a in mine] if a is not None]

    async def with_source(self, customer_id: UserId, source: str) -> Sequence[AccountId]:
        holding = {
            e.account_id
            for e in self._entries.values()
            if e.lot is not None and e.lot.source == source
        }
        return sorted(
            (
                a.id
                for a in self._accounts.values()
                if a.id in holding and a.customer_id == customer_id
            ),
            key=str,
        )

    async def expiring(self, now: datetime, *, limit: int) -> Sequence[AccountId]:
        due = {
            e.account_id
            for e in self._entries.values()
            if e.lot is not None and e.lot.remaining > 0 and e.lot.expires_at <= now
        }
        return sorted(due, key=str)[:limit]

    async def entries(self, account_id: AccountId, page: PageRequest) -> Page[Entry]:
        mine = [e for e in self._entries.values() if e.account_id == account_id]
        mine.sort(key=lambda e: e.sequence, reverse=True)
        return Page.of_whole(tuple(mine), page)

    async def entry(self, entry_id: EntryId) -> Entry | None:
        return self._entries.get(entry_id)

    async def tier_points(self, account_id: AccountId, since: datetime) -> int:
        counted = (EntryKind.EARN, EntryKind.REVERSE)
        total = sum(
            e.points
            for e in self._entries.values()
            if e.account_id == account_id and e.kind in counted and e.at >= since
        )
        return max(0, total)


class InMemoryRedemptionRepository(TableRepository[UUID, Redemption], RedemptionRepository):
    async def add(self, redemption: Redemption) -> None:
        if self._rows.get(redemption.invoice_id) is not None:
            raise ConflictError("This invoice holds points already.")
        self._rows.put(redemption.invoice_id, redemption)

    async def get(self, invoice_id: UUID, *, for_update: bool = False) -> Redemption | None:
        return self._rows.get(invoice_id)

    async def update(self, redemption: Redemption) -> None:
        self._rows.put(redemption.invoice_id, redemption)

    async def of_booking(self, booking_id: BookingId) -> Sequence[Redemption]:
        found = [r for r in self._rows.values() if r.booking_id == booking_id]
        return sorted(found, key=lambda r: (r.created_at, r.invoice_id))

    async def of_customer(self, customer_id: UserId) -> Sequence[Redemption]:
        found = [r for r in self._rows.values() if r.customer_id == customer_id]
        return sorted(found, key=lambda r: (r.created_at, r.invoice_id))


class InMemoryEarningCursor(EarningCursor):
    """Units of work that write run one at a time here, so the turn is always ours."""

    def __init__(self, table: StagedTable[str, str]) -> None:
        self._table = table

    async def claim(self) -> EarningPosition | None:
        return EarningPosition(self._table.get("earning"))

    async def advance(self, cursor: str) -> None:
        current = self._table.get("earning")
        if current is not None and cursor < current:
            raise ConflictError("The earner's position would move backwards.")
        self._table.put("earning", cursor)
