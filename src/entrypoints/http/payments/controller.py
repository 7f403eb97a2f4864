"""Deposits: ``POST /bookings/{id}/deposit-invoice`` (and the balance after the session,
``POST /bookings/{id}/balance-invoice``), ``/payments/{invoiceId}`` (read, check),
the provider's callback, and the sandbox's pay action (local profile only).

Who may see or pay which invoice is decided by the use cases (strangers get 404).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from litestar import MediaType, Response, get, post, route
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, HeaderParameter, JSONBody, Parameter, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from booking_domain.bookings import (
    BookingActionNotAllowedError,
    BookingNotFoundError,
    IdempotencyKeyReusedError,
    PaymentMismatchError,
    RefundOutOfRangeError,
)
from booking_domain.loyalty import (
    InsufficientPointsError,
    PointsNotRedeemableError,
    RedemptionTooLargeError,
)
from booking_domain.payments import (
    DepositNotPayableError,
    InvoiceInProgressError,
    InvoiceNotFoundError,
    NothingToRefundError,
    PaymentCheckTooSoonError,
    PaymentMethod,
    PaymentNotFoundError,
    PaymentProviderError,
    PaymentProviderUnavailableError,
    RefundId,
    RefundNotFoundError,
)
from booking_domain.payments.errors import (
    BalanceAlreadyPaidError,
    BalanceNegativeError,
    BalanceNotDueError,
    BalanceNotPayableError,
)
from booking_domain.payments.ledger import TransactionFilter, TransactionKind
from booking_domain.payments.use_cases import BalanceRequest, BalanceSettled, PaymentUseCases
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    BookingId,
    ConcurrentUpdateError,
    ConflictError,
    InvalidInputError,
    InvalidTransitionError,
    NaiveDatetimeError,
    PageRequest,
    PermissionDeniedError,
    ServiceUnavailableError,
    TimeOutOfRangeError,
)
from entrypoints.bundles import SandboxBank
from entrypoints.http.caller import AnyRequest, Caller
from entrypoints.http.controllers import AdminOnly, Public, SignedIn
from entrypoints.http.payments.dto import (
    BalanceInvoiceRequest,
    DepositInvoiceRequest,
    InvoiceView,
    RefundPage,
    RefundView,
    SandboxPaymentView,
    SettleRequest,
    TransactionPage,
    TransactionView,
)
from entrypoints.http.payments.examples import BALANCE_INVOICE
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.response_docs import documented

PaymentsDep = NamedDependency[PaymentUseCases]
NOTHING_LEFT = "Nothing is left to pay: no invoice is made; the booking now shows paidInFull: true"
SandboxDep = NamedDependency[SandboxBank]

# A provider's invoice id: a UUID (QPay) or a Checkout Session's id (Stripe: cs_test_...).
InvoicePath = Annotated[str, Parameter(min_length=1, max_length=255, pattern=r"^[A-Za-z0-9_-]+$")]
IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        description="Retrying with the same key returns the first invoice",
    ),
]

# What the provider's answer to any call becomes (QPay's error keys, or the payment edge's
# codes, translated by the gateway adapters).
PROVIDER_FAILS = (
    PaymentNotFoundError, DepositNotPayableError, NothingToRefundError, ConflictError,
    PaymentProviderError, PaymentProviderUnavailableError,
)  # fmt: skip
# Paying the deposit (RequestDepositInvoice): the caller is not the booking's customer or a
# stranger, the Idempotency-Key refused or reused, its earlier invoice still being made or
# failed (503), the booking not invoiceable, the points refused, a state moved meanwhile,
# and the provider's failures.
DEPOSIT_INVOICE_RAISES = raises_exactly(
    BookingNotFoundError, BookingActionNotAllowedError,
    InvalidInputError, IdempotencyKeyReusedError, InvoiceInProgressError, ServiceUnavailableError,
    InsufficientPointsError, PointsNotRedeemableError, RedemptionTooLargeError,
    InvalidTransitionError, ConcurrentUpdateError,
    *PROVIDER_FAILS,
)  # fmt: skip
# Asking for the balance (IssueBalanceInvoice): as the deposit's, for the booking's artist,
# plus the adjustment refused and the balance not due, paid, negative or not payable.
BALANCE_INVOICE_RAISES = raises_exactly(
    BookingNotFoundError, BookingActionNotAllowedError,
    InvalidInputError, IdempotencyKeyReusedError, InvoiceInProgressError, ServiceUnavailableError,
    BalanceNotDueError, BalanceAlreadyPaidError, BalanceNegativeError, BalanceNotPayableError,
    InsufficientPointsError, PointsNotRedeemableError, RedemptionTooLargeError,
    InvalidTransitionError, ConcurrentUpdateError,
    *PROVIDER_FAILS,
)  # fmt: skip
# Reading an invoice (GetPayment): not there or not the caller's (the same 404).
READ_INVOICE_RAISES = raises_exactly(InvoiceNotFoundError, BookingNotFoundError)
# "I have paid" (CheckPayment): as reading, plus not the customer, too soon after the last
# check (429), a payment that fits no rule of the booking, a state moved meanwhile, and the
# provider's failures.
CHECK_RAISES = raises_exactly(
    InvoiceNotFoundError, BookingNotFoundError, BookingActionNotAllowedError,
    PaymentCheckTooSoonError, PaymentMismatchError, InvalidTransitionError,
    ConcurrentUpdateError, *PROVIDER_FAILS,
)  # fmt: skip
# The provider's callback (HandleCallback) answers SUCCESS whatever happens: no refusal.
CALLBACK_RAISES = raises_exactly()
# Settlements (admins): a page out of bounds; settling one: the note refused, the refund not
# there or not awaiting settlement, its booking gone, the amount past what was paid, a
# state moved meanwhile.
LIST_SETTLEMENTS_RAISES = raises_exactly(PermissionDeniedError, InvalidInputError)
SETTLE_RAISES = raises_exactly(
    PermissionDeniedError, InvalidInputError, RefundNotFoundError, BookingNotFoundError,
    InvalidTransitionError, RefundOutOfRangeError, ConcurrentUpdateError,
)  # fmt: skip
# The ledger's filter: a status of no listed kind, ``to`` not after ``from``, their bounds.
TRANSACTIONS_RAISES = raises_exactly(
    PermissionDeniedError, InvalidInputError, NaiveDatetimeError, TimeOutOfRangeError
)
# The sandbox's bank app: no such invoice, or one cancelled.
SANDBOX_PAY_RAISES = raises_exactly(PaymentNotFoundError, ConflictError)


class DepositInvoiceController(SignedIn, context="payments"):
    path = "/bookings"
    tags = ["payments"]

    @post(
        "/{booking_id:uuid}/deposit-invoice",
        status_code=HTTP_201_CREATED,
        summary="Pay the deposit: a QPay invoice (the booking's customer)",
        opt=DEPOSIT_INVOICE_RAISES,
    )
    async def request_invoice(
        self,
        booking_id: FromPath[UUID],
        actor: Caller,
        payments: PaymentsDep,
        idempotency_key: IdempotencyKey = None,
        data: JSONBody[DepositInvoiceRequest | None] = None,
    ) -> Response[InvoiceView]:
        """201 with a new invoice; 200 with the one already payable (never two at once) or
        the one an Idempotency-Key made before. The body is optional: ``redeemPoints`` of
        the customer's loyalty points pay part of a new invoice."""
        issued = await payments.request_deposit_invoice(
            actor,
            BookingId(booking_id),
            idempotency_key=idempotency_key,
            redeem_points=None if data is None else data.redeem_points,
        )
        status = HTTP_201_CREATED if issued.created else HTTP_200_OK
        return Response(InvoiceView.of(issued.view), status_code=status)

    @post(
        "/{booking_id:uuid}/balance-invoice",
        status_code=HTTP_201_CREATED,
        summary="Ask for the balance after the session: a QPay invoice (the booking's artist)",
        responses={
            HTTP_201_CREATED: documented(
                BALANCE_INVOICE, "The new balance invoice", "350,000 MNT left after the deposit"
            ),
            HTTP_200_OK: documented(
                BALANCE_INVOICE, "The one an Idempotency-Key made", "The same invoice again"
            ),
            HTTP_204_NO_CONTENT: ResponseSpec(None, description=NOTHING_LEFT),
        },
        opt=BALANCE_INVOICE_RAISES,
    )
    async def issue_balance(
        self,
        booking_id: FromPath[UUID],
        data: JSONBody[BalanceInvoiceRequest],
        actor: Caller,
        payments: PaymentsDep,
        idempotency_key: IdempotencyKey = None,
    ) -> Response[InvoiceView | None]:
        """201 with a new invoice (an open one of the booking is cancelled: it is
        superseded); 200 with the one an Idempotency-Key made before; 204 when nothing is
        left to pay (no invoice: the booking is settled)."""
        issued = await payments.issue_balance_invoice(
            actor,
            BookingId(booking_id),
            BalanceRequest(data.adjustment, data.adjustment_reason, data.redeem_points),
            idempotency_key=idempotency_key,
        )
        if isinstance(issued, BalanceSettled):
            return Response(None, status_code=HTTP_204_NO_CONTENT)
        status = HTTP_201_CREATED if issued.created else HTTP_200_OK
        return Response(InvoiceView.of(issued.view), status_code=status)


class PaymentsController(SignedIn, context="payments"):
    path = "/payments"
    tags = ["payments"]

    @get(
        "/{invoice_id:str}",
        summary="An invoice, its payments and its booking's status",
        opt=READ_INVOICE_RAISES,
    )
    async def read(
        self, invoice_id: InvoicePath, actor: Caller, payments: PaymentsDep
    ) -> InvoiceView:
        return InvoiceView.of(await payments.get_payment(actor, invoice_id))

    @post(
        "/{invoice_id:str}/check",
        status_code=HTTP_200_OK,
        summary="I have paid: confirm with QPay now (once per 15 s per invoice)",
        opt=CHECK_RAISES,
    )
    async def check(
        self, invoice_id: InvoicePath, actor: Caller, payments: PaymentsDep
    ) -> InvoiceView:
        return InvoiceView.of(await payments.check_payment(actor, invoice_id))


SUCCESS = Response("SUCCESS", media_type=MediaType.TEXT, status_code=HTTP_200_OK)


class PaymentCallbackController(Public, context="payments"):
    """QPay's callback: ``GET`` (POST too, as some integrators see it) on the URL an invoice
    was made with. Always ``200 SUCCESS`` as text/plain, whatever it carried."""

    path = "/payments/callback"
    tags = ["payments"]

    @route(
        "/{number:str}",
        http_method=["GET", "POST"],
        status_code=HTTP_200_OK,  # what SUCCESS sends, and so the document says (not 201)
        media_type=MediaType.TEXT,
        summary="QPay's payment callback (for QPay only)",
        opt=CALLBACK_RAISES,
    )
    async def callback(
        self,
        request: AnyRequest,
        number: FromPath[str],
        payments: PaymentsDep,
        t: Annotated[str, QueryParameter()] = "",
        qpay_payment_id: Annotated[str, QueryParameter()] = "",
    ) -> Response[str]:
        """Lengths and shapes are the use case's to judge: whatever the query holds, the
        answer is ``SUCCESS`` (QPay forbids any other)."""
        evidence = request.scope.get("query_string", b"").decode("latin-1")
        await payments.handle_callback(number, t, payment_hint=qpay_payment_id, evidence=evidence)
        return SUCCESS


class SettlementsController(AdminOnly, context="payments"):
    """Refunds the provider cannot make (bank-app payments, parts of payments): admins pay
    them back by bank transfer and mark them settled here."""

    path = "/admin/settlements"
    tags = ["admin", "payments"]

    @get(
        summary="Refunds awaiting manual settlement, oldest first (admins)",
        opt=LIST_SETTLEMENTS_RAISES,
    )
    async def list_settlements(
        self,
        actor: Caller,
        payments: PaymentsDep,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
    ) -> RefundPage:
        found = await payments.list_settlements(actor, PageRequest(page, page_size))
        return RefundPage.of(found, RefundView.of)

    @post(
        "/{refund_id:uuid}/settle",
        status_code=HTTP_200_OK,
        summary="Mark a refund paid back by hand (admins; once)",
        opt=SETTLE_RAISES,
    )
    async def settle(
        self,
        refund_id: FromPath[UUID],
        data: JSONBody[SettleRequest],
        actor: Caller,
        payments: PaymentsDep,
    ) -> RefundView:
        settled = await payments.settle_refund(actor, RefundId(refund_id), data.note)
        return RefundView.of(settled)


# Every status of either kind (the use case refuses one the listed kinds do not have).
TransactionStatus = Literal[
    "creating", "open", "paid", "failed", "cancelled", "pending", "refunded", "manual", "settled"
]


class TransactionsController(AdminOnly, context="payments"):
    """The ledger: every deposit invoice and refund, newest first."""

    path = "/admin/transactions"
    tags = ["admin", "payments"]

    @get(
        summary="Deposits and refunds: kind, status, dates, awaiting settlement (admins)",
        opt=TRANSACTIONS_RAISES,
    )
    async def list_transactions(
        self,
        actor: Caller,
        payments: PaymentsDep,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
        kind: Annotated[list[TransactionKind] | None, QueryParameter()] = None,
        status: Annotated[list[TransactionStatus] | None, QueryParameter()] = None,
        created_from: Annotated[datetime | None, QueryParameter(name="from")] = None,
        created_before: Annotated[datetime | None, QueryParameter(name="to")] = None,
        awaiting_settlement: Annotated[
            bool | None, QueryParameter(name="awaitingSettlement")
        ] = None,
        booking_id: Annotated[UUID | None, QueryParameter(name="bookingId")] = None,
    ) -> TransactionPage:
        where = TransactionFilter(
            kinds=frozenset(kind or ()),
            statuses=frozenset(status or ()),
            created_from=created_from,
            created_before=created_before,
            awaiting_settlement=awaiting_settlement,
            booking_id=None if booking_id is None else BookingId(booking_id),
        )
        found = await payments.list_transactions(actor, where, PageRequest(page, page_size))
        return TransactionPage.of(found, TransactionView.of)


class SandboxController(Public, context="payments"):
    """The sandbox's bank app (local profile only): pay an invoice in full, then the
    sandbox calls back as QPay would."""

    path = "/sandbox/invoices"
    tags = ["sandbox"]

    @post(
        "/{invoice_id:str}/pay",
        status_code=HTTP_200_OK,
        summary="Pay a sandbox invoice (local profile only)",
        opt=SANDBOX_PAY_RAISES,
    )
    async def pay(
        self,
        invoice_id: InvoicePath,
        sandbox: SandboxDep,
        method: Annotated[PaymentMethod, QueryParameter()] = PaymentMethod.P2P,
    ) -> SandboxPaymentView:
        payment_id = await sandbox.pay(invoice_id, method)
        return SandboxPaymentView(payment_id, invoice_id)
