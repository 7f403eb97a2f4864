"""The console's studio day: ``GET /console/studio/day`` (``?studio=`` one of the studios
the artist owns, else the first; ``?day=YYYY-MM-DD``, else today): every member's bookings
of the day side by side, each member in their own column (``ShowStudioDay``: time, state,
service and the customer's name only), in the owner's time zone; the columns scroll
sideways on a phone. The arrows go to the day before and after, as on the day screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any, Final
from uuid import UUID

from litestar import Request, get
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from booking_domain.bookings import StudioColumn
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.catalog import CatalogUseCases
from booking_domain.shared import Clock, DomainError, StudioId
from entrypoints.web.bookings.console import Day, chosen_day
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    artist_desk,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import refusal_text
from entrypoints.web.shared.dates import full_date
from entrypoints.web.shared.render import Lang

STUDIO_DAY: Final = f"{CONSOLE}/studio/day"
NOT_AN_OWNER: Final = "Only the studio's owner sees its members' day."
StudioParam = Annotated[str | None, QueryParameter(max_length=64)]


@dataclass(frozen=True, slots=True)
class DeskLine:
    start: str
    end: str
    status: str
    service: str
    customer: str


@dataclass(frozen=True, slots=True)
class ColumnLine:
    id: str
    name: str
    lines: tuple[DeskLine, ...]
    more: bool


def _column(column: StudioColumn, desk: Desk) -> ColumnLine:
    lines = tuple(
        DeskLine(
            desk.local(b.start).strftime("%H:%M"),
            desk.local(b.end).strftime("%H:%M"),
            b.status.value,
            b.service or "",
            b.customer or "",
        )
        for b in column.bookings
    )
    return ColumnLine(str(column.artist.id), column.artist.display_name, lines, column.more)


def _studio_id(text: str | None) -> StudioId | None:
    try:
        return None if text is None else StudioId(UUID(text))
    except ValueError:
        return None


@get(STUDIO_DAY, include_in_schema=False, media_type=MediaType.HTML)
async def console_studio_day(
    request: Request[Any, Any, Any],
    bookings: NamedDependency[BookingUseCases],
    catalog: NamedDependency[CatalogUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
    day: Day = None,
    studio: StudioParam = None,
) -> Template | Redirect:
    """Every member's bookings of the day, side by side (the studio's owner)."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    assert desk.artist is not None
    owned = await catalog.owned_studios(desk.actor)
    wanted = _studio_id(studio)
    chosen = next((s for s in owned if wanted is None or s.id == wanted), None)
    if chosen is None:
        return refused_page(desk.locale, NOT_AN_OWNER, 404 if owned else 403)
    now = clock.now()
    shown = chosen_day(day, desk, now)
    try:
        found = await bookings.show_studio_day(desk.actor, chosen.id, shown, desk.artist.time_zone)
    except DomainError as refused:  # a day the calendar cannot bound
        return refused_page(desk.locale, refusal_text(desk.locale, refused), 422)
    base = f"{STUDIO_DAY}?studio={chosen.id}&day="
    return console_page(
        "console_studio_day.html.j2",
        request,
        desk,
        tab="studio",
        studio=chosen,
        heading=full_date(shown, desk.locale),
        day=shown.isoformat(),
        previous=base + (shown - timedelta(days=1)).isoformat(),
        next=base + (shown + timedelta(days=1)).isoformat(),
        today=shown == desk.local(now).date(),
        today_link=f"{STUDIO_DAY}?studio={chosen.id}",
        columns=[_column(c, desk) for c in found.columns],
    )


STUDIO_DAY_PAGES: Final = (console_studio_day,)
