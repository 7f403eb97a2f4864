"""The ledger's storage: the artists' accounts with their entries and the follower's place in
the outbox feed (with bookings' part: entries are about bookings of artists)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.parts import bookings, over_table
from adapters.memory.payouts import InMemoryPayoutCursor, InMemoryPayoutLedger
from booking_domain.payouts import PayoutsUnitOfWork


class Part(bookings.Part):
    payout_ledger = cached_property(
        lambda uow: InMemoryPayoutLedger(
            uow.staged("payout_accounts"), uow.staged("payout_entries")
        )
    )
    payout_cursor = over_table(InMemoryPayoutCursor, "payout_feed_position")


SERVES: type[PayoutsUnitOfWork] = Part
