"""Payments' storage: invoices, received payments, refunds, the ledger and the payment jobs
(with loyalty's part: an invoice redeems points)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.parts import loyalty, over_table
from adapters.memory.payments import (
    PAYMENT_JOBS,
    InMemoryGatewayEventLog,
    InMemoryInvoiceRepository,
    InMemoryPaymentJobs,
    InMemoryPayoutAccountRepository,
    InMemoryReceivedPaymentRepository,
    InMemoryReconciliationRepository,
    InMemoryRefundRepository,
    InMemoryTransactionLedger,
)
from adapters.memory.studio_payments import InMemoryStudioPaymentRepository
from booking_domain.payments.ports import PaymentsUnitOfWork


class Part(loyalty.Part):
    invoices = cached_property(
        lambda uow: InMemoryInvoiceRepository(uow.staged("invoices"), uow.staged("bookings"))
    )
    received_payments = over_table(InMemoryReceivedPaymentRepository, "received_payments")
    payment_jobs = over_table(InMemoryPaymentJobs, PAYMENT_JOBS)
    refunds = cached_property(
        lambda uow: InMemoryRefundRepository(uow.staged("refunds"), uow.staged("bookings"))
    )
    studio_payments = cached_property(
        lambda uow: InMemoryStudioPaymentRepository(
            uow.staged("studio_payments"), uow.staged("studio_receipt_counters")
        )
    )
    gateway_events = over_table(InMemoryGatewayEventLog, "gateway_events")
    payout_accounts = over_table(InMemoryPayoutAccountRepository, "connected_accounts")
    reconciliations = over_table(InMemoryReconciliationRepository, "payment_reconciliations")
    transactions = cached_property(
        lambda uow: InMemoryTransactionLedger(uow.staged("invoices"), uow.staged("refunds"))
    )


SERVES: type[PaymentsUnitOfWork] = Part
