# ruff: noqa: RUF001 (full-width digits, on purpose)
"""The roster's pure rules (``bookings/roster.py``): the tally counts every booking once,
under its person, whatever the order; the roster's order is latest last start first, then
name; a search text is clean, trimmed and bounded, or refused naming ``q``."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import (
    MAX_SEARCH_LENGTH,
    BookedFor,
    Booking,
    BookingStatus,
    ClientId,
    RosterEntry,
    roster_order,
    roster_search,
    tally,
)
from booking_domain.shared import InvalidInputError, UserId
from booking_domain.shared.text import is_clean_text
from booking_domain.testing.builders import booking_at

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
TEMPLATE = booking_at(NOW + timedelta(days=1), now=NOW)
PEOPLE = (
    BookedFor(customer_id=UserId(UUID(int=1))),
    BookedFor(customer_id=UserId(UUID(int=2))),
    BookedFor(client_id=ClientId(UUID(int=3))),
    BookedFor(client_id=ClientId(UUID(int=4))),
)


@st.composite
def bookings(draw: st.DrawFn) -> Booking:
    person = draw(st.sampled_from(PEOPLE))
    start = NOW + timedelta(minutes=15 * draw(st.integers(0, 2_000)))
    return dataclasses.replace(
        TEMPLATE,
        customer_id=person.customer_id,
        client_id=person.client_id,
        status=draw(st.sampled_from(BookingStatus)),
        start=start, end=start + timedelta(hours=1),
        blocked_start=start, blocked_end=start + timedelta(hours=1),
    )  # fmt: skip


@given(st.lists(bookings(), max_size=30), st.randoms())
def test_the_tally_counts_every_booking_once_under_its_person(
    listed: list[Booking], shuffler: object
) -> None:
    tallies = tally(listed)
    assert sum(t.bookings for t in tallies.values()) == len(listed)
    for person, figures in tallies.items():
        theirs = [b for b in listed if b.booked_for == person]
        assert figures.bookings == len(theirs)
        for status, counted in (
            (BookingStatus.COMPLETED, figures.completed),
            (BookingStatus.NO_SHOW, figures.no_shows),
            (BookingStatus.CANCELLED, figures.cancelled),
        ):
            assert counted == sum(b.status is status for b in theirs)
        assert figures.first_start == min(b.start for b in theirs)
        assert figures.last_start == max(b.start for b in theirs)
    shuffled = list(listed)
    shuffler.shuffle(shuffled)  # type: ignore[attr-defined]
    assert tally(shuffled) == tallies


@given(st.lists(bookings(), max_size=30), st.lists(st.sampled_from(["Ann", "Bo", "ann", "Өлзий"])))
def test_the_roster_order_is_latest_last_start_first_then_name(
    listed: list[Booking], names: list[str]
) -> None:
    entries = [
        RosterEntry.of(person, names[i % len(names)] if names else "", None, figures)
        for i, (person, figures) in enumerate(tally(listed).items())
    ]
    ordered = sorted(entries, key=roster_order)
    for before, after in itertools.pairwise(ordered):
        assert before.last_start >= after.last_start
        if before.last_start == after.last_start:
            assert before.name <= after.name
    assert len({roster_order(e) for e in entries}) == len(entries)  # a total order


@given(st.text(max_size=MAX_SEARCH_LENGTH + 20))
def test_a_search_text_is_clean_trimmed_and_bounded_or_refused(text: str) -> None:
    try:
        search = roster_search(text)
    except InvalidInputError as refused:
        problems = refused.errors
        search = None
    if search is None:
        assert [e.field for e in problems] == ["q"]
        return
    assert search.text == search.text.strip()
    assert len(search.text) <= MAX_SEARCH_LENGTH
    assert is_clean_text(search.text)
    assert roster_search(search.text) == search
    if search.digits is not None:
        assert search.digits.isascii() and search.digits.isdigit()


@pytest.mark.parametrize(
    ("text", "digits"),
    [("+976 9911-2233", "97699112233"), ("(88) 11.22", "881122"), ("８８１１", "8811"),
     ("Ann 88", None), ("+-", None), ("", None)],
)  # fmt: skip
def test_a_phone_like_text_searches_by_its_digits(text: str, digits: str | None) -> None:
    assert roster_search(text).digits == digits


@pytest.mark.parametrize("text", ["a\x00b", "\x1b[31m", "x" * (MAX_SEARCH_LENGTH + 1), "\ud800"])
def test_control_characters_and_long_texts_are_refused(text: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        roster_search(text)
    assert refused.value.errors[0].field == "q"


def test_no_text_is_everyone() -> None:
    assert roster_search(None).text == "" and roster_search("   ").text == ""
