"""Suspending an artist from the operator's artists page (``entrypoints.web.catalog``;
admins only, anyone else "not found"):

- ``GET /console/admin/artists/{id}/suspend``: what it would do, asked first
  (``QuoteSuspension``: how many upcoming bookings it cancels, everything paid for them
  owed back; a profile that cannot be suspended is refused here already);
- ``POST /console/admin/artists/{id}/suspend``: done (``SuspendArtist``).

Suspending is this context's use case (``SuspendArtist``): in one transaction the profile
leaves public view and bookings, and every pending or confirmed booking of theirs that has
not started is cancelled with everything paid owed back (docs/admin.md). A refusal (a
profile not approved, suspended already) is said on the artists page, nothing changed.
"""

from __future__ import annotations

from typing import Any, Final

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Redirect, Template

from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.catalog import CatalogUseCases
from booking_domain.shared import DomainError
from entrypoints.web.catalog import (
    ARTISTS,
    NO_SUCH_ARTIST,
    artist_id_of,
    opened_form,
    refused_step,
    shown_list,
)
from entrypoints.web.shared.console import Desk, admin_desk, back_to, console_page, refused_page
from entrypoints.web.shared.console_forms import refusal_status, refusal_text
from entrypoints.web.shared.render import Lang


@get(f"{ARTISTS}/{{artist_id:str}}/suspend", include_in_schema=False, media_type=MediaType.HTML)
async def console_suspend_page(
    request: Request[Any, Any, Any],
    artist_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    catalog: NamedDependency[CatalogUseCases],
    lang: Lang = None,
) -> Template | Redirect:
    """What suspending the artist would do (``QuoteSuspension``), asked before it is done;
    a refusal (not approved, suspended already) on the artists page, as the POST's."""
    desk = await admin_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = artist_id_of(artist_id)
    if parsed is None:
        return refused_page(desk.locale, NO_SUCH_ARTIST, 404)
    try:
        quote = await bookings.quote_suspension(desk.actor, parsed)
    except DomainError as refused:
        if refusal_status(refused) == 404:
            return refused_page(desk.locale, NO_SUCH_ARTIST, 404)
        return refused_page(desk.locale, refusal_text(desk.locale, refused), 409)
    return console_page(
        "console_suspend.html.j2",
        request,
        desk,
        tab="admin-artists",
        artist_id=str(parsed),
        artist_name=quote.artist.display_name,
        upcoming=quote.upcoming,
    )


@post(
    f"{ARTISTS}/{{artist_id:str}}/suspend",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_suspend_artist(
    request: Request[Any, Any, Any],
    artist_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """An approved artist suspended (``SuspendArtist``: their upcoming bookings cancelled)."""
    opened = await opened_form(request, artist_id)
    if not isinstance(opened, tuple):
        return opened
    desk, form, parsed = opened
    try:
        await bookings.suspend_artist(desk.actor, parsed)
    except DomainError as refused:
        return await refused_step(request, desk, catalog, refused, form)
    return back_to(ARTISTS, show=shown_list(form.get("show")))


SUSPENSION_PAGES: Final = (console_suspend_page, console_suspend_artist)
