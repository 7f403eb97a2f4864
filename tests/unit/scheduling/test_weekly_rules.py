"""Weekly rules: those of one day never overlap."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.scheduling import (
    OverlappingAvailabilityError,
    StoredRule,
    WeeklyRule,
    ensure_rule_fits,
)
from booking_domain.shared import (
    ArtistId,
    new_uuid7,
)

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)


@st.composite
def rules(draw: st.DrawFn) -> WeeklyRule:
    start = draw(st.integers(min_value=0, max_value=1439))
    end = draw(st.integers(min_value=start + 1, max_value=1440))
    return WeeklyRule(draw(st.integers(min_value=0, max_value=6)), start, end)


@given(st.lists(rules(), max_size=6), rules())
def test_a_rule_fits_exactly_when_it_overlaps_no_rule_of_its_day(
    existing: list[WeeklyRule], new: WeeklyRule
) -> None:
    stored = [StoredRule(new_uuid7(), ArtistId(new_uuid7()), r, NOW) for r in existing]
    clashes = any(
        r.day == new.day and r.start_minute < new.end_minute and new.start_minute < r.end_minute
        for r in existing
    )
    if clashes:
        with pytest.raises(OverlappingAvailabilityError):
            ensure_rule_fits(stored, new)
    else:
        ensure_rule_fits(stored, new)


def test_touching_rules_fit() -> None:
    morning = StoredRule(
        new_uuid7(), ArtistId(new_uuid7()), WeeklyRule.parse(1, "09:00", "12:00"), NOW
    )
    ensure_rule_fits([morning], WeeklyRule.parse(1, "12:00", "17:00"))
    ensure_rule_fits([morning], WeeklyRule.parse(2, "10:00", "11:00"))
