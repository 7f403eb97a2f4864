"""Payments' storage: invoices, received payments, refunds, the ledger and the payment jobs
(with loyalty's part: an invoice redeems points)."""

from __future__ import annotations

from adapters.postgres.gateway_events import PostgresGatewayEventLog
from adapters.postgres.ledger import PostgresTransactionLedger
from adapters.postgres.parts import loyalty, on_connection, with_jobs
from adapters.postgres.payments import (
    PostgresInvoiceRepository,
    PostgresReceivedPaymentRepository,
    PostgresRefundRepository,
    ProcrastinatePaymentJobs,
)
from adapters.postgres.payout_accounts import PostgresPayoutAccountRepository
from adapters.postgres.reconciliations import PostgresReconciliationRepository
from adapters.postgres.studio_payments import PostgresStudioPaymentRepository
from booking_domain.payments.ports import PaymentsUnitOfWork


class Part(loyalty.Part):
    invoices = on_connection(PostgresInvoiceRepository)
    received_payments = on_connection(PostgresReceivedPaymentRepository)
    payment_jobs = with_jobs(ProcrastinatePaymentJobs)
    refunds = on_connection(PostgresRefundRepository)
    studio_payments = on_connection(PostgresStudioPaymentRepository)
    transactions = on_connection(PostgresTransactionLedger)
    gateway_events = on_connection(PostgresGatewayEventLog)
    payout_accounts = on_connection(PostgresPayoutAccountRepository)
    reconciliations = on_connection(PostgresReconciliationRepository)


SERVES: type[PaymentsUnitOfWork] = Part
