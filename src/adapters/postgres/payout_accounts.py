"""PostgreSQL's artists' payout accounts at a gateway (Stripe Connect)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, insert, select, update

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.payments import connected_accounts
from booking_domain.payments.connect import PayoutAccount, PayoutAccountStatus
from booking_domain.payments.ports import PayoutAccountRepository
from booking_domain.shared.ids import UserId

_A = connected_accounts
_WHERE = (_A.c.artist_user_id == bindparam("artist_user_id")) & (
    _A.c.gateway == bindparam("gateway")
)
_GET = Statement(lambda: select(_A).where(_WHERE))
_GET_LOCKED = Statement(lambda: select(_A).where(_WHERE).with_for_update())
_BY_ACCOUNT = Statement(
    lambda: (
        select(_A)
        .where(
            (_A.c.gateway == bindparam("gateway")) & (_A.c.account_id == bindparam("account_id"))
        )
        .with_for_update()
    )
)
_ADD = Statement(lambda: insert(_A).values({c.name: bindparam(c.name) for c in _A.c}))
_UPDATE = Statement(
    lambda: (
        update(_A)
        .where(_WHERE)
        .values(status=bindparam("status"), updated_at=bindparam("updated_at"))
    )
)


class PostgresPayoutAccountRepository(OnConnection, PayoutAccountRepository):
    async def get(
        self, artist_user_id: UserId, gateway: str, *, for_update: bool = False
    ) -> PayoutAccount | None:
        statement = _GET_LOCKED if for_update else _GET
        params = {"artist_user_id": artist_user_id, "gateway": gateway}
        row = await (await self._conn.execute(statement.text, params)).fetchone()
        return None if row is None else _account(row)

    async def by_account(
        self, gateway: str, account_id: str, *, for_update: bool = False
    ) -> PayoutAccount | None:
        params = {"gateway": gateway, "account_id": account_id}
        row = await (await self._conn.execute(_BY_ACCOUNT.text, params)).fetchone()
        return None if row is None else _account(row)

    async def add(self, account: PayoutAccount) -> None:
        await self._conn.execute(_ADD.text, _params(account))

    async def update(self, account: PayoutAccount) -> None:
        await self._conn.execute(_UPDATE.text, _params(account))


def _params(account: PayoutAccount) -> dict[str, Any]:
    return {
        "artist_user_id": account.artist_user_id,
        "gateway": account.gateway,
        "account_id": account.account_id,
        "status": account.status.value,
        "created_at": account.created_at,
        "updated_at": account.updated_at,
    }


def _account(row: Mapping[str, Any]) -> PayoutAccount:
    return PayoutAccount(
        artist_user_id=UserId(row["artist_user_id"]),
        gateway=row["gateway"],
        account_id=row["account_id"],
        status=PayoutAccountStatus(row["status"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
