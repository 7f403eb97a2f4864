"""Disputes' storage: disputes and their messages (with bookings' part)."""

from __future__ import annotations

from adapters.memory.disputes import (
    InMemoryChargebackCursor,
    InMemoryDisputeMessageRepository,
    InMemoryDisputeRepository,
)
from adapters.memory.parts import bookings, over_table
from booking_domain.disputes.ports import DisputesUnitOfWork


class Part(bookings.Part):
    disputes = over_table(InMemoryDisputeRepository, "disputes")
    dispute_messages = over_table(InMemoryDisputeMessageRepository, "dispute_messages")
    chargeback_cursor = over_table(InMemoryChargebackCursor, "dispute_feed_position")


SERVES: type[DisputesUnitOfWork] = Part
