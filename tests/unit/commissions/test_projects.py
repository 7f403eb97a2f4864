"""Projects as a hypothesis state machine: the customer books sessions at random times, the
artist completes some and either party cancels some, in any order. Whatever happens: no
more sessions in play than planned, every two sessions in play at least the gap apart
(start to start), one deposit asked while none is held, and once the plan is full the
session prices add up to the project's price with exactly one session holding the
deposit and one closing (credited with it)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from booking_domain.bookings import BookingStatus
from booking_domain.commissions import (
    DraftTerms,
    ProjectClosedError,
    ProjectFullyBookedError,
    ProjectNotFoundError,
    ProjectSession,
    ProjectState,
    RequestActionNotAllowedError,
    SessionTooCloseError,
    accept_quote,
    cancel_project,
    check_terms,
    offer_quote,
    plan_session,
    progress,
    start_project,
)
from booking_domain.commissions.projects import Project
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import BookingId, ServiceId, UserId
from booking_domain.shared.money import Money
from booking_domain.testing import admin, artist, customer
from booking_domain.testing.commissions import an_accepted_request

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STRANGER = Actor(UserId(UUID(int=77)), Role.CUSTOMER)


def a_project(sessions: int, price: int, deposit: int, gap_days: int) -> Project:
    request = an_accepted_request(T0)
    draft = DraftTerms(
        sessions, 180, price, price, deposit, "MNT", gap_days, T0 + timedelta(days=7)
    )
    offered = offer_quote(
        request, (), artist(), check_terms(draft, T0), T0, service_id=ServiceId(uuid4())
    )
    accepted = accept_quote(request, offered.quote, customer(), T0)
    return start_project(accepted, T0)


def test_the_walk_of_the_docs() -> None:
    """Two sessions, 600,000 with a 100,000 deposit, 14 days apart: the first asks the
    deposit and is priced 400,000 (its 300,000 share, the deposit on top); the second
    asks none, may not start 13 days later but may 14 days later, and is priced 200,000
    (its share less the deposit)."""
    project = a_project(2, 600_000_00, 100_000_00, 14)
    first = plan_session(project, (), customer(), T0 + timedelta(days=3))
    assert (first.price, first.deposit) == (Money(400_000_00, "MNT"), Money(100_000_00, "MNT"))
    booked = [ProjectSession(BookingId(uuid4()), T0 + timedelta(days=3), BookingStatus.CONFIRMED,
                             first.holds_deposit, first.closes)]  # fmt: skip
    with pytest.raises(SessionTooCloseError):
        plan_session(project, booked, customer(), T0 + timedelta(days=16))
    second = plan_session(project, booked, customer(), T0 + timedelta(days=17))
    assert (second.price, second.deposit) == (Money(200_000_00, "MNT"), Money(0, "MNT"))
    assert second.closes and not second.holds_deposit


def test_only_the_customer_books_and_strangers_see_nothing() -> None:
    project = a_project(1, 100_000_00, 0, 0)
    with pytest.raises(RequestActionNotAllowedError):
        plan_session(project, (), artist(), T0)
    with pytest.raises(ProjectNotFoundError):
        plan_session(project, (), STRANGER, T0)
    with pytest.raises(RequestActionNotAllowedError):
        cancel_project(project, admin(), T0)


class ProjectMachine(RuleBasedStateMachine):
    project: Project
    sessions: list[ProjectSession]
    prices: dict[UUID, Money]

    @initialize(
        planned=st.integers(1, 5),
        units=st.integers(1, 10**6),
        deposit_part=st.floats(0, 1),
        gap_days=st.integers(0, 30),
    )
    def start(self, planned: int, units: int, deposit_part: float, gap_days: int) -> None:
        price = units * 100
        deposit = int(price // 100 // planned * deposit_part) * 100
        self.project = a_project(planned, price, deposit, gap_days)
        self.sessions = []
        self.prices = {}

    @rule(day=st.integers(0, 200), hour=st.integers(0, 23))
    def book(self, day: int, hour: int) -> None:
        start = T0 + timedelta(days=day, hours=hour)
        terms = self.project.terms
        in_play = [s for s in self.sessions if s.in_play]
        try:
            plan = plan_session(self.project, self.sessions, customer(), start)
        except ProjectClosedError:
            assert progress(self.project, self.sessions).state is ProjectState.CANCELLED
            return
        except ProjectFullyBookedError:
            assert len(in_play) >= terms.sessions
            return
        except SessionTooCloseError:
            assert any(abs(s.start - start) < terms.gap for s in in_play)
            return
        assert len(in_play) < terms.sessions
        assert all(abs(s.start - start) >= terms.gap for s in in_play)
        held = any(s.holds_deposit for s in in_play)
        assert plan.holds_deposit == (not held and not terms.deposit.is_zero)
        assert plan.deposit == (terms.deposit if plan.holds_deposit else Money(0, "MNT"))
        status = BookingStatus.PENDING if plan.holds_deposit else BookingStatus.CONFIRMED
        booking = ProjectSession(BookingId(uuid4()), start, status, plan.holds_deposit, plan.closes)
        self.sessions.append(booking)
        self.prices[booking.booking_id] = plan.price

    @rule(pick=st.integers(0, 20), to=st.sampled_from([BookingStatus.COMPLETED,
                                                        BookingStatus.CANCELLED]))  # fmt: skip
    def session_moves(self, pick: int, to: BookingStatus) -> None:
        live = [i for i, s in enumerate(self.sessions) if s.in_play]
        if not live:
            return
        i = live[pick % len(live)]
        if self.sessions[i].status is not BookingStatus.COMPLETED:
            self.sessions[i] = dataclasses.replace(self.sessions[i], status=to)

    @rule(by=st.sampled_from([customer(), artist()]))
    def cancel(self, by: Actor) -> None:
        try:
            self.project = cancel_project(self.project, by, T0)
        except ProjectClosedError:
            assert progress(self.project, self.sessions).state is ProjectState.CANCELLED

    @invariant()
    def the_plan_holds(self) -> None:
        terms = self.project.terms
        in_play = [s for s in self.sessions if s.in_play]
        assert len(in_play) <= terms.sessions
        for a in in_play:
            for b in in_play:
                assert a is b or abs(a.start - b.start) >= terms.gap
        assert sum(s.holds_deposit for s in in_play) <= 1
        assert sum(s.closes for s in in_play) <= 1
        if len(in_play) == terms.sessions:
            total = sum(self.prices[s.booking_id].amount for s in in_play)
            assert total == terms.price_min.amount
            assert sum(s.closes for s in in_play) == 1
            assert sum(s.holds_deposit for s in in_play) == (0 if terms.deposit.is_zero else 1)
        done = progress(self.project, self.sessions)
        assert done.completed <= done.booked <= done.planned
        if done.state is ProjectState.COMPLETED:
            assert done.deposit_credited == (not terms.deposit.is_zero)


TestProjectMachine = ProjectMachine.TestCase
