"""Invoices whose booking's hold ran out: withdrawn here, then cancelled at the provider.

- ``WithdrawLapsedInvoices`` (periodic, beside hold expiry): every open invoice whose
  payable time has ended, or whose booking was cancelled meanwhile, is cancelled here and a
  job queued to cancel it at the provider, in one unit of work; it reads only our own
  database (no polling of the provider).
- ``CancelInvoiceAtProvider`` (that job): tells the provider. Already cancelled or unknown
  there counts as done; "already paid" means a payment raced the expiry, so it is confirmed
  like any other (recorded and owed back: never lost). A provider that is away makes the
  job fail and the queue retry it.
"""

from __future__ import annotations

import logging

from booking_domain.payments import invoices as inv
from booking_domain.payments.errors import PaymentNotFoundError
from booking_domain.payments.gateway import CancelOutcome
from booking_domain.payments.invoices import InvoiceId
from booking_domain.payments.ports import PaymentJob
from booking_domain.payments.use_cases.confirm import confirm_with_provider
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.payments.use_cases.trail import record_deposit_change
from booking_domain.shared.use_case import UseCase

_log = logging.getLogger("inkslot.payments")
BATCH = 200


class WithdrawLapsedInvoices(UseCase[PaymentsDeps]):
    async def __call__(self, *, batch_size: int = BATCH) -> int:
        total = 0
        while True:
            async with self._deps.uow() as uow:
                now = self._deps.clock.now()
                lapsed = await uow.invoices.lapsed(now, limit=batch_size)
                for invoice in lapsed:
                    withdrawn = inv.withdraw(invoice, now)
                    await uow.invoices.update(withdrawn)
                    await record_deposit_change(uow, invoice, withdrawn, now)
                    await uow.payment_jobs.defer(PaymentJob.CANCEL_INVOICE, invoice.id)
                await uow.commit()
            total += len(lapsed)
            if len(lapsed) < batch_size:
                return total


class CancelInvoiceAtProvider(UseCase[PaymentsDeps]):
    async def __call__(self, invoice_id: InvoiceId) -> CancelOutcome | None:
        async with self._deps.uow(read_only=True) as uow:
            invoice = await uow.invoices.get(invoice_id)
        if invoice is None or not invoice.cancel_due or invoice.provider_invoice_id is None:
            return None
        try:
            outcome = await self._deps.gateway.cancel_invoice(invoice.provider_invoice_id)
        except PaymentNotFoundError:
            outcome = CancelOutcome.CANCELLED
        if outcome is CancelOutcome.ALREADY_PAID:
            _log.warning("invoice %s was paid as its hold ran out", invoice.number)
            if await confirm_with_provider(self._deps, invoice) == 0:  # the check lags
                async with self._deps.uow() as uow:
                    await uow.payment_jobs.defer(PaymentJob.RECHECK, invoice.id, attempt=1)
                    await uow.commit()
        async with self._deps.uow() as uow:
            current = await uow.invoices.get(invoice_id, for_update=True)
            if current is not None and current.cancel_due:
                now = self._deps.clock.now()
                sent = inv.cancel_sent(current, now)
                await uow.invoices.update(sent)
                await record_deposit_change(uow, current, sent, now)
                await uow.commit()
        return outcome
