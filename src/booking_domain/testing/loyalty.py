"""Hypothesis strategies and builders for loyalty (needs the ``testing`` extra).

- ``valid_rates()``: rates a program may have (``programs.check_rates`` accepts each);
- ``a_program(now, ...)``: the platform's program, on, with everyday rates (MNT: a point per
  MNT 1,000 spent, worth MNT 10, up to half an invoice, a year to spend it);
- ``an_account(now)``: an empty account of ``builders.customer()`` in a program.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from hypothesis import strategies as st

from booking_domain.loyalty import (
    MAX_EXPIRY_DAYS,
    MAX_MULTIPLIER,
    MAX_POINT_VALUE,
    MAX_REVIEW_POINTS,
    MAX_SHARE_PERCENT,
    MAX_SPEND_PER_POINT,
    MAX_TIERS,
    MIN_MULTIPLIER,
    Account,
    Program,
    ProgramId,
    Rates,
    Tier,
    configure,
    open_account,
)
from booking_domain.shared.ids import ArtistId
from booking_domain.testing.builders import customer

EVERYDAY = Rates(
    currency="MNT",
    spend_per_point=100_000,  # MNT 1,000
    review_points=50,
    point_value=1_000,  # MNT 10
    max_share_percent=50,
    expiry_days=365,
    tiers=(Tier("Silver", 500, 125), Tier("Gold", 2_000, 150)),
)


@st.composite
def tier_ladders(draw: st.DrawFn) -> tuple[Tier, ...]:
    """0 to 5 tiers with rising thresholds and multipliers that never fall."""
    count = draw(st.integers(0, MAX_TIERS))
    thresholds = sorted(draw(st.sets(st.integers(1, 100_000), min_size=count, max_size=count)))
    multipliers = sorted(
        draw(st.lists(st.integers(MIN_MULTIPLIER, MAX_MULTIPLIER), min_size=count, max_size=count))
    )
    return tuple(
        Tier(f"Tier {i}", t, m)
        for i, (t, m) in enumerate(zip(thresholds, multipliers, strict=True))
    )


def valid_rates() -> st.SearchStrategy[Rates]:
    return st.builds(
        Rates,
        currency=st.sampled_from(["MNT", "USD", "EUR", "JPY"]),
        spend_per_point=st.integers(1, MAX_SPEND_PER_POINT),
        review_points=st.integers(0, MAX_REVIEW_POINTS),
        point_value=st.integers(1, MAX_POINT_VALUE),
        max_share_percent=st.integers(1, MAX_SHARE_PERCENT),
        expiry_days=st.integers(1, MAX_EXPIRY_DAYS),
        tiers=tier_ladders(),
    )


def a_program(
    now: datetime,
    *,
    rates: Rates = EVERYDAY,
    active: bool = True,
    artist_id: ArtistId | None = None,
) -> Program:
    return configure(None, artist_id, active=active, rates=rates, now=now)


def an_account(now: datetime, program_id: ProgramId | None = None) -> Account:
    return open_account(customer().user_id, program_id or ProgramId(UUID(int=7)), now)
