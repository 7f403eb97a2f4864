"""An artist's roster: every person the artist has booked, with how their bookings went.

A person is a customer's account (``customer_id``) or one of the artist's client records
(``client_id``, ``clients.py``): whom a booking is for (``BookedFor``). Rules:

- a person is on an artist's roster when the artist has at least one booking of them, of
  any status; only that artist's bookings count (another artist's never do), so a customer
  who booked two artists is on both rosters, each with its own figures;
- the figures of a person are :func:`tally`'s: every booking, those completed, those
  missed (no-show) and those cancelled (expired holds and declined requests among them),
  and the earliest and latest start;
- the roster is listed latest last start first (an upcoming booking counts), ties by name
  (code point order), then by the person's id, so the order is total (:func:`roster_order`);
- a search text (:func:`roster_search`) is trimmed and at most ``MAX_SEARCH_LENGTH``
  characters of clean text (no control characters: ``InvalidInputError`` on ``q``). It
  matches a person whose name contains it, compared as the search context folds text
  (Cyrillic transliterated, accents dropped, lower case: the adapters' ``fold`` and the
  database's ``inkslot_fold``), or, when it reads as a phone number (digits, with spaces,
  ``+``, ``-``, ``.`` or brackets), whose phone contains its digits.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final
from uuid import UUID

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.clients import BookedFor, ClientId
from booking_domain.bookings.status import BookingStatus
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.ids import UserId
from booking_domain.shared.text import text_problem

MAX_SEARCH_LENGTH: Final = 100
SEARCH_FIELD: Final = "q"
_PHONE_PUNCTUATION: Final = frozenset(" +-.()")
_DIGITS: Final = frozenset("0123456789")
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Tally:
    """How one person's bookings with an artist went."""

    bookings: int
    completed: int
    no_shows: int
    cancelled: int
    first_start: datetime
    last_start: datetime


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One person on an artist's roster: their name and phone (the account's or the
    record's; None when unknown) and how their bookings with the artist went."""

    person: BookedFor
    name: str
    phone: str | None
    bookings: int
    completed: int
    no_shows: int
    cancelled: int
    first_start: datetime
    last_start: datetime

    @property
    def customer_id(self) -> UserId | None:
        return self.person.customer_id

    @property
    def client_id(self) -> ClientId | None:
        return self.person.client_id

    @classmethod
    def of(cls, person: BookedFor, name: str, phone: str | None, tally: Tally) -> RosterEntry:
        return cls(
            person, name, phone, tally.bookings, tally.completed, tally.no_shows,
            tally.cancelled, tally.first_start, tally.last_start,
        )  # fmt: skip


def person_id(person: BookedFor) -> UUID:
    """The id of the account or of the client record, whichever ``person`` is."""
    found = person.customer_id if person.customer_id is not None else person.client_id
    assert found is not None  # BookedFor holds exactly one
    return found


def _counted(tally: Tally | None, booking: Booking) -> Tally:
    status = booking.status
    if tally is None:
        tally = Tally(0, 0, 0, 0, booking.start, booking.start)
    return Tally(
        bookings=tally.bookings + 1,
        completed=tally.completed + (status is BookingStatus.COMPLETED),
        no_shows=tally.no_shows + (status is BookingStatus.NO_SHOW),
        cancelled=tally.cancelled + (status is BookingStatus.CANCELLED),
        first_start=min(tally.first_start, booking.start),
        last_start=max(tally.last_start, booking.start),
    )


def tally(bookings: Iterable[Booking]) -> dict[BookedFor, Tally]:
    """Each person's figures over ``bookings`` (one artist's, as the caller chose them)."""
    tallies: dict[BookedFor, Tally] = {}
    for booking in bookings:
        person = booking.booked_for
        tallies[person] = _counted(tallies.get(person), booking)
    return tallies


def roster_order(entry: RosterEntry) -> tuple[timedelta, str, UUID]:
    """The roster's sort key: latest last start first, then name, then the person's id."""
    return (_EPOCH - entry.last_start, entry.name, person_id(entry.person))


@dataclass(frozen=True, slots=True)
class RosterSearch:
    """A cleaned search text: ``text`` (empty: everyone) and, when it reads as a phone
    number, its ``digits``."""

    text: str = ""

    @property
    def digits(self) -> str | None:
        """The text's digits when it holds nothing but digits and phone punctuation (and at
        least one digit); None otherwise."""
        if not self.text or not set(self.text) <= _DIGITS | _PHONE_PUNCTUATION:
            return None
        digits = "".join(c for c in self.text if c in _DIGITS)
        return digits or None


def roster_search(text: str | None) -> RosterSearch:
    """``text`` as a roster search: NFKC-normalised (full-width digits read as digits) and
    trimmed; ``InvalidInputError`` on ``q`` when it holds control characters or is longer
    than ``MAX_SEARCH_LENGTH`` characters."""
    if text is None:
        return RosterSearch()
    problem = text_problem(SEARCH_FIELD, text)
    if problem is not None:
        raise InvalidInputError(errors=(problem,))
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if len(cleaned) > MAX_SEARCH_LENGTH:
        message = f"Use at most {MAX_SEARCH_LENGTH} characters."
        raise InvalidInputError(errors=(FieldError(SEARCH_FIELD, message, "too_long"),))
    return RosterSearch(cleaned)
