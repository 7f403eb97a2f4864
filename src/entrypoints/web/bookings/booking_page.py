"""One booking in the console, and what the artist does with it:

- ``GET /console/bookings/{id}``: its facts, actions and history, the customer's design
  ideas with their pictures (``ListIdeas``), the consent (``GetBookingConsent``: required or
  not, signed when and by whom, the ID check, what completing still waits for), the
  deposit and balance invoices (``ListBookingInvoices``) and the messages sent about it
  (``ListBookingMessages``: ``booking_messages.py``);
- ``GET /console/bookings/{id}/cancel``: what cancelling now gives back, asked before;
- ``POST /console/bookings/{id}/act``: approve, decline, cancel, complete or mark a no-show
  (``ChangeBookingStatus``);
- ``GET /console/bookings/{id}/consent.pdf``: the signed consent (``DownloadConsent``, as
  the API's ``consent.pdf``: the console's session is a cookie the API does not take);
- ``POST /console/bookings/{id}/check-id``: the customer's photo ID checked
  (``CheckCustomerId``, as the API's ``consent/id-check``);
- ``POST /console/bookings/{id}/balance``: the balance asked for after the session
  (``IssueBalanceInvoice``, as the API's ``balance-invoice``).

The API's rules and access in each: another artist's booking is "not found" (404); a
refusal re-renders the page with its words (docs/console.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Final

from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.bookings.staff_actions import STATUS_OF_ACTION, StaffAction
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.consent import ConsentUseCases, DocumentFormat, IdDocument
from booking_domain.media import StorageUnavailableError
from booking_domain.payments import BalanceRequest, BalanceSettled, PaymentUseCases
from booking_domain.shared import BookingId, Clock, DomainError, NotFoundError
from entrypoints.web.bookings.booking_messages import message_lines
from entrypoints.web.bookings.booking_views import (
    DONE,
    ID_DOCUMENTS,
    NO_DOCUMENT,
    adjustment_of,
    consent_facts,
    history_lines,
    idea_lines,
    invoice_lines,
)
from entrypoints.web.bookings.console import (
    NOT_YOURS,
    booking_id_of,
    booking_line,
    bookings_desk,
)
from entrypoints.web.bookings.studio_views import studio_facts
from entrypoints.web.shared.console import (
    CONSOLE,
    CONSOLE_HEADERS,
    Desk,
    back_to,
    checked_form,
    console_page,
    refused_page,
    with_renewal,
)
from entrypoints.web.shared.console_forms import (
    NOT_A_NUMBER,
    BadFieldError,
    refusal_status,
    refusal_text,
)
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

Done = Annotated[str | None, QueryParameter(max_length=16)]
_REASON_LENGTH: Final = 500  # as the API's status change takes it
_ACTIONS: Final = frozenset(a.value for a in StaffAction if a in STATUS_OF_ACTION)
# The copy is a document, not a page of the console: nothing in it runs or loads.
_DOCUMENT_HEADERS: Final = {
    **CONSOLE_HEADERS,
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
}


@dataclass(frozen=True, slots=True)
class Counter:
    """What a handler of one booking works with: the request, who is at the desk, the use
    cases of the contexts the page shows and the clock."""

    request: Request[Any, Any, Any]
    desk: Desk
    bookings: BookingUseCases
    consent: ConsentUseCases
    payments: PaymentUseCases
    clock: Clock


async def booking_page(
    at: Counter,
    booking_id: BookingId,
    *,
    problem: str | None = None,
    status: int = 200,
    done: str | None = None,
) -> Template:
    """The booking's page (``problem``: a refusal to say, with its ``status``)."""
    desk, actor = at.desk, at.desk.actor
    try:
        named = await at.bookings.read_booking(actor, booking_id)
        history = await at.bookings.booking_history(actor, booking_id)
        consent = await at.consent.get_booking_consent(actor, booking_id)
        billing = await at.payments.list_booking_invoices(actor, booking_id)
        studio = await at.payments.list_studio_payments(actor, booking_id)
        try:
            ideas = idea_lines(
                await at.bookings.list_ideas(actor, booking_id), named.booking.customer_id, desk
            )
        except StorageUnavailableError:
            ideas = None
        messages = await message_lines(at.request, desk, booking_id)
    except NotFoundError:
        return refused_page(desk.locale, NOT_YOURS, 404)
    booking = named.booking
    return console_page(
        "console_booking.html.j2",
        at.request,
        desk,
        status=status,
        line=booking_line(named, desk, at.clock.now()),
        day=desk.local(booking.start).date().isoformat(),
        history=history_lines(history, desk),
        ideas=ideas,
        consent=consent_facts(consent, desk),
        documents=ID_DOCUMENTS,
        invoices=invoice_lines(billing, desk),
        balance_due=billing.balance_due,
        studio=studio_facts(studio, desk),
        problem=problem,
        done=DONE.get(done or ""),
        messages=messages,
    )


async def _counter(
    request: Request[Any, Any, Any],
    lang: str | None,
    bookings: BookingUseCases,
    consent: ConsentUseCases,
    payments: PaymentUseCases,
    clock: Clock,
) -> Counter | Redirect | Template:
    desk = await bookings_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return Counter(request, desk, bookings, consent, payments, clock)


async def _refused(
    at: Counter, booking_id: BookingId, refused: DomainError, *, conflict: bool = False
) -> Template:
    """A use case's refusal on the booking's page; ``conflict``: a status change's, said
    as a conflict with the booking's state (409) as the day's forms always have."""
    problem = refusal_text(at.desk.locale, refused)
    status = refusal_status(refused)
    if conflict and status != 404:
        status = 409
    return await booking_page(at, booking_id, problem=problem, status=status)


@get(f"{CONSOLE}/bookings/{{booking_id:str}}", include_in_schema=False, media_type=MediaType.HTML)
async def console_booking(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    consent: NamedDependency[ConsentUseCases],
    payments: NamedDependency[PaymentUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
    done: Done = None,
) -> Template | Redirect:
    """One booking of the artist's: anyone else's, or no booking, is "not found"."""
    at = await _counter(request, lang, bookings, consent, payments, clock)
    if not isinstance(at, Counter):
        return at
    parsed = booking_id_of(booking_id)
    if parsed is None:
        return refused_page(at.desk.locale, NOT_YOURS, 404)
    return await booking_page(at, parsed, done=done)


@get(
    f"{CONSOLE}/bookings/{{booking_id:str}}/cancel",
    include_in_schema=False,
    media_type=MediaType.HTML,
)
async def console_cancel_page(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    consent: NamedDependency[ConsentUseCases],
    payments: NamedDependency[PaymentUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
) -> Template | Redirect:
    """What cancelling now would give back and keep (``QuoteCancellation``), asked before."""
    at = await _counter(request, lang, bookings, consent, payments, clock)
    if not isinstance(at, Counter):
        return at
    parsed = booking_id_of(booking_id)
    if parsed is None:
        return refused_page(at.desk.locale, NOT_YOURS, 404)
    try:
        quote = await bookings.quote_cancellation(at.desk.actor, parsed)
        named = await bookings.read_booking(at.desk.actor, parsed)
    except DomainError as refused:
        return await _refused(at, parsed, refused, conflict=True)
    return console_page(
        "console_cancel.html.j2",
        request,
        at.desk,
        line=booking_line(named, at.desk, clock.now()),
        refund=money_text(quote.refund),
        kept=None if quote.kept.is_zero else money_text(quote.kept),
    )


async def _posted(
    request: Request[Any, Any, Any],
    booking_id: str,
    bookings: BookingUseCases,
    consent: ConsentUseCases,
    payments: PaymentUseCases,
    clock: Clock,
) -> tuple[Counter, BookingId, dict[str, str]] | Template | Redirect:
    """A form of the booking's page: the desk, the booking it names, its fields (checked
    against the session's form token first)."""
    at = await _counter(request, None, bookings, consent, payments, clock)
    if not isinstance(at, Counter):
        return at
    form = await checked_form(request, at.desk)
    if isinstance(form, Template):
        return form
    parsed = booking_id_of(booking_id)
    if parsed is None:
        return refused_page(at.desk.locale, NOT_YOURS, 404)
    return at, parsed, form


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
    consent: NamedDependency[ConsentUseCases],
    payments: NamedDependency[PaymentUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """One of the booking's actions (the form's ``action``); back to where the form was."""
    posted = await _posted(request, booking_id, bookings, consent, payments, clock)
    if not isinstance(posted, tuple):
        return posted
    at, parsed, form = posted
    action = form.get("action", "")
    if action not in _ACTIONS:
        return refused_page(at.desk.locale, NOT_YOURS, 404)
    reason = form.get("reason", "").strip()[:_REASON_LENGTH] or None
    try:
        await bookings.change_status(
            at.desk.actor, parsed, status=STATUS_OF_ACTION[StaffAction(action)], reason=reason
        )
    except DomainError as refused:
        return await _refused(at, parsed, refused, conflict=True)
    back = form.get("back", "")
    if back.startswith(f"{CONSOLE}?day=") or back == CONSOLE:
        return back_to(back.partition("?")[0], day=back.partition("day=")[2][:10])
    return back_to(f"{CONSOLE}/bookings/{parsed}", done=action)


@get(
    f"{CONSOLE}/bookings/{{booking_id:str}}/consent.pdf",
    include_in_schema=False,
    media_type="application/pdf",
)
async def console_consent_pdf(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    consent: NamedDependency[ConsentUseCases],
) -> Response[bytes] | Template | Redirect:
    """The signed consent as a PDF (``DownloadConsent``); before signing, "not found"."""
    desk = await bookings_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    parsed = booking_id_of(booking_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOURS, 404)
    try:
        made = await consent.download(desk.actor, parsed, DocumentFormat.PDF)
    except NotFoundError:
        return refused_page(desk.locale, NOT_YOURS, 404)
    headers = {
        **_DOCUMENT_HEADERS,
        "Content-Disposition": f'attachment; filename="{made.filename}"',
    }
    return with_renewal(
        Response(made.body, media_type=made.media_type, headers=headers), request, desk
    )


@post(
    f"{CONSOLE}/bookings/{{booking_id:str}}/check-id",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_check_id(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    consent: NamedDependency[ConsentUseCases],
    payments: NamedDependency[PaymentUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """The customer's photo ID checked: its kind and that it shows 18 or older."""
    posted = await _posted(request, booking_id, bookings, consent, payments, clock)
    if not isinstance(posted, tuple):
        return posted
    at, parsed, form = posted
    document = form.get("document", "")
    if document not in ID_DOCUMENTS:
        problem = translator(at.desk.locale)(NO_DOCUMENT)
        return await booking_page(at, parsed, problem=problem, status=422)
    try:
        await consent.check_id(
            at.desk.actor,
            parsed,
            document=IdDocument(document),
            shows_adult=form.get("shows_adult") == "yes",
        )
    except DomainError as refused:
        return await _refused(at, parsed, refused)
    return back_to(f"{CONSOLE}/bookings/{parsed}", done="check_id")


@post(
    f"{CONSOLE}/bookings/{{booking_id:str}}/balance",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_balance(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    consent: NamedDependency[ConsentUseCases],
    payments: NamedDependency[PaymentUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """The balance asked for after the session: the price less what the booking holds, and
    the artist's adjustment with its reason."""
    posted = await _posted(request, booking_id, bookings, consent, payments, clock)
    if not isinstance(posted, tuple):
        return posted
    at, parsed, form = posted
    try:
        adjustment = adjustment_of(form.get("adjustment"))
    except BadFieldError:
        problem = translator(at.desk.locale)(NOT_A_NUMBER)
        return await booking_page(at, parsed, problem=problem, status=422)
    reason = form.get("reason", "").strip() or None
    try:
        issued = await payments.issue_balance_invoice(
            at.desk.actor, parsed, BalanceRequest(adjustment, reason)
        )
    except DomainError as refused:
        return await _refused(at, parsed, refused)
    done = "settled" if isinstance(issued, BalanceSettled) else "balance"
    return back_to(f"{CONSOLE}/bookings/{parsed}", done=done)


BOOKING_PAGES: Final = (
    console_booking,
    console_cancel_page,
    console_act,
    console_consent_pdf,
    console_check_id,
    console_balance,
)
