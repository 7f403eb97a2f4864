"""Payments over HTTP: deposit invoices, checks, the provider's callback, settlements."""

from entrypoints.http.payments.controller import (
    DepositInvoiceController,
    PaymentCallbackController,
    PaymentsController,
    SandboxController,
    SettlementsController,
    TransactionsController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        DepositInvoiceController,
        PaymentsController,
        PaymentCallbackController,
        SettlementsController,
        TransactionsController,
    ),
    sandbox=(SandboxController,),
)
