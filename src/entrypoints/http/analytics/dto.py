"""What the analytics endpoints answer, as JSON (``*View``) or CSV (``csv_of``)."""

from __future__ import annotations

import csv
import io
from datetime import date
from uuid import UUID

import msgspec

from booking_domain.analytics import (
    ArtistReport,
    Breakdown,
    MethodRevenue,
    Period,
    PlatformReport,
    Revenue,
)
from booking_domain.analytics import ServiceCount as Service
from entrypoints.http.wire import View


class RevenueView(View, frozen=True):
    currency: str
    deposits_paid: int  # minor units, received on the period's local dates
    balances_paid: int
    refunded: int
    awaiting_settlement: int

    @classmethod
    def of(cls, r: Revenue) -> RevenueView:
        return cls(r.currency, r.deposits_paid, r.balances_paid, r.refunded, r.awaiting_settlement)


class PeriodView(View, frozen=True):
    start: date  # the period's first local date (clipped to the range)
    bookings: int  # counted: neither pending nor an expired hold
    booked_seconds: int  # confirmed and completed bookings' durations
    available_seconds: int | None  # None: not read (the platform's view)
    utilisation: float | None
    cancelled: int
    no_shows: int
    cancellation_rate: float | None
    no_show_rate: float | None
    mean_lead_seconds: int | None  # the mean of start minus creation, floored
    revenue: list[RevenueView]

    @classmethod
    def of(cls, p: Period) -> PeriodView:
        t = p.tally
        return cls(
            p.start,
            t.bookings,
            t.booked_seconds,
            p.available_seconds,
            p.utilisation,
            t.cancelled,
            t.no_shows,
            p.cancellation_rate,
            p.no_show_rate,
            p.mean_lead_seconds,
            [RevenueView.of(r) for r in t.revenue],
        )


class MethodRevenueView(View, frozen=True):
    currency: str
    method: str  # qpay | cash | card_terminal | bank_transfer
    received: int  # minor units received in the range
    given_back: int  # of a studio payment's, given back since (minor units)

    @classmethod
    def of(cls, m: MethodRevenue) -> MethodRevenueView:
        return cls(m.currency, m.method, m.received, m.given_back)


class ServiceView(View, frozen=True):
    service_id: UUID
    name: str
    bookings: int

    @classmethod
    def of(cls, s: Service) -> ServiceView:
        return cls(s.service_id, s.name, s.bookings)


class ArtistAnalyticsView(View, frozen=True):
    artist_id: UUID
    time_zone: str  # the dates are this zone's
    from_: date = msgspec.field(name="from")
    to: date
    granularity: str
    periods: list[PeriodView]
    total: PeriodView
    customers: int  # accounts or client records with a counted booking in the range
    repeat_customers: int  # of them, those with more than one
    top_services: list[ServiceView]
    # The whole range's money by way of paying (QPay, or taken in the studio by method).
    revenue_by_method: list[MethodRevenueView]

    @classmethod
    def of(cls, r: ArtistReport) -> ArtistAnalyticsView:
        return cls(
            r.artist_id,
            r.time_zone,
            r.span.first,
            r.span.last,
            r.span.granularity.value,
            [PeriodView.of(p) for p in r.periods],
            PeriodView.of(r.total),
            r.customers,
            r.repeat_customers,
            [ServiceView.of(s) for s in r.top_services],
            [MethodRevenueView.of(m) for m in r.revenue_by_method],
        )


class BreakdownView(View, frozen=True):
    key: str  # the city, or the artist's id
    label: str
    figures: PeriodView  # the whole range's

    @classmethod
    def of(cls, b: Breakdown, start: date) -> BreakdownView:
        return cls(b.key, b.label, PeriodView.of(Period(start, b.tally)))


class PlatformAnalyticsView(View, frozen=True):
    from_: date = msgspec.field(name="from")
    to: date
    granularity: str
    city: str | None
    artist_id: UUID | None
    periods: list[PeriodView]
    total: PeriodView
    cities: list[BreakdownView]
    artists: list[BreakdownView]  # top 20 by bookings

    @classmethod
    def of(cls, r: PlatformReport) -> PlatformAnalyticsView:
        first = r.span.first
        return cls(
            first,
            r.span.last,
            r.span.granularity.value,
            r.where.city,
            r.where.artist_id,
            [PeriodView.of(p) for p in r.periods],
            PeriodView.of(r.total),
            [BreakdownView.of(b, first) for b in r.cities],
            [BreakdownView.of(b, first) for b in r.artists],
        )


CSV_HEADER = (
    "period_start", "bookings", "booked_seconds", "available_seconds", "utilisation",
    "cancelled", "no_shows", "cancellation_rate", "no_show_rate", "mean_lead_seconds",
    "currency", "deposits_paid", "balances_paid", "refunded", "awaiting_settlement",
)  # fmt: skip


def csv_of(periods: tuple[Period, ...]) -> bytes:
    """One line per period and currency (a period without money has one line, currency
    empty); ``None`` is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for p in periods:
        v = PeriodView.of(p)
        head = [
            v.start.isoformat(), v.bookings, v.booked_seconds, v.available_seconds,
            v.utilisation, v.cancelled, v.no_shows, v.cancellation_rate, v.no_show_rate,
            v.mean_lead_seconds,
        ]  # fmt: skip
        money: list[list[object]] = [
            [r.currency, r.deposits_paid, r.balances_paid, r.refunded, r.awaiting_settlement]
            for r in v.revenue
        ]
        for tail in money or [["", 0, 0, 0, 0]]:
            writer.writerow(["" if c is None else c for c in [*head, *tail]])
    return out.getvalue().encode()
