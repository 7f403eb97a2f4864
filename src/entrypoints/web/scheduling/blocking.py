"""Blocking time from the console (a doctor's visit, a guest spot elsewhere, a long lunch):

- ``GET /console/availability/block`` (``?day=YYYY-MM-DD``, today by default): the date's
  hours as they stand (its override's, else its weekday's) and a form for the span to
  block (``until`` left empty: to the day's end);
- ``POST /console/availability/block``: ``BlockTime``, the API's ``POST
  /availability/blocks``: the date's override keeps the rest of what it offered; then the
  day's page. A span that is not open, a date out of reach or a time that is no time is
  said on the form, nothing changed.

Bookings already in the span stay (moving or cancelling them is the artist's choice, on
their own pages); the page says how to give the date back (remove its override on the
availability page).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Final

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from booking_domain.scheduling import schedule_of
from booking_domain.scheduling.use_cases import BlockFields, SchedulingUseCases
from booking_domain.shared import Clock, DomainError
from entrypoints.web.scheduling.views import window_text
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    artist_desk,
    back_to,
    checked_form,
    console_page,
)
from entrypoints.web.shared.console_forms import refusal_status, refusal_text
from entrypoints.web.shared.dates import full_date
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

BLOCK: Final = f"{CONSOLE}/availability/block"
DAY_END: Final = "24:00"
BAD_SPAN: Final = "Choose a date, and the time to block from."
_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
Day = Annotated[str | None, QueryParameter(max_length=10)]


def _day(text: str | None) -> date | None:
    """A form's or address's ``YYYY-MM-DD`` in ASCII digits, else None."""
    if not text or not _DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


async def _page(
    request: Request[Any, Any, Any],
    desk: Desk,
    scheduling: SchedulingUseCases,
    day: date,
    fields: dict[str, str],
    *,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    assert desk.artist is not None  # artist_desk sent anyone without a profile elsewhere
    availability = await scheduling.get_availability(desk.actor, desk.artist.id)
    schedule = schedule_of(availability.rules, availability.overrides)
    hours = [window_text(*w) for w in schedule.local_windows(day.toordinal())]
    return console_page(
        "console_block.html.j2",
        request,
        desk,
        status=status,
        tab="availability",
        day=day.isoformat(),
        heading=full_date(day, desk.locale),
        hours=hours,
        fields=fields,
        problem=problem,
    )


@get(BLOCK, include_in_schema=False, media_type=MediaType.HTML)
async def console_block_page(
    request: Request[Any, Any, Any],
    scheduling: NamedDependency[SchedulingUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
    day: Day = None,
) -> Template | Redirect:
    """The form to block part of ``day`` (today in the artist's zone by default)."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    shown = _day(day) or desk.local(clock.now()).date()
    fields = {"date": shown.isoformat(), "start": "", "end": ""}
    return await _page(request, desk, scheduling, shown, fields)


@post(BLOCK, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_block(
    request: Request[Any, Any, Any],
    scheduling: NamedDependency[SchedulingUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """Block the form's span; the day's page, or the form again with why not."""
    desk = await artist_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    fields = {k: form.get(k, "")[:20] for k in ("date", "start", "end")}
    on = _day(fields["date"])
    today = desk.local(clock.now()).date()
    if on is None or not fields["start"]:
        problem = translator(desk.locale)(BAD_SPAN)
        return await _page(
            request, desk, scheduling, on or today, fields, problem=problem, status=422
        )
    wanted = BlockFields(on, fields["start"], fields["end"] or DAY_END)
    try:
        await scheduling.block_time(desk.actor, wanted)
    except DomainError as refused:
        problem = refusal_text(desk.locale, refused)
        status = refusal_status(refused)
        return await _page(request, desk, scheduling, on, fields, problem=problem, status=status)
    return back_to(CONSOLE, day=on.isoformat())


BLOCK_PAGES: Final = (console_block_page, console_block)
