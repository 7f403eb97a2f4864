"""The console's week and the walk-in:

- ``GET /console/week`` (``?day=YYYY-MM-DD``): the seven days from that day's Monday, in the
  artist's time zone, each with its bookings in order (a day links to its page);
- ``GET /console/book`` (``?day=``): the form to book a walk-in or a phone client in (name
  and phone, a service, a day and a time, notes, the deposit asked or not);
- ``POST /console/book``: ``CreateBooking`` with the artist's client record (found by phone,
  else made), the same rules as the API's (the start must be one the artist offers and free;
  a refusal is said on the form, nothing made); then the booking's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final
from uuid import uuid4
from zoneinfo import ZoneInfo

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.response import Redirect, Template

from booking_domain.bookings import NamedBooking
from booking_domain.bookings.use_cases import BookingRequest, BookingUseCases, ClientDetails
from booking_domain.catalog import CatalogUseCases, Service
from booking_domain.scheduling import SchedulingUseCases, format_clock, schedule_of
from booking_domain.shared import Clock, DomainError
from entrypoints.web.bookings.console import (
    Day,
    bookings_between,
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
    problem_text,
)
from entrypoints.web.shared.dates import full_date
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

WEEK: Final = f"{CONSOLE}/week"
BOOK: Final = f"{CONSOLE}/book"
CHOOSE: Final = "Choose a service, a day and a time."
_NAME_LENGTH: Final = 200  # as the API's client takes them
_PHONE_LENGTH: Final = 40
_NOTES_LENGTH: Final = 2_000


@dataclass(frozen=True, slots=True)
class WeekLine:
    """A booking as the week lists it: its times in the artist's zone, customer, service
    and state (the day's line, ``BookingLine``, without the money, notes and actions the
    week does not show: a busy week is some 230 of them)."""

    id: str
    start: str
    end: str
    status: str
    customer: str
    service: str


def week_line(named: NamedBooking, start: datetime, zone: ZoneInfo) -> WeekLine:
    booking = named.booking
    return WeekLine(
        id=str(booking.id),
        start=start.strftime("%H:%M"),
        end=booking.end.astimezone(zone).strftime("%H:%M"),
        status=booking.status.value,
        customer=named.names.customer or "",
        service=named.names.service or "",
    )


@get(WEEK, include_in_schema=False, media_type=MediaType.HTML)
async def console_week(
    request: Request[Any, Any, Any],
    bookings: NamedDependency[BookingUseCases],
    scheduling: NamedDependency[SchedulingUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
    day: Day = None,
) -> Template | Redirect:
    """The week of ``day`` (this week by default), Monday first, each day's bookings and
    its hours as they stand (a date's override, else its weekday's: time off shows as
    closed)."""
    desk = await bookings_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    now = clock.now()
    shown = chosen_day(day, desk, now)
    monday = shown - timedelta(days=shown.weekday())
    if monday <= date.min + timedelta(days=7) or monday >= date.max - timedelta(days=14):
        monday = desk.local(now).date() - timedelta(days=desk.local(now).weekday())
    first, _ = bounds(monday, desk)
    _, following = bounds(monday + timedelta(days=6), desk)
    found, more = await bookings_between(bookings, desk, first, following)
    # Each line into its local day, in one pass (the bookings come earliest first).
    zone = desk.zone
    by_day: dict[date, list[WeekLine]] = {}
    for named in found:
        start = named.booking.start.astimezone(zone)
        by_day.setdefault(start.date(), []).append(week_line(named, start, zone))
    today = desk.local(now).date()
    assert desk.artist is not None  # bookings_desk sent anyone without a profile elsewhere
    availability = await scheduling.get_availability(desk.actor, desk.artist.id)
    schedule = schedule_of(availability.rules, availability.overrides)
    days = []
    for offset in range(7):
        each = monday + timedelta(days=offset)
        days.append(
            {
                "day": each.isoformat(),
                "heading": full_date(each, desk.locale),
                "today": each == today,
                "lines": by_day.get(each, []),
                "hours": [hours_text(*w) for w in schedule.local_windows(each.toordinal())],
            }
        )
    return console_page(
        "console_week.html.j2",
        request,
        desk,
        tab="week",
        days=days,
        previous=(monday - timedelta(days=7)).isoformat(),
        next=(monday + timedelta(days=7)).isoformat(),
        more=more,
    )


def hours_text(start: int, end: int) -> str:
    """A window of a day's hours as the pages write it: ``09:00`` to ``17:00`` with an en dash."""
    return f"{format_clock(start)}\u2013{format_clock(end)}"


async def _services(catalog: CatalogUseCases, desk: Desk) -> list[Service]:
    """The artist's services a walk-in may be booked for: the active ones."""
    assert desk.artist is not None
    offered = await catalog.list_services(desk.actor, desk.artist.id)
    return [s for s in offered if s.active]


def _service_choices(services: list[Service]) -> list[dict[str, str]]:
    return [
        {
            "id": str(s.id),
            "label": f"{s.name} · {int(s.duration.total_seconds() // 60)} min · "
            f"{money_text(s.price)}",
        }
        for s in services
    ]


async def _book_form(
    request: Request[Any, Any, Any],
    desk: Desk,
    catalog: CatalogUseCases,
    fields: dict[str, str],
    *,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    services = await _services(catalog, desk)
    # A new key for each form shown: sending it twice books once (``console_book``).
    fields = {**fields, "key": str(uuid4())}
    return console_page(
        "console_book.html.j2",
        request,
        desk,
        status=status,
        tab="week",
        services=_service_choices(services),
        fields=fields,
        problem=problem,
    )


@get(BOOK, include_in_schema=False, media_type=MediaType.HTML)
async def console_book_form(
    request: Request[Any, Any, Any],
    catalog: NamedDependency[CatalogUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
    day: Day = None,
) -> Template | Redirect:
    """The walk-in form, its day ``day`` (today by default)."""
    desk = await bookings_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    shown = chosen_day(day, desk, clock.now())
    fields = {"day": shown.isoformat(), "time": "", "name": "", "phone": "", "notes": ""}
    return await _book_form(request, desk, catalog, fields)


@post(BOOK, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_book(
    request: Request[Any, Any, Any],
    bookings: NamedDependency[BookingUseCases],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """Book the walk-in; its booking's page, or the form again with the refusal."""
    desk = await bookings_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    fields = {
        "day": form.get("day", "")[:20],
        "time": form.get("time", "")[:20],
        "name": form.get("name", "")[:_NAME_LENGTH],
        "phone": form.get("phone", "")[:_PHONE_LENGTH],
        "notes": form.get("notes", "")[:_NOTES_LENGTH],
        "service": form.get("service", "")[:36],
        "deposit": "on" if form.get("deposit") else "",
    }
    start = local_start(fields["day"], fields["time"], desk)
    services = {str(s.id): s for s in await _services(catalog, desk)}
    service = services.get(fields["service"])
    if start is None or service is None:
        problem = translator(desk.locale)(CHOOSE)
        return await _book_form(request, desk, catalog, fields, problem=problem, status=422)
    assert desk.artist is not None
    wanted = BookingRequest(
        desk.artist.id,
        service.id,
        start,
        fields["notes"],
        # One walk-in per form sent: a second tap of the same form would book twice, so the
        # form's own key (made when it was shown) is the request's idempotency key.
        form.get("key", "")[:64] or str(uuid4()),
        client=ClientDetails(fields["name"], fields["phone"]),
        deposit=bool(fields["deposit"]),
    )
    try:
        created = await bookings.create_booking(desk.actor, wanted)
    except DomainError as refused:
        return await _book_form(
            request, desk, catalog, fields, problem=problem_text(desk.locale, refused), status=409
        )
    return back_to(f"{CONSOLE}/bookings/{created.booking.id}")


WEEK_PAGES: Final = (console_week, console_book_form, console_book)
