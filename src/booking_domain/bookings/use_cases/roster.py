"""An artist's clients (``roster.py``): the roster, searched and paged, and one person's
bookings with the artist.

Rules: only an artist has a roster, their own (admins and customers are refused:
``PermissionDeniedError``); a person is shown only to an artist who booked them, with that
artist's bookings of them only; anyone else, whoever they are, is "not found"
(``ClientNotFoundError``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Final

from booking_domain.bookings.clients import BookedFor
from booking_domain.bookings.errors import ClientNotFoundError
from booking_domain.bookings.names import NamedBooking, named_for
from booking_domain.bookings.ports import BookingFilter
from booking_domain.bookings.roster import RosterEntry, roster_search
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase

ARTISTS_ONLY: Final = "Only artists have a list of clients."


def _require_artist(actor: Actor) -> None:
    if actor.role is not Role.ARTIST:
        raise PermissionDeniedError(ARTISTS_ONLY)


class ListClients(UseCase[BookingsDeps]):
    """The artist's roster: everyone the artist booked who matches ``text`` (by name or
    phone: ``roster_search``, refused as invalid input when it is no clean text), latest
    last start first."""

    async def __call__(
        self, actor: Actor, text: str | None, page: PageRequest
    ) -> Page[RosterEntry]:
        _require_artist(actor)
        search = roster_search(text)
        async with self._deps.uow(read_only=True) as uow:
            return await uow.client_roster.roster(actor.user_id, search, page)


@dataclass(frozen=True, slots=True)
class ClientHistory:
    """One person as the artist's roster shows them, and a page of their bookings with the
    artist (newest start first, with their names)."""

    entry: RosterEntry
    bookings: Page[NamedBooking]


class GetClientHistory(UseCase[BookingsDeps]):
    """One person of the artist's roster (a customer or a client record) and their bookings
    with this artist only; anyone the artist never booked is ``ClientNotFoundError``."""

    async def __call__(self, actor: Actor, person: BookedFor, page: PageRequest) -> ClientHistory:
        _require_artist(actor)
        where = BookingFilter(
            artist_user_id=actor.user_id,
            customer_id=person.customer_id,
            client_id=person.client_id,
        )
        async with self._deps.uow(read_only=True) as uow:
            entry = await uow.client_roster.entry(actor.user_id, person)
            if entry is None:
                raise ClientNotFoundError()
            listed = await uow.bookings.list_named(where, page)
        shown = tuple(named_for(actor, n) for n in listed.items)
        return ClientHistory(entry, dataclasses.replace(listed, items=shown))
