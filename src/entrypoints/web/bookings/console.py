"""The console's day, and the lines its bookings are shown as:

- ``GET /console`` (``?day=YYYY-MM-DD``): the day's bookings in order, in the artist's time
  zone, each with its customer's name and phone, service, time, state and money, and the
  actions the artist may take on it now (``staff_actions``; the forms post to a booking's
  own actions, ``booking_page``).

Every handler: who is at the desk, one use case, the page (docs/console.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Final
from uuid import UUID

from litestar import Request, get
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from booking_domain.bookings import BOOKING_EVENT_TYPES, NamedBooking
from booking_domain.bookings.staff_actions import staff_actions
from booking_domain.bookings.use_cases import MAX_SPAN, BookingUseCases
from booking_domain.shared import BookingId, Clock, Role
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    Tab,
    back_to,
    console_page,
    desk_of,
    to_sign_in,
)
from entrypoints.web.shared.dates import full_date
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

Day = Annotated[str | None, QueryParameter(max_length=10)]
SPAN_LIMIT: Final = MAX_SPAN  # bookings a day or a week shows at most
TABS: Final = (
    Tab(10, "today", CONSOLE, "Today"),
    Tab(20, "week", f"{CONSOLE}/week", "Week"),
    Tab(60, "clients", f"{CONSOLE}/clients", "Clients"),
)
# The stream's events that change a day's list: every change of a booking, each type its
# events are published with (docs/events.md): ``booking.<kind>`` of its history's kinds, and
# ``booking.confirmed`` for any change that confirms it (a booking made with nothing to
# wait for, an approval without a deposit, a paid deposit).
LIVE_EVENTS: Final = tuple(sorted(BOOKING_EVENT_TYPES))
ADMIN_HOME: Final = f"{CONSOLE}/admin/artists"
UPDATED: Final = "The day's bookings changed: the list is up to date."
NOT_YOURS: Final = "This booking is not one of yours."


@dataclass(frozen=True, slots=True)
class BookingLine:
    """A booking as the console lists and shows it: plain values in the artist's zone."""

    id: str
    reference: str
    start: str
    end: str
    status: str
    waiting_for: tuple[str, ...]
    customer: str
    phone: str | None
    service: str
    deposit: str | None
    paid: str
    balance: str | None
    notes: str
    actions: tuple[str, ...]


def booking_line(named: NamedBooking, desk: Desk, now: datetime) -> BookingLine:
    booking = named.booking
    price = booking.full_price
    balance = None if price is None else price - booking.refundable
    return BookingLine(
        id=str(booking.id),
        reference=booking.reference,
        start=desk.local(booking.start).strftime("%H:%M"),
        end=desk.local(booking.end).strftime("%H:%M"),
        status=booking.status.value,
        waiting_for=tuple(w.value for w in booking.waiting_for),
        customer=named.names.customer or "",
        phone=named.names.phone,
        service=named.names.service or "",
        deposit=None if booking.deposit.is_zero else money_text(booking.deposit),
        paid=money_text(booking.refundable),
        balance=None if balance is None or balance.amount <= 0 else money_text(balance),
        notes=booking.notes,
        actions=tuple(a.value for a in staff_actions(booking, now)),
    )


def chosen_day(text: str | None, desk: Desk, now: datetime) -> date:
    """The day asked for (``YYYY-MM-DD``), else today in the artist's zone (also for a day
    whose neighbours the calendar cannot name: the first and last of year 1 and 9999)."""
    today = desk.local(now).date()
    if not text:
        return today
    try:
        asked = date.fromisoformat(text)
    except ValueError:
        return today
    return asked if date.min < asked < date.max else today


_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WALL_TIME: Final = re.compile(r"[0-9]{2}:[0-9]{2}")


def local_start(day_text: str, time_text: str, desk: Desk) -> datetime | None:
    """A form's day (``YYYY-MM-DD``) and wall time (``HH:MM``) as an instant in the
    artist's zone; None unless both are exactly that, in ASCII digits (a browser's date and
    time inputs send nothing else). A wall time a DST change repeats is read as its first
    (``fold=0``); one it skips, as the zone's rules carry it forward."""
    if not (_DAY.fullmatch(day_text) and _WALL_TIME.fullmatch(time_text)):
        return None
    try:
        day, at = date.fromisoformat(day_text), time.fromisoformat(time_text)
    except ValueError:
        return None
    return datetime.combine(day, at.replace(tzinfo=desk.zone))


def bounds(day: date, desk: Desk) -> tuple[datetime, datetime]:
    """The day's first instant and the next day's, in the artist's zone (a DST day is 23 or
    25 hours long)."""
    first = datetime.combine(day, time(), desk.zone)
    following = datetime.combine(day + timedelta(days=1), time(), desk.zone)
    return first, following


async def bookings_between(
    bookings: BookingUseCases, desk: Desk, first: datetime, following: datetime
) -> tuple[list[NamedBooking], bool]:
    """The artist's bookings starting in ``[first, following)``, earliest first, up to
    ``SPAN_LIMIT`` (a week of a busy studio is a few hundred), in one read; and whether
    there are more than that."""
    span = await bookings.list_bookings_between(desk.actor, first, following, limit=SPAN_LIMIT)
    return list(span.items), span.more


async def bookings_desk(
    request: Request[Any, Any, Any], lang: str | None
) -> Desk | Redirect | Template:
    """The artist at the desk of a bookings page (``artist_desk``), except that an admin's
    desk starts at the operator's approvals."""
    desk = await desk_of(request, lang)
    if desk is None:
        return to_sign_in(request)
    if desk.claims.role is Role.ADMIN:  # an operator's desk starts at the approvals
        return back_to(ADMIN_HOME)
    if desk.artist is None:
        return console_page("console_no_profile.html.j2", request, desk)
    return desk


@get(CONSOLE, include_in_schema=False, media_type=MediaType.HTML)
async def console_today(
    request: Request[Any, Any, Any],
    bookings: NamedDependency[BookingUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
    day: Day = None,
) -> Template | Redirect:
    """The day's bookings, earliest first (today unless ``day`` names another)."""
    desk = await bookings_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    now = clock.now()
    shown = chosen_day(day, desk, now)
    first, following = bounds(shown, desk)
    found, more = await bookings_between(bookings, desk, first, following)
    lines = [booking_line(named, desk, now) for named in found]
    return console_page(
        "console_today.html.j2",
        request,
        desk,
        tab="today" if shown == desk.local(now).date() else "",
        day=shown.isoformat(),
        heading=full_date(shown, desk.locale),
        today=shown == desk.local(now).date(),
        previous=(shown - timedelta(days=1)).isoformat(),
        next=(shown + timedelta(days=1)).isoformat(),
        lines=lines,
        more=more,
        live={"events": LIVE_EVENTS, "updated": translator(desk.locale)(UPDATED)},
    )


def booking_id_of(text: str) -> BookingId | None:
    """The booking an address names, None for text that names none."""
    try:
        return BookingId(UUID(text))
    except ValueError:
        return None


CONSOLE_PAGES: Final = (console_today,)
