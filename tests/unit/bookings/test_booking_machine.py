"""The booking lifecycle as a hypothesis state machine: any sequence of attempts by anyone.

Each step tries one operation; a refusal must be a DomainError and change nothing (the
booking is immutable, so we keep the old one); a success must produce exactly one event
that continues the audit trail. Invariants hold after every step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from booking_domain.accounts import Actor, Role
from booking_domain.bookings import (
    CLOSED,
    TRANSITIONS,
    Booking,
    BookingStatus,
    HistoryEntry,
    PaymentStatus,
    busy_timeline,
    lifecycle,
    request_booking,
)
from booking_domain.catalog import Service
from booking_domain.disputes import Dispute, open_dispute, resolve_dispute
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import DomainError, Money
from booking_domain.testing import admin, artist, customer, make_policy, open_all_week
from booking_domain.testing.builders import ARTIST_USER
from booking_domain.testing.strategies import services

T0 = datetime(2026, 1, 5, tzinfo=ZoneInfo("America/New_York"))
POLICY = make_policy()
STRANGERS = [Actor(UUID(int=99), Role.CUSTOMER), Actor(UUID(int=98), Role.ARTIST)]  # type: ignore[arg-type]
actors = st.sampled_from([customer(), artist(), admin(), *STRANGERS])
fractions = st.sampled_from([0, 1, 2, 4])  # quarters of what is available


def quarter(amount: Money, parts: int) -> Money:
    return Money(amount.amount * parts // 4, amount.currency)


class BookingMachine(RuleBasedStateMachine):
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

    def attempt(self, change: Callable[[], tuple[Booking, HistoryEntry]]) -> None:
        before = self.booking
        try:
            after, event = change()
        except DomainError:
            return
        assert event.version == before.version + 1 == after.version
        assert event.from_status is before.status
        assert event.to_status is after.status
        if after.status is not before.status:
            assert after.status in TRANSITIONS[before.status]
            assert not before.is_final(self.now)
        self.booking = after
        self.events.append(event)

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
        self.attempt(lambda: lifecycle.approve(self.booking, actor, self.now, POLICY))

    @rule()
    def invoice(self) -> None:
        self.attempt(lambda: lifecycle.mark_invoiced(self.booking, self.now))

    @rule(exact=st.sampled_from([True, True, True, False]))
    def pay(self, exact: bool) -> None:
        amount = self.booking.deposit if exact else Money(7, self.booking.deposit.currency)
        self.attempt(lambda: lifecycle.record_payment(self.booking, amount, self.now))

    @rule()
    def expire(self) -> None:
        self.attempt(lambda: lifecycle.expire_hold(self.booking, self.now))

    @rule(actor=actors, parts=fractions, give_refund=st.booleans())
    def cancel(self, actor: Actor, parts: int, give_refund: bool) -> None:
        refund = quarter(self.booking.refundable, parts) if give_refund else None
        self.attempt(lambda: lifecycle.cancel(self.booking, actor, self.now, POLICY, refund=refund))

    @rule(actor=actors)
    def artist_suspended(self, actor: Actor) -> None:
        before = self.booking
        refundable = before.refundable

        def change() -> tuple[Booking, HistoryEntry]:
            return lifecycle.cancel_for_suspension(before, actor, self.now, POLICY)

        self.attempt(change)
        if self.booking is before:  # refused: it must have been one of the rule's cases
            assert (
                not actor.is_admin
                or before.status not in (BookingStatus.PENDING, BookingStatus.CONFIRMED)
                or before.start <= self.now
            )
            return
        assert actor.is_admin and before.start > self.now
        assert self.booking.status is BookingStatus.CANCELLED
        assert self.booking.cancellation_reason == lifecycle.ARTIST_SUSPENDED
        assert self.booking.refund_due == before.refund_due + refundable  # everything paid
        assert self.booking.refundable.is_zero

    @rule(actor=actors, no_show=st.booleans())
    def close(self, actor: Actor, no_show: bool) -> None:
        change = lifecycle.mark_no_show if no_show else lifecycle.complete
        self.attempt(lambda: change(self.booking, actor, self.now))

    @rule(parts=st.integers(1, 4))
    def refund_paid_out(self, parts: int) -> None:
        amount = Money(max(1, self.booking.refund_due.amount * parts // 4), "USD")
        self.attempt(lambda: lifecycle.record_refund(self.booking, amount, self.now))

    @rule(actor=actors, slots_ahead=st.integers(-4, 6 * 48))
    def reschedule(self, actor: Actor, slots_ahead: int) -> None:
        new_start = T0 + timedelta(minutes=30 * slots_ahead)
        self.attempt(lambda: lifecycle.reschedule(
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
        lambda: lifecycle.approve(b, actor, now, POLICY),
        lambda: lifecycle.cancel(b, actor, now, POLICY, refund=Money(0, "USD")),
        lambda: lifecycle.cancel_for_suspension(b, actor, now, POLICY),
        lambda: lifecycle.complete(b, actor, now),
        lambda: lifecycle.mark_no_show(b, actor, now),
        lambda: lifecycle.expire_hold(b, now),
        lambda: open_dispute(b, actor, now, reason="again"),
    ]


BookingMachine.TestCase.settings = settings(stateful_step_count=40)
test_booking_lifecycle = BookingMachine.TestCase
