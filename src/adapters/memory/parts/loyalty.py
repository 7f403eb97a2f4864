"""Loyalty's storage: programs, each customer's ledger, redemptions and the earner's place
in the outbox feed (with bookings' part: points are earned on bookings)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.loyalty import (
    InMemoryEarningCursor,
    InMemoryLoyaltyLedger,
    InMemoryProgramRepository,
    InMemoryRedemptionRepository,
)
from adapters.memory.parts import bookings, over_table
from booking_domain.loyalty import LoyaltyUnitOfWork


class Part(bookings.Part):
    loyalty_programs = cached_property(
        lambda uow: InMemoryProgramRepository(uow.staged("loyalty_programs"), uow.artists)
    )
    loyalty_ledger = cached_property(
        lambda uow: InMemoryLoyaltyLedger(
            uow.staged("loyalty_accounts"), uow.staged("loyalty_entries")
        )
    )
    loyalty_redemptions = over_table(InMemoryRedemptionRepository, "loyalty_redemptions")
    earning_cursor = over_table(InMemoryEarningCursor, "loyalty_feed_position")


SERVES: type[LoyaltyUnitOfWork] = Part
