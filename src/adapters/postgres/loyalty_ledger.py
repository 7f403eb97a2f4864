"""PostgreSQL points ledger: accounts with their entries and lots.

An account is read in two statements: its row (locked when asked), then its lots with
points left (``ix_loyalty_entries_open_lots``) and any others the caller names. A change is
one update of the account (guarded by its version), one pipelined insert of its entries and
one pipelined update of the lots it moved."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from psycopg.types.json import Jsonb
from sqlalchemy import (
    ARRAY,
    BigInteger,
    Text,
    Uuid,
    and_,
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
from adapters.postgres.tables.loyalty import loyalty_accounts, loyalty_entries
from booking_domain.loyalty import (
    Account,
    AccountId,
    Entry,
    EntryId,
    EntryKind,
    Lot,
    LoyaltyLedger,
    Movement,
    ProgramId,
)
from booking_domain.shared import ConcurrentUpdateError
from booking_domain.shared.ids import UserId
from booking_domain.shared.pages import Page, PageRequest

_A, _E = loyalty_accounts.c, loyalty_entries.c

_ENSURE = Statement(
    lambda: (
        pg_insert(loyalty_accounts)
        .values({c.name: bindparam(c.name) for c in loyalty_accounts.c})
        .on_conflict_do_nothing(index_elements=[_A.customer_id, _A.program_id])
    )
)
_FIND = Statement(
    lambda: select(_A.id).where(
        _A.customer_id == bindparam("customer_id"), _A.program_id == bindparam("program_id")
    )
)
_ACCOUNT = Statement(lambda: select(loyalty_accounts).where(_A.id == bindparam("id")))
_LOCK_ACCOUNT = Statement(
    lambda: select(loyalty_accounts).where(_A.id == bindparam("id")).with_for_update()
)
_EARNED = _E.kind == constant("earn")
_OPEN = and_(_EARNED, _E.remaining > constant(0))
_LOTS = Statement(
    lambda: (
        select(loyalty_entries)
        .where(
            _E.account_id == bindparam("account_id"),
            _EARNED,
            or_(
                _E.remaining > constant(0),
                _E.source == any_(bindparam("sources", type_=ARRAY(Text))),
                _E.id == any_(bindparam("lots", type_=ARRAY(Uuid))),
            ),
        )
        .order_by(_E.id)
    )
)
_SAVE_ACCOUNT = Statement(
    lambda: (
        update(loyalty_accounts)
        .where(_A.id == bindparam("id"), _A.version == bindparam("before"))
        .values(
            balance=bindparam("balance"),
            version=bindparam("version"),
            updated_at=bindparam("updated_at"),
        )
    )
)
_ENTRY_COLUMNS = [c.name for c in loyalty_entries.c if c.name != "created_at"]
_ADD_ENTRY = Statement(
    lambda: insert(loyalty_entries).values({name: bindparam(name) for name in _ENTRY_COLUMNS})
)
_MOVE_LOT = Statement(
    lambda: (
        update(loyalty_entries)
        .where(_E.id == bindparam("id"))
        .values(remaining=bindparam("remaining"), reversed=bindparam("reversed"))
    )
)
_HAS_KEY = Statement(lambda: select(constant(1)).where(_E.key == bindparam("key")))
_OF_CUSTOMER = Statement(
    lambda: (
        select(_A.id)
        .where(_A.customer_id == bindparam("customer_id"))
        .order_by(_A.created_at, _A.id)
    )
)
_WITH_SOURCE = Statement(
    lambda: (
        select(_E.account_id)
        .distinct()
        .join(loyalty_accounts, _A.id == _E.account_id)
        .where(_EARNED, _E.source == bindparam("source"), _A.customer_id == bindparam("customer"))
        .order_by(_E.account_id)
    )
)
_EXPIRING = Statement(
    lambda: (
        select(_E.account_id)
        .where(_OPEN, _E.expires_at <= bindparam("now", type_=_E.expires_at.type))
        .group_by(_E.account_id)
        .order_by(func.min(_E.expires_at))
        .limit(bindparam("limit"))
    )
)
_OF_ACCOUNT = [_E.account_id == bindparam("account_id")]
_ENTRY_PAGE = Statement(
    lambda: (
        select(loyalty_entries)
        .where(*_OF_ACCOUNT)
        .order_by(_E.sequence.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
)
_ENTRY_COUNT = Statement(lambda: exact_count(loyalty_entries, _OF_ACCOUNT))
_ENTRY = Statement(lambda: select(loyalty_entries).where(_E.id == bindparam("id")))
_TIER_POINTS = Statement(
    lambda: select(
        cast(func.coalesce(func.sum(_E.points), constant(0)), BigInteger).label("total")
    ).where(
        _E.account_id == bindparam("account_id"),
        _E.kind.in_([constant("earn"), constant("reverse")]),
        _E.at >= bindparam("since", type_=_E.at.type),
    )
)


def _id(row: Mapping[str, Any], column: str) -> AccountId:
    return AccountId(row[column])


def _account(row: Mapping[str, Any], lots: tuple[Lot, ...]) -> Account:
    return Account(
        AccountId(row["id"]), UserId(row["customer_id"]), ProgramId(row["program_id"]),
        row["balance"], row["version"], lots, row["created_at"], row["updated_at"],
    )  # fmt: skip


def _lot(row: Mapping[str, Any]) -> Lot | None:
    if row["kind"] != EntryKind.EARN.value:
        return None
    return Lot(EntryId(row["id"]), row["points"], row["remaining"], row["reversed"],
               row["basis"], row["source"], row["at"], row["expires_at"])  # fmt: skip


def _entry(row: Mapping[str, Any]) -> Entry:
    moves = row["moves"]
    moves = json.loads(moves) if isinstance(moves, str) else moves
    return Entry(
        EntryId(row["id"]), AccountId(row["account_id"]), row["sequence"],
        EntryKind(row["kind"]), row["points"], row["balance_after"], row["at"], row["reason"],
        row["source"], row["key"], tuple((EntryId(UUID(i)), p) for i, p in moves),
        row["forgiven"], _lot(row),
    )  # fmt: skip


def _entry_params(e: Entry) -> dict[str, Any]:
    lot = e.lot
    return {
        "id": e.id, "account_id": e.account_id, "sequence": e.sequence, "kind": e.kind.value,
        "points": e.points, "balance_after": e.balance_after, "at": e.at, "reason": e.reason,
        "source": e.source, "key": e.key, "moves": Jsonb([[str(i), p] for i, p in e.moves]),
        "forgiven": e.forgiven,
        "remaining": None if lot is None else lot.remaining,
        "reversed": None if lot is None else lot.reversed,
        "basis": None if lot is None else lot.basis,
        "expires_at": None if lot is None else lot.expires_at,
    }  # fmt: skip


class PostgresLoyaltyLedger(OnConnection, LoyaltyLedger):
    async def ensure(self, account: Account) -> AccountId:
        params = {
            "id": account.id, "customer_id": account.customer_id,
            "program_id": account.program_id, "balance": 0, "version": 0,
            "created_at": account.created_at, "updated_at": account.updated_at,
        }  # fmt: skip
        await self._conn.execute(_ENSURE.text, params)
        found = await self.find(account.customer_id, account.program_id)
        if found is None:
            raise ConcurrentUpdateError()
        return found

    async def find(self, customer_id: UserId, program_id: ProgramId) -> AccountId | None:
        params = {"customer_id": customer_id, "program_id": program_id}
        row = await (await self._conn.execute(_FIND.text, params)).fetchone()
        return None if row is None else _id(row, "id")

    async def load(
        self,
        account_id: AccountId,
        *,
        for_update: bool = False,
        sources: Collection[str] = (),
        lots: Collection[EntryId] = (),
    ) -> Account | None:
        statement = _LOCK_ACCOUNT if for_update else _ACCOUNT
        row = await (await self._conn.execute(statement.text, {"id": account_id})).fetchone()
        if row is None:
            return None
        params = {"account_id": account_id, "sources": list(sources), "lots": list(lots)}
        found = await (await self._conn.execute(_LOTS.text, params)).fetchall()
        return _account(row, tuple(lot for r in found if (lot := _lot(r))))

    async def save(self, movement: Movement) -> None:
        after = movement.account
        params = {
            "id": after.id, "before": after.version - len(movement.entries),
            "balance": after.balance, "version": after.version, "updated_at": after.updated_at,
        }  # fmt: skip
        done = await self._conn.execute(_SAVE_ACCOUNT.text, params)
        if done.rowcount != 1:
            raise ConcurrentUpdateError()
        await self._write_rows(_ADD_ENTRY.text, [_entry_params(e) for e in movement.entries])
        moved = [
            {"id": lot.id, "remaining": lot.remaining, "reversed": lot.reversed}
            for lot in movement.changed
        ]
        await self._write_rows(_MOVE_LOT.text, moved)

    async def has_key(self, key: str) -> bool:
        return await (await self._conn.execute(_HAS_KEY.text, {"key": key})).fetchone() is not None

    async def of_customer(self, customer_id: UserId) -> Sequence[Account]:
        params = {"customer_id": customer_id}
        rows = await (await self._conn.execute(_OF_CUSTOMER.text, params)).fetchall()
        ids = [_id(r, "id") for r in rows]
        return [a for a in [await self.load(i) for i in ids] if a is not None]

    async def with_source(self, customer_id: UserId, source: str) -> Sequence[AccountId]:
        params = {"customer": customer_id, "source": source}
        rows = await (await self._conn.execute(_WITH_SOURCE.text, params)).fetchall()
        return [_id(r, "account_id") for r in rows]

    async def expiring(self, now: datetime, *, limit: int) -> Sequence[AccountId]:
        params = {"now": now, "limit": limit}
        rows = await (await self._conn.execute(_EXPIRING.text, params)).fetchall()
        return [_id(r, "account_id") for r in rows]

    async def entries(self, account_id: AccountId, page: PageRequest) -> Page[Entry]:
        params = {"account_id": account_id, "limit": page.page_size, "offset": page.offset}
        rows = await (await self._conn.execute(_ENTRY_PAGE.text, params)).fetchall()
        total = await (await self._conn.execute(_ENTRY_COUNT.text, params)).fetchone()
        return Page(tuple(_entry(r) for r in rows), count_of(total), page)

    async def entry(self, entry_id: EntryId) -> Entry | None:
        row = await (await self._conn.execute(_ENTRY.text, {"id": entry_id})).fetchone()
        return None if row is None else _entry(row)

    async def tier_points(self, account_id: AccountId, since: datetime) -> int:
        params = {"account_id": account_id, "since": since}
        row = await (await self._conn.execute(_TIER_POINTS.text, params)).fetchone()
        return max(0, count_of(row))
