"""The booking lifecycle as a Hypothesis state machine, for other projects' tests (needs the
``testing`` extra): any sequence of attempts by anyone on one booking (approving, invoicing,
paying the right or a wrong amount, letting the hold run out, cancelling with or without a
refund, the artist's suspension, completing, a no-show, paying refunds out, moving it,
disputing and resolving), with time passing in small and large steps.

Each step tries one operation through ``booking_domain.bookings.lifecycle``. A refusal must
be a ``DomainError`` and change nothing; a success must make exactly one history entry that
continues the booking's trail, along an edge of ``TRANSITIONS``. The invariants (the
version counts the changes; refunds never exceed payments; a final booking has no way out)
hold after every step.

Use it to hold your own code to every step the domain allows: subclass
``BookingLifecycle`` and override ``observe`` (called after each change the domain accepts,
with the booking before and after and the entry it made) or ``refused`` (after each
refusal), then run it as a test::

    class MyProjectionFollows(BookingLifecycle):
        def observe(self, before, after, entry):
            my_projection.apply(entry)
            assert my_projection.status_of(after.id) == after.status

    test_my_projection = MyProjectionFollows.TestCase
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from hypothesis import event
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from booking_domain.bookings import (
    ARTIST_SUSPENDED,
    CLOSED,
    TRANSITIONS,
    Booking,
    BookingStatus,
    HistoryEntry,
    PaymentStatus,
    approve,
    busy_timeline,
    cancel,
    cancel_for_suspension,
    complete,
    expire_hold,
    mark_invoiced,
    mark_no_show,
    record_payment,
    record_refund,
    request_booking,
    reschedule,
)
from booking_domain.catalog import Service
from booking_domain.disputes import Dispute, open_dispute, resolve_dispute
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import Actor, DomainError, Money, Role, UserId
from booking_domain.testing.builders import (
    ARTIST_USER,
    admin,
    artist,
    customer,
    make_policy,
    open_all_week,
)
from booking_domain.testing.strategies import services

T0 = datetime(2026, 1, 5, tzinfo=ZoneInfo("America/New_York"))
POLICY = make_policy()
STRANGERS = [Actor(UserId(UUID(int=99)), Role.CUSTOMER), Actor(UserId(UUID(int=98)), Role.ARTIST)]
actors = st.sampled_from([customer(), artist(), admin(), *STRANGERS])
fractions = st.sampled_from([0, 1, 2, 4])  # quarters of what is available


def quarter(amount: Money, parts: int) -> Money:
    return Money(amount.amount * parts // 4, amount.currency)


class BookingLifecycle(RuleBasedStateMachine):
    """One booking, requested by a customer on an always-open calendar, then any sequence of
    attempts by its customer, its artist, an admin or strangers. Override ``observe`` and
    ``refused`` to check your own code at every step."""

    booking: Booking
    service: Service
    now: datetime
    events: list[HistoryEntry]
    dispute: Dispute | None

    @initialize(service=services(), slots_ahead=st.integers(1, 6 * 48))
    def request(self, service: Service, slots_ahead: int) -> None:
        self.service, self.now, self.dispute = service, T0, None
        start = T0 + timedelta(minutes=30 * slots_ahead)
        self.booking, created = request_booking(
            by=customer(), service=service, artist_user_id=ARTIST_USER, policy=POLICY,
            schedule=open_all_week(), busy=BusyTimeline(), start=start, now=T0,
        )  # fmt: skip
        self.events = [created]

    def observe(self, before: Booking, after: Booking, entry: HistoryEntry) -> None:
        """Called after each change the domain accepted (``entry`` is what it recorded)."""

    def refused(self, before: Booking, error: DomainError) -> None:
        """Called after each attempt the domain refused (the booking is still ``before``)."""

    def attempt(self, change: Callable[[], tuple[Booking, HistoryEntry]]) -> None:
        before = self.booking
        try:
            after, event = change()
        except DomainError as error:
            self.refused(before, error)
            return
        assert event.version == before.version + 1 == after.version
        assert event.from_status is before.status
        assert event.to_status is after.status
        if after.status is not before.status:
            assert after.status in TRANSITIONS[before.status]
            assert not before.is_final(self.now)
        self.booking = after
        self.events.append(event)
        self.observe(before, after, event)

    # Small steps meet holds and boundaries; big ones reach appointments and close windows.
    @rule(minutes=st.sampled_from([1, 14, 16, 60, 24 * 60, 3 * 24 * 60, 8 * 24 * 60]))
    def time_passes(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @rule()
    def appointment_time_comes(self) -> None:
        self.now = max(self.now, self.booking.start + timedelta(minutes=1))

    @precondition(lambda self: self.booking.status in CLOSED)
    @rule()
    def dispute_window_passes(self) -> None:
        self.now += timedelta(days=14, seconds=1)

    @rule(actor=actors)
    def approve(self, actor: Actor) -> None:
        self.attempt(lambda: approve(self.booking, actor, self.now, POLICY))

    @rule()
    def invoice(self) -> None:
        self.attempt(lambda: mark_invoiced(self.booking, self.now))

    @rule(exact=st.sampled_from([True, True, True, False]))
    def pay(self, exact: bool) -> None:
        amount = self.booking.deposit if exact else Money(7, self.booking.deposit.currency)
        self.attempt(lambda: record_payment(self.booking, amount, self.now))

    @rule()
    def expire(self) -> None:
        self.attempt(lambda: expire_hold(self.booking, self.now))

    @rule(actor=actors, parts=fractions, give_refund=st.booleans())
    def cancel(self, actor: Actor, parts: int, give_refund: bool) -> None:
        refund = quarter(self.booking.refundable, parts) if give_refund else None
        self.attempt(lambda: cancel(self.booking, actor, self.now, POLICY, refund=refund))

    @rule(actor=actors)
    def artist_suspended(self, actor: Actor) -> None:
        before = self.booking
        refundable = before.refundable

        def change() -> tuple[Booking, HistoryEntry]:
            return cancel_for_suspension(before, actor, self.now, POLICY)

        self.attempt(change)
        if self.booking is before:  # refused: it must have been one of the rule's cases
            assert (
                not actor.is_admin
                or before.status not in (BookingStatus.PENDING, BookingStatus.CONFIRMED)
                or before.start <= self.now
            )
            return
        assert actor.is_admin
        assert before.start > self.now
        assert self.booking.status is BookingStatus.CANCELLED
        assert self.booking.cancellation_reason == ARTIST_SUSPENDED
        assert self.booking.refund_due == before.refund_due + refundable  # everything paid
        assert self.booking.refundable.is_zero

    @rule(actor=actors, no_show=st.booleans())
    def close(self, actor: Actor, no_show: bool) -> None:
        change = mark_no_show if no_show else complete
        self.attempt(lambda: change(self.booking, actor, self.now))

    @rule(parts=st.integers(1, 4))
    def refund_paid_out(self, parts: int) -> None:
        amount = Money(max(1, self.booking.refund_due.amount * parts // 4), "USD")
        self.attempt(lambda: record_refund(self.booking, amount, self.now))

    @rule(actor=actors, slots_ahead=st.integers(-4, 6 * 48))
    def reschedule(self, actor: Actor, slots_ahead: int) -> None:
        new_start = T0 + timedelta(minutes=30 * slots_ahead)
        self.attempt(lambda: reschedule(
            self.booking, actor, self.now, new_start=new_start, service=self.service,
            policy=POLICY, schedule=open_all_week(), busy=busy_timeline([self.booking], self.now),
        ))  # fmt: skip

    @rule(actor=actors)
    def open_a_dispute(self, actor: Actor) -> None:
        def change() -> tuple[Booking, HistoryEntry]:
            dispute, booking, event = open_dispute(self.booking, actor, self.now, reason="x")
            self.dispute = dispute
            return booking, event

        self.attempt(change)

    @rule(actor=actors, completed=st.booleans(), parts=fractions)
    def resolve(self, actor: Actor, completed: bool, parts: int) -> None:
        if self.dispute is None:
            return
        dispute = self.dispute
        outcome = BookingStatus.COMPLETED if completed else BookingStatus.CANCELLED
        refund = quarter(self.booking.refundable, parts)

        def change() -> tuple[Booking, HistoryEntry]:
            settled, booking, event = resolve_dispute(
                dispute, self.booking, actor, self.now, outcome=outcome, refund=refund, note="n"
            )
            self.dispute = settled
            return booking, event

        self.attempt(change)

    def teardown(self) -> None:
        event(f"ended {self.booking.status}, final={self.booking.is_final(self.now)}")
        event(f"dispute opened: {self.booking.dispute_id is not None}")

    @invariant()
    def version_counts_changes(self) -> None:
        assert self.booking.version == len(self.events)
        assert [e.version for e in self.events] == list(range(1, len(self.events) + 1))

    @invariant()
    def refunds_never_exceed_payments(self) -> None:
        b = self.booking
        assert b.amount_refunded + b.refund_due <= b.amount_paid
        if b.payment_status is PaymentStatus.REFUNDED:
            assert b.amount_refunded == b.amount_paid
        if b.status is not BookingStatus.PENDING:
            assert b.hold_expires_at is None

    @invariant()
    def final_bookings_have_no_exits(self) -> None:
        b, now = self.booking, self.now
        if b.status in CLOSED:
            assert TRANSITIONS[b.status] == {BookingStatus.DISPUTED}
        if not b.is_final(now):
            return
        for actor in (customer(), artist(), admin()):
            for change in exits(b, actor, now):
                try:
                    change()
                except DomainError:
                    continue
                raise AssertionError("a final booking changed state")


def exits(b: Booking, actor: Actor, now: datetime) -> list[Callable[[], object]]:
    """Every operation that would move a booking to another status."""
    return [
        lambda: approve(b, actor, now, POLICY),
        lambda: cancel(b, actor, now, POLICY, refund=Money(0, "USD")),
        lambda: cancel_for_suspension(b, actor, now, POLICY),
        lambda: complete(b, actor, now),
        lambda: mark_no_show(b, actor, now),
        lambda: expire_hold(b, now),
        lambda: open_dispute(b, actor, now, reason="again"),
    ]
