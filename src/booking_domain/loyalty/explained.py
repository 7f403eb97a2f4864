"""What a program's rates mean for a customer, worked out on one booking's price: the
points it earns (at each tier too), what those points take off a later invoice, and the
limits around them (docs/loyalty.md). The artist's console shows it beside the rates, so
the arithmetic is the one ``spending_points`` and ``discount_for`` do, never a template's.
"""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.loyalty.programs import Rates, spending_points

EXAMPLE_POINTS = 10  # with no price to work on: a price that earns this many points


@dataclass(frozen=True, slots=True)
class TierEarning:
    """At ``name`` (``threshold`` points over 12 months) the example earns ``points``."""

    name: str
    threshold: int
    multiplier_percent: int
    points: int
    worth: int  # minor units those points take off an invoice


@dataclass(frozen=True, slots=True)
class Earning:
    """The rates on a booking of ``price`` (minor units of ``currency``)."""

    currency: str
    price: int
    points: int  # with no tier
    worth: int  # minor units those points take off an invoice
    spend_per_point: int
    point_value: int
    review_points: int
    max_share_percent: int
    expiry_days: int
    tiers: tuple[TierEarning, ...]


def example_price(rates: Rates, price: int | None = None) -> int:
    """The price to work the example on: ``price`` when one is given and positive, else the
    price that earns ``EXAMPLE_POINTS`` points with no tier."""
    if price is not None and price > 0:
        return price
    return rates.spend_per_point * EXAMPLE_POINTS


def explain(rates: Rates, price: int | None = None) -> Earning:
    """What a booking of ``price`` (or ``example_price``) earns under ``rates``."""
    shown = example_price(rates, price)
    base = spending_points(shown, rates, 0)
    tiers = tuple(
        TierEarning(
            tier.name,
            tier.threshold,
            tier.multiplier_percent,
            points := spending_points(shown, rates, tier.threshold),
            points * rates.point_value,
        )
        for tier in rates.tiers
    )
    return Earning(
        currency=rates.currency,
        price=shown,
        points=base,
        worth=base * rates.point_value,
        spend_per_point=rates.spend_per_point,
        point_value=rates.point_value,
        review_points=rates.review_points,
        max_share_percent=rates.max_share_percent,
        expiry_days=rates.expiry_days,
        tiers=tiers,
    )
