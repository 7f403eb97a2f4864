"""``POST /console/admin/artists/{id}/suspend`` (admins only; anyone else is "not found"):
an approved artist suspended from the operator's artists page (``entrypoints.web.catalog``).

Suspending is this context's use case (``SuspendArtist``): in one transaction the profile
leaves public view and bookings, and every pending or confirmed booking of theirs that has
not started is cancelled with everything paid owed back (docs/admin.md). A refusal (a
profile not approved, suspended already) is said on the artists page, nothing changed.
"""

from __future__ import annotations

from typing import Any, Final

from litestar import Request, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Redirect, Template

from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.catalog import CatalogUseCases
from booking_domain.shared import DomainError
from entrypoints.web.catalog import ARTISTS, opened_form, refused_step, shown_list
from entrypoints.web.shared.console import back_to


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


SUSPENSION_PAGES: Final = (console_suspend_artist,)
