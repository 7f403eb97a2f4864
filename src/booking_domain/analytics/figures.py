"""The figures, and how a period's are summed from its days.

What counts (docs/analytics.md says the same for readers of the API):

- a booking counts when it is not pending, not a hold that ran out (cancelled with reason
  ``expired``) and not a waitlist offer its customer never accepted (declined, lapsed or
  withdrawn: ``offer`` still ``offered``); it belongs to the local date on which it
  starts, in its artist's zone;
- booked time: the durations (start to end) of confirmed and completed bookings;
- utilisation: booked time over available time (the weekly rules and date overrides of
  those dates); None where nothing was available or availability is not known;
- cancellation rate and no-show rate: cancelled, and no-show, bookings over counted ones;
- lead time: the MEAN of start minus creation over counted bookings, in whole seconds
  (floored per booking);
- revenue, per currency: payments received on deposit and on balance invoices (on the local
  date received), refunds made (on the date settled), refunds awaiting settlement (on the
  date owed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from booking_domain.analytics.periods import DateRange


@dataclass(frozen=True, slots=True)
class Revenue:
    """Money of one currency, in minor units."""

    currency: str
    deposits_paid: int = 0
    balances_paid: int = 0
    refunded: int = 0
    awaiting_settlement: int = 0

    def __add__(self, other: Revenue) -> Revenue:
        return Revenue(
            self.currency,
            self.deposits_paid + other.deposits_paid,
            self.balances_paid + other.balances_paid,
            self.refunded + other.refunded,
            self.awaiting_settlement + other.awaiting_settlement,
        )

    @property
    def is_zero(self) -> bool:
        return not (
            self.deposits_paid or self.balances_paid or self.refunded or self.awaiting_settlement
        )


@dataclass(frozen=True, slots=True)
class Tally:
    """Sums over some bookings and payments: of one local date, or of a period."""

    bookings: int = 0
    booked_seconds: int = 0
    cancelled: int = 0
    no_shows: int = 0
    lead_seconds: int = 0  # the sum over counted bookings; the mean is lead_seconds / bookings
    # One per currency, sorted, none all zero: as ``sum_of`` leaves it (and the adapter's
    # rows, one currency each, are).
    revenue: tuple[Revenue, ...] = ()

    def __add__(self, other: Tally) -> Tally:
        return sum_of((self, other))


def sum_of(tallies: Iterable[Tally]) -> Tally:
    """The sum of many tallies, built once (adding them one by one builds every step)."""
    counts = [0, 0, 0, 0, 0]
    money: dict[str, list[int]] = {}
    for t in tallies:
        counts[0] += t.bookings
        counts[1] += t.booked_seconds
        counts[2] += t.cancelled
        counts[3] += t.no_shows
        counts[4] += t.lead_seconds
        for r in t.revenue:
            into = money.setdefault(r.currency, [0, 0, 0, 0])
            into[0] += r.deposits_paid
            into[1] += r.balances_paid
            into[2] += r.refunded
            into[3] += r.awaiting_settlement
    revenue = tuple(Revenue(c, *m) for c, m in sorted(money.items()) if any(m))
    return Tally(counts[0], counts[1], counts[2], counts[3], counts[4], revenue)


def ratio(part: int, whole: int | None) -> float | None:
    """``part / whole`` to 4 places; None when there is no whole."""
    if not whole:
        return None
    return round(part / whole, 4)


@dataclass(frozen=True, slots=True)
class Period:
    """One period's figures; ``available_seconds`` None where availability is not read."""

    start: date
    tally: Tally = field(default_factory=Tally)
    available_seconds: int | None = None

    @property
    def utilisation(self) -> float | None:
        return ratio(self.tally.booked_seconds, self.available_seconds)

    @property
    def cancellation_rate(self) -> float | None:
        return ratio(self.tally.cancelled, self.tally.bookings)

    @property
    def no_show_rate(self) -> float | None:
        return ratio(self.tally.no_shows, self.tally.bookings)

    @property
    def mean_lead_seconds(self) -> int | None:
        """Floored mean (None without bookings)."""
        return None if not self.tally.bookings else self.tally.lead_seconds // self.tally.bookings


def periods_of(
    span: DateRange,
    days: Iterable[tuple[date, Tally]],
    available: Mapping[date, int] | None = None,
) -> tuple[Period, ...]:
    """Every period of ``span`` (empty ones too), each the sum of its dates' tallies and,
    given ``available`` (seconds per local date), of their available time."""
    grouped: dict[date, list[Tally]] = {start: [] for start in span.periods()}
    for day, tally in days:
        if span.first <= day <= span.last:
            grouped[span.period_of(day)].append(tally)
    sums = {start: _one(tallies) for start, tallies in grouped.items()}
    free: dict[date, int] | None = None
    if available is not None:
        free = dict.fromkeys(sums, 0)
        for day, seconds in available.items():
            if span.first <= day <= span.last:
                free[span.period_of(day)] += seconds
    return tuple(
        Period(start, tally, None if free is None else free[start]) for start, tally in sums.items()
    )


_NOTHING = Tally()


def _one(tallies: list[Tally]) -> Tally:
    """``sum_of``, with the common cases (no tally, one) made nothing."""
    if not tallies:
        return _NOTHING
    return tallies[0] if len(tallies) == 1 else sum_of(tallies)


def total_of(periods: Iterable[Period]) -> Period:
    """The whole range as one period (starting at the first): the sums of the tallies, and
    of the available time where every period has it."""
    items = list(periods)
    tally = sum_of(p.tally for p in items)
    known = [p.available_seconds for p in items]
    available = None if None in known else sum(s for s in known if s is not None)
    return Period(items[0].start if items else date.min, tally, available)
