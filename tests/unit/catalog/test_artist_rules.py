"""Artist profile rules: visibility, approval states, suspension."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import strategies as st

from booking_domain.accounts import Actor, Role
from booking_domain.catalog import ArtistNotFoundError, ArtistProfile, ArtistStatus
from booking_domain.scheduling import (
    SchedulingPolicy,
)
from booking_domain.shared import (
    ArtistId,
    InvalidTransitionError,
    PermissionDeniedError,
    UserId,
    new_uuid7,
)

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
