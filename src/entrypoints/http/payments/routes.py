"""The routes the app serves of payments (``ROUTES``), in the order the API lists them."""

from entrypoints.http.payments.controller import (
    DepositInvoiceController,
    PaymentCallbackController,
    PaymentsController,
    SandboxController,
    SettlementsController,
    TransactionsController,
)
from entrypoints.http.payments.payout_accounts import PayoutAccountController
from entrypoints.http.payments.reconciliations import ReconciliationsController
from entrypoints.http.payments.stripe_events import StripeEventsController
from entrypoints.http.payments.studio import ReceiptLinkController, StudioPaymentsController
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        DepositInvoiceController,
        StudioPaymentsController,
        PaymentsController,
        ReceiptLinkController,
        PaymentCallbackController,
        StripeEventsController,
        PayoutAccountController,
        SettlementsController,
        ReconciliationsController,
        TransactionsController,
    ),
    sandbox=(SandboxController,),
)
