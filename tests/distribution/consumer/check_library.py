"""A small consumer's suite of booking-domain, run with the standard library's unittest in a
virtual environment holding booking-domain alone (tests/distribution): what a service that
installs the library relies on, seen from outside."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.resources
import pkgutil
import unittest
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import booking_domain
from booking_domain.bookings import BookingStatus, request_booking
from booking_domain.bookings.lifecycle import cancel
from booking_domain.catalog import FixedDeposit, SchedulingPolicy, Service
from booking_domain.scheduling import (
    BusyTimeline,
    Interval,
    NotBookableError,
    Schedule,
    WeeklyRule,
    check_bookable,
    free_slots,
)
from booking_domain.shared import Actor, ArtistId, DomainError, Money, Role, ServiceId, UserId

NOW = datetime(2027, 10, 28, 9, tzinfo=UTC)  # a Thursday, three days before London's fall-back


def _service() -> Service:
    return Service(
        ServiceId(uuid4()),
        ArtistId(uuid4()),
        "Walk-in flash",
        duration=timedelta(minutes=45),
        price=Money(8_000, "GBP"),
        deposit=FixedDeposit(Money(2_000, "GBP")),
        buffer_after=timedelta(minutes=15),
    )


POLICY = SchedulingPolicy("Europe/London", minimum_notice=timedelta(hours=2))
SCHEDULE = Schedule(weekly=tuple(WeeklyRule.parse(day, "10:00", "18:00") for day in range(7)))


class TheDistribution(unittest.TestCase):
    def test_it_names_its_version_and_requires_nothing(self) -> None:
        self.assertEqual(importlib.metadata.version("booking-domain"), booking_domain.__version__)
        requires = importlib.metadata.requires("booking-domain") or []
        self.assertEqual([r for r in requires if "extra ==" not in r], [])

    def test_every_public_module_imports_without_hypothesis_but_the_strategies(self) -> None:
        for info in pkgutil.walk_packages(booking_domain.__path__, "booking_domain."):
            if info.name.startswith("booking_domain.testing."):
                continue  # the strategies need the `testing` extra
            importlib.import_module(info.name)

    def test_it_ships_its_public_api_list_and_its_type_marker(self) -> None:
        package = importlib.resources.files("booking_domain")
        listed = package.joinpath("public_api.txt").read_text(encoding="utf-8")
        self.assertIn(f"booking-domain {booking_domain.__version__}:", listed.splitlines()[0])
        self.assertIn("booking_domain.scheduling.free_slots: function free_slots(", listed)
        self.assertTrue(package.joinpath("py.typed").is_file())


class TheRules(unittest.TestCase):
    def test_an_hour_repeated_by_the_fall_back_is_offered_twice_in_utc(self) -> None:
        sunday = Interval(datetime(2027, 10, 30, 22, tzinfo=UTC), datetime(2027, 11, 1, tzinfo=UTC))
        schedule = Schedule(weekly=(WeeklyRule.parse(0, "00:00", "03:00"),))
        starts = free_slots(
            service=_service(),
            policy=POLICY,
            schedule=schedule,
            busy=BusyTimeline.of([]),
            between=sunday,
            now=NOW,
        )
        # 00:00-03:00 local on the night 02:00 BST becomes 01:00 GMT: four hours of time, so
        # seven half-hourly starts of an hour's blocked time (five on any other Sunday).
        self.assertEqual(starts[0], datetime(2027, 10, 30, 23, tzinfo=UTC))  # 00:00 BST
        self.assertEqual(starts[-1], datetime(2027, 10, 31, 2, tzinfo=UTC))  # 02:00 GMT
        self.assertEqual(len(starts), 7)

    def test_a_start_too_soon_is_refused_with_its_reason(self) -> None:
        with self.assertRaises(NotBookableError) as refused:
            check_bookable(
                service=_service(),
                policy=POLICY,
                schedule=SCHEDULE,
                busy=BusyTimeline.of([]),
                start=NOW + timedelta(hours=1),
                now=NOW,
            )
        self.assertEqual(refused.exception.reason, "too_soon")

    def test_a_booked_start_is_no_longer_offered_and_its_buffer_blocks_the_next(self) -> None:
        customer = Actor(UserId(uuid4()), Role.CUSTOMER)
        service = _service()
        start = datetime(2027, 10, 29, 10, tzinfo=UTC)  # 11:00 BST
        booking, _ = request_booking(
            by=customer,
            service=service,
            artist_user_id=UserId(uuid4()),
            policy=POLICY,
            schedule=SCHEDULE,
            busy=BusyTimeline.of([]),
            start=start,
            now=NOW,
        )
        self.assertIs(booking.status, BookingStatus.PENDING)
        busy = BusyTimeline.of([booking.blocked])
        day = Interval(start, start + timedelta(hours=2))
        starts = free_slots(
            service=service, policy=POLICY, schedule=SCHEDULE, busy=busy, between=day, now=NOW
        )
        self.assertNotIn(start, starts)
        self.assertEqual(starts[0], start + timedelta(hours=1))  # 45 min and a 15 min buffer

    def test_a_stranger_cannot_cancel_someone_elses_booking(self) -> None:
        customer = Actor(UserId(uuid4()), Role.CUSTOMER)
        booking, _ = request_booking(
            by=customer,
            service=_service(),
            artist_user_id=UserId(uuid4()),
            policy=POLICY,
            schedule=SCHEDULE,
            busy=BusyTimeline.of([]),
            start=datetime(2027, 10, 29, 10, tzinfo=UTC),
            now=NOW,
        )
        stranger = Actor(UserId(uuid4()), Role.CUSTOMER)
        with self.assertRaises(DomainError):
            cancel(booking, stranger, NOW, POLICY)
        cancelled, entry = cancel(booking, customer, NOW, POLICY)
        self.assertIs(cancelled.status, BookingStatus.CANCELLED)
        self.assertEqual(entry.version, booking.version + 1)


if __name__ == "__main__":
    unittest.main()
