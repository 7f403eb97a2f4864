"""Who may create a booking for whom (``creation_kind``) and the state an artist's booking
starts in: properties over every actor, party, service and start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.accounts import Actor, Role
from booking_domain.bookings import (
    BookedFor,
    Booking,
    BookingActionNotAllowedError,
    BookingStatus,
    ClientId,
    HistoryEntry,
    HistoryKind,
    creation_kind,
    request_booking,
)
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import DomainError, InvalidInputError, NaiveDatetimeError, UserId
from booking_domain.testing import admin, artist, customer
from booking_domain.testing.builders import ARTIST_USER, CUSTOMER_USER
from booking_domain.testing.strategies import Scenario, scenarios

OTHER_ARTIST = Actor(UserId(UUID(int=0xA1)), Role.ARTIST)
OTHER_CUSTOMER = UserId(UUID(int=0xC1))
CLIENT = ClientId(UUID(int=0xC11E))
actors = st.sampled_from([customer(), artist(), admin(), OTHER_ARTIST])
parties = st.sampled_from(
    [
        BookedFor(customer_id=CUSTOMER_USER),
        BookedFor(customer_id=OTHER_CUSTOMER),
        BookedFor(customer_id=ARTIST_USER),
        BookedFor(client_id=CLIENT),
    ]
)


def expected_kind(by: Actor, party: BookedFor, deposit: bool | None) -> HistoryKind | None:
    """The rule of docs/product.md, "4. Bookings", written plainly: None is a refusal."""
    if by.role is Role.CUSTOMER:
        mine = party.customer_id == by.user_id
        return HistoryKind.REQUESTED if mine and deposit is None else None
    if by.role is Role.ARTIST and by.user_id == ARTIST_USER and party.customer_id != ARTIST_USER:
        return HistoryKind.BOOKED
    return None


@given(actors, parties, st.sampled_from([None, True, False]))
def test_only_a_customer_for_themself_or_the_calendars_artist_create(
    by: Actor, party: BookedFor, deposit: bool | None
) -> None:
    wanted = expected_kind(by, party, deposit)
    if wanted is None:
        with pytest.raises(BookingActionNotAllowedError):
            creation_kind(by, ARTIST_USER, party, deposit)
    else:
        assert creation_kind(by, ARTIST_USER, party, deposit) is wanted


def attempt(
    sc: Scenario, by: Actor, party: BookedFor | None, deposit: bool | None, i: int
) -> tuple[Booking, HistoryEntry]:
    start = sc.between.start + timedelta(minutes=5 * i)
    return request_booking(
        by=by, service=sc.service, artist_user_id=ARTIST_USER, policy=sc.policy,
        schedule=sc.schedule, busy=BusyTimeline.of(sc.busy), start=start, now=sc.now,
        party=party, deposit=deposit,
    )  # fmt: skip


def outcome(call: Callable[[], object]) -> tuple[object, ...]:
    """("booked",) or the refusal's class and reason."""
    try:
        call()
    except DomainError as refused:
        return type(refused), getattr(refused, "reason", None)
    return ("booked",)


@given(scenarios(), st.integers(0, 600))
def test_an_artist_books_exactly_the_starts_a_customer_may_request(sc: Scenario, i: int) -> None:
    """One slot rule for both: the same start is refused for the same reason, or taken."""
    request = outcome(lambda: attempt(sc, customer(), None, None, i))
    booked = outcome(lambda: attempt(sc, artist(), BookedFor(client_id=CLIENT), False, i))
    assert request == booked


@given(scenarios(), st.integers(0, 600), st.booleans())
def test_an_artists_booking_is_confirmed_without_deposit_and_held_for_one(
    sc: Scenario, i: int, deposit: bool
) -> None:
    try:
        booking, entry = attempt(sc, artist(), BookedFor(customer_id=CUSTOMER_USER), deposit, i)
    except InvalidInputError:
        assert deposit and sc.service.deposit_amount.is_zero  # asked of a service without one
        return
    except DomainError:
        return  # not offered: the slot rule's business (the property above)
    assert entry.kind is HistoryKind.BOOKED and entry.actor_role is Role.ARTIST
    assert booking.customer_id == CUSTOMER_USER and booking.client_id is None
    assert booking.role_of(artist()) is Role.ARTIST
    assert booking.role_of(customer()) is Role.CUSTOMER
    if deposit:
        assert booking.status is BookingStatus.PENDING and booking.awaiting_deposit
        assert booking.deposit == sc.service.deposit_amount
        assert booking.hold_expires_at == sc.now + sc.policy.deposit_hold
    else:
        assert booking.status is BookingStatus.CONFIRMED and booking.deposit.is_zero
        assert booking.hold_expires_at is None
    assert entry.to_status is booking.status and booking.is_active(sc.now)


def test_a_booking_is_for_one_customer_or_one_client() -> None:
    with pytest.raises(ValueError, match="one customer or one client"):
        BookedFor()
    with pytest.raises(ValueError, match="one customer or one client"):
        BookedFor(customer_id=CUSTOMER_USER, client_id=CLIENT)


@given(scenarios(), st.integers(0, 600))
def test_a_client_record_is_never_booked_for_a_deposit(sc: Scenario, i: int) -> None:
    """It has no account to pay one in: where the start could be booked, asking for the
    deposit is refused on ``deposit`` (``no_deposit`` when the service takes none); without
    one it is booked exactly where a customer's account would be."""
    for_client = outcome(lambda: attempt(sc, artist(), BookedFor(client_id=CLIENT), False, i))
    for_customer = outcome(
        lambda: attempt(sc, artist(), BookedFor(customer_id=CUSTOMER_USER), False, i)
    )
    assert for_client == for_customer
    asked = outcome(lambda: attempt(sc, artist(), BookedFor(client_id=CLIENT), True, i))
    if for_client != ("booked",):
        assert asked == for_client  # the start's own refusal comes first
        return
    with pytest.raises(InvalidInputError) as refused:
        attempt(sc, artist(), BookedFor(client_id=CLIENT), True, i)
    wanted = "no_deposit" if sc.service.deposit_amount.is_zero else "client_without_account"
    assert [(e.field, e.code) for e in refused.value.errors] == [("deposit", wanted)]


@given(scenarios(), st.integers(0, 600), actors, parties, st.sampled_from([None, True, False]))
def test_a_booking_keeps_the_price_of_its_service_when_made(
    sc: Scenario, i: int, by: Actor, party: BookedFor, deposit: bool | None
) -> None:
    """Whoever makes it, however it is held: the booking carries the service's price as it
    was then (what its balance is reckoned from), in the deposit's currency."""
    try:
        booking, _ = attempt(sc, by, party, deposit, i)
    except DomainError:
        return
    assert booking.price is not None and booking.price == sc.service.price
    assert booking.price.currency == booking.deposit.currency


@given(scenarios(), st.integers(0, 600))
def test_a_naive_start_is_refused_and_one_with_an_offset_is_kept_in_utc(
    sc: Scenario, i: int
) -> None:
    """A service calling the library's rule itself, past every use case: a start without an
    offset is refused, never guessed; one written with another offset is the same instant,
    kept in UTC."""
    start = sc.between.start + timedelta(minutes=5 * i)

    def book(at: datetime) -> tuple[Booking, HistoryEntry]:
        return request_booking(
            by=customer(), service=sc.service, artist_user_id=ARTIST_USER, policy=sc.policy,
            schedule=sc.schedule, busy=BusyTimeline.of(sc.busy), start=at, now=sc.now,
        )  # fmt: skip

    with pytest.raises(NaiveDatetimeError):
        book(start.astimezone(UTC).replace(tzinfo=None))
    try:
        booking, _ = book(start.astimezone(ZoneInfo("Asia/Ulaanbaatar")))
    except DomainError:
        return  # not offered: the slot rule's business
    assert booking.start == start and booking.start.tzinfo is UTC
