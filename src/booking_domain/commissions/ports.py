"""What commissions need from storage: the requests and their threads, their quotes and
projects, beside the artists they go to, the users who send them (names for the events)
and the uploads their pictures come from; a project's sessions are bookings, so the
project use cases open a unit that is also the bookings' (``ProjectsUnitOfWork``). Every
adapter passes the contract suite in ``tests/contract/commissions``."""

from __future__ import annotations

from typing import Protocol

from booking_domain.accounts import HasUsers
from booking_domain.bookings import BookingsUnitOfWork
from booking_domain.catalog import HasArtists, HasServices
from booking_domain.commissions.projects import Project, ProjectId, ProjectSession
from booking_domain.commissions.quotes import Quote, QuoteId
from booking_domain.commissions.requests import RequestId, RequestMessage, TattooRequest
from booking_domain.media import HasUploads
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox, UnitOfWork, UnitOfWorkFactory


class RequestRepository(Protocol):
    async def add(self, request: TattooRequest) -> None:
        """A new request with its images (each upload belongs to one request at most)."""
        ...

    async def get(self, request_id: RequestId, *, for_update: bool = False) -> TattooRequest | None:
        """The request with its images; ``for_update`` locks it until the unit ends."""
        ...

    async def update(self, request: TattooRequest) -> None:
        """Its status, turn, version and counts (the details and images never change)."""
        ...

    async def of_customer(self, customer_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        """The customer's requests, newest first (ties by id, newest first), exact total."""
        ...

    async def queue(self, artist_user_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        """The artist's open and accepted requests: those waiting for the artist first,
        the longest waiting first; then those waiting for the customer, the most recently
        answered first (ties by id); exact total."""
        ...

    async def of_artist(self, artist_user_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        """Every request to the artist whose account is ``artist_user_id``, whatever its
        state, newest first (ties by id, newest first), exact total (their data export,
        their account's deletion)."""
        ...

    async def forget(self, request: TattooRequest) -> None:
        """What ``update`` writes, and the details and images as given (images no longer
        on it are dropped): a party's words and pictures erased (``erased_request``)."""
        ...


class RequestMessageRepository(Protocol):
    async def add(self, message: RequestMessage) -> None: ...

    async def forget(self, message: RequestMessage) -> None:
        """Its text and picture as given: its author's words erased (``erased_message``)."""
        ...

    async def of_request(self, request_id: RequestId, page: PageRequest) -> Page[RequestMessage]:
        """Oldest first (ties by id), exact total."""
        ...


class QuoteRepository(Protocol):
    async def add(self, quote: Quote) -> None: ...

    async def update(self, quote: Quote) -> None:
        """Its status and ``updated_at`` (the terms never change: a revision is a new quote)."""
        ...

    async def get(self, quote_id: QuoteId) -> Quote | None: ...

    async def of_request(self, request_id: RequestId) -> tuple[Quote, ...]:
        """Every quote of the request, by revision (a request has a handful)."""
        ...

    async def forget(self, quote: Quote) -> None:
        """Its note as given: its artist's words erased (``erased_quote``); nothing else
        changes (a project's terms are its quote's, so they read the note erased too)."""
        ...


class ProjectRepository(Protocol):
    async def add(self, project: Project) -> None: ...

    async def get(self, project_id: ProjectId, *, for_update: bool = False) -> Project | None:
        """The project with its quote's terms; ``for_update`` locks it until the unit ends
        (sessions are planned under it, one at a time)."""
        ...

    async def of_request(self, request_id: RequestId) -> Project | None: ...

    async def update(self, project: Project) -> None:
        """Its status and ``updated_at``."""
        ...

    async def of_party(self, user_id: UserId, page: PageRequest) -> Page[Project]:
        """The projects whose customer or artist is ``user_id``, newest first (ties by id,
        newest first), exact total."""
        ...

    async def add_session(
        self, project_id: ProjectId, booking_id: BookingId, *, holds_deposit: bool, closes: bool
    ) -> None:
        """A booking (written already, in this unit) is one of the project's sessions."""
        ...

    async def sessions(
        self, project_id: ProjectId, *, for_share: bool = False
    ) -> tuple[ProjectSession, ...]:
        """The project's sessions with their bookings' start, status and hold as stored now,
        by start (ties by booking id); ``for_share`` keeps those bookings from changing
        until the unit ends (a session is planned on them)."""
        ...


class HasQuotes(Protocol):
    @property
    def quotes(self) -> QuoteRepository: ...


class HasProjects(Protocol):
    @property
    def projects(self) -> ProjectRepository: ...


class HasTattooRequests(Protocol):
    @property
    def tattoo_requests(self) -> RequestRepository: ...


class CommissionsUnitOfWork(
    # In the order these bases have in the other units of work (bookings': users, then
    # artists, uploads, the outbox), so that one adapter class can serve them all.
    UnitOfWork,
    HasUsers,
    HasTattooRequests,
    HasQuotes,
    HasProjects,
    HasArtists,
    HasUploads,
    HasOutbox,
    Protocol,
):
    @property
    def request_messages(self) -> RequestMessageRepository: ...


CommissionsUnitOfWorkFactory = UnitOfWorkFactory[CommissionsUnitOfWork]


class ProjectsUnitOfWork(BookingsUnitOfWork, CommissionsUnitOfWork, HasServices, Protocol):
    """What quote and project use cases open: commissions' unit, which is also the bookings'
    (a session is booked in the transaction that plans it) and the services' (a project's
    own service is made with it)."""


ProjectsUnitOfWorkFactory = UnitOfWorkFactory[ProjectsUnitOfWork]
