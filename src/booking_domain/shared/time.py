"""Instants, half-open intervals of absolute time, and IANA time zones.

Shared because several contexts speak of them: a service's blocked span (catalog), the
artist's zone (catalog), windows and slots (scheduling), a booking's appointment (bookings).
Calendar logic (weekly rules, free slots) stays in ``scheduling``.

An :class:`Interval` is half-open, ``[start, end)``, between two timezone-aware instants kept
in UTC. Empty and inverted intervals do not exist: constructing one raises
:class:`InvalidIntervalError`; naive datetimes raise :class:`NaiveDatetimeError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from booking_domain.shared.errors import (
    FieldError,
    InvalidIntervalError,
    NaiveDatetimeError,
    TimeOutOfRangeError,
    UnknownTimeZoneError,
)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# The years the system keeps. Far wider than any booking horizon, and far enough from
# datetime's own ends (years 1 and 9999) that days and weeks can be added and taken away.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def utc_text(moment: datetime) -> str:
    """An instant as the public payloads write it: ISO 8601 in UTC with a ``Z``."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def require_aware(value: datetime, what: str = "time") -> datetime:
    """``value`` converted to UTC; naive datetimes are refused, never guessed, and so are
    instants outside ``[EARLIEST, LATEST)`` (``TimeOutOfRangeError`` naming ``what``)."""
    if type(value) is datetime and value.tzinfo is UTC and EARLIEST <= value < LATEST:
        return value  # already an instant in UTC (most are): what the steps below return
    if not isinstance(value, datetime):
        raise NaiveDatetimeError(f"{what} must be a datetime, not {type(value).__name__}.")
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(f"{what} must carry a time zone offset.")
    try:
        instant = value.astimezone(UTC)
    except OverflowError:  # year 1 with a positive offset, year 9999 with a negative one
        instant = None
    if instant is None or not EARLIEST <= instant < LATEST:
        message = "Use a time between the years 1900 and 2199."
        raise TimeOutOfRangeError(errors=(FieldError(what, message, "out_of_range"),))
    return instant


@dataclass(frozen=True, slots=True)
class Interval:
    """``[start, end)`` in UTC; ``start < end`` always holds."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        start = require_aware(self.start, "start")
        end = require_aware(self.end, "end")
        if not start < end:
            raise InvalidIntervalError(f"Interval [{start}, {end}) is empty or inverted.")
        # Stored in UTC so that equal instants give equal, equally printed intervals.
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    @classmethod
    def of(cls, start: datetime, length: timedelta) -> Interval:
        return cls(start, start + length)

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def overlaps(self, other: Interval) -> bool:
        """Half-open: intervals that only touch (``a.end == b.start``) do not overlap."""
        return self.start < other.end and other.start < self.end

    def covers(self, other: Interval) -> bool:
        return self.start <= other.start and other.end <= self.end

    def contains_instant(self, instant: datetime) -> bool:
        return self.start <= require_aware(instant) < self.end


def zone(key: str) -> ZoneInfo:
    """The IANA zone ``key``; ``ZoneInfo`` keeps its own cache, so this is cheap."""
    try:
        return ZoneInfo(key)
    except (ValueError, OSError, LookupError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise UnknownTimeZoneError(f"Unknown IANA time zone {key!r}.") from exc


# The areas of the tz database's place names (``Area/Location``). Everything else is not a
# place: ``UTC``, ``Etc/GMT+5``, ``Factory``, ``posixrules``, ``localtime``, ``EST5EDT``,
# and the old country-named links (``US/Eastern``, ``Japan``) that name the same zones as
# place names do.
GEOGRAPHIC_AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)


def is_geographic_zone(key: str) -> bool:
    """Whether ``key`` is a known IANA zone named after a place (``Asia/Ulaanbaatar``)."""
    area, slash, _ = key.partition("/")
    if not slash or area not in GEOGRAPHIC_AREAS:
        return False
    try:
        zone(key)
    except UnknownTimeZoneError:
        return False
    return True
