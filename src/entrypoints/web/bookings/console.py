"""The console's day and its bookings:

- ``GET /console`` (``?day=YYYY-MM-DD``): the day's bookings in order, in the artist's time
  zone, each with its customer's name and phone, service, time, state and money, and the
  actions the artist may take on it now (``staff_actions``);
- ``GET /console/bookings/{id}``: one booking, its customer, notes, money and history;
- ``GET /console/bookings/{id}/cancel``: what cancelling now gives back, asked before;
- ``POST /console/bookings/{id}/act``: approve, decline, cancel, complete or mark a no-show
  (``ChangeBookingStatus``: the API's rules and access; another artist's booking is "not
  found").

Every handler: who is at the desk, one use case, the page (docs/console.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.bookings import BOOKING_EVENT_TYPES, HistoryEntry, NamedBooking
from booking_domain.bookings.staff_actions import STATUS_OF_ACTION, StaffAction, staff_actions
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.shared import (
    MAX_PAGE_SIZE,
    BookingId,
    Clock,
    DomainError,
    NotFoundError,
    PageRequest,
    Role,
)
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    Tab,
    back_to,
    checked_form,
    console_page,
    desk_of,
    problem_text,
    refused_page,
    to_sign_in,
)
from entrypoints.web.shared.dates import full_date
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

Day = Annotated[str | None, QueryParameter(max_length=10)]
SPAN_LIMIT: Final = 1_000  # bookings a day or a week shows at most
_REASON_LENGTH: Final = 500  # as the API's status change takes it
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
_ACTIONS: Final = frozenset(a.value for a in StaffAction if a in STATUS_OF_ACTION)


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


def _line(named: NamedBooking, desk: Desk, now: datetime) -> BookingLine:
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


def bounds(day: date, desk: Desk) -> tuple[datetime, datetime]:
    """The day's first instant and the next day's, in the artist's zone (a DST day is 23 or
    25 hours long)."""
    first = datetime.combine(day, time(), desk.zone)
    following = datetime.combine(day + timedelta(days=1), time(), desk.zone)
    return first, following


async def bookings_between(
    bookings: BookingUseCases, desk: Desk, first: datetime, following: datetime
) -> tuple[list[NamedBooking], int]:
    """The artist's bookings starting in ``[first, following)``, page after page of the
    API's list up to ``SPAN_LIMIT`` (a week of a busy studio is a few hundred), and how many
    there are in all (more than were read only past the limit)."""
    read: list[NamedBooking] = []
    page = 1
    while True:
        found = await bookings.list_bookings(
            desk.actor,
            PageRequest(page, MAX_PAGE_SIZE),
            starts_from=first,
            starts_before=following,
        )
        read += found.items
        if not found.items or len(read) >= min(found.total, SPAN_LIMIT):
            return read, found.total
        page += 1


def day_lines(
    desk: Desk, found: Sequence[NamedBooking], now: datetime
) -> list[tuple[BookingLine, datetime]]:
    """The bookings as lines, earliest first, each with its start (to sort them into days)."""
    ordered = sorted(found, key=lambda n: n.booking.start)
    return [(_line(named, desk, now), named.booking.start) for named in ordered]


async def artist_desk(
    request: Request[Any, Any, Any], lang: str | None
) -> Desk | Redirect | Template:
    """The artist at the desk, or where to send anyone else."""
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
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    now = clock.now()
    shown = chosen_day(day, desk, now)
    first, following = bounds(shown, desk)
    found, total = await bookings_between(bookings, desk, first, following)
    lines = [line for line, _ in day_lines(desk, found, now)]
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
        more=total > len(lines),
        live={"events": LIVE_EVENTS, "updated": translator(desk.locale)(UPDATED)},
    )


def _status(refused: DomainError) -> int:
    """A refusal's status on the console: not found (404, another artist's booking too),
    else a conflict with the booking's state (409)."""
    return 404 if isinstance(refused, NotFoundError) else 409


def _booking_id(text: str) -> BookingId | None:
    try:
        return BookingId(UUID(text))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Counter:
    """What a console handler of bookings works with: the request, who is at the desk, the
    context's use cases and the clock."""

    request: Request[Any, Any, Any]
    desk: Desk
    bookings: BookingUseCases
    clock: Clock


async def _booking_page(
    at: _Counter, booking_id: BookingId, *, problem: str | None = None, status: int = 200
) -> Template:
    desk = at.desk
    try:
        named = await at.bookings.read_booking(desk.actor, booking_id)
        history = await at.bookings.booking_history(desk.actor, booking_id)
    except NotFoundError:
        return refused_page(desk.locale, NOT_YOURS, 404)
    line = _line(named, desk, at.clock.now())
    return console_page(
        "console_booking.html.j2",
        at.request,
        desk,
        status=status,
        line=line,
        day=desk.local(named.booking.start).date().isoformat(),
        history=[_entry(e, desk) for e in history],
        problem=problem,
    )


def _entry(entry: HistoryEntry, desk: Desk) -> dict[str, str | None]:
    return {
        "at": desk.local(entry.at).strftime("%Y-%m-%d %H:%M"),
        "kind": entry.kind.value,
        "amount": None if entry.amount is None else money_text(entry.amount),
        "reason": entry.reason,
    }


@get(f"{CONSOLE}/bookings/{{booking_id:str}}", include_in_schema=False, media_type=MediaType.HTML)
async def console_booking(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
) -> Template | Redirect:
    """One booking of the artist's: anyone else's, or no booking, is "not found"."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = _booking_id(booking_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOURS, 404)
    return await _booking_page(_Counter(request, desk, bookings, clock), parsed)


@get(
    f"{CONSOLE}/bookings/{{booking_id:str}}/cancel",
    include_in_schema=False,
    media_type=MediaType.HTML,
)
async def console_cancel_page(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
) -> Template | Redirect:
    """What cancelling now would give back and keep (``QuoteCancellation``), asked before."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = _booking_id(booking_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOURS, 404)
    try:
        quote = await bookings.quote_cancellation(desk.actor, parsed)
        named = await bookings.read_booking(desk.actor, parsed)
    except DomainError as refused:
        at = _Counter(request, desk, bookings, clock)
        return await _booking_page(
            at, parsed, problem=problem_text(desk.locale, refused), status=_status(refused)
        )
    line = _line(named, desk, clock.now())
    return console_page(
        "console_cancel.html.j2",
        request,
        desk,
        line=line,
        refund=money_text(quote.refund),
        kept=None if quote.kept.is_zero else money_text(quote.kept),
    )


@post(
    f"{CONSOLE}/bookings/{{booking_id:str}}/act",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_act(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """One of the booking's actions (the form's ``action``); back to where the form was."""
    desk = await artist_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    parsed = _booking_id(booking_id)
    action = form.get("action", "")
    if parsed is None or action not in _ACTIONS:
        return refused_page(desk.locale, NOT_YOURS, 404)
    reason = form.get("reason", "").strip()[:_REASON_LENGTH] or None
    try:
        await bookings.change_status(
            desk.actor, parsed, status=STATUS_OF_ACTION[StaffAction(action)], reason=reason
        )
    except DomainError as refused:
        at = _Counter(request, desk, bookings, clock)
        problem = problem_text(desk.locale, refused)
        return await _booking_page(at, parsed, problem=problem, status=_status(refused))
    back = form.get("back", "")
    if back.startswith(f"{CONSOLE}?day=") or back == CONSOLE:
        return back_to(back.partition("?")[0], day=back.partition("day=")[2][:10])
    return back_to(f"{CONSOLE}/bookings/{parsed}", done=action)


CONSOLE_PAGES: Final = (console_today, console_booking, console_cancel_page, console_act)
