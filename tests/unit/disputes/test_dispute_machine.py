"""Disputes as a hypothesis state machine, starting from a paid booking that has closed."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from booking_domain.accounts import Actor, Role
from booking_domain.bookings import CLOSED, DISPUTE_WINDOW, Booking, BookingStatus, lifecycle
from booking_domain.catalog import FixedDeposit
from booking_domain.disputes import (
    MAX_MESSAGE,
    Dispute,
    DisputeMessage,
    DisputeStatus,
    add_evidence,
    open_dispute,
    resolve_dispute,
)
from booking_domain.shared import DomainError, Money
from booking_domain.testing import admin, artist, booking_at, customer, make_policy, make_service

T0 = datetime(2026, 3, 2, tzinfo=ZoneInfo("Europe/London"))
POLICY = make_policy("Europe/London")
STRANGER = Actor(UUID(int=77), Role.CUSTOMER)  # type: ignore[arg-type]
actors = st.sampled_from([customer(), artist(), admin(), STRANGER])
DEPOSIT = Money(4_000, "USD")


def closed_booking(ending: str) -> Booking:
    """A booking with a paid deposit, closed by completion, no-show or cancellation."""
    start = T0 + timedelta(days=3)
    booking = booking_at(
        start, now=T0, policy=POLICY, service=make_service(deposit=FixedDeposit(DEPOSIT))
    )
    booking, _ = lifecycle.record_payment(booking, DEPOSIT, T0)
    after_start = start + timedelta(hours=1)
    if ending == "completed":
        return lifecycle.complete(booking, artist(), after_start)[0]
    if ending == "no_show":
        return lifecycle.mark_no_show(booking, artist(), after_start)[0]
    return lifecycle.cancel(booking, customer(), T0 + timedelta(days=2), POLICY)[0]


class DisputeMachine(RuleBasedStateMachine):
    booking: Booking
    now: datetime
    disputes: list[Dispute]
    messages: list[DisputeMessage]
    refunds_granted: Money

    @initialize(ending=st.sampled_from(["completed", "no_show", "cancelled"]))
    def closed(self, ending: str) -> None:
        self.booking = closed_booking(ending)
        self.now = self.booking.status_changed_at
        self.disputes = []
        self.messages = []

    @rule(days=st.sampled_from([0, 1, 7, 13, 14, 15]), seconds=st.sampled_from([0, 1, -1]))
    def time_passes(self, days: int, seconds: int) -> None:
        self.now = max(self.now, self.now + timedelta(days=days, seconds=seconds))

    @rule(actor=actors, reason=st.sampled_from(["bad work", "", "  "]))
    def open(self, actor: Actor, reason: str) -> None:
        before = self.booking
        try:
            dispute, self.booking, event = open_dispute(before, actor, self.now, reason=reason)
        except DomainError:
            return
        assert before.status in CLOSED
        assert actor.role in (Role.CUSTOMER, Role.ARTIST)
        assert self.now <= before.status_changed_at + DISPUTE_WINDOW
        assert event.to_status is BookingStatus.DISPUTED
        self.disputes.append(dispute)

    @rule(
        actor=actors, completed=st.booleans(), amount=st.sampled_from([0, 1, 2_000, 4_000, 4_001])
    )
    def resolve(self, actor: Actor, completed: bool, amount: int) -> None:
        if not self.disputes:
            return
        outcome = BookingStatus.COMPLETED if completed else BookingStatus.CANCELLED
        before = self.booking
        try:
            settled, self.booking, event = resolve_dispute(
                self.disputes[-1], before, actor, self.now,
                outcome=outcome, refund=Money(amount, "USD"), note="settled",
            )  # fmt: skip
        except DomainError:
            return
        assert actor.is_admin
        assert event.amount == Money(amount, "USD") <= before.refundable
        self.disputes[-1] = settled

    @rule(actor=actors, text=st.sampled_from(["photo of the scar", "", " ", "x" * 4001, "ok\x00"]))
    def add_message(self, actor: Actor, text: str) -> None:
        if not self.disputes:
            return
        dispute = self.disputes[-1]
        try:
            message = add_evidence(
                dispute, self.booking, actor, self.now, text=text, image=None,
                messages_so_far=len(self.messages),
            )  # fmt: skip
        except DomainError:
            legal = text.strip() and len(text.strip()) <= MAX_MESSAGE and "\x00" not in text
            assert not (legal and dispute.status is DisputeStatus.OPEN and actor != STRANGER), (
                "a party's or an admin's valid message on an open dispute was refused"
            )
            return
        assert dispute.status is DisputeStatus.OPEN and actor != STRANGER
        assert message.author_role is actor.role and message.text == text.strip()
        self.messages.append(message)

    @rule()
    def refund_paid_out(self) -> None:
        if not self.booking.refund_due.is_zero:
            self.booking = lifecycle.record_refund(self.booking, self.booking.refund_due, self.now)[
                0
            ]

    @invariant()
    def one_dispute_per_booking(self) -> None:
        assert len(self.disputes) <= 1
        if self.disputes:
            assert self.booking.dispute_id == self.disputes[0].id
            is_open = self.disputes[0].status is DisputeStatus.OPEN
            assert is_open == (self.booking.status is BookingStatus.DISPUTED)

    @invariant()
    def refunds_never_exceed_payments(self) -> None:
        b = self.booking
        assert b.amount_refunded + b.refund_due <= b.amount_paid == DEPOSIT

    @invariant()
    def resolved_bookings_are_final(self) -> None:
        if self.disputes and self.disputes[0].status is DisputeStatus.RESOLVED:
            assert self.booking.is_final(self.now)
            assert self.booking.status in (BookingStatus.COMPLETED, BookingStatus.CANCELLED)


test_disputes = DisputeMachine.TestCase
