"""Loyalty's storage: programs, each customer's ledger, redemptions and the earner's place
in the outbox feed (with bookings' part: points are earned on bookings)."""

from __future__ import annotations

from adapters.postgres.loyalty import (
    PostgresEarningCursor,
    PostgresProgramRepository,
    PostgresRedemptionRepository,
)
from adapters.postgres.loyalty_ledger import PostgresLoyaltyLedger
from adapters.postgres.parts import bookings, on_connection
from booking_domain.loyalty import LoyaltyUnitOfWork


class Part(bookings.Part):
    loyalty_programs = on_connection(PostgresProgramRepository)
    loyalty_ledger = on_connection(PostgresLoyaltyLedger)
    loyalty_redemptions = on_connection(PostgresRedemptionRepository)
    earning_cursor = on_connection(PostgresEarningCursor)


SERVES: type[LoyaltyUnitOfWork] = Part
