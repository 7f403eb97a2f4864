"""What the insights' page and file show of an artist's figures (``ArtistReport``): the
range asked for, plain rows per period, the charts' shapes and summaries, the spreadsheet's
lines. Nothing here counts anything: the figures are the use case's (docs/analytics.md,
"What counts")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from booking_domain.analytics import ArtistReport, Granularity, Period
from booking_domain.shared import Money
from entrypoints.web.analytics.charts import Chart, bar_chart, line_chart
from entrypoints.web.shared.console_forms import whole_units
from entrypoints.web.shared.money import money_text

# The ranges offered in one tap, each with the grouping it reads best in: the weeks and
# months end today, and start on a Monday or a first of the month.
PRESETS: Final = {
    "4w": ("Last 4 weeks", Granularity.DAY),
    "3m": ("Last 3 months", Granularity.WEEK),
    "12m": ("Last 12 months", Granularity.MONTH),
}
DEFAULT_PRESET: Final = "4w"
GROUPINGS: Final = {
    Granularity.DAY: "By day",
    Granularity.WEEK: "By week",
    Granularity.MONTH: "By month",
}
# The spreadsheet's column headings (English; Mongolian in this room's catalogue). Hours
# and amounts in whole units (``1500.50``), shares as fractions (``0.025``), as a
# spreadsheet computes with them; one line per period and currency, as the API's CSV.
CSV_HEADINGS: Final = (
    "Period start", "Bookings", "Booked hours", "Available hours", "Utilisation",
    "Cancelled", "No-shows", "Cancellation rate", "No-show rate", "Mean lead time (hours)",
    "Currency", "Deposits paid", "Balances paid", "Refunded", "Awaiting settlement",
)  # fmt: skip
NONE: Final = "\u2013"  # an en dash: a figure that is not known (no available time, no booking)


@dataclass(frozen=True, slots=True)
class Choice:
    """The range the page shows: its dates, grouping, and the preset it is (None: dates
    chosen)."""

    first: date
    last: date
    by: Granularity
    preset: str | None


def _months_back(day: date, months: int) -> date:
    """The first of the month ``months`` before ``day``'s."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def preset_range(preset: str, today: date) -> tuple[date, date]:
    """A preset's dates, ending ``today``."""
    monday = today - timedelta(days=today.weekday())
    if preset == "3m":
        return monday - timedelta(weeks=12), today
    if preset == "12m":
        return _months_back(today, 11), today
    return monday - timedelta(weeks=3), today


def grouping(text: str | None) -> Granularity | None:
    try:
        return Granularity(text) if text else None
    except ValueError:
        return None


def choice_of(
    period: str | None, first: str | None, last: str | None, by: str | None, today: date
) -> Choice | None:
    """The range asked for: both dates given (``YYYY-MM-DD``), else a preset (the first by
    default); a grouping not given, or none of ours, is the preset's (by day for dates).
    None when a date is given that is no date (or only one of the two is)."""
    chosen = grouping(by)
    if first or last:
        try:
            start, end = date.fromisoformat(first or ""), date.fromisoformat(last or "")
        except ValueError:
            return None
        return Choice(start, end, chosen or Granularity.DAY, None)
    preset = period if period in PRESETS else DEFAULT_PRESET
    start, end = preset_range(preset, today)
    return Choice(start, end, chosen or PRESETS[preset][1], preset)


def hours(seconds: int | None) -> str:
    return NONE if seconds is None else f"{seconds / 3600:.1f}"


def percent(share: float | None) -> str:
    return NONE if share is None else f"{share * 100:.1f} %"


@dataclass(frozen=True, slots=True)
class Row:
    """One period as the tables show it."""

    start: str
    bookings: int
    booked: str
    available: str
    utilisation: str
    cancelled: int
    no_shows: int


def _row(p: Period) -> Row:
    t = p.tally
    return Row(
        p.start.isoformat(), t.bookings, hours(t.booked_seconds), hours(p.available_seconds),
        percent(p.utilisation), t.cancelled, t.no_shows,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart and what its summary says: the highest value, the period it is in, the
    whole range's figure."""

    key: str
    chart: Chart
    high: str
    high_at: str
    total: str


def _figure(
    key: str,
    chart: Chart,
    starts: Sequence[date],
    values: Sequence[float | None],
    shown: Callable[[float], str],
    total: str,
) -> Figure:
    known = [(v, s) for v, s in zip(values, starts, strict=True) if v is not None]
    if not known:
        return Figure(key, chart, NONE, NONE, total)
    high, at = max(known, key=lambda pair: pair[0])
    return Figure(key, chart, shown(high), at.isoformat(), total)


@dataclass(frozen=True, slots=True)
class MoneyRow:
    start: str
    received: str
    refunded: str


@dataclass(frozen=True, slots=True)
class MoneyFigure:
    """Money received (deposits and balances) of one currency, period by period."""

    currency: str
    figure: Figure
    rows: tuple[MoneyRow, ...]


def _amount(currency: str) -> Callable[[float], str]:
    return lambda value: money_text(Money(int(value), currency))


def _money(report: ArtistReport) -> list[MoneyFigure]:
    currencies = [r.currency for r in report.total.tally.revenue]
    starts = [p.start for p in report.periods]
    found: list[MoneyFigure] = []
    for currency in currencies:
        received: list[int] = []
        rows: list[MoneyRow] = []
        for p in report.periods:
            money = next((r for r in p.tally.revenue if r.currency == currency), None)
            got = 0 if money is None else money.deposits_paid + money.balances_paid
            back = 0 if money is None else money.refunded
            received.append(got)
            rows.append(
                MoneyRow(
                    p.start.isoformat(),
                    money_text(Money(got, currency)),
                    money_text(Money(back, currency)),
                )
            )
        total = money_text(Money(sum(received), currency))
        figure = _figure(
            f"money-{currency.lower()}",
            bar_chart([received]),
            starts,
            [float(v) for v in received],
            _amount(currency),
            total,
        )
        found.append(MoneyFigure(currency, figure, tuple(rows)))
    return found


@dataclass(frozen=True, slots=True)
class Insights:
    """Everything the page shows of a report."""

    rows: tuple[Row, ...]
    total: Row
    money: tuple[MoneyFigure, ...]
    bookings: Figure
    utilisation: Figure
    cancellations: Figure
    cancellation_rate: str
    no_show_rate: str
    customers: int
    repeat_customers: int
    top_services: tuple[tuple[str, int], ...]
    # (way of paying, money received by it): qpay, cash, card_terminal, bank_transfer
    by_method: tuple[tuple[str, str], ...] = ()


def insights_of(report: ArtistReport) -> Insights:
    periods = report.periods
    starts = [p.start for p in periods]
    booked = [float(p.tally.bookings) for p in periods]
    used = [p.utilisation for p in periods]
    cancelled = [float(p.tally.cancelled) for p in periods]
    missed = [float(p.tally.no_shows) for p in periods]
    total = report.total
    lost = [c + m for c, m in zip(cancelled, missed, strict=True)]
    lost_total = f"{total.tally.cancelled} + {total.tally.no_shows}"
    return Insights(
        rows=tuple(_row(p) for p in periods),
        total=_row(total),
        money=tuple(_money(report)),
        bookings=_figure(
            "bookings", bar_chart([booked]), starts, booked, lambda v: f"{v:.0f}",
            str(total.tally.bookings),
        ),
        utilisation=_figure(
            "utilisation", line_chart(used, floor_top=1.0), starts, used, percent,
            percent(total.utilisation),
        ),
        cancellations=_figure(
            "cancellations", bar_chart([cancelled, missed]), starts, lost, lambda v: f"{v:.0f}",
            lost_total,
        ),
        cancellation_rate=percent(total.cancellation_rate),
        no_show_rate=percent(total.no_show_rate),
        customers=report.customers,
        repeat_customers=report.repeat_customers,
        top_services=tuple((s.name, s.bookings) for s in report.top_services),
        by_method=tuple(
            (m.method, money_text(Money(m.received, m.currency)))
            for m in report.revenue_by_method
        ),
    )  # fmt: skip


def _fraction(share: float | None) -> str:
    return "" if share is None else f"{share}"


def _csv_hours(seconds: int | None) -> str:
    return "" if seconds is None else f"{seconds / 3600:.2f}"


def insights_rows(report: ArtistReport, words: Callable[[str], str]) -> list[list[str]]:
    """The spreadsheet's lines: headings (in ``words``' language), then one line per period
    and currency (a period without money has one line, its currency empty)."""
    rows = [[words(h) for h in CSV_HEADINGS]]
    for p in report.periods:
        t = p.tally
        lead = p.mean_lead_seconds
        head = [
            p.start.isoformat(), str(t.bookings), _csv_hours(t.booked_seconds),
            _csv_hours(p.available_seconds), _fraction(p.utilisation), str(t.cancelled),
            str(t.no_shows), _fraction(p.cancellation_rate), _fraction(p.no_show_rate),
            _csv_hours(lead),
        ]  # fmt: skip
        money = [
            [r.currency, whole_units(r.deposits_paid), whole_units(r.balances_paid),
             whole_units(r.refunded), whole_units(r.awaiting_settlement)]
            for r in t.revenue
        ]  # fmt: skip
        for tail in money or [["", "0", "0", "0", "0"]]:
            rows.append([*head, *tail])
    return rows
