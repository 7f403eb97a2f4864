"""The operator's disputes (admins only; anyone else is "not found"):

- ``GET /console/admin/disputes`` (``?show=open|resolved``, ``&page=``): the disputes,
  newest first (``ListDisputes``), each with its booking (reference, time, service, state,
  what was paid and what can still be given back) and its parties (the customer, the
  artist, who opened it and why);
- ``GET /console/admin/disputes/{id}``: one dispute in full, its evidence oldest first
  (``GetDispute``), and, while it is open, the form that resolves it;
- ``POST /console/admin/disputes/{id}/resolve``: resolved once (``ResolveDispute``): the
  booking's final state (completed or cancelled), a note both parties read, and a refund
  typed in whole units (at most what can be given back).

The parties' names are read as the API's booking read gives them to an admin (bookings'
``ReadBooking``, reached through the served core: this room may not name bookings' bundle),
the artist's display name from the catalogue (``GetArtist``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.bookings import Booking, BookingStatus, BookingUseCases
from booking_domain.catalog import CatalogUseCases
from booking_domain.disputes import DisputeFilter, DisputeStatus
from booking_domain.disputes.use_cases import DisputeUseCases, DisputeView
from booking_domain.shared import DisputeId, DomainError, PageRequest, Role
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    Tab,
    admin_desk,
    back_to,
    checked_form,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import (
    NOT_A_NUMBER,
    BadFieldError,
    minor_units,
    page_number,
    refusal_status,
    refusal_text,
    whole_units,
)
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

DISPUTES: Final = f"{CONSOLE}/admin/disputes"
TABS: Final = (Tab(120, "admin-disputes", DISPUTES, "Disputes", frozenset({Role.ADMIN})),)
SHOWS: Final = ("open", "resolved")
DISPUTES_SHOWN: Final = 20
NO_SUCH_DISPUTE: Final = "This dispute was not found."
RESOLVED: Final = "The dispute is resolved."
NOTE_LENGTH: Final = 2000  # as the API's resolution takes a note
_MAX_MINOR: Final = 10**12  # the API's bound on a refund
_REASON_SHOWN: Final = 200
_OUTCOMES: Final = {s.value: s for s in (BookingStatus.COMPLETED, BookingStatus.CANCELLED)}

Show = Annotated[str | None, QueryParameter(max_length=16)]
PageNo = Annotated[str | None, QueryParameter(max_length=8)]
Done = Annotated[str | None, QueryParameter(max_length=16)]


@dataclass(frozen=True, slots=True)
class DisputeLine:
    """A dispute as the operator reads it: plain values (times in UTC)."""

    id: str
    status: str
    opened: str
    opened_by: str
    reason: str
    short_reason: str
    booking_id: str
    reference: str
    start: str
    service: str
    customer: str
    artist: str
    booking_status: str
    paid: str
    refundable: str
    refundable_units: str
    resolution: str
    outcome: str
    refund: str
    resolved: str


def _moment(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M UTC")


async def _line(
    bookings: BookingUseCases, desk: Desk, catalog: CatalogUseCases, view: DisputeView
) -> DisputeLine:
    dispute, booking = view.dispute, view.booking
    customer, service = await _names(bookings, desk, booking)
    try:
        artist = (await catalog.get_artist(desk.actor, booking.artist_id)).display_name
    except DomainError:  # the profile is gone (its account deleted)
        artist = ""
    reason = dispute.reason
    return DisputeLine(
        id=str(dispute.id),
        status=dispute.status.value,
        opened=_moment(dispute.opened_at),
        opened_by=dispute.opened_by_role.value,
        reason=reason,
        short_reason=reason if len(reason) <= _REASON_SHOWN else reason[:_REASON_SHOWN] + "…",
        booking_id=str(booking.id),
        reference=booking.reference,
        start=_moment(booking.start),
        service=service,
        customer=customer,
        artist=artist,
        booking_status=booking.status.value,
        paid=money_text(booking.amount_paid),
        refundable=money_text(booking.refundable),
        refundable_units=whole_units(booking.refundable.amount),
        resolution=dispute.resolution_note or "",
        outcome="" if dispute.outcome is None else dispute.outcome.value,
        refund="" if dispute.refund is None else money_text(dispute.refund),
        resolved=_moment(dispute.resolved_at),
    )


async def _names(bookings: BookingUseCases, desk: Desk, booking: Booking) -> tuple[str, str]:
    """The customer's name and the service's, as the API's booking read shows an admin."""
    try:
        named = await bookings.read_booking(desk.actor, booking.id)
    except DomainError:
        return "", ""
    return named.names.customer or "", named.names.service or ""


def _dispute_id(text: str) -> DisputeId | None:
    try:
        return DisputeId(UUID(text))
    except ValueError:
        return None


@get(DISPUTES, include_in_schema=False, media_type=MediaType.HTML)
async def console_admin_disputes(
    request: Request[Any, Any, Any],
    disputes: NamedDependency[DisputeUseCases],
    catalog: NamedDependency[CatalogUseCases],
    bookings: NamedDependency[BookingUseCases],
    lang: Lang = None,
    show: Show = None,
    page: PageNo = None,
) -> Template | Redirect:
    """The open disputes (or the resolved ones), newest first."""
    desk = await admin_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    shown = show if show in SHOWS else SHOWS[0]
    number = page_number(page)
    found = await disputes.list_disputes(
        desk.actor, DisputeFilter(DisputeStatus(shown)), PageRequest(number, DISPUTES_SHOWN)
    )
    views = [await disputes.get_dispute(desk.actor, d.id) for d in found.items]
    lines = [await _line(bookings, desk, catalog, view) for view in views]
    return console_page(
        "console_admin_disputes.html.j2",
        request,
        desk,
        tab="admin-disputes",
        show=shown,
        lines=lines,
        total=found.total,
        previous=number - 1 if number > 1 else None,
        next=number + 1 if number * DISPUTES_SHOWN < found.total else None,
    )


@dataclass(frozen=True, slots=True)
class _Counter:
    request: Request[Any, Any, Any]
    desk: Desk
    disputes: DisputeUseCases
    catalog: CatalogUseCases
    bookings: BookingUseCases


async def _dispute_page(
    at: _Counter,
    dispute_id: DisputeId,
    *,
    problem: str | None = None,
    status: int = 200,
    draft: dict[str, str] | None = None,
    done: bool = False,
) -> Template:
    desk = at.desk
    try:
        view = await at.disputes.get_dispute(desk.actor, dispute_id)
    except DomainError:
        return refused_page(desk.locale, NO_SUCH_DISPUTE, 404)
    evidence = [
        {
            "role": e.message.author_role.value,
            "at": _moment(e.message.created_at),
            "text": e.message.text,
            "images": [link.url for link in e.images if link.variant.name == "small"],
        }
        for e in view.evidence
    ]
    return console_page(
        "console_admin_dispute.html.j2",
        at.request,
        desk,
        status=status,
        tab="admin-disputes",
        line=await _line(at.bookings, desk, at.catalog, view),
        evidence=evidence,
        problem=problem,
        draft=draft or {},
        done=translator(desk.locale)(RESOLVED) if done else None,
    )


@get(f"{DISPUTES}/{{dispute_id:str}}", include_in_schema=False, media_type=MediaType.HTML)
async def console_admin_dispute(
    request: Request[Any, Any, Any],
    dispute_id: FromPath[str],
    disputes: NamedDependency[DisputeUseCases],
    catalog: NamedDependency[CatalogUseCases],
    bookings: NamedDependency[BookingUseCases],
    lang: Lang = None,
    done: Done = None,
) -> Template | Redirect:
    """One dispute, its evidence, and the resolution's form while it is open."""
    desk = await admin_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = _dispute_id(dispute_id)
    if parsed is None:
        return refused_page(desk.locale, NO_SUCH_DISPUTE, 404)
    at = _Counter(request, desk, disputes, catalog, bookings)
    return await _dispute_page(at, parsed, done=done == "resolved")


@post(
    f"{DISPUTES}/{{dispute_id:str}}/resolve",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_resolve_dispute(
    request: Request[Any, Any, Any],
    dispute_id: FromPath[str],
    disputes: NamedDependency[DisputeUseCases],
    catalog: NamedDependency[CatalogUseCases],
    bookings: NamedDependency[BookingUseCases],
) -> Template | Redirect:
    """The dispute resolved once (``ResolveDispute``); a refusal keeps what was typed."""
    desk = await admin_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    parsed = _dispute_id(dispute_id)
    if parsed is None:
        return refused_page(desk.locale, NO_SUCH_DISPUTE, 404)
    at = _Counter(request, desk, disputes, catalog, bookings)
    outcome = _OUTCOMES.get(form.get("outcome", ""))
    try:
        refund = minor_units(form.get("refund"), _MAX_MINOR)
        if outcome is None:
            raise BadFieldError
    except BadFieldError:
        problem = translator(desk.locale)(NOT_A_NUMBER)
        return await _dispute_page(at, parsed, problem=problem, status=422, draft=form)
    try:
        await disputes.resolve_dispute(
            desk.actor,
            parsed,
            outcome=outcome,
            refund_amount=refund,
            note=form.get("resolution", "")[:NOTE_LENGTH],
        )
    except DomainError as refused:
        status = refusal_status(refused)
        if status == 404:
            return refused_page(desk.locale, NO_SUCH_DISPUTE, 404)
        problem = refusal_text(desk.locale, refused)
        return await _dispute_page(at, parsed, problem=problem, status=status, draft=form)
    return back_to(f"{DISPUTES}/{parsed}", done="resolved")


CONSOLE_PAGES: Final = (console_admin_disputes, console_admin_dispute, console_resolve_dispute)
