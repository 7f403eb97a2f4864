"""PostgreSQL customer lookups per artist account (``bookings.lookups``): one row per account
holding its current window and count, moved on by one upsert."""

from __future__ import annotations

from datetime import datetime

from adapters.postgres.database import OnConnection
from adapters.postgres.tuned.customer_lookups import COUNT_LOOKUP
from booking_domain.bookings.ports import CustomerLookupRepository
from booking_domain.shared import UserId


class PostgresCustomerLookupRepository(OnConnection, CustomerLookupRepository):
    async def count(self, user_id: UserId, window: datetime) -> int:
        cursor = await self._conn.execute(COUNT_LOOKUP, {"user_id": user_id, "window": window})
        row = await cursor.fetchone()
        lookups = None if row is None else row["lookups"]
        assert isinstance(lookups, int)  # an upsert with RETURNING always returns its row
        return lookups
