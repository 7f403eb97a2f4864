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

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.bookings import BOOKING_EVENT_TYPES, Booking, HistoryEntry, NamedBooking
from booking_domain.bookings.staff_actions import STATUS_OF_ACTION, StaffAction, staff_actions
from booking_domain.shared import MAX_PAGE_SIZE, BookingId, DomainError, NotFoundError, PageRequest
from entrypoints.http.serving import serving_of
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    back_to,
    checked_form,
    console_page,
    desk_of,
    problem_text,
    refused_page,
    to_sign_in,
)
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

Day = Annotated[str | None, QueryParameter(max_length=10)]
_REASON_LENGTH: Final = 500  # as the API's status change takes it
# The stream's events that change a day's list: every change of a booking, each type its
# events are published with (docs/events.md): ``booking.<kind>`` of its history's kinds, and
# ``booking.confirmed`` for any change that confirms it (a booking made with nothing to
# wait for, an approval without a deposit, a paid deposit).
LIVE_EVENTS: Final = tuple(sorted(BOOKING_EVENT_TYPES))
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


def _line(named: NamedBooking, phone: str | None, desk: Desk, now: datetime) -> BookingLine:
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
        phone=phone,
        service=named.names.service or "",
        deposit=None if booking.deposit.is_zero else money_text(booking.deposit),
        paid=money_text(booking.refundable),
        balance=None if balance is None or balance.amount <= 0 else money_text(balance),
        notes=booking.notes,
        actions=tuple(a.value for a in staff_actions(booking, now)),
    )


def _day(text: str | None, desk: Desk, now: datetime) -> date:
    """The day asked for (``YYYY-MM-DD``), else today in the artist's zone."""
    if text:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    return desk.local(now).date()


def _bounds(day: date, desk: Desk) -> tuple[datetime, datetime]:
    """The day's first instant and the next day's, in the artist's zone (a DST day is 23 or
    25 hours long)."""
    first = datetime.combine(day, time(), desk.zone)
    following = datetime.combine(day + timedelta(days=1), time(), desk.zone)
    return first, following


async def _phone(request: Request[Any, Any, Any], desk: Desk, booking: Booking) -> str | None:
    bookings = serving_of(request.app).bundles.bookings
    return (await bookings.get_customer_contact(desk.actor, booking.id)).phone


async def _desk(request: Request[Any, Any, Any], lang: str | None) -> Desk | Redirect | Template:
    """The artist at the desk, or where to send anyone else."""
    desk = await desk_of(request, lang)
    if desk is None:
        return to_sign_in(request)
    if desk.artist is None:
        return console_page("console_no_profile.html.j2", request, desk)
    return desk


@get(CONSOLE, include_in_schema=False, media_type=MediaType.HTML)
async def console_today(
    request: Request[Any, Any, Any], lang: Lang = None, day: Day = None
) -> Template | Redirect:
    """The day's bookings, earliest first (today unless ``day`` names another)."""
    desk = await _desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    bundles = serving_of(request.app).bundles
    now = bundles.clock.now()
    shown = _day(day, desk, now)
    if not date.min < shown < date.max:  # a day whose neighbours the calendar cannot name
        shown = desk.local(now).date()
    first, following = _bounds(shown, desk)
    found = await bundles.bookings.list_bookings(
        desk.actor, PageRequest(1, MAX_PAGE_SIZE), starts_from=first, starts_before=following
    )
    named = sorted(found.items, key=lambda n: n.booking.start)
    lines = [_line(n, await _phone(request, desk, n.booking), desk, now) for n in named]
    return console_page(
        "console_today.html.j2",
        request,
        desk,
        tab="today",
        day=shown.isoformat(),
        today=shown == desk.local(now).date(),
        previous=(shown - timedelta(days=1)).isoformat(),
        next=(shown + timedelta(days=1)).isoformat(),
        lines=lines,
        more=found.total > len(lines),
        live={"events": LIVE_EVENTS, "updated": translator(desk.locale)(UPDATED)},
    )


def _booking_id(text: str) -> BookingId | None:
    try:
        return BookingId(UUID(text))
    except ValueError:
        return None


async def _booking_page(
    request: Request[Any, Any, Any],
    desk: Desk,
    booking_id: BookingId,
    *,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    bundles = serving_of(request.app).bundles
    try:
        named = await bundles.bookings.read_booking(desk.actor, booking_id)
        history = await bundles.bookings.booking_history(desk.actor, booking_id)
    except NotFoundError:
        return refused_page(desk.locale, NOT_YOURS, 404)
    now = bundles.clock.now()
    line = _line(named, await _phone(request, desk, named.booking), desk, now)
    return console_page(
        "console_booking.html.j2",
        request,
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
    request: Request[Any, Any, Any], booking_id: FromPath[str], lang: Lang = None
) -> Template | Redirect:
    """One booking of the artist's: anyone else's, or no booking, is "not found"."""
    desk = await _desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = _booking_id(booking_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOURS, 404)
    return await _booking_page(request, desk, parsed)


@get(
    f"{CONSOLE}/bookings/{{booking_id:str}}/cancel",
    include_in_schema=False,
    media_type=MediaType.HTML,
)
async def console_cancel_page(
    request: Request[Any, Any, Any], booking_id: FromPath[str], lang: Lang = None
) -> Template | Redirect:
    """What cancelling now would give back and keep (``QuoteCancellation``), asked before."""
    desk = await _desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = _booking_id(booking_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOURS, 404)
    bookings = serving_of(request.app).bundles.bookings
    try:
        quote = await bookings.quote_cancellation(desk.actor, parsed)
        named = await bookings.read_booking(desk.actor, parsed)
    except DomainError as refused:
        return await _booking_page(
            request, desk, parsed, problem=problem_text(desk.locale, refused), status=409
        )
    now = serving_of(request.app).bundles.clock.now()
    line = _line(named, None, desk, now)
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
    request: Request[Any, Any, Any], booking_id: FromPath[str]
) -> Template | Redirect:
    """One of the booking's actions (the form's ``action``); back to where the form was."""
    desk = await _desk(request, None)
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
    bookings = serving_of(request.app).bundles.bookings
    try:
        await bookings.change_status(
            desk.actor, parsed, status=STATUS_OF_ACTION[StaffAction(action)], reason=reason
        )
    except DomainError as refused:
        problem = problem_text(desk.locale, refused)
        status = 404 if isinstance(refused, NotFoundError) else 409
        return await _booking_page(request, desk, parsed, problem=problem, status=status)
    back = form.get("back", "")
    if back.startswith(f"{CONSOLE}?day=") or back == CONSOLE:
        return back_to(back.partition("?")[0], day=back.partition("day=")[2][:10])
    return back_to(f"{CONSOLE}/bookings/{parsed}", done=action)


CONSOLE_PAGES: Final = (console_today, console_booking, console_cancel_page, console_act)
