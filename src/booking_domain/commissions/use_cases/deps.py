"""What commission use cases are built with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from booking_domain.bookings import new_booking_reference
from booking_domain.commissions.ports import ProjectsUnitOfWorkFactory
from booking_domain.media import MediaStores
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class CommissionsDeps:
    uow: ProjectsUnitOfWorkFactory  # a project's sessions are bookings: one unit for both
    clock: Clock
    stores: MediaStores  # a request's pictures are private: read through signed URLs
    # The currencies the payment gateway takes (its ``currencies``, given by the wiring): a
    # session whose deposit is in another is refused when it is booked.
    deposit_currencies: frozenset[str]
    new_reference: Callable[[], str] = new_booking_reference  # a session's booking reference
