"""What the two questions answer: an artist's figures, and the platform's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from booking_domain.analytics.figures import Period, Tally
from booking_domain.analytics.periods import DateRange
from booking_domain.scheduling import Schedule, availability_windows
from booking_domain.shared.ids import ArtistId, ServiceId
from booking_domain.shared.time import zone

TOP_SERVICES = 5
TOP_ARTISTS = 20


@dataclass(frozen=True, slots=True)
class ServiceCount:
    service_id: ServiceId
    name: str
    bookings: int  # counted bookings of the range


@dataclass(frozen=True, slots=True)
class MethodRevenue:
    """Money received over the whole range by one way of paying (``qpay``, or a payment
    taken in the studio: ``cash``, ``card_terminal``, ``bank_transfer``), and what of
    the studio's was given back, in minor units of ``currency``."""

    currency: str
    method: str
    received: int
    given_back: int


@dataclass(frozen=True, slots=True)
class ArtistReport:
    """An artist's figures over a range in their own zone. Repeat customers: the customers
    (accounts or the artist's client records) with more than one counted booking starting in
    the range."""

    artist_id: ArtistId
    time_zone: str
    span: DateRange
    periods: tuple[Period, ...]
    total: Period
    repeat_customers: int
    customers: int
    top_services: tuple[ServiceCount, ...]
    revenue_by_method: tuple[MethodRevenue, ...] = ()


@dataclass(frozen=True, slots=True)
class ArtistDays:
    """What the read port gives of one artist over a range: tallies by local date (a date
    may come more than once: they add up), the schedule, and the range-wide counts that do
    not add up by day."""

    time_zone: str
    days: tuple[tuple[date, Tally], ...]
    schedule: Schedule
    customers: int
    repeat_customers: int
    top_services: tuple[ServiceCount, ...]
    revenue_by_method: tuple[MethodRevenue, ...] = ()


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A city's or an artist's sums over the whole range."""

    key: str  # the city ("" for artists without one), or the artist's id
    label: str  # the city, or the artist's display name
    tally: Tally


@dataclass(frozen=True, slots=True)
class PlatformFilter:
    city: str | None = None
    artist_id: ArtistId | None = None


@dataclass(frozen=True, slots=True)
class PlatformDays:
    """What the read port gives of the platform: tallies by local date (every booking on its
    own artist's local date; a date may come more than once) and the range's breakdowns
    (every city; the top ``TOP_ARTISTS`` artists by counted bookings)."""

    days: tuple[tuple[date, Tally], ...]
    cities: tuple[Breakdown, ...]
    artists: tuple[Breakdown, ...]


@dataclass(frozen=True, slots=True)
class PlatformReport:
    span: DateRange
    where: PlatformFilter
    periods: tuple[Period, ...]
    total: Period
    cities: tuple[Breakdown, ...]
    artists: tuple[Breakdown, ...]


def available_seconds(schedule: Schedule, time_zone: str, span: DateRange) -> dict[date, int]:
    """Seconds of availability on each local date of the range (rules, overrides, DST).

    A date whose UTC offset is the same at both of its midnights has no DST change: its
    windows last as long as they say. Only the few dates with a change are converted
    window by window (``availability_windows``: a gap's skipped hour, a fold's extra one).
    """
    tz = zone(time_zone)
    seconds: dict[date, int] = {}
    for day in span.dates():
        minutes = schedule.local_windows(day.toordinal())
        start = datetime(day.year, day.month, day.day, tzinfo=tz)
        if start.utcoffset() == (start + timedelta(days=1)).utcoffset():
            seconds[day] = sum(end - begin for begin, end in minutes) * 60
        else:
            windows = availability_windows(schedule, time_zone, day, day)
            seconds[day] = sum(int((w.end - w.start) / timedelta(seconds=1)) for w in windows)
    return seconds
