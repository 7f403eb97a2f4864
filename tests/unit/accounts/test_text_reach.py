"""Where texts go (``accounts.text_reach``): the served regions, never a satellite, premium
or shared-cost range, whatever the regions say."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from adapters.security.phones import LibPhoneNumbers
from booking_domain.accounts.text_reach import (
    BLOCKED_RANGES,
    NON_GEOGRAPHIC,
    ReachRefusal,
    TextReach,
)

MONGOLIA = TextReach()
PHONES = LibPhoneNumbers()


def refusal(reach: TextReach, number: str) -> ReachRefusal | None:
    return reach.refusal(number, PHONES.region_of(number))


def test_the_default_serves_mongolian_numbers_only() -> None:
    assert refusal(MONGOLIA, "+97688112233") is None
    assert refusal(MONGOLIA, "+14155550123") is ReachRefusal.OUTSIDE_REGIONS
    assert refusal(MONGOLIA, "+18765551234") is ReachRefusal.OUTSIDE_REGIONS  # Jamaica, +1
    assert refusal(TextReach(frozenset({"MN", "US"})), "+14155550123") is None


def test_satellite_and_premium_numbers_are_refused_even_where_their_metadata_says_mobile() -> None:
    everything = TextReach(frozenset({"MN", "US", NON_GEOGRAPHIC}))
    for number in ("+881612345678", "+870301234567", "+8823421234"):
        assert PHONES.mobile(number) == number  # libphonenumber reads them as mobiles
        assert refusal(everything, number) is ReachRefusal.BLOCKED_RANGE


@given(
    prefix=st.sampled_from(sorted(BLOCKED_RANGES)),
    tail=st.from_regex(r"[0-9]{4,12}", fullmatch=True),
)
def test_every_number_of_a_blocked_range_is_refused_whatever_its_region(
    prefix: str, tail: str
) -> None:
    for region in (None, NON_GEOGRAPHIC, "MN"):
        assert MONGOLIA.refusal(prefix + tail, region) is ReachRefusal.BLOCKED_RANGE


def test_every_blocked_range_says_why() -> None:
    assert all(prefix.startswith("+") and len(why) > 20 for prefix, why in BLOCKED_RANGES.items())
