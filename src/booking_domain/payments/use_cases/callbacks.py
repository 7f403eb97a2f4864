"""The provider's callback and what follows it (reference/qpay-v2.md §11).

- ``HandleCallback``: the URL's secret is checked first (a wrong one: logged, nothing
  else); then the invoice's payments are confirmed with the provider (the callback itself
  is never trusted, and its ``qpay_payment_id`` is only logged). When the provider's check
  does not show a payment yet, or cannot be reached, a bounded re-check is queued. It never
  raises for anything a caller sent: the provider is always answered ``SUCCESS``.
- ``RecheckPayment``: one queued re-check; queues the next while the schedule lasts.
"""

from __future__ import annotations

import logging
from datetime import datetime

from booking_domain.payments.invoices import InvoiceId, InvoiceStatus
from booking_domain.payments.ports import PaymentJob
from booking_domain.payments.use_cases.confirm import confirm_with_provider
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.shared.errors import ServiceUnavailableError
from booking_domain.shared.use_case import UseCase

_log = logging.getLogger("inkslot.payments")
MAX_CALLBACK_TEXT = 2000


class HandleCallback(UseCase[PaymentsDeps]):
    async def __call__(
        self, number: str, token: str, *, payment_hint: str = "", evidence: str = ""
    ) -> None:
        """``payment_hint``: the callback's ``qpay_payment_id``; ``evidence``: its query as
        received (stored with what it records). A repeat of a callback whose payment is
        recorded on this invoice already is answered without asking the provider again:
        nothing it could say would change anything."""
        async with self._deps.uow(read_only=True) as uow:
            invoice = await uow.invoices.by_number(number) if number.isalnum() else None
            if invoice is None or not invoice.token_matches(token):
                _log.warning("payment callback refused: unknown invoice or wrong token")
                return
            if (
                invoice.status is InvoiceStatus.PAID
                and payment_hint
                and invoice.provider_invoice_id
            ):
                known = await uow.received_payments.for_invoice(invoice.provider_invoice_id)
                if any(p.payment_id == payment_hint for p in known):
                    return
        if invoice.status not in (InvoiceStatus.OPEN, InvoiceStatus.CANCELLED, InvoiceStatus.PAID):
            return
        try:
            recorded = await confirm_with_provider(
                self._deps, invoice, callback=evidence[:MAX_CALLBACK_TEXT]
            )
        except ServiceUnavailableError:
            _log.warning("invoice %s: the provider's check failed; re-checking", invoice.number)
            recorded = 0
        if recorded == 0 and invoice.status is not InvoiceStatus.PAID:
            await _queue_recheck(self._deps, invoice.id, 1)


async def _queue_recheck(deps: PaymentsDeps, invoice_id: InvoiceId, attempt: int) -> None:
    if attempt > len(deps.recheck_delays):
        _log.warning("invoice %s: no payment after the last re-check", invoice_id)
        return
    run_at: datetime = deps.clock.now() + deps.recheck_delays[attempt - 1]
    async with deps.uow() as uow:
        await uow.payment_jobs.defer(PaymentJob.RECHECK, invoice_id, attempt=attempt, run_at=run_at)
        await uow.commit()


class RecheckPayment(UseCase[PaymentsDeps]):
    async def __call__(self, invoice_id: InvoiceId, attempt: int) -> int:
        """Returns how many payments this re-check recorded."""
        async with self._deps.uow(read_only=True) as uow:
            invoice = await uow.invoices.get(invoice_id)
        if invoice is None or invoice.status is InvoiceStatus.PAID:
            return 0
        try:
            recorded = await confirm_with_provider(self._deps, invoice)
        except ServiceUnavailableError:
            recorded = 0
        if recorded == 0:
            await _queue_recheck(self._deps, invoice_id, attempt + 1)
        return recorded
