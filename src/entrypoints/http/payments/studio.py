"""Payments taken in the studio: ``/bookings/{id}/studio-payments`` (record, list, refund,
receipt as HTML or PDF; the booking's artist and admins record, its parties read) and
``/receipts/{token}`` (the receipt's page a customer opens from the link, no sign-in).

Who may record or read is decided by the use cases (strangers get 404, the customer 403 on
recording)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Response, get, post
from litestar.params import FromPath, JSONBody, Parameter, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from booking_domain.bookings import (
    BookingActionNotAllowedError,
    BookingNotFoundError,
    IdempotencyKeyReusedError,
)
from booking_domain.payments.errors import (
    BalanceAlreadyPaidError,
    StudioAmountOutOfRangeError,
    StudioPaymentNotDueError,
    StudioPaymentNotFoundError,
    StudioRefundOutOfRangeError,
)
from booking_domain.payments.studio import StudioPaymentId
from booking_domain.payments.use_cases import ReceiptFile, StudioPaymentRequest
from booking_domain.shared import (
    BookingId,
    ConcurrentUpdateError,
    ConflictError,
    InvalidInputError,
    InvalidTransitionError,
)
from entrypoints.http.caller import AnyRequest, Caller
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.locale import negotiate_locale
from entrypoints.http.payments.controller import IdempotencyKey, PaymentsDep
from entrypoints.http.payments.dto import (
    StudioPaymentCreate,
    StudioPaymentsView,
    StudioPaymentView,
    StudioRefundCreate,
)
from entrypoints.http.problem_docs import raises_exactly

# Recording: the booking not there (or not the caller's), its customer, a bad amount, note
# or key, a key reused on another booking (or sent at once with two), nothing of that kind
# due now, a paid-up booking, an amount the kind does not take, a state moved meanwhile.
RECORD_RAISES = raises_exactly(
    BookingNotFoundError, BookingActionNotAllowedError, InvalidInputError,
    IdempotencyKeyReusedError, ConflictError, StudioPaymentNotDueError, BalanceAlreadyPaidError,
    StudioAmountOutOfRangeError, InvalidTransitionError, ConcurrentUpdateError,
)  # fmt: skip
LIST_RAISES = raises_exactly(BookingNotFoundError)
REFUND_RAISES = raises_exactly(
    BookingNotFoundError, BookingActionNotAllowedError, InvalidInputError,
    StudioPaymentNotFoundError, StudioRefundOutOfRangeError, InvalidTransitionError,
    ConcurrentUpdateError,
)  # fmt: skip
RECEIPT_RAISES = raises_exactly(BookingNotFoundError, StudioPaymentNotFoundError)
TOKEN_RAISES = raises_exactly(StudioPaymentNotFoundError)

Language = Annotated[
    str | None,
    QueryParameter(
        name="lang",
        pattern=r"^(en|mn)$",
        description="en or mn; else the Accept-Language header's choice",
    ),
]
Token = Annotated[str, Parameter(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


def _locale(request: AnyRequest, lang: str | None) -> str:
    return lang or negotiate_locale(request.headers.get("accept-language"))


def _document(made: ReceiptFile) -> Response[bytes]:
    how = "inline" if made.media_type.startswith("text/html") else "attachment"
    headers = {
        "content-disposition": f'{how}; filename="{made.name}"',
        "cache-control": "private, no-store",
    }
    return Response(made.body, media_type=made.media_type, headers=headers)


class StudioPaymentsController(SignedIn, context="payments"):
    path = "/bookings/{booking_id:uuid}/studio-payments"
    tags = ["payments"]

    @post(
        "/",
        status_code=HTTP_201_CREATED,
        summary="Record a payment taken in the studio: cash, card terminal, bank transfer",
        opt=RECORD_RAISES,
    )
    async def record(
        self,
        booking_id: FromPath[UUID],
        data: JSONBody[StudioPaymentCreate],
        actor: Caller,
        payments: PaymentsDep,
        idempotency_key: IdempotencyKey = None,
    ) -> Response[StudioPaymentView]:
        """201 with the payment and its receipt's link (given once); 200 with the payment an
        Idempotency-Key recorded before (without the link)."""
        request = StudioPaymentRequest(data.method, data.kind, data.amount, data.note)
        made = await payments.record_studio_payment(
            actor, BookingId(booking_id), request, idempotency_key=idempotency_key
        )
        view = StudioPaymentView.of(made.payment, made.receipt_url)
        return Response(view, status_code=HTTP_201_CREATED if made.created else HTTP_200_OK)

    @get(
        "/", summary="Payments taken in the studio for a booking, and what is due", opt=LIST_RAISES
    )
    async def list_payments(
        self, booking_id: FromPath[UUID], actor: Caller, payments: PaymentsDep
    ) -> StudioPaymentsView:
        return StudioPaymentsView.of(
            await payments.list_studio_payments(actor, BookingId(booking_id))
        )

    @post(
        "/{payment_id:uuid}/refund",
        status_code=HTTP_200_OK,
        summary="Record money of a studio payment given back",
        opt=REFUND_RAISES,
    )
    async def refund(
        self,
        booking_id: FromPath[UUID],
        payment_id: FromPath[UUID],
        data: JSONBody[StudioRefundCreate],
        actor: Caller,
        payments: PaymentsDep,
    ) -> StudioPaymentView:
        made = await payments.refund_studio_payment(
            actor, BookingId(booking_id), StudioPaymentId(payment_id), data.amount
        )
        return StudioPaymentView.of(made.payment)

    @get(
        "/{payment_id:uuid}/receipt.html",
        media_type="text/html",
        summary="A studio payment's receipt as an HTML page (its booking's parties)",
        opt=RECEIPT_RAISES,
    )
    async def receipt_page(
        self,
        request: AnyRequest,
        booking_id: FromPath[UUID],
        payment_id: FromPath[UUID],
        actor: Caller,
        payments: PaymentsDep,
        lang: Language = None,
    ) -> Response[bytes]:
        made = await payments.studio_receipt(
            actor, BookingId(booking_id), StudioPaymentId(payment_id),
            locale=_locale(request, lang), pdf=False,
        )  # fmt: skip
        return _document(made)

    @get(
        "/{payment_id:uuid}/receipt.pdf",
        media_type="application/pdf",
        summary="A studio payment's receipt as a PDF (its booking's parties)",
        opt=RECEIPT_RAISES,
    )
    async def receipt_pdf(
        self,
        request: AnyRequest,
        booking_id: FromPath[UUID],
        payment_id: FromPath[UUID],
        actor: Caller,
        payments: PaymentsDep,
        lang: Language = None,
    ) -> Response[bytes]:
        made = await payments.studio_receipt(
            actor, BookingId(booking_id), StudioPaymentId(payment_id),
            locale=_locale(request, lang), pdf=True,
        )  # fmt: skip
        return _document(made)


class ReceiptLinkController(Public, context="payments"):
    """The receipt's link as emailed to the customer: the random token is the key."""

    path = "/receipts"
    tags = ["payments"]

    @get(
        "/{token:str}",
        media_type="text/html",
        summary="A studio payment's receipt from its link (HTML; ?format=pdf for the PDF)",
        opt=TOKEN_RAISES,
    )
    async def by_token(
        self,
        request: AnyRequest,
        token: Token,
        payments: PaymentsDep,
        lang: Language = None,
        format: Annotated[str, QueryParameter(pattern=r"^(html|pdf)$")] = "html",
    ) -> Response[bytes]:
        made = await payments.studio_receipt_by_token(
            token, locale=_locale(request, lang), pdf=format == "pdf"
        )
        return _document(made)
