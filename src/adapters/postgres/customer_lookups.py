"""PostgreSQL customer lookups per artist account (``bookings.lookups``): one row per account
holding its current window and count, moved on by one upsert."""

from __future__ import annotations

from datetime import datetime

from adapters.postgres.database import OnConnection
from booking_domain.bookings.ports import CustomerLookupRepository
from booking_domain.shared import UserId

# A later window starts the count again; an earlier one (another process's clock a little
# behind) counts in the stored window rather than resetting it.
_COUNT = """
INSERT INTO customer_lookups AS c (user_id, window_start, lookups)
VALUES (%(user_id)s, %(window)s, 1)
ON CONFLICT (user_id) DO UPDATE
SET lookups = CASE WHEN excluded.window_start > c.window_start THEN 1 ELSE c.lookups + 1 END,
    window_start = greatest(c.window_start, excluded.window_start)
RETURNING lookups
"""


class PostgresCustomerLookupRepository(OnConnection, CustomerLookupRepository):
    async def count(self, user_id: UserId, window: datetime) -> int:
        cursor = await self._conn.execute(_COUNT, {"user_id": user_id, "window": window})
        row = await cursor.fetchone()
        lookups = None if row is None else row["lookups"]
        assert isinstance(lookups, int)  # an upsert with RETURNING always returns its row
        return lookups
