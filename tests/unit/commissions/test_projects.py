"""Projects as a hypothesis state machine: time passes, the customer books sessions at random
times, deposits are paid or their holds run out, the artist completes some and either party
cancels some, in any order. Whatever happens: no more sessions in play than planned, the
sessions in order at least the gap apart (start to start), nothing booked while the deposit
waits, one deposit asked while none is held, and once the plan is full the session prices
add up to the project's price with exactly one session holding the deposit and one closing
(credited with it). And the walk of the docs, moves within a session's place, and who may
act."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from booking_domain.bookings import BookingStatus
from booking_domain.commissions import (
    DepositUnpaidError,
    DraftTerms,
    ProjectClosedError,
    ProjectFullyBookedError,
    ProjectNotFoundError,
    ProjectSession,
    ProjectState,
    RequestActionNotAllowedError,
    SessionPlan,
    SessionTooCloseError,
    accept_quote,
    cancel_project,
    check_terms,
    offer_quote,
    plan_move,
    plan_session,
    progress,
    start_project,
    to_cancel,
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


def session(start: datetime, plan: object, status: BookingStatus) -> ProjectSession:
    assert isinstance(plan, SessionPlan)
    hold = T0 + timedelta(hours=1) if status is BookingStatus.PENDING else None
    return ProjectSession(BookingId(uuid4()), start, status, plan.holds_deposit, plan.closes, hold)


def test_the_walk_of_the_docs() -> None:
    """Two sessions, 600,000 with a 100,000 deposit, 14 days apart: the first asks the
    deposit and is priced 400,000 (its 300,000 share, the deposit on top); while it is unpaid
    no second session is booked; once paid, the second asks none, may not start 13 days
    later but may 14 days later, and is priced 200,000 (its share less the deposit)."""
    project = a_project(2, 600_000_00, 100_000_00, 14)
    first_start = T0 + timedelta(days=3)
    first = plan_session(project, (), customer(), first_start, T0)
    assert (first.price, first.deposit) == (Money(400_000_00, "MNT"), Money(100_000_00, "MNT"))
    pending = [session(first_start, first, BookingStatus.PENDING)]
    with pytest.raises(DepositUnpaidError):
        plan_session(project, pending, customer(), first_start + timedelta(days=14), T0)
    paid = [dataclasses.replace(pending[0], status=BookingStatus.CONFIRMED, hold_expires_at=None)]
    with pytest.raises(SessionTooCloseError):
        plan_session(project, paid, customer(), first_start + timedelta(days=13), T0)
    with pytest.raises(SessionTooCloseError):  # in order: not before the first either
        plan_session(project, paid, customer(), first_start - timedelta(days=20), T0)
    second = plan_session(project, paid, customer(), first_start + timedelta(days=14), T0)
    assert (second.price, second.deposit) == (Money(200_000_00, "MNT"), Money(0, "MNT"))
    assert second.closes and not second.holds_deposit


def test_a_lapsed_hold_frees_its_place_and_the_deposit() -> None:
    project = a_project(2, 600_000_00, 100_000_00, 14)
    first = plan_session(project, (), customer(), T0 + timedelta(days=3), T0)
    lapsed = [session(T0 + timedelta(days=3), first, BookingStatus.PENDING)]
    later = T0 + timedelta(hours=2)  # the hold ran out an hour ago, not yet swept
    again = plan_session(project, lapsed, customer(), T0 + timedelta(days=4), later)
    assert again.holds_deposit and not again.closes


def test_a_session_moves_only_within_its_place() -> None:
    project = a_project(3, 900_000_00, 0, 14)
    starts = [T0 + timedelta(days=d) for d in (10, 26, 42)]
    booked: list[ProjectSession] = []
    for start in starts:
        plan = plan_session(project, booked, customer(), start, T0)
        booked.append(session(start, plan, BookingStatus.CONFIRMED))
    middle = booked[1].booking_id
    plan_move(project, booked, middle, artist(), starts[1] - timedelta(hours=3), T0)
    with pytest.raises(SessionTooCloseError):  # closer than 14 days to the next one
        plan_move(project, booked, middle, customer(), starts[2] - timedelta(days=13), T0)
    with pytest.raises(SessionTooCloseError):  # closer than 14 days to the one before
        plan_move(project, booked, middle, customer(), starts[0] + timedelta(days=13), T0)
    with pytest.raises(RequestActionNotAllowedError):
        plan_move(project, booked, middle, admin(), starts[1], T0)
    assert to_cancel(booked, starts[1] - timedelta(hours=1)) == tuple(booked[1:])


def test_only_the_customer_books_and_strangers_see_nothing() -> None:
    project = a_project(1, 100_000_00, 0, 0)
    with pytest.raises(RequestActionNotAllowedError):
        plan_session(project, (), artist(), T0, T0)
    with pytest.raises(ProjectNotFoundError):
        plan_session(project, (), STRANGER, T0, T0)
    with pytest.raises(RequestActionNotAllowedError):
        cancel_project(project, admin(), T0)


class ProjectMachine(RuleBasedStateMachine):
    """Time passes; the customer books in order; deposits are paid or their holds run out;
    the artist completes sessions; either party cancels one, or the project."""

    project: Project
    sessions: list[ProjectSession]
    prices: dict[UUID, Money]
    now: datetime

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
        self.now = T0

    @rule(hours=st.integers(0, 48))
    def time_passes(self, hours: int) -> None:
        self.now += timedelta(hours=hours)

    @rule(day=st.integers(0, 200), hour=st.integers(0, 23))
    def book(self, day: int, hour: int) -> None:
        start = T0 + timedelta(days=day, hours=hour)
        terms = self.project.terms
        in_play = [s for s in self.sessions if s.in_play_at(self.now)]
        try:
            plan = plan_session(self.project, self.sessions, customer(), start, self.now)
        except ProjectClosedError:
            assert progress(self.project, self.sessions, self.now).state is ProjectState.CANCELLED
            return
        except ProjectFullyBookedError:
            assert len(in_play) >= terms.sessions
            return
        except DepositUnpaidError:
            assert any(s.holds_deposit and s.status is BookingStatus.PENDING for s in in_play)
            return
        except SessionTooCloseError:
            assert any(start < s.start + terms.gap for s in in_play)
            return
        assert len(in_play) < terms.sessions
        assert all(start >= s.start + terms.gap for s in in_play)  # in order, the gap after
        assert not any(s.holds_deposit and s.status is BookingStatus.PENDING for s in in_play)
        held = any(s.holds_deposit for s in in_play)
        assert plan.holds_deposit == (not held and not terms.deposit.is_zero)
        assert plan.deposit == (terms.deposit if plan.holds_deposit else Money(0, "MNT"))
        status = BookingStatus.PENDING if plan.holds_deposit else BookingStatus.CONFIRMED
        hold = self.now + timedelta(hours=1) if plan.holds_deposit else None
        booking = ProjectSession(
            BookingId(uuid4()), start, status, plan.holds_deposit, plan.closes, hold
        )
        self.sessions.append(booking)
        self.prices[booking.booking_id] = plan.price

    @rule(pick=st.integers(0, 20))
    def deposit_paid(self, pick: int) -> None:
        waiting = [i for i, s in enumerate(self.sessions) if s.status is BookingStatus.PENDING
                   and s.in_play_at(self.now)]  # fmt: skip
        if waiting:
            i = waiting[pick % len(waiting)]
            paid = BookingStatus.CONFIRMED
            self.sessions[i] = dataclasses.replace(
                self.sessions[i], status=paid, hold_expires_at=None
            )

    @rule()
    def lapsed_holds_are_swept(self) -> None:
        for i, s in enumerate(self.sessions):
            if s.status is BookingStatus.PENDING and not s.in_play_at(self.now):
                self.sessions[i] = dataclasses.replace(s, status=BookingStatus.CANCELLED)

    @rule(pick=st.integers(0, 20), to=st.sampled_from([BookingStatus.COMPLETED,
                                                        BookingStatus.CANCELLED]))  # fmt: skip
    def session_moves(self, pick: int, to: BookingStatus) -> None:
        live = [i for i, s in enumerate(self.sessions) if s.in_play_at(self.now)]
        if not live:
            return
        i = live[pick % len(live)]
        current = self.sessions[i].status
        # a session is completed once confirmed; any not completed may be cancelled
        if current is BookingStatus.CONFIRMED or (
            to is BookingStatus.CANCELLED and current is not BookingStatus.COMPLETED
        ):
            self.sessions[i] = dataclasses.replace(self.sessions[i], status=to)

    @rule(by=st.sampled_from([customer(), artist()]))
    def cancel(self, by: Actor) -> None:
        try:
            self.project = cancel_project(self.project, by, self.now)
        except ProjectClosedError:
            assert progress(self.project, self.sessions, self.now).state is ProjectState.CANCELLED

    @invariant()
    def the_plan_holds(self) -> None:
        terms = self.project.terms
        in_play = sorted(
            (s for s in self.sessions if s.in_play_at(self.now)), key=lambda s: s.start
        )
        assert len(in_play) <= terms.sessions
        for before, after in itertools.pairwise(in_play):
            assert after.start - before.start >= terms.gap
        assert sum(s.holds_deposit for s in in_play) <= 1
        assert sum(s.closes for s in in_play) <= 1
        if len(in_play) == terms.sessions:
            total = sum(self.prices[s.booking_id].amount for s in in_play)
            assert total == terms.price_min.amount
            assert sum(s.closes for s in in_play) == 1
            assert sum(s.holds_deposit for s in in_play) == (0 if terms.deposit.is_zero else 1)
        done = progress(self.project, self.sessions, self.now)
        assert done.completed <= done.booked <= done.planned
        if done.state is ProjectState.COMPLETED:
            assert done.deposit_credited == (not terms.deposit.is_zero)


TestProjectMachine = ProjectMachine.TestCase
