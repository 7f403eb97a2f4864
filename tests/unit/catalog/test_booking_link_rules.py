"""Booking link rules (``catalog.links``): unguessable tokens, who may have links, counts."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.security.digest import HmacDigest
from booking_domain.catalog import ArtistProfile, ArtistStatus, SchedulingPolicy
from booking_domain.catalog.errors import BookingLinkNotAllowedError
from booking_domain.catalog.links import (
    MIN_TOKEN_BYTES,
    RECENT_DAYS,
    LinkCounts,
    could_be_token,
    fresh_token,
    new_link,
    recent_since,
    token_digest,
    token_from,
)
from booking_domain.shared import ArtistId, UserId, new_uuid7
from tests.support.catalog import a_service

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def an_artist_profile(status: ArtistStatus = ArtistStatus.APPROVED) -> ArtistProfile:
    return ArtistProfile(
        id=ArtistId(new_uuid7()), user_id=UserId(new_uuid7()), display_name="Ink",
        time_zone="UTC", policy=SchedulingPolicy("UTC"), created_at=NOW, updated_at=NOW,
        status=status,
    )  # fmt: skip


@given(st.binary(min_size=MIN_TOKEN_BYTES, max_size=64))
def test_a_token_is_url_safe_and_has_a_tokens_shape(random: bytes) -> None:
    token = token_from(random)
    assert could_be_token(token)
    assert "=" not in token and "/" not in token and "+" not in token


@given(st.binary(max_size=MIN_TOKEN_BYTES - 1))
def test_fewer_than_sixteen_random_bytes_are_refused(random: bytes) -> None:
    with pytest.raises(ValueError, match="random bytes"):
        token_from(random)


@given(st.text(max_size=200))
def test_text_of_another_shape_is_never_a_token(text: str) -> None:
    shaped = 22 <= len(text) <= 86 and all(c.isascii() and (c.isalnum() or c in "-_") for c in text)
    assert could_be_token(text) == shaped


def test_fresh_tokens_differ_and_are_long_enough() -> None:
    tokens = {fresh_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(len(t) >= 22 and could_be_token(t) for t in tokens)


@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=40))
def test_the_stored_digest_is_keyed_and_tells_tokens_apart(one: str, other: str) -> None:
    digest = HmacDigest("server-secret")
    assert token_digest(digest, one) == token_digest(digest, one)
    assert (token_digest(digest, one) == token_digest(digest, other)) == (one == other)
    assert token_digest(digest, one) != token_digest(HmacDigest("another-secret"), one)
    assert one not in token_digest(digest, one) or len(one) < 3


@pytest.mark.parametrize("status", [s for s in ArtistStatus if s is not ArtistStatus.APPROVED])
def test_only_approved_artists_get_links(status: ArtistStatus) -> None:
    artist = an_artist_profile(status)
    with pytest.raises(BookingLinkNotAllowedError):
        new_link(artist, None, token=fresh_token(), now=NOW)


def test_a_service_link_is_for_the_artists_own_active_service() -> None:
    artist = an_artist_profile()
    own = a_service(artist.id)
    link = new_link(artist, own, token=fresh_token(), now=NOW)
    assert link.service_id == own.id and not link.is_general
    assert new_link(artist, None, token=fresh_token(), now=NOW).is_general
    stranger = a_service(an_artist_profile().id)
    for refused in (stranger, dataclasses.replace(own, active=False)):
        with pytest.raises(BookingLinkNotAllowedError):
            new_link(artist, refused, token=fresh_token(), now=NOW)


def test_regenerating_keeps_the_link_and_changes_its_token() -> None:
    artist = an_artist_profile()
    link = new_link(artist, None, token=fresh_token(), now=NOW)
    later = NOW + timedelta(days=3)
    renewed = link.regenerated(fresh_token(), later)
    assert (renewed.id, renewed.created_at) == (link.id, link.created_at)
    assert renewed.token != link.token and renewed.token_created_at == later
    with pytest.raises(ValueError, match="never had"):
        link.regenerated(link.token, later)


counts = st.builds(
    LinkCounts,
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
)


@given(counts, counts)
def test_counts_add_up_and_conversion_is_bookings_per_visit(a: LinkCounts, b: LinkCounts) -> None:
    both = a + b
    assert both.visits == a.visits + b.visits
    assert both.bookings == a.bookings + b.bookings
    if both.visits:
        assert both.conversion == both.bookings / both.visits
    else:
        assert both.conversion is None


@given(st.dates(min_value=date(1901, 1, 1)))
def test_the_recent_window_is_thirty_days_ending_today(today: date) -> None:
    since = recent_since(today)
    assert (today - since).days == RECENT_DAYS - 1
