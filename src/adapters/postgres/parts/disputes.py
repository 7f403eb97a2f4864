"""Disputes' storage: disputes and their messages (with bookings' part)."""

from __future__ import annotations

from adapters.postgres.disputes import (
    PostgresDisputeMessageRepository,
    PostgresDisputeRepository,
)
from adapters.postgres.parts import bookings, on_connection
from booking_domain.disputes.ports import DisputesUnitOfWork


class Part(bookings.Part):
    disputes = on_connection(PostgresDisputeRepository)
    dispute_messages = on_connection(PostgresDisputeMessageRepository)


SERVES: type[DisputesUnitOfWork] = Part
