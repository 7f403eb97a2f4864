"""Payments taken in the studio, from a booking's console page:

- ``POST /console/bookings/{id}/studio-payments``: record cash, a card terminal or a bank
  transfer (``RecordStudioPayment``, as the API's ``studio-payments``);
- ``POST /console/bookings/{id}/studio-payments/{paymentId}/refund``: money of one given
  back (``RefundStudioPayment``);
- ``GET /console/bookings/{id}/studio-payments/{paymentId}/receipt``: its receipt, HTML or
  ``?format=pdf`` (``StudioReceipt``, in the console's language).

The API's rules and access in each; a refusal re-renders the booking's page with its words.
"""

from __future__ import annotations

from typing import Annotated, Any, Final
from uuid import UUID

from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.consent import ConsentUseCases
from booking_domain.payments import (
    STUDIO_MAX_AMOUNT,
    PaymentUseCases,
    StudioKind,
    StudioMethod,
    StudioPaymentId,
    StudioPaymentRequest,
)
from booking_domain.shared import Clock, DomainError, NotFoundError
from entrypoints.web.bookings.booking_page import (
    _DOCUMENT_HEADERS,
    _posted,
    _refused,
    booking_page,
)
from entrypoints.web.bookings.console import NOT_YOURS, booking_id_of, bookings_desk
from entrypoints.web.shared.console import CONSOLE, Desk, back_to, refused_page, with_renewal
from entrypoints.web.shared.console_forms import NOT_A_NUMBER, BadFieldError, minor_units
from entrypoints.web.shared.texts import translator

NO_METHOD: Final = "Choose how the money was paid and what it pays."
_METHODS: Final = frozenset(m.value for m in StudioMethod)
_KINDS: Final = frozenset(k.value for k in StudioKind)
Format = Annotated[str, QueryParameter(pattern=r"^(html|pdf)$")]


def _payment_id(text: str) -> StudioPaymentId | None:
    try:
        return StudioPaymentId(UUID(text))
    except ValueError:
        return None


@post(
    f"{CONSOLE}/bookings/{{booking_id:str}}/studio-payments",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_record_payment(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    consent: NamedDependency[ConsentUseCases],
    payments: NamedDependency[PaymentUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """A payment taken in the studio: how, what it pays, the amount in whole units, a note."""
    posted = await _posted(request, booking_id, bookings, consent, payments, clock)
    if not isinstance(posted, tuple):
        return posted
    at, parsed, form = posted
    method, kind = form.get("method", ""), form.get("kind", "")
    if method not in _METHODS or kind not in _KINDS:
        problem = translator(at.desk.locale)(NO_METHOD)
        return await booking_page(at, parsed, problem=problem, status=422)
    try:
        amount = minor_units(form.get("amount"), STUDIO_MAX_AMOUNT)
    except BadFieldError:
        problem = translator(at.desk.locale)(NOT_A_NUMBER)
        return await booking_page(at, parsed, problem=problem, status=422)
    request_ = StudioPaymentRequest(
        StudioMethod(method), StudioKind(kind), amount, form.get("note") or None
    )
    try:
        key = form.get("key", "")[:64] or None  # the form's own: sent twice, recorded once
        await payments.record_studio_payment(at.desk.actor, parsed, request_, idempotency_key=key)
    except DomainError as refused:
        return await _refused(at, parsed, refused)
    return back_to(f"{CONSOLE}/bookings/{parsed}", done="studio_payment")


@post(
    f"{CONSOLE}/bookings/{{booking_id:str}}/studio-payments/{{payment_id:str}}/refund",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_refund_payment(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    payment_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    consent: NamedDependency[ConsentUseCases],
    payments: NamedDependency[PaymentUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """Money of a recorded payment given back (whole units)."""
    posted = await _posted(request, booking_id, bookings, consent, payments, clock)
    if not isinstance(posted, tuple):
        return posted
    at, parsed, form = posted
    found = _payment_id(payment_id)
    if found is None:
        return refused_page(at.desk.locale, NOT_YOURS, 404)
    try:
        amount = minor_units(form.get("amount"), STUDIO_MAX_AMOUNT)
    except BadFieldError:
        problem = translator(at.desk.locale)(NOT_A_NUMBER)
        return await booking_page(at, parsed, problem=problem, status=422)
    try:
        await payments.refund_studio_payment(at.desk.actor, parsed, found, amount)
    except DomainError as refused:
        return await _refused(at, parsed, refused)
    return back_to(f"{CONSOLE}/bookings/{parsed}", done="studio_refund")


@get(
    f"{CONSOLE}/bookings/{{booking_id:str}}/studio-payments/{{payment_id:str}}/receipt",
    include_in_schema=False,
    media_type=MediaType.HTML,
)
async def console_receipt(
    request: Request[Any, Any, Any],
    booking_id: FromPath[str],
    payment_id: FromPath[str],
    payments: NamedDependency[PaymentUseCases],
    format: Format = "html",
) -> Response[bytes] | Template | Redirect:
    """A payment's receipt in the console's language (``StudioReceipt``)."""
    desk = await bookings_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    parsed, found = booking_id_of(booking_id), _payment_id(payment_id)
    if parsed is None or found is None:
        return refused_page(desk.locale, NOT_YOURS, 404)
    try:
        made = await payments.studio_receipt(
            desk.actor, parsed, found, locale=desk.locale, pdf=format == "pdf"
        )
    except NotFoundError:
        return refused_page(desk.locale, NOT_YOURS, 404)
    how = "inline" if format == "html" else "attachment"
    headers = {**_DOCUMENT_HEADERS, "Content-Disposition": f'{how}; filename="{made.name}"'}
    return with_renewal(
        Response(made.body, media_type=made.media_type, headers=headers), request, desk
    )


STUDIO_PAGES: Final = (console_record_payment, console_refund_payment, console_receipt)
