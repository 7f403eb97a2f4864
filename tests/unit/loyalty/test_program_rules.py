"""Programs: which rates are accepted, how a price and a tier turn into points, which
program a booking belongs to, and that setting a program again only makes a new version."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.loyalty import (
    MAX_SHARE_PERCENT,
    InvalidProgramError,
    Rates,
    Tier,
    check_rates,
    configure,
    next_tier,
    program_of,
    spending_points,
    tier_of,
)
from booking_domain.shared.ids import ArtistId
from booking_domain.testing import ARTIST_ID
from booking_domain.testing.loyalty import EVERYDAY, a_program, tier_ladders, valid_rates

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@given(valid_rates())
def test_every_valid_rate_is_accepted_as_it_is(rates: Rates) -> None:
    assert check_rates(rates) == rates


def fields_of(error: pytest.ExceptionInfo[InvalidProgramError]) -> set[str]:
    return {e.field for e in error.value.errors}


@pytest.mark.parametrize(
    ("rates", "field"),
    [
        (dataclasses.replace(EVERYDAY, currency="XAU"), "currency"),
        (dataclasses.replace(EVERYDAY, spend_per_point=0), "spendPerPoint"),
        (dataclasses.replace(EVERYDAY, review_points=-1), "reviewPoints"),
        (dataclasses.replace(EVERYDAY, point_value=0), "pointValue"),
        (dataclasses.replace(EVERYDAY, max_share_percent=MAX_SHARE_PERCENT + 1), "maxSharePercent"),
        (dataclasses.replace(EVERYDAY, max_share_percent=0), "maxSharePercent"),
        (dataclasses.replace(EVERYDAY, expiry_days=0), "expiryDays"),
        (
            dataclasses.replace(EVERYDAY, tiers=(Tier("Gold", 10, 150), Tier("Silver", 5, 125))),
            "tiers",
        ),
        (
            dataclasses.replace(EVERYDAY, tiers=(Tier("Silver", 5, 150), Tier("Gold", 10, 125))),
            "tiers",
        ),
        (
            dataclasses.replace(EVERYDAY, tiers=(Tier("Gold", 5, 150), Tier(" gold ", 10, 150))),
            "tiers",
        ),
        (dataclasses.replace(EVERYDAY, tiers=(Tier("Bad\x00name", 5, 150),)), "tiers[0].name"),
        (dataclasses.replace(EVERYDAY, tiers=(Tier("   ", 5, 150),)), "tiers[0].name"),
        (dataclasses.replace(EVERYDAY, tiers=(Tier("Gold", 0, 150),)), "tiers[0].threshold"),
        (dataclasses.replace(EVERYDAY, tiers=(Tier("Gold", 5, 99),)), "tiers[0].multiplierPercent"),
        (
            dataclasses.replace(EVERYDAY, tiers=tuple(Tier(f"T{i}", i + 1, 100) for i in range(6))),
            "tiers",
        ),
    ],
)
def test_bad_rates_are_refused_naming_the_field(rates: Rates, field: str) -> None:
    with pytest.raises(InvalidProgramError) as refused:
        check_rates(rates)
    assert field in fields_of(refused)


def test_a_tier_name_is_kept_without_its_outer_spaces() -> None:
    rates = dataclasses.replace(EVERYDAY, tiers=(Tier("  Gold ", 5, 150),))
    assert check_rates(rates).tiers == (Tier("Gold", 5, 150),)


@given(
    rates=valid_rates(),
    price=st.integers(0, 10**12),
    more=st.integers(0, 10**9),
    points=st.integers(0, 200_000),
)
def test_points_grow_with_the_price_and_never_exceed_its_whole_steps_times_the_tier(
    rates: Rates, price: int, more: int, points: int
) -> None:
    earned = spending_points(price, rates, points)
    assert 0 <= earned <= spending_points(price + more, rates, points)
    tier = tier_of(points, rates.tiers)
    multiplier = 100 if tier is None else tier.multiplier_percent
    assert earned == (price // rates.spend_per_point) * multiplier // 100


@given(ladder=tier_ladders(), points=st.integers(0, 200_000), more=st.integers(0, 200_000))
def test_more_points_never_reach_a_lower_tier(
    ladder: tuple[Tier, ...], points: int, more: int
) -> None:
    low, high = tier_of(points, ladder), tier_of(points + more, ladder)
    rank: dict[Tier | None, int] = {None: -1, **{t: i for i, t in enumerate(ladder)}}
    assert rank[low] <= rank[high]
    following = next_tier(points, ladder)
    assert following is None or following.threshold > points
    assert low is None or low.threshold <= points


def test_a_booking_earns_in_its_artists_program_while_on_else_the_platforms() -> None:
    platform = a_program(T0)
    own = a_program(T0, artist_id=ARTIST_ID)
    assert program_of(own, platform) == own
    assert program_of(dataclasses.replace(own, active=False), platform) == platform
    assert program_of(None, platform) == platform
    assert program_of(None, dataclasses.replace(platform, active=False)) is None
    assert program_of(None, None) is None


def test_setting_a_program_again_is_a_new_version_with_the_same_id() -> None:
    first = configure(None, ArtistId(ARTIST_ID), active=True, rates=EVERYDAY, now=T0, name="Ink")
    assert (first.version, first.active, first.name) == (1, True, "Ink")
    later = T0 + timedelta(days=3)
    changed = configure(first, first.artist_id, active=False, rates=EVERYDAY, now=later)
    assert (changed.id, changed.version, changed.active) == (first.id, 2, False)
    assert (changed.created_at, changed.updated_at) == (T0, later)
    with pytest.raises(InvalidProgramError):
        configure(first, None, active=True, rates=dataclasses.replace(EVERYDAY, expiry_days=0),
                  now=later)  # fmt: skip
