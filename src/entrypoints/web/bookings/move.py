"""Moving a booking to another free time, from the console:

- ``GET /console/bookings/{id}/move`` (``?day=YYYY-MM-DD``, the booking's own day by
  default): what moving does (the booking keeps its deposit and payments; the customer is
  told the new time), the day's free starts of the booking's service as the booking page
  offers them (``FindFreeSlots``) and a form for any other day and time;
- ``POST /console/bookings/{id}/move``: ``RescheduleBooking``, the API's rules (a start the
  artist offers and free, the booking's own old time counting as free; a booking that may
  no longer move is refused, said on the page); then the booking's page.

The page is offered only while the domain's ``staff_actions`` lists ``move``; the use case
still decides, so a race between the offer and the tap gets its refusal (docs/console.md).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Final

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Redirect, Template

from booking_domain.bookings import NamedBooking
from booking_domain.bookings.staff_actions import StaffAction, staff_actions
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.scheduling import SchedulingUseCases
from booking_domain.shared import BookingId, Clock, DomainError, NotFoundError
from entrypoints.web.bookings.console import (
    NOT_YOURS,
    Day,
    booking_id_of,
    booking_line,
    bookings_desk,
    bounds,
    chosen_day,
    local_start,
)
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    back_to,
    checked_form,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import refusal_status, refusal_text
from entrypoints.web.shared.dates import full_date
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

CHOOSE_TIME: Final = "Choose a day and a time."
CANNOT_MOVE: Final = "This booking cannot be moved now."
STARTS_SHOWN: Final = 96  # a day's free starts listed at most (every 15 minutes all day)


async def _move_page(
    request: Request[Any, Any, Any],
    desk: Desk,
    named: NamedBooking,
    scheduling: SchedulingUseCases,
    now: datetime,
    day: date,
    *,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    booking = named.booking
    first, following = bounds(day, desk)
    starts: list[dict[str, str]] = []
    slots_problem = None
    try:
        found = await scheduling.find_free_slots(
            desk.actor, booking.artist_id, booking.service_id, first, following, STARTS_SHOWN
        )
        starts = [
            {"value": desk.local(s).strftime("%H:%M"), "iso": s.isoformat()} for s in found.starts
        ]
    except DomainError as refused:
        slots_problem = refusal_text(desk.locale, refused)
    return console_page(
        "console_move.html.j2",
        request,
        desk,
        status=status,
        tab="week",
        line=booking_line(named, desk, now),
        when=full_date(desk.local(booking.start).date(), desk.locale),
        day=day.isoformat(),
        heading=full_date(day, desk.locale),
        previous=(day - timedelta(days=1)).isoformat(),
        next=(day + timedelta(days=1)).isoformat(),
        starts=starts,
        slots_problem=slots_problem,
        problem=problem,
    )


async def _movable(
    bookings: BookingUseCases, desk: Desk, booking_id: BookingId, now: datetime
) -> NamedBooking | Template:
    """The artist's booking, if it may move now; else the page saying why not."""
    try:
        named = await bookings.read_booking(desk.actor, booking_id)
    except NotFoundError:
        return refused_page(desk.locale, NOT_YOURS, 404)
    if StaffAction.MOVE not in staff_actions(named.booking, now):
        return refused_page(desk.locale, CANNOT_MOVE, 409)
    return named


@get(
    f"{CONSOLE}/bookings/{{booking_id:str}}/move",
    include_in_schema=False,
    media_type=MediaType.HTML,
)
async def console_move_page(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    scheduling: NamedDependency[SchedulingUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
    day: Day = None,
) -> Template | Redirect:
    """The free times to move the booking to, on ``day`` (the booking's own by default)."""
    desk = await bookings_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = booking_id_of(booking_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOURS, 404)
    now = clock.now()
    named = await _movable(bookings, desk, parsed, now)
    if not isinstance(named, NamedBooking):
        return named
    own_day = desk.local(named.booking.start).date().isoformat()
    shown = chosen_day(day or own_day, desk, now)
    return await _move_page(request, desk, named, scheduling, now, shown)


@post(
    f"{CONSOLE}/bookings/{{booking_id:str}}/move",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_move(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    scheduling: NamedDependency[SchedulingUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """Move the booking to the form's day and time; its page, or this one with why not."""
    desk = await bookings_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    parsed = booking_id_of(booking_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOURS, 404)
    now = clock.now()
    named = await _movable(bookings, desk, parsed, now)
    if not isinstance(named, NamedBooking):
        return named
    day = chosen_day(form.get("day", "")[:10], desk, now)
    start = local_start(form.get("day", "")[:20], form.get("time", "")[:20], desk)
    if start is None:
        problem = translator(desk.locale)(CHOOSE_TIME)
        return await _move_page(
            request, desk, named, scheduling, now, day, problem=problem, status=422
        )
    try:
        await bookings.reschedule(desk.actor, parsed, start=start)
    except DomainError as refused:
        status = refusal_status(refused)
        problem = refusal_text(desk.locale, refused)
        return await _move_page(
            request, desk, named, scheduling, now, day, problem=problem, status=status
        )
    return back_to(f"{CONSOLE}/bookings/{parsed}", done="moved")


MOVE_PAGES: Final = (console_move_page, console_move)
