"""When a project's sessions can start: the artist's free starts for a quote's sessions
(before the customer accepts it, to choose the first session) and for a project's next
session (only starts that keep the healing gap from every session in play). Computed by
the scheduling domain from one read of the artist's calendar, like a service's slots
(docs/product.md, "Slots"): the same working hours, bookings, buffers, notice and
horizon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.commissions.errors import ProjectNotFoundError, QuoteNotFoundError
from booking_domain.commissions.ports import ProjectsUnitOfWork
from booking_domain.commissions.projects import ProjectId, keeps_gap
from booking_domain.commissions.quotes import QuoteId
from booking_domain.commissions.use_cases.common import load_visible
from booking_domain.commissions.use_cases.deps import CommissionsDeps
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
            quote = await uow.quotes.get(quote_id)
            if quote is None:
                raise QuoteNotFoundError()
            await load_visible(uow, actor, quote.request_id)
            epochs = await self._free(uow, quote.artist_id, quote.service_id, window)
        return _page(epochs)


class ProjectSessionStarts(_Starts):
    """Free starts for a project's next session that keep the healing gap from every
    session in play (its parties and admins)."""

    async def __call__(
        self, actor: Actor, project_id: ProjectId, start: datetime, end: datetime
    ) -> SessionStarts:
        window = _window(start, end)
        async with self._deps.uow(read_only=True) as uow:
            project = await uow.projects.get(project_id)
            if project is None:
                raise ProjectNotFoundError()
            project.ensure_visible_to(actor)
            sessions = await uow.projects.sessions(project.id)
            epochs = await self._free(uow, project.artist_id, project.service_id, window)
        kept = [e for e in epochs if keeps_gap(project, sessions, from_epoch(e))]
        return _page(kept)
