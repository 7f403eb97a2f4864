"""What commissions need from storage: the requests and their threads, beside the artists
they go to, the users who send them (names for the events) and the uploads their pictures
come from. Every adapter passes the contract suite in ``tests/contract/commissions``."""

from __future__ import annotations

from typing import Protocol

from booking_domain.accounts import HasUsers
from booking_domain.catalog import HasArtists
from booking_domain.commissions.requests import RequestId, RequestMessage, TattooRequest
from booking_domain.media import HasUploads
from booking_domain.shared.ids import UserId
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


class HasTattooRequests(Protocol):
    @property
    def tattoo_requests(self) -> RequestRepository: ...


class CommissionsUnitOfWork(
    # In the order these bases have in the other units of work (bookings': users, then
    # artists, uploads, the outbox), so that one adapter class can serve them all.
    UnitOfWork,
    HasUsers,
    HasTattooRequests,
    HasArtists,
    HasUploads,
    HasOutbox,
    Protocol,
):
    @property
    def request_messages(self) -> RequestMessageRepository: ...


CommissionsUnitOfWorkFactory = UnitOfWorkFactory[CommissionsUnitOfWork]
