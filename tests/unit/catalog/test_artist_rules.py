"""Artist profile rules: visibility, approval states, suspension, weekly-rule overlaps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.accounts import Actor, Role
from booking_domain.artists import ArtistProfile, ArtistStatus, StoredRule, ensure_rule_fits
from booking_domain.availability import WeeklyRule
from booking_domain.errors import (
    ArtistNotFoundError,
    InvalidTransitionError,
    OverlappingAvailabilityError,
    PermissionDeniedError,
)
from booking_domain.ids import ArtistId, UserId, new_uuid7
from booking_domain.policy import SchedulingPolicy

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)
OWNER = Actor(UserId(new_uuid7()), Role.ARTIST)
ADMIN = Actor(UserId(new_uuid7()), Role.ADMIN)
STRANGER = Actor(UserId(new_uuid7()), Role.CUSTOMER)
OTHER_ARTIST = Actor(UserId(new_uuid7()), Role.ARTIST)


def profile(status: ArtistStatus = ArtistStatus.DRAFT, suspended: bool = False) -> ArtistProfile:
    return ArtistProfile(
        id=ArtistId(new_uuid7()),
        user_id=OWNER.user_id,
        display_name="Ink",
        time_zone="UTC",
        policy=SchedulingPolicy("UTC"),
        created_at=NOW,
        updated_at=NOW,
        status=status,
        suspended=suspended,
    )


@pytest.mark.parametrize("status", list(ArtistStatus))
@pytest.mark.parametrize("suspended", [False, True])
def test_only_approved_live_profiles_are_public(status: ArtistStatus, suspended: bool) -> None:
    artist = profile(status, suspended)
    public = status is ArtistStatus.APPROVED and not suspended
    assert artist.is_bookable is public
    for viewer in (None, STRANGER, OTHER_ARTIST):
        assert artist.visible_to(viewer) is public
    assert artist.visible_to(OWNER) and artist.visible_to(ADMIN)


def test_the_review_cycle() -> None:
    artist = profile().submitted(OWNER, NOW)
    assert artist.status is ArtistStatus.PENDING
    with pytest.raises(InvalidTransitionError):
        artist.submitted(OWNER, NOW)
    with pytest.raises(PermissionDeniedError):
        artist.reviewed(OWNER, NOW, approved=True, note=None)
    rejected = artist.reviewed(ADMIN, NOW, approved=False, note="More work, please")
    assert rejected.status is ArtistStatus.REJECTED and rejected.review_note == "More work, please"
    approved = rejected.submitted(OWNER, NOW).reviewed(ADMIN, NOW, approved=True, note=None)
    assert approved.is_bookable
    with pytest.raises(InvalidTransitionError):
        approved.submitted(OWNER, NOW)


def test_suspension_is_for_approved_profiles_and_admins_only() -> None:
    with pytest.raises(InvalidTransitionError):
        profile().with_suspension(ADMIN, NOW, suspended=True)
    approved = profile(ArtistStatus.APPROVED)
    with pytest.raises(PermissionDeniedError):
        approved.with_suspension(OWNER, NOW, suspended=True)
    suspended = approved.with_suspension(ADMIN, NOW, suspended=True)
    assert not suspended.is_bookable
    with pytest.raises(InvalidTransitionError):
        suspended.with_suspension(ADMIN, NOW, suspended=True)
    assert suspended.with_suspension(ADMIN, NOW, suspended=False).is_bookable


def test_strangers_learn_nothing_about_hidden_profiles() -> None:
    with pytest.raises(ArtistNotFoundError):
        profile().ensure_editable_by(OTHER_ARTIST)
    with pytest.raises(PermissionDeniedError):
        profile(ArtistStatus.APPROVED).ensure_editable_by(OTHER_ARTIST)
    with pytest.raises(ArtistNotFoundError):
        profile().submitted(STRANGER, NOW)


minutes = st.integers(min_value=0, max_value=1440)


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
