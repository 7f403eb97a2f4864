"""Booking a project's sessions inside a commissions use case: the lock order every project
use case keeps, and the session booked by the bookings' own path.

Lock order (the one every writer of an artist's calendar keeps, so none deadlocks another):
the artist's calendar first (``hold_calendar``: creations, reschedules, suspension and
account deletion take it first too), then the request or project row, then booking rows.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from booking_domain.bookings import Booking, BookingReferenceTakenError, SessionTerms, place_session
from booking_domain.commissions.errors import ProjectNotFoundError
from booking_domain.commissions.ports import ProjectsUnitOfWork
from booking_domain.commissions.projects import Project, ProjectId, plan_session
from booking_domain.commissions.use_cases.deps import CommissionsDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.use_case import UseCase

T = TypeVar("T")
# As ``CreateBooking``: a reference drawn twice in a row by chance is next to impossible.
REFERENCE_ATTEMPTS = 3


async def load_project(
    uow: ProjectsUnitOfWork, actor: Actor, project_id: ProjectId, *, for_update: bool = False
) -> Project:
    """The project if ``actor`` is one of its parties or an admin (else not found)."""
    project = await uow.projects.get(project_id, for_update=for_update)
    if project is None:
        raise ProjectNotFoundError()
    project.ensure_visible_to(actor)
    return project


async def lock_project(uow: ProjectsUnitOfWork, actor: Actor, project_id: ProjectId) -> Project:
    """The project, locked after its artist's calendar (the lock order above)."""
    seen = await load_project(uow, actor, project_id)
    await uow.bookings.hold_calendar(seen.artist_id)
    return await load_project(uow, actor, project_id, for_update=True)


class SessionBooking(UseCase[CommissionsDeps]):
    async def _book(
        self, uow: ProjectsUnitOfWork, actor: Actor, project: Project, start: datetime,
        now: datetime,
    ) -> Booking:  # fmt: skip
        """The project's next session at ``start``, planned by the domain on the sessions
        as they stand (their bookings read under a share lock, so none is cancelled or paid
        meanwhile) and booked by the bookings' own path, in the caller's transaction."""
        sessions = await uow.projects.sessions(project.id, for_share=True)
        plan = plan_session(project, sessions, actor, start, now)
        terms = SessionTerms(plan.price, plan.deposit, project.id)
        booking = await place_session(
            uow, by=actor, artist_id=project.artist_id, service_id=project.service_id,
            start=start, now=now, reference=self._deps.new_reference(), terms=terms,
            payable=self._deps.deposit_currencies,
        )  # fmt: skip
        await uow.projects.add_session(
            project.id, booking.id, holds_deposit=plan.holds_deposit, closes=plan.closes
        )
        return booking

    @staticmethod
    async def _retrying(attempt: Callable[[], Awaitable[T]]) -> T:
        """``attempt`` (a whole transaction) again when the reference drawn was taken."""
        for _ in range(REFERENCE_ATTEMPTS - 1):
            try:
                return await attempt()
            except BookingReferenceTakenError:
                continue
        return await attempt()
