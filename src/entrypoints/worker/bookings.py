"""Bookings' background work: the holds that ran out expired, first in each tick of the
hold round (docs/jobs.md), and the idempotency keys past their 24 hours purged."""

from __future__ import annotations

from booking_domain.bookings.use_cases import BookingUseCases
from entrypoints.worker.rounds import HOLDS, PURGE
from entrypoints.worker.work import Step, Work

WORK = Work(
    BookingUseCases,
    steps=(
        Step(HOLDS, lambda bookings: bookings.expire_holds(), "expired %d holds"),
        Step(PURGE, lambda bookings: bookings.purge_idempotency_keys()),
    ),
)
