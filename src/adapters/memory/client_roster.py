"""In-memory artists' rosters: the domain's own ``tally`` over the artist's bookings, named
from the unit of work's users and client records, searched as PostgreSQL searches them (the
name folded as ``inkslot_fold`` folds it, the phone by its digits)."""

from __future__ import annotations

from adapters.memory.store import StagedTable
from booking_domain.accounts import UserRepository
from booking_domain.bookings import (
    BookedFor,
    Booking,
    RosterEntry,
    RosterSearch,
    Tally,
    roster_order,
    tally,
)
from booking_domain.bookings.ports import ClientRepository, ClientRosterRepository
from booking_domain.search.text import fold
from booking_domain.shared import BookingId, Page, PageRequest, UserId


def _found(entry: RosterEntry, search: RosterSearch) -> bool:
    if not search.text:
        return True
    if fold(search.text) in fold(entry.name):
        return True
    digits = search.digits
    return digits is not None and entry.phone is not None and digits in entry.phone


class InMemoryClientRoster(ClientRosterRepository):
    def __init__(
        self,
        bookings: StagedTable[BookingId, Booking],
        users: UserRepository,
        clients: ClientRepository,
    ) -> None:
        self._bookings = bookings
        self._users = users
        self._clients = clients

    def _tallies(self, artist_user_id: UserId) -> dict[BookedFor, Tally]:
        return tally(b for b in self._bookings.values() if b.artist_user_id == artist_user_id)

    async def _entry(self, person: BookedFor, figures: Tally) -> RosterEntry:
        name, phone = "", None
        if person.customer_id is not None:
            user = await self._users.get(person.customer_id)
            if user is not None:
                name, phone = user.name, user.phone
        elif person.client_id is not None:
            client = await self._clients.get(person.client_id)
            if client is not None:
                name, phone = client.name, client.phone
        return RosterEntry.of(person, name, phone, figures)

    async def roster(
        self, artist_user_id: UserId, search: RosterSearch, page: PageRequest
    ) -> Page[RosterEntry]:
        tallies = self._tallies(artist_user_id)
        entries = [await self._entry(person, figures) for person, figures in tallies.items()]
        matching = sorted((e for e in entries if _found(e, search)), key=roster_order)
        return Page.of_whole(tuple(matching), page)

    async def entry(self, artist_user_id: UserId, person: BookedFor) -> RosterEntry | None:
        figures = self._tallies(artist_user_id).get(person)
        return None if figures is None else await self._entry(person, figures)
