"""Payments: deposits collected through the payment provider (QPay), never lost, never
counted twice.

Deposit invoices (``invoices``), what a verified payment does to its booking
(``receipts``), the ``PaymentGateway`` port (``gateway``) and the storage ports
(``ports``). Callbacks are never trusted: only the provider's own check, asked by us, records
money (docs/product.md, "6. Money, deposits and refunds").
"""

from booking_domain.payments import connect
from booking_domain.payments.connect import (
    GatewayAccountState,
    Payee,
    PayoutAccount,
    PayoutAccountGateway,
    PayoutAccountStatus,
)
from booking_domain.payments.errors import (
    CardPayoutsOffError,
    DepositNotPayableError,
    GatewayEventRefusedError,
    InvoiceInProgressError,
    InvoiceNotFoundError,
    NothingToRefundError,
    PaymentCheckTooSoonError,
    PaymentNotFoundError,
    PaymentProviderError,
    PaymentProviderUnavailableError,
    PayoutAccountForArtistsError,
    RefundNotFoundError,
)
from booking_domain.payments.gateway import (
    CancelOutcome,
    DeepLink,
    GatewayReport,
    InvoiceRequest,
    IssuedInvoice,
    PaymentCheck,
    PaymentGateway,
    PaymentMethod,
    PaymentState,
    ProviderPayment,
    RefundOutcome,
)
from booking_domain.payments.gateway_events import (
    GatewayEvent,
    GatewayEventKind,
    GatewayEventReader,
)
from booking_domain.payments.invoices import (
    PROVIDER_CURRENCY,
    QPAY_CURRENCIES,
    DepositInvoice,
    InvoiceId,
    InvoiceKind,
    InvoiceStatus,
    invoice_number,
    invoiceable,
    provider_amount,
)
from booking_domain.payments.ports import (
    Evidence,
    InvoiceRepository,
    PaymentJob,
    PaymentJobs,
    PaymentsUnitOfWork,
    PaymentsUnitOfWorkFactory,
    ReceivedPaymentRepository,
    RefundRepository,
)
from booking_domain.payments.provider_state import (
    ProviderToken,
    ProviderTokenSlot,
    ProviderTokenStore,
    SandboxInvoice,
    SandboxLedger,
    SandboxPayment,
)
from booking_domain.payments.published import (
    PAYMENT,
    PAYMENT_EVENT_TYPES,
    REFUND_EVENT_TYPES,
)
from booking_domain.payments.receipts import PaymentOutcome, Receipt, ReceivedPayment, receive
from booking_domain.payments.refunds import Refund, RefundId, RefundStatus
from booking_domain.payments.studio import (
    MAX_AMOUNT as STUDIO_MAX_AMOUNT,
)
from booking_domain.payments.studio import (
    StudioKind,
    StudioMethod,
    StudioPayment,
    StudioPaymentId,
)
from booking_domain.payments.use_cases import (
    BalanceRequest,
    BalanceSettled,
    BookingInvoices,
    PaymentUseCases,
    StudioPaymentRequest,
    StudioPayments,
)

__all__ = [
    "PAYMENT",
    "PAYMENT_EVENT_TYPES",
    "PROVIDER_CURRENCY",
    "QPAY_CURRENCIES",
    "REFUND_EVENT_TYPES",
    "STUDIO_MAX_AMOUNT",
    "BalanceRequest",
    "BalanceSettled",
    "BookingInvoices",
    "CancelOutcome",
    "CardPayoutsOffError",
    "DeepLink",
    "DepositInvoice",
    "DepositNotPayableError",
    "Evidence",
    "GatewayAccountState",
    "GatewayEvent",
    "GatewayEventKind",
    "GatewayEventReader",
    "GatewayEventRefusedError",
    "GatewayReport",
    "InvoiceId",
    "InvoiceInProgressError",
    "InvoiceKind",
    "InvoiceNotFoundError",
    "InvoiceRepository",
    "InvoiceRequest",
    "InvoiceStatus",
    "IssuedInvoice",
    "NothingToRefundError",
    "Payee",
    "PaymentCheck",
    "PaymentCheckTooSoonError",
    "PaymentGateway",
    "PaymentJob",
    "PaymentJobs",
    "PaymentMethod",
    "PaymentNotFoundError",
    "PaymentOutcome",
    "PaymentProviderError",
    "PaymentProviderUnavailableError",
    "PaymentState",
    "PaymentUseCases",
    "PaymentsUnitOfWork",
    "PaymentsUnitOfWorkFactory",
    "PayoutAccount",
    "PayoutAccountForArtistsError",
    "PayoutAccountGateway",
    "PayoutAccountStatus",
    "ProviderPayment",
    "ProviderToken",
    "ProviderTokenSlot",
    "ProviderTokenStore",
    "Receipt",
    "ReceivedPayment",
    "ReceivedPaymentRepository",
    "Refund",
    "RefundId",
    "RefundNotFoundError",
    "RefundOutcome",
    "RefundRepository",
    "RefundStatus",
    "SandboxInvoice",
    "SandboxLedger",
    "SandboxPayment",
    "StudioKind",
    "StudioMethod",
    "StudioPayment",
    "StudioPaymentId",
    "StudioPaymentRequest",
    "StudioPayments",
    "connect",
    "invoice_number",
    "invoiceable",
    "provider_amount",
    "receive",
]
