"""Plain builders: valid domain objects in one call, with only the interesting bits given."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from booking_domain.bookings import Booking, request_booking
from booking_domain.catalog import Deposit, SchedulingPolicy, Service
from booking_domain.scheduling import BusyTimeline, Schedule, WeeklyRule
from booking_domain.shared import Actor, ArtistId, BookingId, Money, Role, ServiceId, UserId

ARTIST_ID = ArtistId(UUID(int=0xA))
SERVICE_ID = ServiceId(UUID(int=0x5))
ARTIST_USER = UserId(UUID(int=0xA0))
CUSTOMER_USER = UserId(UUID(int=0xC0))
ADMIN_USER = UserId(UUID(int=0xAD))


def customer(user_id: UserId = CUSTOMER_USER) -> Actor:
    return Actor(user_id, Role.CUSTOMER)


def artist(user_id: UserId = ARTIST_USER) -> Actor:
    return Actor(user_id, Role.ARTIST)


def admin(user_id: UserId = ADMIN_USER) -> Actor:
    return Actor(user_id, Role.ADMIN)


def weekdays(start: str = "09:00", end: str = "17:00", days: range = range(1, 6)) -> Schedule:
    """Open ``start``-``end`` on ``days`` (default Monday to Friday)."""
    return Schedule(tuple(WeeklyRule.parse(day, start, end) for day in days))


def open_all_week() -> Schedule:
    return weekdays("00:00", "24:00", range(7))


def make_policy(timezone: str = "America/New_York", **changes: Any) -> SchedulingPolicy:
    """The product's defaults, except no minimum notice (tests choose their own clock)."""
    changes.setdefault("minimum_notice", timedelta(0))
    return SchedulingPolicy(timezone, **changes)


def make_service(
    minutes: int = 60,
    *,
    price: Money = Money(10_000, "USD"),  # noqa: B008 - Money is immutable
    deposit: Deposit | None = None,
    before: int = 0,
    after: int = 0,
    needs_approval: bool = False,
) -> Service:
    return Service(
        SERVICE_ID,
        ARTIST_ID,
        "session",
        timedelta(minutes=minutes),
        price,
        deposit,
        timedelta(minutes=before),
        timedelta(minutes=after),
        needs_approval,
    )


def booking_at(
    start: datetime,
    *,
    now: datetime,
    service: Service | None = None,
    policy: SchedulingPolicy | None = None,
    booking_id: BookingId | None = None,
) -> Booking:
    """A freshly requested booking at ``start`` on an always-open, otherwise empty calendar."""
    booking, _ = request_booking(
        by=customer(),
        service=service or make_service(),
        artist_user_id=ARTIST_USER,
        policy=policy or make_policy(),
        schedule=open_all_week(),
        busy=BusyTimeline(),
        start=start,
        now=now,
        booking_id=booking_id,
        reference="INK-TEST22",
    )
    return booking
