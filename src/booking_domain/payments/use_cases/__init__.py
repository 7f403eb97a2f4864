"""Payment use cases: deposit invoices, callbacks and checks, and invoice upkeep."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.payments.use_cases.balance import (
    BalanceRequest,
    BalanceSettled,
    IssueBalanceInvoice,
)
from booking_domain.payments.use_cases.booking_invoices import (
    BookingInvoices,
    ListBookingInvoices,
)
from booking_domain.payments.use_cases.callbacks import HandleCallback, RecheckPayment
from booking_domain.payments.use_cases.deps import RECHECK_DELAYS, PaymentsDeps
from booking_domain.payments.use_cases.gateway_events import HandleGatewayEvent
from booking_domain.payments.use_cases.invoices import (
    CheckPayment,
    GetPayment,
    RequestDepositInvoice,
)
from booking_domain.payments.use_cases.ledger import ListTransactions
from booking_domain.payments.use_cases.payout_accounts import (
    ConnectPayoutAccount,
    GetPayoutAccount,
    PayoutOnboarding,
)
from booking_domain.payments.use_cases.reconciling import ListReconciliations, ReconcilePayments
from booking_domain.payments.use_cases.refunds import (
    ListSettlements,
    PayRefund,
    PlanRefunds,
    SettleRefund,
)
from booking_domain.payments.use_cases.studio import (
    ListStudioPayments,
    ReceiptFile,
    ReceiptView,
    RecordStudioPayment,
    RefundStudioPayment,
    StudioPaymentRequest,
    StudioPayments,
    StudioReceipt,
    StudioReceiptByToken,
    StudioRecorded,
)
from booking_domain.payments.use_cases.upkeep import (
    CancelInvoiceAtProvider,
    WithdrawLapsedInvoices,
)
from booking_domain.payments.use_cases.views import InvoiceIssued, PaymentView
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class PaymentUseCases(UseCaseBundle[PaymentsDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    request_deposit_invoice: RequestDepositInvoice
    get_payment: GetPayment
    check_payment: CheckPayment
    handle_callback: HandleCallback
    recheck_payment: RecheckPayment
    handle_gateway_event: HandleGatewayEvent
    connect_payout_account: ConnectPayoutAccount
    get_payout_account: GetPayoutAccount
    reconcile_payments: ReconcilePayments
    list_reconciliations: ListReconciliations
    withdraw_lapsed_invoices: WithdrawLapsedInvoices
    cancel_invoice_at_provider: CancelInvoiceAtProvider
    plan_refunds: PlanRefunds
    pay_refund: PayRefund
    list_settlements: ListSettlements
    settle_refund: SettleRefund
    list_transactions: ListTransactions
    issue_balance_invoice: IssueBalanceInvoice
    list_booking_invoices: ListBookingInvoices
    record_studio_payment: RecordStudioPayment
    refund_studio_payment: RefundStudioPayment
    list_studio_payments: ListStudioPayments
    studio_receipt: StudioReceipt
    studio_receipt_by_token: StudioReceiptByToken


__all__ = [
    "RECHECK_DELAYS",
    "BalanceRequest",
    "BalanceSettled",
    "BookingInvoices",
    "CancelInvoiceAtProvider",
    "CheckPayment",
    "ConnectPayoutAccount",
    "GetPayment",
    "GetPayoutAccount",
    "HandleCallback",
    "HandleGatewayEvent",
    "InvoiceIssued",
    "IssueBalanceInvoice",
    "ListBookingInvoices",
    "ListReconciliations",
    "ListSettlements",
    "ListStudioPayments",
    "ListTransactions",
    "PayRefund",
    "PaymentUseCases",
    "PaymentView",
    "PaymentsDeps",
    "PayoutOnboarding",
    "PlanRefunds",
    "ReceiptFile",
    "ReceiptView",
    "RecheckPayment",
    "ReconcilePayments",
    "RecordStudioPayment",
    "RefundStudioPayment",
    "RequestDepositInvoice",
    "SettleRefund",
    "StudioPaymentRequest",
    "StudioPayments",
    "StudioReceipt",
    "StudioReceiptByToken",
    "StudioRecorded",
    "WithdrawLapsedInvoices",
]
