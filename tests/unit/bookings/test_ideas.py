"""Ideas: who adds them and when, what they say, who changes them."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import Booking, BookingStatus
from booking_domain.bookings.errors import BookingActionNotAllowedError, InvalidIdeaError
from booking_domain.bookings.ideas import OPEN_FOR_IDEAS, Idea, check_idea_text
from booking_domain.shared import Actor, Role, UserId
from booking_domain.shared.errors import (
    InvalidInputError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from booking_domain.testing.builders import admin, artist, booking_at, customer

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
WORDS = st.text(st.characters(categories=("L", "N", "P")), min_size=1, max_size=60)


def _booking(status: BookingStatus | None = None) -> Booking:
    booking = booking_at(NOW + timedelta(days=3), now=NOW)
    return booking if status is None else dataclasses.replace(booking, status=status)


@given(st.sampled_from(list(BookingStatus)))
def test_the_parties_add_ideas_only_while_the_booking_is_open(status: BookingStatus) -> None:
    booking = _booking(status)
    for party in (customer(), artist()):
        if status in OPEN_FOR_IDEAS:
            idea = Idea.create(booking, party, " a koi ", None, NOW)
            assert (idea.author_id, idea.description, idea.images) == (party.user_id, "a koi", ())
        else:
            with pytest.raises(InvalidTransitionError):
                Idea.create(booking, party, "a koi", None, NOW)


def test_admins_and_strangers_add_none() -> None:
    for outsider in (admin(), Actor(UserId(uuid4()), Role.CUSTOMER)):
        with pytest.raises(BookingActionNotAllowedError):
            Idea.create(_booking(), outsider, "a koi", None, NOW)


@given(st.lists(WORDS, min_size=1, max_size=30).map(" ".join))
def test_plain_text_up_to_2000_characters_is_kept_trimmed(text: str) -> None:
    assert check_idea_text(f"  {text}\n") == text


@given(st.sampled_from(["", "   ", "x" * 2001, "nul\x00byte", "bell\x07"]))
def test_empty_overlong_or_control_text_is_refused(text: str) -> None:
    with pytest.raises(InvalidInputError):
        check_idea_text(text)


def test_an_overlong_description_is_an_invalid_idea() -> None:
    with pytest.raises(InvalidIdeaError):
        check_idea_text("x" * 2001)


def test_only_the_author_or_an_admin_changes_an_idea() -> None:
    idea = Idea.create(_booking(), customer(), "a koi", None, NOW)
    later = NOW + timedelta(hours=1)
    with pytest.raises(PermissionDeniedError):
        idea.changed(artist(), "mine", later)
    assert idea.changed(customer(), "two koi", later).description == "two koi"
    assert idea.changed(admin(), "ok", later).updated_at == later
