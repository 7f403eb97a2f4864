"""The ledger's storage: the artists' accounts with their entries and the follower's place in
the outbox feed (with bookings' part: entries are about bookings of artists)."""

from __future__ import annotations

from adapters.postgres.parts import bookings, on_connection
from adapters.postgres.payouts import PostgresPayoutCursor, PostgresPayoutLedger
from booking_domain.payouts import PayoutsUnitOfWork


class Part(bookings.Part):
    payout_ledger = on_connection(PostgresPayoutLedger)
    payout_cursor = on_connection(PostgresPayoutCursor)


SERVES: type[PayoutsUnitOfWork] = Part
