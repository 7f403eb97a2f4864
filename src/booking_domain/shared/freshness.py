"""How fresh a read must be.

A deployment may answer some reads from a copy of the database that trails the primary by
a bounded time (a streaming replica; the bound is the deployment's setting, a few seconds).
The rule that decides which reads may lag:

- the public catalogue (free slots, search and recommendations, artist profiles,
  portfolios, reviews) may lag for the people who browse it: anonymous callers and
  customers;
- the people who edit it (the artist, admins) read it fresh, so whoever changes a profile,
  a service, availability or a portfolio sees the change at once;
- everything else (bookings, payments, disputes, accounts, notifications, anything read to
  decide a change) always reads fresh.

A lagging read never decides anything: a booking made from a slot that a lagging read
showed free is checked again on the primary and refused if it is taken.
"""

from __future__ import annotations

from booking_domain.shared.identity import Actor, Role


def browsing(actor: Actor | None) -> bool:
    """True for callers who may be shown the public catalogue as it was up to the
    deployment's staleness bound ago: anonymous callers and customers."""
    return actor is None or actor.role is Role.CUSTOMER
