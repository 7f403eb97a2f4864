"""An artist's requests as their console shows them: the inbox (``RequestInbox``: each
request with its customer's name and its first reference picture) and one request's file
(``RequestFile``: the request, its thread, quotes and project, and the steps its artist may
take now, ``artist_steps``). Read-only units; pictures signed after the unit, as
``GetRequest`` signs them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from booking_domain.accounts import UserRepository
from booking_domain.commissions.artist_steps import ArtistStep, artist_steps
from booking_domain.commissions.errors import RequestActionNotAllowedError
from booking_domain.commissions.quotes import QuoteStatus
from booking_domain.commissions.requests import RequestId, TattooRequest
from booking_domain.commissions.use_cases.common import (
    IMAGE_URL_SECONDS,
    MessageEntry,
    RequestView,
    entry,
    load_visible,
    view,
)
from booking_domain.commissions.use_cases.deps import CommissionsDeps
from booking_domain.commissions.use_cases.project_views import ProjectView, project_view
from booking_domain.commissions.use_cases.quotes import QuoteEntry
from booking_domain.media import ImageLink, private_links
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase


class InboxShows(StrEnum):
    """Which of the artist's requests the inbox lists: those still in play (``open`` and
    ``accepted``, in the queue's order: waiting for the artist first, the longest waiting
    first), or every one of them, newest first."""

    IN_PLAY = "open"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class InboxEntry:
    request: TattooRequest
    customer: str | None  # the customer's name as it is now (None: no such account)
    picture: tuple[ImageLink, ...]  # the first reference picture's variants (none: ())


@dataclass(frozen=True, slots=True)
class RequestFile:
    """One request as its artist works on it."""

    seen: RequestView
    customer: str | None
    thread: Page[MessageEntry]
    quotes: tuple[QuoteEntry, ...]
    project: ProjectView | None  # the project its accepted quote started
    steps: tuple[ArtistStep, ...]


async def _names(users: UserRepository, ids: set[UserId]) -> dict[UserId, str]:
    """Each account's name (a page's handful of distinct customers)."""
    found = {}
    for user_id in sorted(ids):
        user = await users.get(user_id)
        if user is not None:
            found[user_id] = user.name
    return found


class RequestInbox(UseCase[CommissionsDeps]):
    """An artist's requests (``shows``: those in play or all), with their customers' names
    and first pictures; anyone else is refused as the queue refuses them."""

    async def __call__(
        self, actor: Actor, page: PageRequest, *, shows: InboxShows = InboxShows.IN_PLAY
    ) -> Page[InboxEntry]:
        if actor.role is not Role.ARTIST:
            raise RequestActionNotAllowedError("Only artists have a queue of tattoo requests.")
        async with self._deps.uow(read_only=True) as uow:
            requests = uow.tattoo_requests
            if shows is InboxShows.ALL:
                found = await requests.of_artist(actor.user_id, page)
            else:
                found = await requests.queue(actor.user_id, page)
            names = await _names(uow.users, {UserId(r.customer_id) for r in found.items})
        entries = []
        for request in found.items:
            first = request.images[0].variants if request.images else ()
            picture = await private_links(self._deps.stores, first, IMAGE_URL_SECONDS)
            entries.append(InboxEntry(request, names.get(UserId(request.customer_id)), picture))
        return Page(tuple(entries), found.total, found.request, found.total_exact)


class OpenRequestFile(UseCase[CommissionsDeps]):
    """A request with a page of its thread (oldest first), its quotes by revision, its
    project and the steps ``actor`` may take on it; seen by its parties and admins only
    (anyone else: ``RequestNotFoundError``)."""

    async def __call__(
        self, actor: Actor, request_id: RequestId, thread: PageRequest
    ) -> RequestFile:
        async with self._deps.uow(read_only=True) as uow:
            now = self._deps.clock.now()
            request = await load_visible(uow, actor, request_id)
            messages = await uow.request_messages.of_request(request.id, thread)
            quotes = await uow.quotes.of_request(request.id)
            names = await _names(uow.users, {UserId(request.customer_id)})
            project = None
            if any(q.status is QuoteStatus.ACCEPTED for q in quotes):
                started = await uow.projects.of_request(request.id)
                if started is not None:
                    project = await project_view(uow, started, now)
        entries = tuple([await entry(self._deps, m) for m in messages.items])
        project_id = None if project is None else project.project.id
        return RequestFile(
            seen=await view(self._deps, request, actor),
            customer=names.get(UserId(request.customer_id)),
            thread=Page(entries, messages.total, messages.request, messages.total_exact),
            quotes=tuple(
                QuoteEntry(
                    q,
                    q.state_at(now),
                    project_id if project and project.project.quote_id == q.id else None,
                )
                for q in quotes
            ),
            project=project,
            steps=artist_steps(request, quotes, actor),
        )


__all__ = [
    "InboxEntry",
    "InboxShows",
    "OpenRequestFile",
    "RequestFile",
    "RequestInbox",
]
