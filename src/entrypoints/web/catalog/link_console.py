"""The console's booking link: the artist's links, their QR codes and counts, and the embed
of the booking page on the artist's own website.

- ``GET /console/link``: each link (the general one first, made on the first listing; one
  per service the artist added) with its full address (selectable text; a copy button
  where scripts run), its QR code (an SVG ``data:`` image drawn here with segno, the
  library the payment sandbox draws its QR codes with: nothing from another site), its
  counts (visits, slot views, bookings, conversion: in all and over the last 30 days) and
  **Get a new address** (``RegenerateBookingLink``: the old address stops working); a link
  for a service that has none (``CreateBookingLink``); and the embed: the origins of the
  artist's site (``UpdateArtistProfile`` with ``embed_origins``) and the ``<script>`` tag
  to paste there (``/static/booking-page/embed.js``: a button that opens the page in an
  overlay);
- ``POST /console/link/{id}/regenerate``, ``POST /console/link/new``,
  ``POST /console/link/embed``: each one use case with the desk's actor, then back to
  the page (303); a refusal is said on the page.

Another artist's link is "not found" (404), as in the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Redirect, Template

from booking_domain.catalog import BookingLinkId, LinkCounts, Service
from booking_domain.catalog.use_cases import CatalogUseCases, LinkListing, ProfileFields
from booking_domain.shared import ArtistId, DomainError, ServiceId
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    Tab,
    artist_desk,
    artist_form,
    back_to,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import refusal_status, refusal_text
from entrypoints.web.shared.qr import qr_svg
from entrypoints.web.shared.render import Lang

LINK: Final = f"{CONSOLE}/link"
TABS: Final = (Tab(70, "link", LINK, "Booking link"),)
NO_SUCH_LINK: Final = "This link is not one of yours."
ALL_SERVICES: Final = "All your services"
EMBED_SCRIPT: Final = "/static/booking-page/embed.js"  # unversioned: pasted once, kept
_ORIGINS_TYPED: Final = 4000  # characters of the origins' box read (the rule takes five)
_ORIGIN_LINES: Final = 50


@dataclass(frozen=True, slots=True)
class CountsLine:
    """Counts as the page writes them."""

    visits: int
    slot_views: int
    bookings: int
    conversion: str  # "25 %", or a dash before the first visit


@dataclass(frozen=True, slots=True)
class LinkLine:
    """One link as the page shows it: plain values."""

    id: str
    service: str | None  # the service's name; None for the general link
    url: str
    token: str
    qr: str  # an SVG data: URI
    total: CountsLine
    recent: CountsLine


def _counts(counts: LinkCounts) -> CountsLine:
    rate = counts.conversion
    shown = "\N{EN DASH}" if rate is None else f"{rate * 100:.0f} %"
    return CountsLine(counts.visits, counts.slot_views, counts.bookings, shown)


def _line(listing: LinkListing, names: dict[ServiceId, str]) -> LinkLine:
    link = listing.link
    service = None if link.service_id is None else names.get(link.service_id, "")
    return LinkLine(
        id=str(link.id),
        service=service,
        url=listing.url,
        token=link.token,
        qr=qr_svg(listing.url),
        total=_counts(listing.usage.total),
        recent=_counts(listing.usage.recent),
    )


def site_of(url: str) -> str:
    """Where the booking pages (and so ``embed.js``) are served: a link's address without
    its ``/book/<token>``."""
    return url.rsplit("/book/", 1)[0]


@dataclass(frozen=True, slots=True)
class _Counter:
    request: Request[Any, Any, Any]
    desk: Desk
    catalog: CatalogUseCases

    @property
    def artist_id(self) -> ArtistId:
        assert self.desk.artist is not None  # artist_desk sent anyone without a profile elsewhere
        return self.desk.artist.id


async def _page(
    at: _Counter,
    *,
    problem: str | None = None,
    status: int = 200,
    origins: str | None = None,
) -> Template:
    """The page; a refusal of the listing (a profile not approved yet) is said on it, the
    embed's form still there."""
    listings: list[LinkListing] = []
    listing_problem = None
    try:
        listings = await at.catalog.list_booking_links(at.desk.actor)
    except DomainError as refused:
        listing_problem = refusal_text(at.desk.locale, refused)
    services: tuple[Service, ...] = await at.catalog.list_services(at.desk.actor, at.artist_id)
    names = {s.id: s.name for s in services}
    lines = [_line(entry, names) for entry in listings]
    linked = {entry.link.service_id for entry in listings}
    general = next((line for line in lines if line.service is None), None)
    artist = at.desk.artist
    assert artist is not None
    return console_page(
        "console_link.html.j2",
        at.request,
        at.desk,
        status=status,
        tab="link",
        lines=lines,
        general=general,
        unlinked=[s for s in services if s.active and s.id not in linked] if listings else [],
        problem=problem,
        listing_problem=listing_problem,
        origins="\n".join(artist.embed_origins) if origins is None else origins,
        listed_origins=artist.embed_origins,
        script=None if general is None else site_of(general.url) + EMBED_SCRIPT,
    )


@get(LINK, include_in_schema=False, media_type=MediaType.HTML)
async def console_link(
    request: Request[Any, Any, Any],
    catalog: NamedDependency[CatalogUseCases],
    lang: Lang = None,
) -> Template | Redirect:
    """The artist's booking links, their QR codes and counts, and the embed."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _page(_Counter(request, desk, catalog))


async def _form_of(
    request: Request[Any, Any, Any], catalog: CatalogUseCases
) -> tuple[_Counter, dict[str, str]] | Template | Redirect:
    """The desk and the form of a POST, or the answer to give instead (nothing done)."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    return _Counter(request, desk, catalog), form


def _uuid(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None


@post(
    f"{LINK}/{{link_id:str}}/regenerate",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_regenerate_link(
    request: Request[Any, Any, Any],
    link_id: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """A link under a new address (``RegenerateBookingLink``): the old one answers "this
    link was replaced" from then on; its counts stay."""
    opened = await _form_of(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, _ = opened
    parsed = _uuid(link_id)
    if parsed is None:
        return refused_page(at.desk.locale, NO_SUCH_LINK, 404)
    try:
        await catalog.regenerate_booking_link(at.desk.actor, BookingLinkId(parsed))
    except DomainError as refused:
        status = refusal_status(refused)
        if status == 404:
            return refused_page(at.desk.locale, NO_SUCH_LINK, 404)
        return await _page(at, problem=refusal_text(at.desk.locale, refused), status=status)
    return back_to(LINK)


@post(f"{LINK}/new", include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_new_link(
    request: Request[Any, Any, Any], catalog: NamedDependency[CatalogUseCases]
) -> Template | Redirect:
    """A link for one of the artist's services (``CreateBookingLink``)."""
    opened = await _form_of(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    parsed = _uuid(form.get("service", "")[:64])
    if parsed is None:
        return refused_page(at.desk.locale, NO_SUCH_LINK, 404)
    try:
        await catalog.create_booking_link(at.desk.actor, ServiceId(parsed))
    except DomainError as refused:
        problem, status = refusal_text(at.desk.locale, refused), refusal_status(refused)
        return await _page(at, problem=problem, status=status)
    return back_to(LINK)


@post(f"{LINK}/embed", include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_embed(
    request: Request[Any, Any, Any], catalog: NamedDependency[CatalogUseCases]
) -> Template | Redirect:
    """The origins of the artist's site, one a line (``UpdateArtistProfile``): the whole
    list replaced; an empty box allows no site. A refusal keeps what was typed."""
    opened = await _form_of(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    typed = form.get("origins", "")[:_ORIGINS_TYPED]
    lines = tuple(typed.splitlines()[:_ORIGIN_LINES])
    try:
        await catalog.update_artist(at.desk.actor, at.artist_id, ProfileFields(embed_origins=lines))
    except DomainError as refused:
        problem, status = refusal_text(at.desk.locale, refused), refusal_status(refused)
        return await _page(at, problem=problem, status=status, origins=typed)
    return back_to(LINK)


LINK_PAGES: Final = (console_link, console_regenerate_link, console_new_link, console_embed)
