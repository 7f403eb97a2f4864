"""The review rules: only the customer of a completed booking, once, editable for 7 days,
one reply by the artist, hidden ones not counted; the running rating always equals the
mean of the visible reviews."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import Booking, BookingStatus
from booking_domain.reviews import (
    EDIT_WINDOW,
    ReplyExistsError,
    Review,
    ReviewChange,
    ReviewEditClosedError,
    ReviewModerationError,
    ReviewNotAllowedError,
    apply,
    write_review,
)
from booking_domain.shared import Actor, Role
from booking_domain.shared.errors import InvalidInputError, PermissionDeniedError
from booking_domain.testing import admin, artist, booking_at, customer
from tests.support.builders import START

NOW = START


def completed() -> Booking:
    return replace(booking_at(NOW + timedelta(days=3), now=NOW), status=BookingStatus.COMPLETED)


def a_review(rating: int = 4) -> Review:
    return write_review(completed(), customer(), rating, "Clean lines.", NOW).review


def test_only_the_customer_of_a_completed_booking_reviews_it() -> None:
    booking = completed()
    made = write_review(booking, customer(), 5, "  Lovely work \n", NOW)
    assert made.review.text == "Lovely work" and made.rating_change == (1, 5)
    with pytest.raises(ReviewNotAllowedError):
        write_review(booking, artist(), 5, "", NOW)
    with pytest.raises(ReviewNotAllowedError):
        write_review(replace(booking, status=BookingStatus.CONFIRMED), customer(), 5, "", NOW)
    for bad in (0, 6, -1):
        with pytest.raises(InvalidInputError):
            write_review(booking, customer(), bad, "", NOW)
    with pytest.raises(InvalidInputError):
        write_review(booking, customer(), 3, "x" * 2001, NOW)
    with pytest.raises(InvalidInputError):
        write_review(booking, customer(), 3, "nul\x00", NOW)


def test_the_author_edits_within_7_days_only() -> None:
    review = a_review(4)
    edited = apply(review, ReviewChange.UPDATED, customer(), NOW + EDIT_WINDOW, rating=2)
    assert edited.review.rating == 2 and edited.rating_change == (0, -2)
    assert edited.review.text == "Clean lines." and edited.review.version == 2
    with pytest.raises(ReviewEditClosedError):
        apply(review, ReviewChange.UPDATED, customer(), NOW + EDIT_WINDOW + timedelta(seconds=1))
    with pytest.raises(PermissionDeniedError):
        apply(review, ReviewChange.UPDATED, artist(), NOW, rating=5)


def test_the_artist_replies_once() -> None:
    review = a_review()
    replied = apply(review, ReviewChange.REPLIED, artist(), NOW, text="Thank you!").review
    assert replied.reply is not None and replied.reply.text == "Thank you!"
    with pytest.raises(ReplyExistsError):
        apply(replied, ReviewChange.REPLIED, artist(), NOW, text="Again")
    with pytest.raises(PermissionDeniedError):
        apply(review, ReviewChange.REPLIED, customer(), NOW, text="Me too")
    with pytest.raises(InvalidInputError):
        apply(review, ReviewChange.REPLIED, artist(), NOW, text="   ")


def test_admins_hide_with_a_reason_and_restore() -> None:
    review = a_review(5)
    with pytest.raises(InvalidInputError):
        apply(review, ReviewChange.HIDDEN, admin(), NOW, reason="")
    with pytest.raises(PermissionDeniedError):
        apply(review, ReviewChange.HIDDEN, artist(), NOW, reason="rude")
    hidden = apply(review, ReviewChange.HIDDEN, admin(), NOW, reason="Personal data")
    assert hidden.review.hidden and hidden.review.hidden_reason == "Personal data"
    assert hidden.rating_change == (-1, -5)
    assert not hidden.review.visible_to(None) and hidden.review.visible_to(customer())
    with pytest.raises(ReviewModerationError):
        apply(hidden.review, ReviewChange.HIDDEN, admin(), NOW, reason="again")
    restored = apply(hidden.review, ReviewChange.RESTORED, admin(), NOW)
    assert not restored.review.hidden and restored.rating_change == (1, 5)
    edited_hidden = apply(hidden.review, ReviewChange.UPDATED, customer(), NOW, rating=1)
    assert edited_hidden.rating_change == (0, 0)  # a hidden review does not count


steps = st.lists(
    st.tuples(
        st.sampled_from([ReviewChange.UPDATED, ReviewChange.HIDDEN, ReviewChange.RESTORED]),
        st.integers(min_value=1, max_value=5),
    ),
    max_size=12,
)


@given(st.lists(st.tuples(st.integers(min_value=1, max_value=5), steps), max_size=6))
def test_the_running_rating_is_the_mean_of_the_visible_reviews(
    histories: list[tuple[int, list[tuple[ReviewChange, int]]]],
) -> None:
    count = total = 0
    finals = []
    for first, changes in histories:
        event = write_review(completed(), customer(), first, "", NOW)
        review = event.review
        count, total = count + event.rating_change[0], total + event.rating_change[1]
        for change, stars in changes:
            who = customer() if change is ReviewChange.UPDATED else admin()
            try:
                event = apply(review, change, who, NOW, rating=stars, reason="spam")
            except (ReviewModerationError, InvalidInputError):
                continue
            review = event.review
            count, total = count + event.rating_change[0], total + event.rating_change[1]
        finals.append(review)
    visible = [r for r in finals if not r.hidden]
    assert count == len(visible) and total == sum(r.rating for r in visible)


def test_an_admins_actor_role_is_admin() -> None:
    assert admin() == Actor(admin().user_id, Role.ADMIN)
