"""Quotes and projects: the artist quotes an accepted request (``OfferQuote``), the customer
accepts a live quote and books its first session in the same step (``AcceptQuote``), then
books the others one at a time (``BookSession``); either party reads the project and its
progress (``GetProject``, ``MyProjects``).

The house shape: open the unit of work, load under lock (the request for its quotes, the
project for its sessions: two quotes or two sessions never race), decide in the domain,
save and record the request's event, commit. A session is booked in the same transaction
by the bookings' own path (``place_session``), so a refused slot changes nothing at all:
no accepted quote, no project, no service without its first session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.bookings import (
    Booking,
    BookingStatus,
    SessionTerms,
    cancel,
    place_session,
)
from booking_domain.bookings import (
    load_visible as load_booking,
)
from booking_domain.bookings import (
    record_change as record_booking_change,
)
from booking_domain.catalog import ArtistNotFoundError, Service
from booking_domain.commissions.errors import ProjectNotFoundError, QuoteNotFoundError
from booking_domain.commissions.ports import ProjectsUnitOfWork
from booking_domain.commissions.projects import (
    Progress,
    Project,
    ProjectId,
    ProjectSession,
    cancel_project,
    plan_session,
    progress,
    start_project,
)
from booking_domain.commissions.quotes import (
    DraftTerms,
    Quote,
    QuoteId,
    QuoteState,
    QuoteTerms,
    accept_quote,
    check_terms,
    offer_quote,
    session_prices,
)
from booking_domain.commissions.recording import record_change
from booking_domain.commissions.requests import RequestId, TattooRequest, quote_event
from booking_domain.commissions.use_cases.common import load_visible
from booking_domain.commissions.use_cases.deps import CommissionsDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ServiceId, UserId, new_uuid7
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.use_case import UseCase

SERVICE_NAME_IDEA = 60  # characters of the idea in the name of a project's service


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """A quote and what it is at the moment it was read (``expired`` is not stored)."""

    quote: Quote
    state: QuoteState


@dataclass(frozen=True, slots=True)
class ProjectView:
    project: Project
    sessions: tuple[ProjectSession, ...]
    progress: Progress


@dataclass(frozen=True, slots=True)
class ProjectStarted:
    quote: Quote
    project: ProjectView
    booking: Booking  # the first session


def _sessions_service(request: TattooRequest, terms: QuoteTerms, now: datetime) -> Service:
    """A quote's own service, made with it: its sessions' length, a session's share of the
    price, no deposit of its own (the project sets it) and never offered (``active=False``):
    only the sessions of the project the quote starts book it, and its free starts are what
    the parties see of the artist's calendar for those sessions."""
    idea = " ".join(request.details.idea.split())[:SERVICE_NAME_IDEA]
    return Service(
        id=ServiceId(new_uuid7(int(now.timestamp() * 1000))),
        artist_id=request.artist_id,
        name=f"Project: {idea}",
        duration=terms.session_length,
        price=session_prices(terms.sessions, terms.price_min)[0],
        active=False,
    )


async def _project_view(uow: ProjectsUnitOfWork, project: Project) -> ProjectView:
    sessions = await uow.projects.sessions(project.id)
    return ProjectView(project, sessions, progress(project, sessions))


class _Booking(UseCase[CommissionsDeps]):
    async def _book(
        self, uow: ProjectsUnitOfWork, actor: Actor, project: Project, start: datetime,
        now: datetime,
    ) -> Booking:  # fmt: skip
        """The project's next session at ``start``, planned by the domain and booked by the
        bookings' own path, in the caller's transaction (the project locked or new)."""
        plan = plan_session(project, await uow.projects.sessions(project.id), actor, start)
        booking = await place_session(
            uow, by=actor, artist_id=project.artist_id, service_id=project.service_id,
            start=start, now=now, reference=self._deps.new_reference(),
            terms=SessionTerms(plan.price, plan.deposit),
        )  # fmt: skip
        await uow.projects.add_session(
            project.id, booking.id, holds_deposit=plan.holds_deposit, closes=plan.closes
        )
        return booking


class OfferQuote(UseCase[CommissionsDeps]):
    """The artist quotes an accepted request, or revises their quote (``request.quoted``)."""

    async def __call__(self, actor: Actor, request_id: RequestId, draft: DraftTerms) -> QuoteEntry:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            request = await load_visible(uow, actor, request_id, for_update=True)
            terms = check_terms(draft, now)
            service = _sessions_service(request, terms, now)
            earlier = await uow.quotes.of_request(request.id)
            offered = offer_quote(request, earlier, actor, terms, now, service_id=service.id)
            await uow.services.add(service)
            if offered.superseded is not None:
                await uow.quotes.update(offered.superseded)
            await uow.quotes.add(offered.quote)
            event = quote_event(request, offered.quote, actor, now, accepted=False)
            await uow.tattoo_requests.update(event.request)
            await record_change(uow, event)
            await uow.commit()
        return QuoteEntry(offered.quote, offered.quote.state_at(now))


class ListQuotes(UseCase[CommissionsDeps]):
    """A request's quotes, by revision (its parties and admins)."""

    async def __call__(self, actor: Actor, request_id: RequestId) -> tuple[QuoteEntry, ...]:
        async with self._deps.uow(read_only=True) as uow:
            now = self._deps.clock.now()
            request = await load_visible(uow, actor, request_id)
            found = await uow.quotes.of_request(request.id)
        return tuple(QuoteEntry(q, q.state_at(now)) for q in found)


class AcceptQuote(_Booking):
    """The customer accepts a live quote and books the project's first session at ``start``
    (``request.quote_accepted``, and the booking's own events); all or nothing."""

    async def __call__(self, actor: Actor, quote_id: QuoteId, start: datetime) -> ProjectStarted:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            found = await uow.quotes.get(quote_id)
            if found is None:
                raise QuoteNotFoundError()
            request = await load_visible(uow, actor, found.request_id, for_update=True)
            quote = await uow.quotes.get(quote_id)  # as it is under the request's lock
            assert quote is not None  # quotes go only with their request
            accepted = accept_quote(request, quote, actor, now)
            project = start_project(accepted, now)
            await uow.quotes.update(accepted)
            await uow.projects.add(project)
            booking = await self._book(uow, actor, project, start, now)
            event = quote_event(request, accepted, actor, now, accepted=True)
            await uow.tattoo_requests.update(event.request)
            await record_change(uow, event)
            view = await _project_view(uow, project)
            await uow.commit()
        return ProjectStarted(accepted, view, booking)


class BookSession(_Booking):
    """The customer books the project's next session at ``start`` (the booking's events)."""

    async def __call__(self, actor: Actor, project_id: ProjectId, start: datetime) -> Booking:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            project = await _load_project(uow, actor, project_id, for_update=True)
            booking = await self._book(uow, actor, project, start, now)
            await uow.commit()
        return booking


async def _load_project(
    uow: ProjectsUnitOfWork, actor: Actor, project_id: ProjectId, *, for_update: bool = False
) -> Project:
    project = await uow.projects.get(project_id, for_update=for_update)
    if project is None:
        raise ProjectNotFoundError()
    project.ensure_visible_to(actor)
    return project


class GetProject(UseCase[CommissionsDeps]):
    """A project with its sessions and progress (its parties and admins)."""

    async def __call__(self, actor: Actor, project_id: ProjectId) -> ProjectView:
        async with self._deps.uow(read_only=True) as uow:
            return await _project_view(uow, await _load_project(uow, actor, project_id))


class MyProjects(UseCase[CommissionsDeps]):
    """The caller's projects (as customer or as artist), newest first."""

    async def __call__(self, actor: Actor, page: PageRequest) -> Page[ProjectView]:
        async with self._deps.uow(read_only=True) as uow:
            found = await uow.projects.of_party(UserId(actor.user_id), page)
            views = tuple([await _project_view(uow, p) for p in found.items])
        return Page(views, found.total, found.request, found.total_exact)


UPCOMING = frozenset({BookingStatus.PENDING, BookingStatus.CONFIRMED})
CANCELLED_WITH_THE_PROJECT = "The project was cancelled."


class CancelProject(UseCase[CommissionsDeps]):
    """Either party ends the project: no more sessions can be booked, and every upcoming
    session (pending or confirmed) is cancelled in the same transaction by the bookings'
    policy, as if its party cancelled it there (each booking's own events and refund)."""

    async def __call__(
        self, actor: Actor, project_id: ProjectId, *, reason: str | None = None
    ) -> ProjectView:
        require_clean_text(multi_line=[("reason", reason)])
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            project = await _load_project(uow, actor, project_id, for_update=True)
            cancelled = cancel_project(project, actor, now)
            artist = await uow.artists.get(project.artist_id)
            if artist is None:  # projects restrict their artist's deletion; kept as a guard
                raise ArtistNotFoundError()
            for session in await uow.projects.sessions(project.id):
                if session.status not in UPCOMING:
                    continue
                booking = await load_booking(uow, session.booking_id, actor, for_update=True)
                said = reason or CANCELLED_WITH_THE_PROJECT
                changed, entry = cancel(booking, actor, now, artist.policy, reason=said)
                await record_booking_change(uow, changed, entry)
            await uow.projects.update(cancelled)
            view = await _project_view(uow, cancelled)
            await uow.commit()
        return view
