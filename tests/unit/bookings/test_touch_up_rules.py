"""The touch-up rules (``bookings/touch_ups.py``) and the aftercare settings' bounds
(``catalog/aftercare.py``): properties over every input, and a state machine of one
original booking and the touch-ups anyone tries to book, cancel or close."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from booking_domain.accounts import Actor, Role
from booking_domain.bookings import (
    Booking,
    BookingActionNotAllowedError,
    BookingStatus,
    TouchUpNotAvailableError,
    TouchUpRefusal,
    TouchUpTakenError,
    busy_timeline,
    lifecycle,
    request_booking,
    touch_up_deadline,
    touch_up_offer,
    touch_up_refusal,
    touch_up_terms,
)
from booking_domain.catalog import AftercareSettings
from booking_domain.catalog.aftercare import MAX_DELAY_MINUTES, MAX_TEXT_LENGTH, MAX_TOUCH_UP_DAYS
from booking_domain.shared import DomainError, InvalidInputError, Money
from booking_domain.shared.text import is_clean_text
from booking_domain.testing import (
    ARTIST_ID,
    admin,
    artist,
    booking_at,
    customer,
    make_policy,
    make_service,
    open_all_week,
)
from booking_domain.testing.builders import ARTIST_USER

T0 = datetime(2026, 1, 5, 10, tzinfo=ZoneInfo("America/New_York"))
POLICY = make_policy(minimum_notice=timedelta(0), horizon=timedelta(days=730))
SERVICE = make_service(price=Money(150_000, "MNT"))
STRANGER = Actor(UUID(int=99), Role.CUSTOMER)  # type: ignore[arg-type]
actors = st.sampled_from([customer(), artist(), admin(), STRANGER])
statuses = st.sampled_from(list(BookingStatus))


def completed_original(now: datetime = T0) -> Booking:
    """A confirmed booking at ``now`` (no approval, no deposit), completed an hour later."""
    booking = booking_at(now, now=now - timedelta(days=1), service=SERVICE, policy=POLICY)
    done, _ = lifecycle.complete(booking, artist(), now + timedelta(hours=1))
    return done


def settings(days: int) -> AftercareSettings:
    return AftercareSettings(ARTIST_ID, touch_up_days=days)


@given(
    status=statuses,
    is_touch_up=st.booleans(),
    days=st.integers(0, MAX_TOUCH_UP_DAYS),
    after=st.integers(-10, 800 * 24 * 60),
)
def test_a_touch_up_is_refused_for_exactly_the_listed_reasons(
    status: BookingStatus, is_touch_up: bool, days: int, after: int
) -> None:
    original = replace(
        completed_original(),
        status=status,
        touch_up_of=completed_original().id if is_touch_up else None,
    )
    start = original.start + timedelta(minutes=after)
    refusal = touch_up_refusal(original, settings(days), start)
    if is_touch_up:
        assert refusal is TouchUpRefusal.IS_TOUCH_UP
    elif status is not BookingStatus.COMPLETED:
        assert refusal is TouchUpRefusal.NOT_COMPLETED
    elif days == 0:
        assert refusal is TouchUpRefusal.NOT_OFFERED
    else:
        in_window = start <= original.start + timedelta(days=days)  # the boundary counts
        assert refusal is (None if in_window else TouchUpRefusal.WINDOW_CLOSED)


@given(days=st.integers(1, MAX_TOUCH_UP_DAYS), after=st.integers(0, 800 * 24 * 60))
def test_the_offer_tells_the_deadline_and_whether_one_may_be_booked_now(
    days: int, after: int
) -> None:
    original = completed_original()
    now = original.start + timedelta(minutes=after)
    offer = touch_up_offer(original, None, settings(days), now)
    assert offer.deadline == original.start + timedelta(days=days)
    assert offer.available is (now <= offer.deadline)
    taken = touch_up_offer(original, original, settings(days), original.start)
    assert not taken.available


def test_no_deadline_is_told_where_no_touch_up_is_offered() -> None:
    original = completed_original()
    assert touch_up_offer(original, None, settings(0), T0).deadline is None
    assert touch_up_offer(original, None, settings(0), T0).refusal is TouchUpRefusal.NOT_OFFERED


@given(
    text=st.text(max_size=MAX_TEXT_LENGTH + 5),
    aftercare=st.integers(-5, MAX_DELAY_MINUTES + 5),
    review=st.integers(-5, MAX_DELAY_MINUTES + 5),
    days=st.integers(-5, MAX_TOUCH_UP_DAYS + 5),
)
def test_settings_are_taken_exactly_within_their_bounds(
    text: str, aftercare: int, review: int, days: int
) -> None:
    def chosen() -> AftercareSettings:
        return AftercareSettings.chosen(
            ARTIST_ID, text=text, aftercare_minutes=aftercare, review_minutes=review,
            touch_up_days=days, now=T0,
        )  # fmt: skip

    clean = is_clean_text(text, multiline=True)
    fits = (
        len(text) <= MAX_TEXT_LENGTH
        and 0 <= aftercare <= MAX_DELAY_MINUTES
        and 0 <= review <= MAX_DELAY_MINUTES
        and 0 <= days <= MAX_TOUCH_UP_DAYS
    )
    if not fits:
        with pytest.raises(InvalidInputError):
            chosen()
        return
    if not clean:
        with pytest.raises(InvalidInputError) as refused:
            chosen()
        assert [e.field for e in refused.value.errors] == ["text"]
        return
    made = chosen()
    assert made.text == text.strip()
    assert (made.aftercare_minutes, made.review_minutes, made.touch_up_days) == (
        aftercare,
        review,
        days,
    )


def test_defaults_send_the_review_request_after_three_days_and_offer_half_a_year() -> None:
    defaults = AftercareSettings(ARTIST_ID)
    assert (defaults.text, defaults.aftercare_minutes) == ("", 0)
    assert defaults.review_delay == timedelta(days=3)
    assert defaults.touch_up_days == 180
    assert not defaults.has_text


def test_admins_do_not_book_touch_ups_and_strangers_are_refused() -> None:
    original = completed_original()
    for who in (admin(), STRANGER):
        with pytest.raises(BookingActionNotAllowedError):
            touch_up_terms(original, None, settings(30), by=who, start=T0 + timedelta(days=1))


def test_a_live_touch_up_takes_the_right_and_the_reason_comes_first() -> None:
    original = completed_original()
    start = T0 + timedelta(days=2)
    with pytest.raises(TouchUpTakenError):
        touch_up_terms(original, original, settings(30), by=customer(), start=start)
    with pytest.raises(TouchUpNotAvailableError) as refused:
        touch_up_terms(original, original, settings(1), by=customer(), start=start)
    assert refused.value.reason == "window_closed"


class TouchUpMachine(RuleBasedStateMachine):
    """One completed original; anyone tries to book its touch-up at any time, cancel it,
    close it, or the artist changes the window. Invariants: at most one live touch-up,
    each free and linked to the original, each starting within the window it was booked
    in."""

    original: Booking
    touch_ups: list[Booking]
    deadlines: dict[object, datetime]
    settings: AftercareSettings
    now: datetime

    @initialize(days=st.integers(0, 200))
    def complete(self, days: int) -> None:
        self.original = completed_original()
        self.touch_ups, self.deadlines = [], {}
        self.settings = settings(days)
        self.now = self.original.end

    def live(self) -> Booking | None:
        found = [t for t in self.touch_ups if t.status is not BookingStatus.CANCELLED]
        return found[-1] if found else None

    @rule(days=st.integers(0, 200))
    def artist_changes_the_window(self, days: int) -> None:
        self.settings = settings(days)

    @rule(minutes=st.sampled_from([30, 24 * 60, 30 * 24 * 60]))
    def time_passes(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @rule(actor=actors, hours_ahead=st.integers(1, 250 * 24))
    def book(self, actor: Actor, hours_ahead: int) -> None:
        start = self.now + timedelta(hours=hours_ahead)
        live = self.live()
        try:
            terms, party = touch_up_terms(self.original, live, self.settings, by=actor, start=start)
            made, _ = request_booking(
                by=actor, party=party, service=SERVICE, artist_user_id=ARTIST_USER,
                policy=POLICY, schedule=open_all_week(),
                busy=busy_timeline(self.touch_ups, self.now), start=start, now=self.now,
                terms=terms,
            )  # fmt: skip
        except DomainError as refused:
            event(f"refused: {type(refused).__name__}")
            refusal = touch_up_refusal(self.original, self.settings, start)
            assert (
                live is not None
                or refusal is not None
                or actor in (admin(), STRANGER)
                or (self.busy_at(start))
            )
            return
        event("booked")
        assert live is None and actor in (customer(), artist())
        assert made.status is BookingStatus.CONFIRMED  # no deposit, no approval asked
        self.deadlines[made.id] = touch_up_deadline(self.original, self.settings)
        self.touch_ups.append(made)

    def busy_at(self, start: datetime) -> bool:
        wanted = SERVICE.blocked_span(start)
        return any(b.blocked.overlaps(wanted) for b in self.touch_ups if b.is_active(self.now))

    @precondition(lambda self: self.live() is not None)
    @rule(actor=actors)
    def cancel(self, actor: Actor) -> None:
        live = self.live()
        assert live is not None
        try:
            refund = Money.zero("MNT") if actor.is_admin else None
            cancelled, _ = lifecycle.cancel(live, actor, self.now, POLICY, refund=refund)
        except DomainError:
            return
        self.touch_ups[self.touch_ups.index(live)] = cancelled

    @precondition(lambda self: self.live() is not None)
    @rule()
    def the_touch_up_is_done(self) -> None:
        live = self.live()
        assert live is not None
        self.now = max(self.now, live.start)
        try:
            done, _ = lifecycle.complete(live, artist(), self.now)
        except DomainError:
            return
        self.touch_ups[self.touch_ups.index(live)] = done
        assert touch_up_refusal(done, self.settings) is TouchUpRefusal.IS_TOUCH_UP

    @invariant()
    def one_live_free_linked_touch_up_within_its_window(self) -> None:
        if not hasattr(self, "touch_ups"):
            return
        live = [t for t in self.touch_ups if t.status is not BookingStatus.CANCELLED]
        assert len(live) <= 1
        for t in self.touch_ups:
            assert t.touch_up_of == self.original.id
            assert t.price == Money.zero("MNT") and t.deposit.is_zero
            assert t.customer_id == self.original.customer_id
            assert t.start <= self.deadlines[t.id]


TestTouchUpMachine = TouchUpMachine.TestCase
