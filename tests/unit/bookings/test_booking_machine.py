"""The booking lifecycle as a hypothesis state machine: any sequence of attempts by anyone
(``booking_domain.testing.machines.BookingLifecycle``, which other projects' tests reuse).

Each step tries one operation; a refusal must be a DomainError and change nothing (the
booking is immutable, so we keep the old one); a success must produce exactly one event
that continues the audit trail. Invariants hold after every step.
"""

from __future__ import annotations

from hypothesis import settings

from booking_domain.bookings import Booking, BookingStatus, HistoryEntry
from booking_domain.shared import DomainError
from booking_domain.testing.machines import BookingLifecycle

BookingLifecycle.TestCase.settings = settings(stateful_step_count=40)
test_booking_lifecycle = BookingLifecycle.TestCase


class StatusProjection(BookingLifecycle):
    """What a consumer does with the machine: a projection of its own (here, the status and
    version read from the entries alone) held to every step."""

    status: BookingStatus | None = None
    version = 0
    refusals = 0

    def observe(self, before: Booking, after: Booking, entry: HistoryEntry) -> None:
        assert entry.from_status is (self.status or before.status)
        self.status, self.version = entry.to_status, entry.version
        assert (self.status, self.version) == (after.status, after.version)

    def refused(self, before: Booking, error: DomainError) -> None:
        assert self.booking is before and error.code
        self.refusals += 1


StatusProjection.TestCase.settings = settings(stateful_step_count=20, max_examples=50)
test_a_consumers_projection_follows_every_step = StatusProjection.TestCase
