"""What waitlist use cases are built with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from booking_domain.bookings import new_booking_reference
from booking_domain.shared.clock import Clock
from booking_domain.shared.ports import OutboxFeed
from booking_domain.waitlist.ports import WaitlistUnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class WaitlistDeps:
    uow: WaitlistUnitOfWorkFactory  # an offer is a booking: one unit for both
    clock: Clock
    feed: OutboxFeed  # the reader follows the bookings' events that free time
    # The currencies the payment gateway takes (its ``currencies``, given by the wiring): an
    # entry whose service asks a deposit in another is offered nothing (it could never be paid).
    deposit_currencies: frozenset[str]
    new_reference: Callable[[], str] = new_booking_reference  # an offer's booking reference
