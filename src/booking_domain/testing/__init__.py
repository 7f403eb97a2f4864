"""Test helpers for services that use booking_domain.

- ``booking_domain.testing.builders``: plain builders with sensible defaults (no
  dependencies); re-exported here.
- ``booking_domain.testing.strategies``: hypothesis strategies (time zones with DST and odd
  offsets, weekly rules, overrides, policies, services, busy spans, clocks, whole scheduling
  scenarios). Needs the ``testing`` extra (hypothesis); import it explicitly.
- ``booking_domain.testing.commissions``: tattoo requests' details, requests and the steps
  a party may try on one (hypothesis too).
- ``booking_domain.testing.loyalty``: loyalty rates, programs and accounts (hypothesis too).
- ``booking_domain.testing.machines``: the booking lifecycle as a hypothesis state machine
  (``BookingLifecycle``), whose ``observe`` and ``refused`` hooks hold a consumer's own code
  to every step (hypothesis too).
"""

from booking_domain.testing.builders import (
    ARTIST_ID,
    SERVICE_ID,
    admin,
    artist,
    booking_at,
    customer,
    make_policy,
    make_service,
    open_all_week,
    weekdays,
)

__all__ = [
    "ARTIST_ID",
    "SERVICE_ID",
    "admin",
    "artist",
    "booking_at",
    "customer",
    "make_policy",
    "make_service",
    "open_all_week",
    "weekdays",
]
