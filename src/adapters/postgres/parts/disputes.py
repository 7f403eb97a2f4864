"""Disputes' storage: disputes, their messages and the chargebacks' follower's position
(with bookings' part)."""

from __future__ import annotations

from adapters.postgres.disputes import (
    PostgresChargebackCursor,
    PostgresDisputeMessageRepository,
    PostgresDisputeRepository,
)
from adapters.postgres.parts import bookings, on_connection
from booking_domain.disputes.ports import DisputesUnitOfWork


class Part(bookings.Part):
    disputes = on_connection(PostgresDisputeRepository)
    dispute_messages = on_connection(PostgresDisputeMessageRepository)
    chargeback_cursor = on_connection(PostgresChargebackCursor)


SERVES: type[DisputesUnitOfWork] = Part
