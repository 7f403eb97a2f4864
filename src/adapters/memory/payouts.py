"""The ledger in memory: accounts by (artist, currency), entries by id, and the follower's
position. Units of work that write run one at a time here, so an account is always ours
to change and the follower's turn always ours to take."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from adapters.memory.store import StagedTable
from booking_domain.payouts import (
    Account,
    AccountSummary,
    BookingMoney,
    Entry,
    EntryId,
    EntryKind,
    PayoutCursor,
    PayoutLedger,
    PayoutPosition,
)
from booking_domain.shared import ConcurrentUpdateError, ConflictError
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.pages import Page, PageRequest

AccountKey = tuple[ArtistId, str]


class InMemoryPayoutLedger(PayoutLedger):
    def __init__(
        self, accounts: StagedTable[AccountKey, Account], entries: StagedTable[EntryId, Entry]
    ) -> None:
        self._accounts = accounts
        self._entries = entries

    async def account(
        self, artist_id: ArtistId, currency: str, *, for_update: bool = False
    ) -> Account:
        return self._accounts.get((artist_id, currency)) or Account(artist_id, currency)

    async def save(self, account: Account, entries: Sequence[Entry]) -> None:
        key = (account.artist_id, account.currency)
        stored = self._accounts.get(key)
        if (0 if stored is None else stored.version) != account.version - len(entries):
            raise ConcurrentUpdateError()
        used = {e.key for e in self._entries.values()}
        keys = [e.key for e in entries]
        if len(set(keys)) < len(keys) or used.intersection(keys):
            raise ConflictError("This effect was entered before.")
        self._accounts.put(key, account)
        for entry in entries:
            self._entries.put(entry.id, entry)

    async def has_key(self, key: str) -> bool:
        return any(e.key == key for e in self._entries.values())

    async def keyed(self, key: str) -> Entry | None:
        return next((e for e in self._entries.values() if e.key == key), None)

    async def of_booking(self, booking_id: BookingId, currency: str) -> BookingMoney:
        sums: Counter[EntryKind] = Counter()
        for e in self._entries.values():
            if e.booking_id == booking_id and e.amount.currency == currency:
                sums[e.kind] += e.amount.amount
        return BookingMoney(
            collected=sums[EntryKind.COLLECTED], fees=sums[EntryKind.FEE],
            refunded=sums[EntryKind.REFUNDED], fees_returned=sums[EntryKind.FEE_RETURNED],
            transferred=sums[EntryKind.TRANSFERRED],
            transfers_reversed=sums[EntryKind.TRANSFER_REVERSED],
            discounts_credited=sums[EntryKind.DISCOUNT_CREDITED],
            discounts_reversed=sums[EntryKind.DISCOUNT_REVERSED],
        )  # fmt: skip

    async def summaries(self, artist_id: ArtistId) -> Sequence[AccountSummary]:
        mine = [a for a in self._accounts.values() if a.artist_id == artist_id]
        return [self._summary(a) for a in sorted(mine, key=lambda a: a.currency)]

    async def entries(
        self, artist_id: ArtistId, currency: str | None, page: PageRequest
    ) -> Page[Entry]:
        mine = [
            e
            for e in self._entries.values()
            if e.artist_id == artist_id and currency in (None, e.amount.currency)
        ]
        mine.sort(key=lambda e: (e.created_at, e.sequence, _descending(e.amount.currency)))
        mine.reverse()
        start = page.offset
        return Page(tuple(mine[start : start + page.page_size]), len(mine), page)

    async def owed_all(self) -> Sequence[Account]:
        due = [a for a in self._accounts.values() if a.balance > 0]
        return sorted(due, key=lambda a: (a.currency, -a.balance, a.artist_id))

    async def owed(self, page: PageRequest) -> Page[AccountSummary]:
        due = list(await self.owed_all())
        start = page.offset
        items = tuple(self._summary(a) for a in due[start : start + page.page_size])
        return Page(items, len(due), page)

    def _summary(self, account: Account) -> AccountSummary:
        sums: Counter[EntryKind] = Counter()
        for e in self._entries.values():
            if e.artist_id == account.artist_id and e.amount.currency == account.currency:
                sums[e.kind] += e.amount.amount
        return AccountSummary(account, {kind: sums[kind] for kind in EntryKind})


class InMemoryPayoutCursor(PayoutCursor):
    def __init__(self, table: StagedTable[str, str]) -> None:
        self._table = table

    async def claim(self) -> PayoutPosition | None:
        return PayoutPosition(self._table.get("ledger"))

    async def advance(self, cursor: str) -> None:
        current = self._table.get("ledger")
        if current is not None and cursor < current:
            raise ConflictError("The ledger's position would move backwards.")
        self._table.put("ledger", cursor)


def _descending(text: str) -> tuple[int, ...]:
    """A key that sorts ``text`` backwards (so that a reversed list keeps it ascending)."""
    return tuple(-ord(c) for c in text)
