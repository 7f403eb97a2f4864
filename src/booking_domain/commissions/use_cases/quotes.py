"""Quotes: the artist quotes an accepted request or revises (``OfferQuote``); its parties
read them (``ListQuotes``); the customer accepts a live quote and books the project's first
session in the same step (``AcceptQuote``).

The house shape: open the unit of work, load under lock (the request, after its artist's
calendar: ``sessions.py``), decide in the domain, save and record the request's event,
commit. The first session is booked in the same transaction by the bookings' own path, so a
refused slot changes nothing at all: no accepted quote, no project."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.bookings import Booking
from booking_domain.catalog import DepositCurrencyNotPayableError, deposit_payable
from booking_domain.commissions.errors import QuoteNotFoundError, RequestNotFoundError
from booking_domain.commissions.ports import ProjectsUnitOfWork
from booking_domain.commissions.projects import ProjectId, start_project
from booking_domain.commissions.quotes import (
    Quote,
    QuoteId,
    QuoteState,
    accept_quote,
    ensure_quoter,
    offer_quote,
)
from booking_domain.commissions.recording import record_change
from booking_domain.commissions.requests import QuoteAccepted, Quoted, RequestId, apply
from booking_domain.commissions.terms import DraftTerms, check_terms, sessions_service
from booking_domain.commissions.use_cases.common import load_visible
from booking_domain.commissions.use_cases.deps import CommissionsDeps
from booking_domain.commissions.use_cases.project_views import ProjectView, project_view
from booking_domain.commissions.use_cases.sessions import SessionBooking
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ServiceId, new_uuid7
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """A quote, what it is at the moment it was read (``expired`` is not stored), and the
    project it started (an accepted quote's)."""

    quote: Quote
    state: QuoteState
    project_id: ProjectId | None = None


@dataclass(frozen=True, slots=True)
class ProjectStarted:
    quote: Quote
    project: ProjectView
    booking: Booking  # the first session


class OfferQuote(UseCase[CommissionsDeps]):
    """The artist quotes an accepted request, or revises their quote (``request.quoted``);
    the quote's sessions get their own service with it."""

    async def __call__(self, actor: Actor, request_id: RequestId, draft: DraftTerms) -> QuoteEntry:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            request = await load_visible(uow, actor, request_id, for_update=True)
            earlier = await uow.quotes.of_request(request.id)
            ensure_quoter(request, earlier, actor)  # who may quote learns it before the terms
            terms = check_terms(draft, now)
            if not deposit_payable(terms.deposit, self._deps.deposit_currencies):
                raise DepositCurrencyNotPayableError()  # its sessions could never be held
            service_id = ServiceId(new_uuid7(int(now.timestamp() * 1000)))
            offered = offer_quote(request, earlier, actor, terms, now, service_id=service_id)
            await uow.services.add(sessions_service(request.artist_id, terms, service_id))
            if offered.superseded is not None:
                await uow.quotes.update(offered.superseded)
            await uow.quotes.add(offered.quote)
            event = apply(request, Quoted(offered.quote), actor, now)
            await uow.tattoo_requests.update(event.request)
            await record_change(uow, event)
            await uow.commit()
        return QuoteEntry(offered.quote, offered.quote.state_at(now))


class ListQuotes(UseCase[CommissionsDeps]):
    """A request's quotes, by revision, the accepted one with its project (its parties and
    admins)."""

    async def __call__(self, actor: Actor, request_id: RequestId) -> tuple[QuoteEntry, ...]:
        async with self._deps.uow(read_only=True) as uow:
            now = self._deps.clock.now()
            request = await load_visible(uow, actor, request_id)
            found = await uow.quotes.of_request(request.id)
            accepted = any(q.state_at(now) is QuoteState.ACCEPTED for q in found)
            project = await uow.projects.of_request(request.id) if accepted else None
        return tuple(
            QuoteEntry(
                q, q.state_at(now), project.id if project and project.quote_id == q.id else None
            )
            for q in found
        )


async def load_quote(uow: ProjectsUnitOfWork, actor: Actor, quote_id: QuoteId) -> Quote:
    """The quote if ``actor`` is one of its request's parties or an admin; to anyone else
    it does not exist, exactly as an unknown id (``QuoteNotFoundError``)."""
    quote = await uow.quotes.get(quote_id)
    if quote is None:
        raise QuoteNotFoundError()
    try:
        await load_visible(uow, actor, quote.request_id)
    except RequestNotFoundError:
        raise QuoteNotFoundError() from None
    return quote


class AcceptQuote(SessionBooking):
    """The customer accepts a live quote and books the project's first session at ``start``
    (``request.quote_accepted``, and the booking's own events); all or nothing."""

    async def __call__(self, actor: Actor, quote_id: QuoteId, start: datetime) -> ProjectStarted:
        return await self._retrying(lambda: self._accept(actor, quote_id, start))

    async def _accept(self, actor: Actor, quote_id: QuoteId, start: datetime) -> ProjectStarted:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            seen = await load_quote(uow, actor, quote_id)
            await uow.bookings.hold_calendar(seen.artist_id)  # the lock order: sessions.py
            request = await load_visible(uow, actor, seen.request_id, for_update=True)
            quote = await uow.quotes.get(quote_id)  # as it is under the request's lock
            if quote is None:  # quotes go only with their request; kept as a guard
                raise QuoteNotFoundError()
            accepted = accept_quote(request, quote, actor, now)
            project = start_project(accepted, now)
            await uow.quotes.update(accepted)
            await uow.projects.add(project)
            booking = await self._book(uow, actor, project, start, now)
            event = apply(request, QuoteAccepted(accepted), actor, now)
            await uow.tattoo_requests.update(event.request)
            await record_change(uow, event)
            view = await project_view(uow, project, now)
            await uow.commit()
        return ProjectStarted(accepted, view, booking)


__all__ = ["AcceptQuote", "ListQuotes", "OfferQuote", "ProjectStarted", "QuoteEntry"]
