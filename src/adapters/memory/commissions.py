"""In-memory tattoo requests and their threads, quotes and projects."""

from __future__ import annotations

from dataclasses import dataclass, replace

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.bookings import BookingRepository
from booking_domain.commissions import (
    Project,
    ProjectId,
    ProjectSession,
    Quote,
    QuoteId,
    RequestId,
    RequestMessage,
    RequestMessageId,
    RequestMessageRepository,
    RequestRepository,
    RequestStatus,
    TattooRequest,
    Turn,
)
from booking_domain.commissions.ports import ProjectRepository, QuoteRepository
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest

_ACTIVE = frozenset({RequestStatus.OPEN, RequestStatus.ACCEPTED})


def _queue_key(r: TattooRequest) -> tuple[int, float, int]:
    """The artist's turn first, longest waiting first; then the most recently answered."""
    if r.turn is Turn.ARTIST:
        return (0, r.turn_since.timestamp(), r.id.int)
    return (1, -r.turn_since.timestamp(), r.id.int)


class InMemoryRequestRepository(TableRepository[RequestId, TattooRequest], RequestRepository):
    async def add(self, request: TattooRequest) -> None:
        self._rows.put(request.id, request)

    async def get(self, request_id: RequestId, *, for_update: bool = False) -> TattooRequest | None:
        return self._rows.get(request_id)

    async def update(self, request: TattooRequest) -> None:
        self._rows.put(request.id, request)

    async def of_customer(self, customer_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        found = [r for r in self._rows.values() if r.customer_id == customer_id]
        found.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        return Page.of_whole(tuple(found), page)

    async def queue(self, artist_user_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        found = [
            r
            for r in self._rows.values()
            if r.artist_user_id == artist_user_id and r.status in _ACTIVE
        ]
        found.sort(key=_queue_key)
        return Page.of_whole(tuple(found), page)

    async def of_artist(self, artist_user_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        found = [r for r in self._rows.values() if r.artist_user_id == artist_user_id]
        found.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        return Page.of_whole(tuple(found), page)

    async def forget(self, request: TattooRequest) -> None:
        self._rows.put(request.id, request)


class InMemoryRequestMessageRepository(
    TableRepository[RequestMessageId, RequestMessage], RequestMessageRepository
):
    async def add(self, message: RequestMessage) -> None:
        self._rows.put(message.id, message)

    async def forget(self, message: RequestMessage) -> None:
        self._rows.put(message.id, message)

    async def of_request(self, request_id: RequestId, page: PageRequest) -> Page[RequestMessage]:
        found = [m for m in self._rows.values() if m.request_id == request_id]
        found.sort(key=lambda m: (m.created_at, m.id))
        return Page.of_whole(tuple(found), page)


class InMemoryQuoteRepository(TableRepository[QuoteId, Quote], QuoteRepository):
    async def add(self, quote: Quote) -> None:
        self._rows.put(quote.id, quote)

    async def update(self, quote: Quote) -> None:
        self._rows.put(quote.id, quote)

    async def get(self, quote_id: QuoteId) -> Quote | None:
        return self._rows.get(quote_id)

    async def of_request(self, request_id: RequestId) -> tuple[Quote, ...]:
        found = [q for q in self._rows.values() if q.request_id == request_id]
        return tuple(sorted(found, key=lambda q: q.revision))

    def stored(self, quote_id: QuoteId) -> Quote | None:
        """The quote as this unit of work sees it (for the projects' terms)."""
        return self._rows.get(quote_id)

    async def forget(self, quote: Quote) -> None:
        stored = self._rows.get(quote.id)
        if stored is not None:  # the note only, as PostgreSQL writes it
            terms = replace(stored.terms, note=quote.terms.note)
            self._rows.put(quote.id, replace(stored, terms=terms))


@dataclass(frozen=True, slots=True)
class _SessionRow:
    project_id: ProjectId
    booking_id: BookingId
    holds_deposit: bool
    closes: bool


class InMemoryProjectRepository(ProjectRepository):
    """Projects as stored; their terms are their quote's as stored now (as PostgreSQL reads
    them with a join: a quote's erased note is the project's too); a session's start and
    status are its booking's, read through the bookings repository of the same unit of
    work."""

    def __init__(
        self,
        rows: StagedTable[ProjectId, Project],
        sessions: StagedTable[BookingId, _SessionRow],
        bookings: BookingRepository,
        quotes: InMemoryQuoteRepository,
    ) -> None:
        self._rows = rows
        self._sessions = sessions
        self._bookings = bookings
        self._quotes = quotes

    def _read(self, project: Project | None) -> Project | None:
        quote = None if project is None else self._quotes.stored(project.quote_id)
        if project is None or quote is None:
            return project
        return replace(project, terms=quote.terms)

    async def add(self, project: Project) -> None:
        self._rows.put(project.id, project)

    async def get(self, project_id: ProjectId, *, for_update: bool = False) -> Project | None:
        return self._read(self._rows.get(project_id))

    async def of_request(self, request_id: RequestId) -> Project | None:
        return self._read(
            next((p for p in self._rows.values() if p.request_id == request_id), None)
        )

    async def update(self, project: Project) -> None:
        self._rows.put(project.id, project)

    async def of_party(self, user_id: UserId, page: PageRequest) -> Page[Project]:
        found = [p for p in self._rows.values() if user_id in (p.customer_id, p.artist_user_id)]
        found.sort(key=lambda p: (p.created_at, p.id), reverse=True)
        return Page.of_whole(tuple(p for p in map(self._read, found) if p is not None), page)

    async def add_session(
        self, project_id: ProjectId, booking_id: BookingId, *, holds_deposit: bool, closes: bool
    ) -> None:
        self._sessions.put(booking_id, _SessionRow(project_id, booking_id, holds_deposit, closes))

    async def sessions(
        self, project_id: ProjectId, *, for_share: bool = False
    ) -> tuple[ProjectSession, ...]:
        found = []
        for row in self._sessions.values():
            if row.project_id != project_id:
                continue
            booking = await self._bookings.get(row.booking_id)
            if booking is not None:
                found.append(
                    ProjectSession(
                        row.booking_id,
                        booking.start,
                        booking.status,
                        row.holds_deposit,
                        row.closes,
                        booking.hold_expires_at,
                    )
                )
        return tuple(sorted(found, key=lambda s: (s.start, s.booking_id)))
