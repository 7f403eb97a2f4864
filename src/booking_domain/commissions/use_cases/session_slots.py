"""When a project's sessions can start: the artist's free starts for a quote's sessions
(before the customer accepts it, to choose the first session) and for a project's next
session (only starts that keep the healing gap from every session in play). Computed by
the scheduling domain from one read of the artist's calendar, like a service's slots
(docs/product.md, "Slots"): the same working hours, bookings, buffers, notice and
horizon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.commissions.ports import ProjectsUnitOfWork
from booking_domain.commissions.projects import ProjectId, earliest_next, takes_more_sessions
from booking_domain.commissions.quotes import QuoteId
from booking_domain.commissions.use_cases.deps import CommissionsDeps
from booking_domain.commissions.use_cases.quotes import load_quote
from booking_domain.commissions.use_cases.sessions import load_project
from booking_domain.scheduling import (
    ArtistNotBookableError,
    Interval,
    free_slot_epochs,
    from_epoch,
)
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, ServiceId
from booking_domain.shared.time import require_aware
from booking_domain.shared.use_case import UseCase

MAX_RANGE = timedelta(days=62)
MAX_STARTS = 500  # a client continues from ``next_from``


@dataclass(frozen=True, slots=True)
class SessionStarts:
    """The first free starts of the range (UTC), and where to ask again (None: all)."""

    starts: tuple[datetime, ...]
    next_from: datetime | None


def _window(start: datetime, end: datetime) -> Interval:
    start, end = require_aware(start, "from"), require_aware(end, "to")
    if not start < end or end - start > MAX_RANGE:
        detail = f"Ask for a range of up to {MAX_RANGE.days} days after 'from'."
        raise InvalidInputError(errors=(FieldError("to", detail, "out_of_range"),))
    return Interval(start, end)


class _Starts(UseCase[CommissionsDeps]):
    async def _free(
        self,
        uow: ProjectsUnitOfWork,
        artist_id: ArtistId,
        service_id: ServiceId,
        window: Interval,
    ) -> list[int]:
        now = self._deps.clock.now()
        context = await uow.scheduling.context(artist_id, service_id, window, now)
        if context is None or not context.artist.is_bookable:
            raise ArtistNotBookableError()
        return free_slot_epochs(
            service=context.service, policy=context.artist.policy, schedule=context.schedule,
            busy=context.busy, between=window, now=now,
        )  # fmt: skip


def _page(epochs: list[int]) -> SessionStarts:
    if len(epochs) > MAX_STARTS:
        return SessionStarts(tuple(from_epoch(e) for e in epochs[:MAX_STARTS]),
                             from_epoch(epochs[MAX_STARTS]))  # fmt: skip
    return SessionStarts(tuple(from_epoch(e) for e in epochs), None)


class QuoteSessionStarts(_Starts):
    """Free starts for a quote's sessions (its request's parties and admins), whatever the
    quote's state: the customer picks the first session's start from them."""

    async def __call__(
        self, actor: Actor, quote_id: QuoteId, start: datetime, end: datetime
    ) -> SessionStarts:
        window = _window(start, end)
        async with self._deps.uow(read_only=True) as uow:
            quote = await load_quote(uow, actor, quote_id)
            epochs = await self._free(uow, quote.artist_id, quote.service_id, window)
        return _page(epochs)


class ProjectSessionStarts(_Starts):
    """Free starts for a project's next session: after the latest session in play by the
    healing gap (its parties and admins); none while the project takes no more sessions
    (cancelled, or every session booked)."""

    async def __call__(
        self, actor: Actor, project_id: ProjectId, start: datetime, end: datetime
    ) -> SessionStarts:
        window = _window(start, end)
        async with self._deps.uow(read_only=True) as uow:
            now = self._deps.clock.now()
            project = await load_project(uow, actor, project_id)
            sessions = await uow.projects.sessions(project.id)
            if not takes_more_sessions(project, sessions, now):
                return SessionStarts((), None)
            earliest = earliest_next(project, sessions, now)
            if earliest is not None and earliest >= window.end:
                return SessionStarts((), None)
            if earliest is not None and earliest > window.start:
                window = Interval(earliest, window.end)
            epochs = await self._free(uow, project.artist_id, project.service_id, window)
        return _page(epochs)
