"""What review use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.reviews.ports import ReviewsUnitOfWorkFactory
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class ReviewsDeps:
    uow: ReviewsUnitOfWorkFactory
    clock: Clock
