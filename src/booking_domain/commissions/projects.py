"""Projects: custom work of one or more sessions, made when a customer accepts a quote
(``quotes.py``) and keeping its terms.

Rules:
- A project's sessions are bookings with its artist, of the project's own service (made
  for it, never offered to anyone else), booked one at a time, in order, by the project's
  customer (``plan_session``):
  - only while the project is active (``ProjectClosedError``, 409, once cancelled);
  - at most ``sessions`` of them *in play*: every session not cancelled counts (pending,
    confirmed, completed, no-show, disputed), except a pending one whose hold ran out (it
    is about to be cancelled); a cancelled one frees its place
    (``ProjectFullyBookedError``, 409);
  - **in order, the healing gap apart**: each new session starts at least ``gap`` after
    the start of the latest session in play (start to start: 14 days lets the next
    session start at the same time two weeks later); earlier is ``SessionTooCloseError``
    (422), which names the earliest start allowed (``earliest_next``);
  - not while the session holding the deposit waits for it (``DepositUnpaidError``, 409):
    the deposit is what secures the artist's time, so it is paid before more is booked.
- A session is moved only through its project (``plan_move``), keeping its place in the
  order and the gap to the sessions before and after it; the bookings' own reschedule
  refuses a session of a project.
- **One deposit for the whole project, held until the last session and credited there.**
  The session booked while no session in play holds the deposit asks it (it waits for the
  payment, through the usual deposit invoice; the first session, normally); every other
  session asks none and is confirmed at once. Each session is priced at its share of the
  project's lower price (``session_prices``: equal whole shares, the rest on the last);
  the *closing* session (the one that fills the plan, the ``sessions``-th in play, while
  no session in play closes it already; being booked in order, the latest) takes the last
  share, with the deposit taken off (credited); the session holding the deposit is priced
  with the deposit on top (it is held, not spent, so that session's balance still asks its
  whole share). Once the plan is full, exactly one session holds the deposit and exactly
  one closes, so the prices of the sessions add up to the project's price; what each
  session's balance asks is its price less what it holds, the house's balance rule,
  unchanged.
- A range's upper end is what the artist said it may come to: what goes above the lower
  end is asked through the balance's adjustment (with its reason), as for any booking.
- Progress (``progress``): sessions in play and completed of those planned; the project
  reads as ``completed`` once ``sessions`` of them are completed, and the deposit as
  credited once the session credited with it is completed.
- Cancelling the project (``cancel_project``, either party) stops further bookings; its
  sessions still to come (pending or confirmed, starting after now: ``to_cancel``) are
  cancelled with it by the booking policy; sessions whose time has passed are left to the
  artist to complete or mark missed.
- A project is seen by its two parties and admins; anyone else is told it does not exist.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.bookings import BookingStatus
from booking_domain.commissions.errors import (
    DepositUnpaidError,
    ProjectClosedError,
    ProjectFullyBookedError,
    ProjectNotFoundError,
    RequestActionNotAllowedError,
    SessionTooCloseError,
)
from booking_domain.commissions.parties import party_role
from booking_domain.commissions.quotes import Quote, QuoteId
from booking_domain.commissions.requests import RequestId
from booking_domain.commissions.terms import QuoteTerms, session_prices
from booking_domain.shared.errors import FieldError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, BookingId, ServiceId, UserId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware

ProjectId = NewType("ProjectId", UUID)


class ProjectStatus(StrEnum):
    """What is stored: a project is active until cancelled."""

    ACTIVE = "active"
    CANCELLED = "cancelled"


class ProjectState(StrEnum):
    """What a project reads as: ``completed`` once every planned session is completed."""

    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Project:
    id: ProjectId
    request_id: RequestId
    quote_id: QuoteId
    artist_id: ArtistId
    artist_user_id: UserId
    customer_id: UserId
    service_id: ServiceId  # the project's own service: what its sessions book
    terms: QuoteTerms
    status: ProjectStatus
    created_at: datetime
    updated_at: datetime

    def role_of(self, actor: Actor) -> Role | None:
        """The actor's part: customer, artist or admin (None: a stranger)."""
        return party_role(actor, self.customer_id, self.artist_user_id)

    def ensure_visible_to(self, actor: Actor) -> Role:
        role = self.role_of(actor)
        if role is None:
            raise ProjectNotFoundError()
        return role


@dataclass(frozen=True, slots=True)
class ProjectSession:
    """A booking of the project: when, where it stands, and its part in the deposit."""

    booking_id: BookingId
    start: datetime
    status: BookingStatus
    holds_deposit: bool
    closes: bool  # the session that fills the plan: the last share, the deposit credited
    hold_expires_at: datetime | None = None  # while pending: until when it waits

    def in_play_at(self, now: datetime) -> bool:
        """Not cancelled, and not a pending session whose hold ran out."""
        if self.status is BookingStatus.CANCELLED:
            return False
        lapsed = self.hold_expires_at is not None and self.hold_expires_at <= now
        return not (self.status is BookingStatus.PENDING and lapsed)


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """What the next session is booked with."""

    price: Money
    deposit: Money
    holds_deposit: bool
    closes: bool


@dataclass(frozen=True, slots=True)
class Progress:
    state: ProjectState
    planned: int
    booked: int  # in play
    completed: int
    deposit_held: bool  # a session in play holds it (asked, maybe not paid yet)
    deposit_credited: bool  # the closing session, credited with it, is completed


def start_project(quote: Quote, now: datetime, *, project_id: ProjectId | None = None) -> Project:
    """The project an accepted quote starts, with its terms and its service."""
    now = require_aware(now, "now")
    return Project(
        id=project_id or ProjectId(new_uuid7(int(now.timestamp() * 1000))),
        request_id=quote.request_id,
        quote_id=quote.id,
        artist_id=quote.artist_id,
        artist_user_id=quote.artist_user_id,
        customer_id=quote.customer_id,
        service_id=quote.service_id,
        terms=quote.terms,
        status=ProjectStatus.ACTIVE,
        created_at=now,
        updated_at=now,
    )


def plan_session(
    project: Project,
    sessions: Sequence[ProjectSession],
    actor: Actor,
    start: datetime,
    now: datetime,
) -> SessionPlan:
    """The next session at ``start`` (the module's rules), or the refusal."""
    start, now = require_aware(start, "start"), require_aware(now, "now")
    if project.ensure_visible_to(actor) is not Role.CUSTOMER:
        raise RequestActionNotAllowedError("The project's customer books its sessions.")
    if project.status is not ProjectStatus.ACTIVE:
        raise ProjectClosedError()
    terms = project.terms
    in_play = [s for s in sessions if s.in_play_at(now)]
    if len(in_play) >= terms.sessions:
        raise ProjectFullyBookedError()
    if any(s.holds_deposit and s.status is BookingStatus.PENDING for s in in_play):
        raise DepositUnpaidError()
    earliest = earliest_next(project, in_play, now)
    if earliest is not None and start < earliest:
        raise _too_close(project, earliest)
    shares = session_prices(terms.sessions, terms.price_min)
    holds = not any(s.holds_deposit for s in in_play) and not terms.deposit.is_zero
    closes = len(in_play) + 1 == terms.sessions and not any(s.closes for s in in_play)
    price = shares[-1] if closes else shares[0]
    if holds:
        price = price + terms.deposit
    if closes:
        price = price - terms.deposit
    deposit = terms.deposit if holds else Money.zero(terms.deposit.currency)
    return SessionPlan(price, deposit, holds, closes)


def _too_close(project: Project, earliest: datetime) -> SessionTooCloseError:
    days = project.terms.gap.days
    detail = (
        f"Sessions of this project follow each other at least {days} days apart; "
        f"the earliest start here is {earliest.isoformat()}."
    )
    return SessionTooCloseError(errors=(FieldError("start", detail, "session_too_close"),))


def takes_more_sessions(
    project: Project, sessions: Sequence[ProjectSession], now: datetime
) -> bool:
    """Whether a session could be booked on the project now, its start aside: active, and
    fewer sessions in play than planned (``plan_session`` refuses otherwise)."""
    in_play = sum(s.in_play_at(now) for s in sessions)
    return project.status is ProjectStatus.ACTIVE and in_play < project.terms.sessions


def earliest_next(
    project: Project, sessions: Sequence[ProjectSession], now: datetime
) -> datetime | None:
    """The earliest start of the next session: the gap after the latest in play (None:
    none in play, any start the artist offers)."""
    starts = [s.start for s in sessions if s.in_play_at(now)]
    return max(starts) + project.terms.gap if starts else None


def plan_move(
    project: Project,
    sessions: Sequence[ProjectSession],
    booking_id: BookingId,
    actor: Actor,
    start: datetime,
    now: datetime,
) -> ProjectSession:
    """Moving a session of the project to ``start``: its party (either) may, while the
    project is active, if the session keeps its place in the order and the gap to the
    sessions in play before and after it (``SessionTooCloseError``). The booking's own
    rules (its status, the notice, the slot) are the bookings' to check."""
    start, now = require_aware(start, "start"), require_aware(now, "now")
    if project.ensure_visible_to(actor) is Role.ADMIN:
        raise RequestActionNotAllowedError("Admins read projects; only their parties act.")
    if project.status is not ProjectStatus.ACTIVE:
        raise ProjectClosedError()
    moving = next((s for s in sessions if s.booking_id == booking_id), None)
    if moving is None:
        raise ProjectNotFoundError("That booking is not a session of this project.")
    others = [s for s in sessions if s.in_play_at(now) and s.booking_id != booking_id]
    before = [s.start for s in others if s.start <= moving.start]
    after = [s.start for s in others if s.start > moving.start]
    gap = project.terms.gap
    if before and start < max(before) + gap:
        raise _too_close(project, max(before) + gap)
    if after and start > min(after) - gap:
        days = gap.days
        detail = (
            f"A session keeps its place: at least {days} days before the next one, "
            f"so at the latest {(min(after) - gap).isoformat()}."
        )
        raise SessionTooCloseError(errors=(FieldError("start", detail, "session_too_close"),))
    return moving


def to_cancel(sessions: Sequence[ProjectSession], now: datetime) -> tuple[ProjectSession, ...]:
    """The sessions a cancelled project takes with it: pending or confirmed, still to come."""
    upcoming = (BookingStatus.PENDING, BookingStatus.CONFIRMED)
    return tuple(s for s in sessions if s.status in upcoming and s.start > now)


def progress(project: Project, sessions: Sequence[ProjectSession], now: datetime) -> Progress:
    in_play = [s for s in sessions if s.in_play_at(now)]
    completed = sum(s.status is BookingStatus.COMPLETED for s in in_play)
    if project.status is ProjectStatus.CANCELLED:
        state = ProjectState.CANCELLED
    elif completed >= project.terms.sessions:
        state = ProjectState.COMPLETED
    else:
        state = ProjectState.ACTIVE
    return Progress(
        state=state,
        planned=project.terms.sessions,
        booked=len(in_play),
        completed=completed,
        deposit_held=any(s.holds_deposit for s in in_play),
        deposit_credited=not project.terms.deposit.is_zero
        and any(s.closes and s.status is BookingStatus.COMPLETED for s in in_play),
    )


def cancel_project(project: Project, actor: Actor, now: datetime) -> Project:
    """Either party ends the project: no session can be booked any more (the sessions
    booked are cancelled one by one by the caller, each by the booking policy)."""
    now = require_aware(now, "now")
    role = project.ensure_visible_to(actor)
    if role is Role.ADMIN:
        raise RequestActionNotAllowedError("Admins read projects; only their parties act.")
    if project.status is not ProjectStatus.ACTIVE:
        raise ProjectClosedError()
    at = max(now, project.updated_at)
    return dataclasses.replace(project, status=ProjectStatus.CANCELLED, updated_at=at)
