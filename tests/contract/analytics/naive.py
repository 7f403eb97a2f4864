"""The figures recomputed the plain way, straight from the raw rows: for the property test
that the rollup and the read port agree with them (``test_figures_on_postgres.py``)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

MONEY = ("deposits_paid", "balances_paid", "refunded", "awaiting_settlement")


@dataclass
class Sums:
    bookings: int = 0
    booked_seconds: int = 0
    cancelled: int = 0
    no_shows: int = 0
    lead_seconds: int = 0
    money: dict[str, dict[str, int]] = field(default_factory=dict)

    def add_money(self, currency: str, kind: str, amount: int) -> None:
        row = self.money.setdefault(currency, dict.fromkeys(MONEY, 0))
        row[kind] += amount

    def comparable(self) -> tuple[Any, ...]:
        money = {c: m for c, m in self.money.items() if any(m.values())}
        return (self.bookings, self.booked_seconds, self.cancelled, self.no_shows,
                self.lead_seconds, dict(sorted(money.items())))  # fmt: skip


def counted(b: dict[str, Any]) -> bool:
    if b["status"] == "pending" or b.get("offer") == "offered":  # an offer never accepted
        return False
    return not (b["status"] == "cancelled" and b["cancellation_reason"] == "expired")


def local_date(at: datetime, tz: str) -> date:
    return at.astimezone(ZoneInfo(tz)).date()


def seconds(d: timedelta) -> int:
    return math.floor(d.total_seconds())


def period_starts(first: date, last: date, granularity: str) -> list[date]:
    starts = []
    day = first
    while day <= last:
        if granularity == "week":
            start = day - timedelta(days=day.weekday())
        elif granularity == "month":
            start = date(day.year, day.month, 1)
        else:
            start = day
        start = max(start, first)
        if start not in starts:
            starts.append(start)
        day += timedelta(days=1)
    return starts


def naive_periods(
    first: date,
    last: date,
    granularity: str,
    tz: str,
    bookings: list[dict[str, Any]],
    payments: list[dict[str, Any]],
    refunds: list[dict[str, Any]],
) -> dict[date, Sums]:
    """Each period's sums, every item on its local date in ``tz``."""
    starts = period_starts(first, last, granularity)

    def bucket(day: date) -> Sums | None:
        if not first <= day <= last:
            return None
        return sums[max(s for s in starts if s <= day)]

    sums: dict[date, Sums] = {s: Sums() for s in starts}
    for b in bookings:
        if not counted(b) or (into := bucket(local_date(b["starts_at"], tz))) is None:
            continue
        into.bookings += 1
        if b["status"] in ("confirmed", "completed"):
            into.booked_seconds += seconds(b["ends_at"] - b["starts_at"])
        into.cancelled += b["status"] == "cancelled"
        into.no_shows += b["status"] == "no_show"
        into.lead_seconds += seconds(b["starts_at"] - b["created_at"])
    for p in payments:
        if (into := bucket(local_date(p["processed_at"], tz))) is not None:
            kind = "balances_paid" if p["kind"] == "balance" else "deposits_paid"
            into.add_money(p["currency"], kind, p["amount"])
    for r in refunds:
        done = r["status"] in ("refunded", "settled")
        at = (r["settled_at"] or r["updated_at"]) if done else r["created_at"]
        if (into := bucket(local_date(at, tz))) is not None:
            into.add_money(r["currency"], "refunded" if done else "awaiting_settlement",
                           r["amount"])  # fmt: skip
    return sums


def naive_customers(
    first: date, last: date, tz: str, bookings: list[dict[str, Any]]
) -> tuple[int, int, list[tuple[Any, int]]]:
    """(customers, repeat customers, services by count desc then id) of the range."""
    inside = [b for b in bookings if counted(b) and first <= local_date(b["starts_at"], tz) <= last]
    per_party = Counter(b["customer_id"] or b["client_id"] for b in inside)
    per_service = Counter(b["service_id"] for b in inside)
    ranked = sorted(per_service.items(), key=lambda kv: (-kv[1], kv[0]))
    return len(per_party), sum(1 for n in per_party.values() if n > 1), ranked[:5]


def naive_available(
    first: date,
    last: date,
    granularity: str,
    tz: str,
    rules: list[tuple[int, int, int]],
    overrides: dict[date, list[tuple[int, int]]],
) -> dict[date, int]:
    """Available seconds per period: each local window's real length (windows are kept
    clear of the small hours, where DST gaps and folds are)."""
    zone = ZoneInfo(tz)
    starts = period_starts(first, last, granularity)
    out = dict.fromkeys(starts, 0)
    day = first
    while day <= last:
        sunday_first = (day.weekday() + 1) % 7
        windows = overrides.get(day, [(s, e) for d, s, e in rules if d == sunday_first])
        for s, e in windows:
            midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
            # Wall-clock arithmetic: the local times, then their real distance apart.
            opens, closes = midnight + timedelta(minutes=s), midnight + timedelta(minutes=e)
            period = max(p for p in starts if p <= day)
            out[period] += seconds(closes.astimezone(UTC) - opens.astimezone(UTC))
        day += timedelta(days=1)
    return out
