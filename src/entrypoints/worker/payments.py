"""Payments' background work (docs/payments.md): the jobs that talk to the provider
(re-checks, cancels, refunds), the hourly reconciliation of the gateways' reports, and, in
each tick of the hold round, after bookings have expired their holds, the invoices of those
holds withdrawn and the refunds of what bookings owe back planned (each paid by a job)."""

from __future__ import annotations

from uuid import UUID

from adapters.jobs.queue import CappedBackoff
from adapters.postgres.payments import PAYMENT_QUEUE, PAYMENT_TASKS
from booking_domain.payments import InvoiceId, PaymentJob, RefundId
from booking_domain.payments.use_cases import PaymentUseCases
from entrypoints.worker.rounds import HOLDS
from entrypoints.worker.work import Job, Periodic, Step, Work

# Hourly: a day is reconciled once it is over; one that differs, or whose gateway was away,
# is looked at again the next hour (at most a gateway's list of three days an hour).
RECONCILE_CRON = "41 * * * *"


async def payment_recheck(payments: PaymentUseCases, subject: str, attempt: int) -> int:
    """One re-check after a callback the provider's check did not show yet; queues the
    next itself while its schedule lasts (so it is never retried by the queue)."""
    return await payments.recheck_payment(InvoiceId(UUID(subject)), attempt)


async def payment_cancel_invoice(payments: PaymentUseCases, subject: str, attempt: int) -> None:
    """Cancel at the provider an invoice whose hold ran out; retried while the provider
    is away. Safe to run twice: only an invoice still due a cancel is sent one."""
    await payments.cancel_invoice_at_provider(InvoiceId(UUID(subject)))


async def payment_refund(payments: PaymentUseCases, subject: str, attempt: int) -> None:
    """Send one refund to the provider; retried while the provider is away. Safe to run
    twice: only a refund still pending is sent, and its outcome recorded once (the
    provider treats a second refund of a refunded payment as done)."""
    await payments.pay_refund(RefundId(UUID(subject)))


async def reconcile_payments(payments: PaymentUseCases, timestamp: int) -> int:
    """Each gateway's report of the last days not yet found to agree, reconciled with the
    payments recorded (docs/payments.md, "Reconciliation"); a gateway away is asked again
    on the next hour's run."""
    return await payments.reconcile_payments()


def _named(job: PaymentJob) -> str:
    return PAYMENT_TASKS[job].removeprefix("inkslot:")


WORK = Work(
    PaymentUseCases,
    jobs=(
        Job(_named(PaymentJob.RECHECK), payment_recheck, queue=PAYMENT_QUEUE),
        Job(
            _named(PaymentJob.CANCEL_INVOICE),
            payment_cancel_invoice,
            queue=PAYMENT_QUEUE,
            retry=CappedBackoff(),
        ),
        Job(_named(PaymentJob.REFUND), payment_refund, queue=PAYMENT_QUEUE, retry=CappedBackoff()),
    ),
    periodic=(Periodic("reconcile_payments", reconcile_payments, cron=RECONCILE_CRON),),
    steps=(
        Step(HOLDS, lambda payments: payments.withdraw_lapsed_invoices(), "withdrew %d invoices"),
        Step(HOLDS, lambda payments: payments.plan_refunds(), "planned %d refunds"),
    ),
)
