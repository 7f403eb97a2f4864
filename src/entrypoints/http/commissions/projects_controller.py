"""Quotes and projects: ``POST``/``GET /requests/{id}/quotes`` (its artist quotes; its
parties and admins read), ``GET /quotes/{id}/slots`` and ``POST /quotes/{id}/accept`` (the
customer, with the first session's start), ``GET /projects/{id}``, ``GET
/projects/{id}/slots`` and ``POST /projects/{id}/sessions`` (the customer books the next
session), ``POST /projects/{id}/cancel`` (either party), ``GET /me/projects``. Strangers
get 404."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar import get, post
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from booking_domain.bookings import (
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingReferenceTakenError,
    HoldExpiredError,
    SlotTakenError,
    TooLateToChangeError,
)
from booking_domain.catalog import (
    ArtistNotFoundError,
    DepositCurrencyNotPayableError,
    InvalidScheduleError,
)
from booking_domain.commissions import ProjectId, QuoteId, RequestId
from booking_domain.commissions.errors import (
    DepositUnpaidError,
    InvalidQuoteError,
    ProjectClosedError,
    ProjectFullyBookedError,
    ProjectNotFoundError,
    QuoteAlreadyAcceptedError,
    QuoteExpiredError,
    QuoteNotFoundError,
    QuoteNotOfferedError,
    QuoteSupersededError,
    RequestActionNotAllowedError,
    RequestClosedError,
    RequestNotAcceptedError,
    RequestNotFoundError,
    SessionTooCloseError,
)
from booking_domain.scheduling import ArtistNotBookableError, NotBookableError
from booking_domain.shared import (
    ConcurrentUpdateError,
    InvalidInputError,
    InvalidIntervalError,
    InvalidTransitionError,
    NaiveDatetimeError,
    TimeOutOfRangeError,
)
from booking_domain.shared.ids import BookingId
from booking_domain.shared.pages import PageRequest
from entrypoints.http.caller import Caller
from entrypoints.http.commissions.controller import CommissionsDep
from entrypoints.http.commissions.projects_dto import (
    BookedSessionView,
    CancelProjectBody,
    ProjectDetailView,
    ProjectPage,
    ProjectStartedView,
    QuoteBody,
    QuoteList,
    QuoteView,
    SessionStartsView,
    StartBody,
)
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import PageNumber, PageSize

# Quoting (OfferQuote): the request not seen, not its artist's, not accepted, closed or
# quoted and accepted already; the terms refused (an expiry the kernel refuses among them),
# the deposit in a currency the gateway cannot take, the sessions' service refused.
OFFER_RAISES = raises_exactly(
    RequestNotFoundError, RequestActionNotAllowedError, RequestNotAcceptedError,
    RequestClosedError, QuoteAlreadyAcceptedError,
    InvalidQuoteError, NaiveDatetimeError, TimeOutOfRangeError,
    DepositCurrencyNotPayableError, InvalidScheduleError,
)  # fmt: skip
LIST_QUOTES_RAISES = raises_exactly(RequestNotFoundError)
# Free starts of a quote or a project: the range refused, the quote or project not seen,
# the artist not bookable.
_STARTS = (NaiveDatetimeError, TimeOutOfRangeError, InvalidInputError, ArtistNotBookableError)
QUOTE_STARTS_RAISES = raises_exactly(*_STARTS, QuoteNotFoundError)
PROJECT_STARTS_RAISES = raises_exactly(*_STARTS, ProjectNotFoundError)
# A session booked by the bookings' one path (place_session): the start refused, the artist
# or the start not bookable, the caller not the project's customer, the deposit not
# payable, someone there first, a reference drawn taken thrice, a concurrent change; and
# the project's plan: closed, fully booked, its deposit unpaid, too close to the last one.
_SESSION = (
    NaiveDatetimeError, TimeOutOfRangeError, InvalidIntervalError, InvalidInputError,
    ArtistNotBookableError, NotBookableError, BookingActionNotAllowedError,
    DepositCurrencyNotPayableError, SlotTakenError, BookingReferenceTakenError,
    ConcurrentUpdateError,
    RequestActionNotAllowedError, ProjectClosedError, ProjectFullyBookedError,
    DepositUnpaidError, SessionTooCloseError,
)  # fmt: skip
# Accepting a quote (AcceptQuote): the quote not seen, not the customer's, its request
# closed, the quote replaced, expired or not on offer; and the first session as above.
ACCEPT_RAISES = raises_exactly(
    QuoteNotFoundError, RequestClosedError,
    QuoteSupersededError, QuoteExpiredError, QuoteNotOfferedError, *_SESSION,
)  # fmt: skip
BOOK_SESSION_RAISES = raises_exactly(ProjectNotFoundError, *_SESSION)
# Moving a session (MoveSession, then the bookings' reschedule): the project not seen, an
# admin moving, the project closed, the booking none of its sessions, the order or the gap
# broken; the booking's own refusals (its state, hold, notice, the slot, someone there
# first, a concurrent change).
MOVE_RAISES = raises_exactly(
    ProjectNotFoundError, RequestActionNotAllowedError, ProjectClosedError,
    SessionTooCloseError, NaiveDatetimeError, TimeOutOfRangeError, InvalidIntervalError,
    BookingNotFoundError, BookingActionNotAllowedError, InvalidTransitionError,
    HoldExpiredError, TooLateToChangeError, ArtistNotBookableError, NotBookableError,
    SlotTakenError, ConcurrentUpdateError,
)  # fmt: skip
# Ending a project (CancelProject): the reason's text, the project or its request not seen,
# an admin ending it, the project or request closed, its artist gone (a guard); each
# upcoming session cancelled by the bookings' policy, a concurrent change.
CANCEL_RAISES = raises_exactly(
    InvalidInputError, ProjectNotFoundError, RequestNotFoundError,
    RequestActionNotAllowedError, ProjectClosedError, RequestClosedError, ArtistNotFoundError,
    BookingNotFoundError, BookingActionNotAllowedError, InvalidTransitionError,
    ConcurrentUpdateError,
)  # fmt: skip
READ_PROJECT_RAISES = raises_exactly(ProjectNotFoundError)
MY_PROJECTS_RAISES = raises_exactly()


class RequestQuotesController(SignedIn, context="commissions"):
    path = "/requests/{request_id:uuid}/quotes"
    tags = ["quotes"]

    @post(
        status_code=HTTP_201_CREATED,
        summary="Quote an accepted request, or revise (artist)",
        opt=OFFER_RAISES,
    )
    async def offer(
        self,
        request_id: FromPath[UUID],
        data: JSONBody[QuoteBody],
        actor: Caller,
        commissions: CommissionsDep,
    ) -> QuoteView:
        return QuoteView.of(
            await commissions.offer_quote(actor, RequestId(request_id), data.draft())
        )

    @get(summary="A request's quotes, by revision (its parties, admins)", opt=LIST_QUOTES_RAISES)
    async def list_quotes(
        self, request_id: FromPath[UUID], actor: Caller, commissions: CommissionsDep
    ) -> QuoteList:
        found = await commissions.list_quotes(actor, RequestId(request_id))
        return QuoteList([QuoteView.of(e) for e in found])


From = Annotated[datetime, QueryParameter(name="from", description="ISO 8601 with offset")]
To = Annotated[datetime, QueryParameter(name="to", description="ISO 8601 with offset")]


class QuotesController(SignedIn, context="commissions"):
    path = "/quotes"
    tags = ["quotes"]

    @get(
        "/{quote_id:uuid}/slots",
        summary="Free starts for a quote's sessions (62 days)",
        opt=QUOTE_STARTS_RAISES,
    )
    async def slots(
        self,
        quote_id: FromPath[UUID],
        start: From,
        end: To,
        actor: Caller,
        commissions: CommissionsDep,
    ) -> SessionStartsView:
        found = await commissions.quote_starts(actor, QuoteId(quote_id), start, end)
        return SessionStartsView.of(found)

    @post(
        "/{quote_id:uuid}/accept",
        status_code=HTTP_201_CREATED,
        summary="Accept a live quote and book the project's first session (customer)",
        opt=ACCEPT_RAISES,
    )
    async def accept(
        self,
        quote_id: FromPath[UUID],
        data: JSONBody[StartBody],
        actor: Caller,
        commissions: CommissionsDep,
    ) -> ProjectStartedView:
        started = await commissions.accept_quote(actor, QuoteId(quote_id), data.start)
        return ProjectStartedView.of(started)


class ProjectsController(SignedIn, context="commissions"):
    path = "/projects"
    tags = ["projects"]

    @get(
        "/{project_id:uuid}",
        summary="A project, its sessions and progress (its parties)",
        opt=READ_PROJECT_RAISES,
    )
    async def read(
        self, project_id: FromPath[UUID], actor: Caller, commissions: CommissionsDep
    ) -> ProjectDetailView:
        return ProjectDetailView.of(await commissions.get_project(actor, ProjectId(project_id)))

    @get(
        "/{project_id:uuid}/slots",
        summary="Free starts for the next session, keeping the healing gap (62 days)",
        opt=PROJECT_STARTS_RAISES,
    )
    async def slots(
        self,
        project_id: FromPath[UUID],
        start: From,
        end: To,
        actor: Caller,
        commissions: CommissionsDep,
    ) -> SessionStartsView:
        found = await commissions.project_starts(actor, ProjectId(project_id), start, end)
        return SessionStartsView.of(found)

    @post(
        "/{project_id:uuid}/sessions",
        status_code=HTTP_201_CREATED,
        summary="Book the project's next session (its customer)",
        opt=BOOK_SESSION_RAISES,
    )
    async def book(
        self,
        project_id: FromPath[UUID],
        data: JSONBody[StartBody],
        actor: Caller,
        commissions: CommissionsDep,
    ) -> BookedSessionView:
        booked = await commissions.book_session(actor, ProjectId(project_id), data.start)
        return BookedSessionView.of(booked)

    @post(
        "/{project_id:uuid}/sessions/{booking_id:uuid}/move",
        status_code=HTTP_200_OK,
        summary="Move a session, keeping its place and the healing gap (its parties)",
        opt=MOVE_RAISES,
    )
    async def move(
        self,
        project_id: FromPath[UUID],
        booking_id: FromPath[UUID],
        data: JSONBody[StartBody],
        actor: Caller,
        commissions: CommissionsDep,
    ) -> BookedSessionView:
        moved = await commissions.move_session(
            actor, ProjectId(project_id), BookingId(booking_id), data.start
        )
        return BookedSessionView.of(moved)

    @post(
        "/{project_id:uuid}/cancel",
        status_code=HTTP_200_OK,
        summary="End the project, its upcoming sessions cancelled by policy (its parties)",
        opt=CANCEL_RAISES,
    )
    async def cancel(
        self,
        project_id: FromPath[UUID],
        data: JSONBody[CancelProjectBody],
        actor: Caller,
        commissions: CommissionsDep,
    ) -> ProjectDetailView:
        ended = await commissions.cancel_project(actor, ProjectId(project_id), reason=data.reason)
        return ProjectDetailView.of(ended)


class MyProjectsController(SignedIn, context="commissions"):
    path = "/me/projects"
    tags = ["projects"]

    @get(summary="Your projects, as customer or artist, newest first", opt=MY_PROJECTS_RAISES)
    async def mine(
        self,
        actor: Caller,
        commissions: CommissionsDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> ProjectPage:
        found = await commissions.my_projects(actor, PageRequest(page, page_size))
        return ProjectPage.of(found, ProjectDetailView.of)
