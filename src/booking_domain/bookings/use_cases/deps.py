"""What every booking use case is given."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from booking_domain.accounts import KeyedDigest, PhoneNumbers
from booking_domain.bookings.lookups import LookupBudget
from booking_domain.bookings.ports import BookingsUnitOfWorkFactory
from booking_domain.bookings.references import new_booking_reference
from booking_domain.media import MediaStores
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class BookingsDeps:
    """The collaborators every booking use case needs, wired once by the container."""

    uow: BookingsUnitOfWorkFactory
    clock: Clock
    stores: MediaStores  # where idea images live (private: signed URLs)
    phones: PhoneNumbers  # how the numbers people type are read
    digest: KeyedDigest  # how a booking link's token is looked up
    # The currencies the payment gateway takes (its port's ``currencies``, given by the
    # wiring): a booking whose deposit is in any other is refused at creation.
    deposit_currencies: frozenset[str]
    idempotency_ttl: timedelta = timedelta(hours=24)
    new_reference: Callable[[], str] = new_booking_reference
    # How many customers an artist may look up an hour (booking them in by email or phone).
    lookups: LookupBudget = field(default_factory=LookupBudget)
