"""Disputes' storage: disputes and their messages (with bookings' part)."""

from __future__ import annotations

from adapters.memory.disputes import (
    InMemoryDisputeMessageRepository,
    InMemoryDisputeRepository,
)
from adapters.memory.parts import bookings, over_table
from booking_domain.disputes.ports import DisputesUnitOfWork


class Part(bookings.Part):
    disputes = over_table(InMemoryDisputeRepository, "disputes")
    dispute_messages = over_table(InMemoryDisputeMessageRepository, "dispute_messages")


SERVES: type[DisputesUnitOfWork] = Part
