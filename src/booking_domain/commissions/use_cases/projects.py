"""Projects: the customer books the next session (``BookSession``); either party moves a
session (``MoveSession``) or ends the project (``CancelProject``); its parties and admins
read it (``GetProject``, ``MyProjects``).

The house shape, in the lock order of ``sessions.py`` (the artist's calendar, the project,
then booking rows): load under lock, decide in the domain (``projects.py``), write through
the bookings' own paths in the same transaction, record, commit."""

from __future__ import annotations

from datetime import datetime

from booking_domain.bookings import Booking, cancel, move_session
from booking_domain.bookings import load_visible as load_booking
from booking_domain.bookings import record_change as record_booking_change
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.commissions.projects import (
    ProjectId,
    cancel_project,
    plan_move,
    to_cancel,
)
from booking_domain.commissions.recording import record_change
from booking_domain.commissions.requests import ProjectCancelled, apply
from booking_domain.commissions.use_cases.common import load_visible
from booking_domain.commissions.use_cases.deps import CommissionsDeps
from booking_domain.commissions.use_cases.project_views import ProjectView, project_view
from booking_domain.commissions.use_cases.sessions import SessionBooking, load_project, lock_project
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.text import text_problem
from booking_domain.shared.use_case import UseCase

MAX_REASON = 500
CANCELLED_WITH_THE_PROJECT = "The project was cancelled."


class BookSession(SessionBooking):
    """The customer books the project's next session at ``start`` (the booking's events)."""

    async def __call__(self, actor: Actor, project_id: ProjectId, start: datetime) -> Booking:
        return await self._retrying(lambda: self._book_next(actor, project_id, start))

    async def _book_next(self, actor: Actor, project_id: ProjectId, start: datetime) -> Booking:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            project = await lock_project(uow, actor, project_id)
            booking = await self._book(uow, actor, project, start, now)
            await uow.commit()
        return booking


class MoveSession(UseCase[CommissionsDeps]):
    """A party moves a session of the project to ``start``, keeping its place in the order
    and the healing gap (``projects.plan_move``), by the bookings' reschedule rules."""

    async def __call__(
        self, actor: Actor, project_id: ProjectId, booking_id: BookingId, start: datetime
    ) -> Booking:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            project = await lock_project(uow, actor, project_id)
            sessions = await uow.projects.sessions(project.id, for_share=True)
            plan_move(project, sessions, booking_id, actor, start, now)
            moved = await move_session(uow, by=actor, booking_id=booking_id, start=start, now=now)
            await uow.commit()
        return moved


class GetProject(UseCase[CommissionsDeps]):
    """A project with its sessions and progress (its parties and admins)."""

    async def __call__(self, actor: Actor, project_id: ProjectId) -> ProjectView:
        async with self._deps.uow(read_only=True) as uow:
            project = await load_project(uow, actor, project_id)
            return await project_view(uow, project, self._deps.clock.now())


class MyProjects(UseCase[CommissionsDeps]):
    """The caller's projects (as customer or as artist), newest first."""

    async def __call__(self, actor: Actor, page: PageRequest) -> Page[ProjectView]:
        async with self._deps.uow(read_only=True) as uow:
            now = self._deps.clock.now()
            found = await uow.projects.of_party(UserId(actor.user_id), page)
            views = tuple([await project_view(uow, p, now) for p in found.items])
        return Page(views, found.total, found.request, found.total_exact)


def _check_reason(reason: str | None) -> None:
    if reason is None:
        return
    bad = text_problem("reason", reason, multiline=True)
    if bad is None and len(reason) > MAX_REASON:
        bad = FieldError("reason", f"At most {MAX_REASON} characters.", "length")
    if bad is not None:
        raise InvalidInputError(errors=(bad,))


class CancelProject(UseCase[CommissionsDeps]):
    """Either party ends the project (``request.project_cancelled``): no more sessions can
    be booked, and its sessions still to come (``projects.to_cancel``) are cancelled in the
    same transaction by the bookings' policy, as if their party cancelled them there (each
    booking's own events and refund)."""

    async def __call__(
        self, actor: Actor, project_id: ProjectId, *, reason: str | None = None
    ) -> ProjectView:
        _check_reason(reason)
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            project = await lock_project(uow, actor, project_id)
            cancelled = cancel_project(project, actor, now)
            artist = await uow.artists.get(project.artist_id)
            if artist is None:  # projects restrict their artist's deletion; kept as a guard
                raise ArtistNotFoundError()
            request = await load_visible(uow, actor, project.request_id, for_update=True)
            event = apply(request, ProjectCancelled(), actor, now)
            for session in to_cancel(await uow.projects.sessions(project.id), now):
                booking = await load_booking(uow, session.booking_id, actor, for_update=True)
                said = reason or CANCELLED_WITH_THE_PROJECT
                changed, entry = cancel(booking, actor, now, artist.policy, reason=said)
                await record_booking_change(uow, changed, entry)
            await uow.projects.update(cancelled)
            await uow.tattoo_requests.update(event.request)
            await record_change(uow, event)
            view = await project_view(uow, cancelled, now)
            await uow.commit()
        return view
