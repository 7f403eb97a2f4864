"""PostgreSQL ledger: accounts per artist and currency, their append-only entries, and the
follower's position.

An account held for an entry (``for_update``) is made first when it is new (an empty row,
``ON CONFLICT DO NOTHING``) and then locked, so two first entries of one account wait for
each other. A change is one update of the account, guarded by its version, and one
pipelined insert of its entries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Uuid,
    any_,
    bindparam,
    cast,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, constant, count_of, exact_count
from adapters.postgres.tables.payouts import (
    payout_accounts,
    payout_entries,
    payout_feed_position,
)
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
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.pages import Page, PageRequest

_A, _E = payout_accounts.c, payout_entries.c
_ONE = [_A.artist_id == bindparam("artist_id"), _A.currency == bindparam("currency")]
_ACCOUNT = Statement(lambda: select(payout_accounts).where(*_ONE))
_MAKE = Statement(
    lambda: (
        pg_insert(payout_accounts)
        .values(
            artist_id=bindparam("artist_id"),
            currency=bindparam("currency"),
            balance=constant(0),
            version=constant(0),
            updated_at=func.now(),
        )
        .on_conflict_do_nothing(index_elements=[_A.artist_id, _A.currency])
    )
)
_LOCK = Statement(lambda: select(payout_accounts).where(*_ONE).with_for_update())
_SAVE = Statement(
    lambda: (
        update(payout_accounts)
        .where(*_ONE, _A.version == bindparam("before"))
        .values(
            balance=bindparam("balance"),
            version=bindparam("version"),
            updated_at=bindparam("updated_at"),
        )
    )
)
_ENTRY_COLUMNS = [c.name for c in payout_entries.c]
_ADD_ENTRY = Statement(
    lambda: insert(payout_entries).values({n: bindparam(n) for n in _ENTRY_COLUMNS})
)
_HAS_KEY = Statement(lambda: select(constant(1)).where(_E.key == bindparam("key")))
_KEYED = Statement(lambda: select(payout_entries).where(_E.key == bindparam("key")))
_BOOKING_SUMS = Statement(
    lambda: (
        select(_E.kind, cast(func.sum(_E.amount), BigInteger).label("total"))
        .where(_E.booking_id == bindparam("booking_id"), _E.currency == bindparam("currency"))
        .group_by(_E.kind)
    )
)
_ARTISTS_SUMS = Statement(
    lambda: (
        select(
            _E.artist_id, _E.currency, _E.kind, cast(func.sum(_E.amount), BigInteger).label("total")
        )
        .where(_E.artist_id == any_(bindparam("artist_ids", type_=ARRAY(Uuid))))
        .group_by(_E.artist_id, _E.currency, _E.kind)
    )
)
_OF_ARTIST = Statement(
    lambda: (
        select(payout_accounts).where(_A.artist_id == bindparam("artist_id")).order_by(_A.currency)
    )
)
_MINE = [
    _E.artist_id == bindparam("artist_id"),
    or_(
        bindparam("currency", type_=_E.currency.type).is_(None),
        _E.currency == bindparam("currency"),
    ),
]
_ENTRY_PAGE = Statement(
    lambda: (
        select(payout_entries)
        .where(*_MINE)
        .order_by(_E.created_at.desc(), _E.sequence.desc(), _E.currency)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
)
_ENTRY_COUNT = Statement(lambda: exact_count(payout_entries, _MINE))
_OWED = [_A.balance > constant(0)]
_OWED_PAGE = Statement(
    lambda: (
        select(payout_accounts)
        .where(*_OWED)
        .order_by(_A.currency, _A.balance.desc(), _A.artist_id)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
)
_OWED_COUNT = Statement(lambda: exact_count(payout_accounts, _OWED))
_OWED_ALL = Statement(
    lambda: (
        select(payout_accounts).where(*_OWED).order_by(_A.currency, _A.balance.desc(), _A.artist_id)
    )
)


class PostgresPayoutLedger(OnConnection, PayoutLedger):
    async def account(
        self, artist_id: ArtistId, currency: str, *, for_update: bool = False
    ) -> Account:
        params = {"artist_id": artist_id, "currency": currency}
        if for_update:
            await self._conn.execute(_MAKE.text, params)
        statement = _LOCK if for_update else _ACCOUNT
        row = await (await self._conn.execute(statement.text, params)).fetchone()
        return Account(artist_id, currency) if row is None else _account(row)

    async def save(self, account: Account, entries: Sequence[Entry]) -> None:
        params = {
            "artist_id": account.artist_id, "currency": account.currency,
            "balance": account.balance, "version": account.version,
            "updated_at": account.updated_at, "before": account.version - len(entries),
        }  # fmt: skip
        if params["before"] == 0:
            await self._conn.execute(_MAKE.text, params)
        saved = await self._conn.execute(_SAVE.text, params)
        if saved.rowcount != 1:
            raise ConcurrentUpdateError()
        async with self._conn.cursor() as cursor:
            await cursor.executemany(_ADD_ENTRY.text, [_entry_params(e) for e in entries])

    async def has_key(self, key: str) -> bool:
        return await (await self._conn.execute(_HAS_KEY.text, {"key": key})).fetchone() is not None

    async def keyed(self, key: str) -> Entry | None:
        row = await (await self._conn.execute(_KEYED.text, {"key": key})).fetchone()
        return None if row is None else _entry(row)

    async def of_booking(self, booking_id: BookingId, currency: str) -> BookingMoney:
        params = {"booking_id": booking_id, "currency": currency}
        rows = await (await self._conn.execute(_BOOKING_SUMS.text, params)).fetchall()
        sums = _by_kind(rows)
        return BookingMoney(
            collected=sums.get(EntryKind.COLLECTED, 0), fees=sums.get(EntryKind.FEE, 0),
            refunded=sums.get(EntryKind.REFUNDED, 0),
            fees_returned=sums.get(EntryKind.FEE_RETURNED, 0),
            transferred=sums.get(EntryKind.TRANSFERRED, 0),
            transfers_reversed=sums.get(EntryKind.TRANSFER_REVERSED, 0),
            discounts_credited=sums.get(EntryKind.DISCOUNT_CREDITED, 0),
            discounts_reversed=sums.get(EntryKind.DISCOUNT_REVERSED, 0),
        )  # fmt: skip

    async def summaries(self, artist_id: ArtistId) -> Sequence[AccountSummary]:
        params = {"artist_id": artist_id}
        rows = await (await self._conn.execute(_OF_ARTIST.text, params)).fetchall()
        return await self._summaries([_account(r) for r in rows])

    async def entries(
        self, artist_id: ArtistId, currency: str | None, page: PageRequest
    ) -> Page[Entry]:
        where = {"artist_id": artist_id, "currency": currency}
        params = {**where, "limit": page.page_size, "offset": page.offset}
        rows = await (await self._conn.execute(_ENTRY_PAGE.text, params)).fetchall()
        total = await (await self._conn.execute(_ENTRY_COUNT.text, where)).fetchone()
        return Page(tuple(_entry(r) for r in rows), count_of(total), page)

    async def owed_all(self) -> Sequence[Account]:
        rows = await (await self._conn.execute(_OWED_ALL.text)).fetchall()
        return [_account(r) for r in rows]

    async def owed(self, page: PageRequest) -> Page[AccountSummary]:
        params = {"limit": page.page_size, "offset": page.offset}
        rows = await (await self._conn.execute(_OWED_PAGE.text, params)).fetchall()
        total = await (await self._conn.execute(_OWED_COUNT.text)).fetchone()
        items = await self._summaries([_account(r) for r in rows])
        return Page(tuple(items), count_of(total), page)

    async def _summaries(self, accounts: list[Account]) -> list[AccountSummary]:
        if not accounts:
            return []
        params = {"artist_ids": sorted({a.artist_id for a in accounts})}
        rows = await (await self._conn.execute(_ARTISTS_SUMS.text, params)).fetchall()
        sums: dict[tuple[Any, str], dict[EntryKind, int]] = defaultdict(dict)
        for r in rows:
            _add_sum(sums, r)
        return [
            AccountSummary(a, {k: sums[(a.artist_id, a.currency)].get(k, 0) for k in EntryKind})
            for a in accounts
        ]


def _by_kind(rows: Sequence[Mapping[str, Any]]) -> dict[EntryKind, int]:
    return {EntryKind(r["kind"]): r["total"] for r in rows}


def _add_sum(sums: dict[tuple[Any, str], dict[EntryKind, int]], row: Mapping[str, Any]) -> None:
    sums[(row["artist_id"], row["currency"])][EntryKind(row["kind"])] = row["total"]


def _account(row: Mapping[str, Any]) -> Account:
    return Account(
        ArtistId(row["artist_id"]), row["currency"], row["balance"], row["version"],
        row["updated_at"],
    )  # fmt: skip


def _entry(row: Mapping[str, Any]) -> Entry:
    recorded_by = row["recorded_by"]
    return Entry(
        id=EntryId(row["id"]), artist_id=ArtistId(row["artist_id"]),
        kind=EntryKind(row["kind"]), amount=Money(row["amount"], row["currency"]),
        key=row["key"], created_at=row["created_at"],
        booking_id=None if row["booking_id"] is None else BookingId(row["booking_id"]),
        reference=row["reference"], note=row["note"],
        recorded_by=None if recorded_by is None else UserId(recorded_by), sequence=row["sequence"],
    )  # fmt: skip


def _entry_params(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id, "artist_id": e.artist_id, "currency": e.amount.currency,
        "kind": e.kind.value, "amount": e.amount.amount, "signed": e.signed, "key": e.key,
        "booking_id": e.booking_id, "reference": e.reference, "note": e.note,
        "recorded_by": e.recorded_by, "created_at": e.created_at, "sequence": e.sequence,
    }  # fmt: skip


# --- the follower's position ----------------------------------------------------------------

LEDGER_LOCK = 0x696E6B6C65646772  # "inkledgr": one follower at a time
_TAKE_TURN = Statement(
    lambda: select(
        func.pg_try_advisory_xact_lock(bindparam("lock", type_=BigInteger)).label("turn")
    )
)
_F = payout_feed_position.c
_ROW = constant("ledger")
_POSITION = Statement(lambda: select(_F.after).where(_F.name == _ROW))
_ADVANCE = Statement(  # forward only; the row is made the first time
    lambda: (
        pg_insert(payout_feed_position)
        .values(name=_ROW, after=bindparam("after"))
        .on_conflict_do_update(
            index_elements=[_F.name],
            set_={"after": bindparam("after"), "updated_at": func.now()},
            where=or_(_F.after.is_(None), _F.after < bindparam("after")),
        )
    )
)


class PostgresPayoutCursor(OnConnection, PayoutCursor):
    async def claim(self) -> PayoutPosition | None:
        turn = await (await self._conn.execute(_TAKE_TURN.text, {"lock": LEDGER_LOCK})).fetchone()
        if turn is None or not turn["turn"]:
            return None
        row = await (await self._conn.execute(_POSITION.text)).fetchone()
        after = None if row is None else row["after"]
        return PayoutPosition(after if isinstance(after, str) else None)

    async def advance(self, cursor: str) -> None:
        moved = await self._conn.execute(_ADVANCE.text, {"after": cursor})
        if moved.rowcount != 1:
            raise ConflictError("The ledger's position would move backwards.")
