"""Booking links (``catalog.links``): an artist lists, adds and regenerates their own; anyone
holding a token opens its link's page and shows its free slots, which the link counts once
per visitor and day (``catalog.visits``).

Who may: the links are the signed-in artist's own (their profile, approved); a token is the
only thing a visitor needs, and an unknown one is "not found", a replaced one "gone".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.errors import (
    ArtistNotFoundError,
    BookingLinkExistsError,
    BookingLinkGoneError,
    BookingLinkNotFoundError,
    ServiceNotFoundError,
)
from booking_domain.catalog.links import (
    BookingLink,
    BookingLinkId,
    LinkUsage,
    LinkUse,
    could_be_token,
    link_path,
    new_link,
    recent_since,
    token_digest,
)
from booking_domain.catalog.ports import CatalogUnitOfWork
from booking_domain.catalog.services import Service
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.catalog.visits import (
    VisitorFacts,
    forget_visitors_before,
    visit_ticket,
    visitor_of,
    visitor_of_ticket,
)
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ServiceId
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class LinkListing:
    """One of the artist's links with its counts, for the artist's own eyes."""

    link: BookingLink
    usage: LinkUsage
    url: str  # the link's page: the site's base URL, then ``/book/<token>``


@dataclass(frozen=True, slots=True)
class LinkLanding:
    """What a visitor's token opens: the link and its (public) artist."""

    link: BookingLink
    artist: ArtistProfile
    ticket: str = ""  # the visit's ticket for the page's slot view ("": nothing counted)


async def _own_artist(uow: CatalogUnitOfWork, actor: Actor) -> ArtistProfile:
    artist = await uow.artists.get_by_user(actor.user_id)
    if artist is None:
        raise ArtistNotFoundError("You have no artist profile.")
    return artist


class _Links(UseCase[CatalogDeps]):
    def _digest(self, token: str) -> str:
        return token_digest(self._deps.digest, token)

    async def _listing(self, uow: CatalogUnitOfWork, artist: ArtistProfile) -> list[LinkListing]:
        today = self._deps.clock.now().astimezone(UTC).date()
        usage = await uow.booking_links.usage(artist.id, recent_since(today))
        links = await uow.booking_links.for_artist(artist.id)
        return [self._listed(link, usage.get(link.id, LinkUsage())) for link in links]

    def _listed(self, link: BookingLink, usage: LinkUsage) -> LinkListing:
        return LinkListing(
            link, usage, self._deps.link_base_url.rstrip("/") + link_path(link.token)
        )


class ListBookingLinks(_Links):
    """The signed-in artist's links with their counts; the general link is made on first
    use (so every approved artist has one). Two first listings at once both try to make
    it; the one that loses (``BookingLinkExistsError``) lists again and finds the other's."""

    async def __call__(self, actor: Actor) -> list[LinkListing]:
        try:
            return await self._list(actor)
        except BookingLinkExistsError:
            return await self._list(actor)

    async def _list(self, actor: Actor) -> list[LinkListing]:
        async with self._deps.uow() as uow:
            artist = await _own_artist(uow, actor)
            links = await uow.booking_links.for_artist(artist.id)
            if not any(link.is_general for link in links):
                token = self._deps.new_link_token()
                link = new_link(artist, None, token=token, now=self._deps.clock.now())
                await uow.booking_links.add(link, self._digest(token))
            listing = await self._listing(uow, artist)
            await uow.commit()
        return listing


class CreateBookingLink(_Links):
    """A link for one of the artist's active services (or, with none, the general one);
    refused when the artist has that link already."""

    async def __call__(self, actor: Actor, service_id: ServiceId | None) -> LinkListing:
        async with self._deps.uow() as uow:
            artist = await _own_artist(uow, actor)
            service: Service | None = None
            if service_id is not None:
                service = await uow.services.get(service_id)
                if service is None or service.artist_id != artist.id:
                    raise ServiceNotFoundError()
            existing = await uow.booking_links.for_artist(artist.id)
            if any(link.service_id == service_id for link in existing):
                raise BookingLinkExistsError()
            token = self._deps.new_link_token()
            link = new_link(artist, service, token=token, now=self._deps.clock.now())
            await uow.booking_links.add(link, self._digest(token))
            await uow.commit()
        return self._listed(link, LinkUsage())


class RegenerateBookingLink(_Links):
    """A new token for one of the artist's links; the old token is gone from then on."""

    async def __call__(self, actor: Actor, link_id: BookingLinkId) -> LinkListing:
        async with self._deps.uow() as uow:
            artist = await _own_artist(uow, actor)
            link = await uow.booking_links.get(link_id)
            if link is None or link.artist_id != artist.id:
                raise BookingLinkNotFoundError()
            token = self._deps.new_link_token()
            renewed = link.regenerated(token, self._deps.clock.now())
            await uow.booking_links.replace_token(renewed, self._digest(token))
            listing = await self._listing(uow, artist)
            await uow.commit()
        return next(entry for entry in listing if entry.link.id == link_id)


async def find_link(uow: CatalogUnitOfWork, digest: str) -> BookingLink:
    """The link a token's ``digest`` names, if current: else not found, or gone."""
    found = await uow.booking_links.find(digest)
    if found is None:
        raise BookingLinkNotFoundError()
    if not found.current:
        raise BookingLinkGoneError()
    return found.link


class OpenBookingLink(_Links):
    """A page load: the link and its artist, and the visit counted once per visitor and day
    (``catalog.visits``) when there is a visitor (a ``HEAD`` renders nothing: ``None``, not
    counted); the landing carries the visit's ticket for the page's slot view. An artist no
    longer public (suspended, withdrawn) makes the link not found, like an unknown token."""

    async def __call__(self, token: str, visitor: VisitorFacts | None) -> LinkLanding:
        if not could_be_token(token):
            raise BookingLinkNotFoundError()
        async with self._deps.uow() as uow:
            link = await find_link(uow, self._digest(token))
            artist = await uow.artists.get(link.artist_id)
            if artist is None or not artist.is_bookable:
                raise BookingLinkNotFoundError()
            if visitor is None:
                return LinkLanding(link, artist)
            day = self._deps.clock.now().astimezone(UTC).date()
            who = visitor_of(self._deps.digest, visitor, day)
            await uow.booking_links.count_use(link.id, day, LinkUse.VISIT, who)
            await uow.commit()
        return LinkLanding(link, artist, visit_ticket(self._deps.digest, str(link.id), who, day))


class CountSlotView(_Links):
    """The link's page showed free slots: one more slot view today for the visitor its
    ``ticket`` (from the rendered page) names, once per visitor and day; a bad ticket is
    refused and counts nothing."""

    async def __call__(self, token: str, ticket: str) -> None:
        if not could_be_token(token):
            raise BookingLinkNotFoundError()
        async with self._deps.uow() as uow:
            link = await find_link(uow, self._digest(token))
            day = self._deps.clock.now().astimezone(UTC).date()
            who = visitor_of_ticket(self._deps.digest, str(link.id), ticket, day)
            await uow.booking_links.count_use(link.id, day, LinkUse.SLOT_VIEW, who)
            await uow.commit()


class ForgetLinkVisitors(_Links):
    """Forget the visitors of days no longer counted (``visits.forget_visitors_before``);
    how many. The worker's hourly purge."""

    async def __call__(self) -> int:
        today = self._deps.clock.now().astimezone(UTC).date()
        async with self._deps.uow() as uow:
            forgotten = await uow.booking_links.forget_visitors(forget_visitors_before(today))
            await uow.commit()
        return forgotten
