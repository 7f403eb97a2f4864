"""The operator's artists (admins only; anyone else is "not found"):

- ``GET /console/admin/artists`` (``?show=pending|approved|suspended``, ``&page=``): the
  profiles waiting for review (the default: ``ListArtistProfiles`` with ``status=pending``,
  oldest first, the API's queue), the approved ones, or the suspended ones; each with its
  facts and the first pictures of its portfolio (``ListPortfolio``);
- ``POST /console/admin/artists/{id}/review``: approved or rejected with a note
  (``ReviewArtistProfile``);
- ``POST /console/admin/artists/{id}/reinstate``: a suspension lifted (``ReinstateArtist``).

Suspending is bookings' use case (it cancels the artist's upcoming bookings): its form posts
to the bookings room (``entrypoints.web.bookings.suspension``), which shows a refusal on
this page (``artists_page``). A refusal is said on the page (409 for a profile whose state
does not allow the step, 404 for one that is not there), nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.catalog import ArtistProfile, ArtistStatus
from booking_domain.catalog.ports import ArtistFilter
from booking_domain.catalog.use_cases import CatalogUseCases
from booking_domain.shared import ArtistId, DomainError, PageRequest, Role
from entrypoints.web.catalog.views import picture_view
from entrypoints.web.shared.console import (
    CONSOLE,
    NO_SUCH_PAGE,
    Desk,
    Tab,
    admin_desk,
    back_to,
    checked_form,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import page_number, refusal_status, refusal_text
from entrypoints.web.shared.render import Lang

ARTISTS: Final = f"{CONSOLE}/admin/artists"
ADMIN_TABS: Final = (Tab(110, "admin-artists", ARTISTS, "Artists", frozenset({Role.ADMIN})),)
SHOWS: Final = ("pending", "approved", "suspended")
ARTISTS_SHOWN: Final = 20  # profiles a page
PICTURES_SHOWN: Final = 6  # portfolio thumbnails a profile
NOTE_LENGTH: Final = 2000  # as the API's approval takes a note
NO_SUCH_ARTIST: Final = "This artist profile was not found."
_BIO_SHOWN: Final = 400

Show = Annotated[str | None, QueryParameter(max_length=16)]
PageNo = Annotated[str | None, QueryParameter(max_length=8)]


@dataclass(frozen=True, slots=True)
class ArtistLine:
    """A profile as the operator reads it: plain values and its first pictures."""

    id: str
    name: str
    status: str
    suspended: bool
    city: str
    time_zone: str
    styles: str
    bio: str
    instagram: str
    review_note: str
    made: str
    pictures: tuple[dict[str, Any], ...]


async def _line(catalog: CatalogUseCases, desk: Desk, artist: ArtistProfile) -> ArtistLine:
    shown = await catalog.list_portfolio(desk.actor, artist.id, PageRequest(1, PICTURES_SHOWN))
    bio = artist.bio if len(artist.bio) <= _BIO_SHOWN else artist.bio[:_BIO_SHOWN] + "…"
    return ArtistLine(
        id=str(artist.id),
        name=artist.display_name,
        status=artist.status.value,
        suspended=artist.suspended,
        city=artist.city or "",
        time_zone=artist.time_zone,
        styles=", ".join(artist.styles),
        bio=bio,
        instagram=artist.instagram or "",
        review_note=artist.review_note or "",
        made=artist.created_at.date().isoformat(),
        pictures=tuple(picture_view(e.images) for e in shown.items if e.images),
    )


def _filter(show: str) -> ArtistFilter:
    if show == "approved":
        return ArtistFilter(status=ArtistStatus.APPROVED, suspended=False)
    if show == "suspended":
        return ArtistFilter(status=ArtistStatus.APPROVED, suspended=True)
    return ArtistFilter(status=ArtistStatus.PENDING)


def shown_list(text: str | None) -> str:
    return text if text in SHOWS else SHOWS[0]


async def artists_page(
    request: Request[Any, Any, Any],
    desk: Desk,
    catalog: CatalogUseCases,
    *,
    show: str = SHOWS[0],
    number: int = 1,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    """The operator's list of profiles (``show``), with a refusal said when there is one."""
    found = await catalog.list_artist_profiles(
        desk.actor, _filter(show), PageRequest(number, ARTISTS_SHOWN)
    )
    lines = [await _line(catalog, desk, artist) for artist in found.items]
    return console_page(
        "console_admin_artists.html.j2",
        request,
        desk,
        status=status,
        tab="admin-artists",
        show=show,
        lines=lines,
        total=found.total,
        page=number,
        previous=number - 1 if number > 1 else None,
        next=number + 1 if number * ARTISTS_SHOWN < found.total else None,
        problem=problem,
    )


@get(ARTISTS, include_in_schema=False, media_type=MediaType.HTML)
async def console_admin_artists(
    request: Request[Any, Any, Any],
    catalog: NamedDependency[CatalogUseCases],
    lang: Lang = None,
    show: Show = None,
    page: PageNo = None,
) -> Template | Redirect:
    """The profiles waiting for review (or the approved, or the suspended ones)."""
    desk = await admin_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await artists_page(
        request, desk, catalog, show=shown_list(show), number=page_number(page)
    )


def artist_id_of(text: str) -> ArtistId | None:
    try:
        return ArtistId(UUID(text))
    except ValueError:
        return None


async def refused_step(
    request: Request[Any, Any, Any],
    desk: Desk,
    catalog: CatalogUseCases,
    refused: DomainError,
    form: dict[str, str],
) -> Template:
    """A step the use case refused: "not found" (404), else the list again with why."""
    status = refusal_status(refused)
    if status == 404:
        return refused_page(desk.locale, NO_SUCH_ARTIST, 404)
    problem = refusal_text(desk.locale, refused)
    show = shown_list(form.get("show"))
    return await artists_page(request, desk, catalog, show=show, problem=problem, status=status)


async def opened_form(
    request: Request[Any, Any, Any], artist_id: str
) -> tuple[Desk, dict[str, str], ArtistId] | Template | Redirect:
    """The admin, the form and the profile of a POST, or the answer to give instead."""
    desk = await admin_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    parsed = artist_id_of(artist_id)
    if parsed is None:
        return refused_page(desk.locale, NO_SUCH_ARTIST, 404)
    return desk, form, parsed


@post(
    f"{ARTISTS}/{{artist_id:str}}/review",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_review_artist(
    request: Request[Any, Any, Any],
    artist_id: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """A pending profile approved (``decision=approve``) or rejected, with a note."""
    opened = await opened_form(request, artist_id)
    if not isinstance(opened, tuple):
        return opened
    desk, form, parsed = opened
    note = form.get("note", "").strip()[:NOTE_LENGTH] or None
    try:
        await catalog.review_artist(
            desk.actor, parsed, approved=form.get("decision") == "approve", note=note
        )
    except DomainError as refused:
        return await refused_step(request, desk, catalog, refused, form)
    return back_to(ARTISTS, show=shown_list(form.get("show")))


@post(
    f"{ARTISTS}/{{artist_id:str}}/reinstate",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_reinstate_artist(
    request: Request[Any, Any, Any],
    artist_id: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """A suspended artist public and bookable again (``ReinstateArtist``)."""
    opened = await opened_form(request, artist_id)
    if not isinstance(opened, tuple):
        return opened
    desk, form, parsed = opened
    try:
        await catalog.reinstate_artist(desk.actor, parsed)
    except DomainError as refused:
        return await refused_step(request, desk, catalog, refused, form)
    return back_to(ARTISTS, show=shown_list(form.get("show")))


ADMIN_PAGES: Final = (console_admin_artists, console_review_artist, console_reinstate_artist)

__all__ = [
    "ADMIN_PAGES",
    "ADMIN_TABS",
    "ARTISTS",
    "NO_SUCH_ARTIST",
    "NO_SUCH_PAGE",
    "artists_page",
    "opened_form",
    "refused_step",
    "shown_list",
]
