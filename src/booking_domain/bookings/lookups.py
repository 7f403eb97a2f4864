"""How many people an artist may look up: the budget of customer lookups.

Rules (docs/product.md, "4. Bookings"):
- an artist booking an existing customer in names them by email or phone, and the answer
  (booked, or ``customer_not_found``) tells whether such a customer exists. So each artist
  account makes at most ``per_hour`` such lookups an hour (``INKSLOT_CUSTOMER_LOOKUPS_PER_HOUR``,
  60 by default: a busy walk-in hour is far below it, a list of addresses tried one by one
  is far above), found or not, booked or refused;
- the hour is a fixed window of the clock (UTC, ``window_of``); the lookup over the budget
  is refused before anything is looked up or booked, with ``too_many_customer_lookups``
  (429) and ``Retry-After`` the seconds to the window's end;
- booking a client record of the artist's own (by name and phone) finds only the artist's
  own records, tells nothing about accounts, and is not counted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from booking_domain.bookings.errors import TooManyCustomerLookupsError
from booking_domain.shared.time import require_aware

LOOKUP_WINDOW = timedelta(hours=1)
DEFAULT_LOOKUPS_PER_HOUR = 60


def window_of(now: datetime) -> datetime:
    """The start of the window ``now`` falls in: the clock hour, UTC."""
    return require_aware(now, "now").astimezone(UTC).replace(minute=0, second=0, microsecond=0)


@dataclass(frozen=True, slots=True)
class LookupBudget:
    """At most ``per_hour`` customer lookups per artist account and window."""

    per_hour: int = DEFAULT_LOOKUPS_PER_HOUR

    def __post_init__(self) -> None:
        if self.per_hour < 1:
            raise ValueError("the lookup budget is at least one an hour")

    def check(self, counted: int, now: datetime) -> None:
        """Refuses the lookup that made the window's count ``counted`` when that is over
        the budget, saying when the window ends."""
        if counted <= self.per_hour:
            return
        left = window_of(now) + LOOKUP_WINDOW - now
        raise TooManyCustomerLookupsError(retry_after_seconds=math.ceil(left.total_seconds()))
