"""The provider's callback and what follows it (docs/payments.md, "The callback").

- ``HandleCallback``: the URL's secret is checked first (a wrong one: logged, nothing
  else); then the invoice's payments are confirmed with the provider (the callback itself
  is never trusted; its ``qpay_payment_id`` only spares asking again for a payment already
  recorded). When the provider's check does not show a new payment yet, or fails in any
  way, a bounded re-check is queued. It never raises for anything a caller sent: the
  provider is always answered ``SUCCESS``.
- ``RecheckPayment``: one queued re-check; queues the next while the schedule lasts.
"""

from __future__ import annotations

import logging
from datetime import datetime
from urllib.parse import parse_qsl, urlencode

from booking_domain.payments.invoices import DepositInvoice, InvoiceId, InvoiceStatus
from booking_domain.payments.ports import PaymentJob, PaymentsUnitOfWork
from booking_domain.payments.use_cases.confirm import confirm_with_provider
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.shared.errors import DomainError
from booking_domain.shared.use_case import UseCase

_log = logging.getLogger("inkslot.payments")
MAX_CALLBACK_TEXT = 2000
MAX_NUMBER = 45  # QPay's sender_invoice_no
MAX_TOKEN = 128


class HandleCallback(UseCase[PaymentsDeps]):
    async def __call__(
        self, number: str, token: str, *, payment_hint: str = "", evidence: str = ""
    ) -> None:
        """``payment_hint``: the callback's ``qpay_payment_id``; ``evidence``: its query as
        received (stored with what it records). A repeat of a callback whose payment is
        recorded on this invoice already is answered without asking the provider again:
        nothing it could say would change anything."""
        plausible = number.isalnum() and len(number) <= MAX_NUMBER and len(token) <= MAX_TOKEN
        async with self._deps.uow(read_only=True) as uow:
            invoice = await uow.invoices.by_number(number) if plausible else None
            if invoice is None or not invoice.token_matches(token):
                _log.warning("payment callback refused: unknown invoice or wrong token")
                return
            if invoice.status is InvoiceStatus.PAID and await _known(uow, invoice, payment_hint):
                return
        await confirm_or_recheck(self._deps, invoice, without_secret(evidence), payment_hint)


async def confirm_or_recheck(
    deps: PaymentsDeps, invoice: DepositInvoice, evidence: str, payment_hint: str = ""
) -> None:
    """What the provider's word (a callback, a webhook's event) about ``invoice`` leads to:
    its payments confirmed with the provider, or, when nothing new shows yet, the bounded
    re-check queued (unless the payment ``payment_hint`` names was recorded meanwhile)."""
    if invoice.status not in (InvoiceStatus.OPEN, InvoiceStatus.CANCELLED, InvoiceStatus.PAID):
        return
    recorded = await _confirm(deps, invoice, evidence)
    if recorded == 0:
        async with deps.uow(read_only=True) as uow:
            if await _known(uow, invoice, payment_hint):
                return  # a concurrent callback recorded it meanwhile
        await _queue_recheck(deps, invoice.id, 1)


def without_secret(query: str) -> str:
    """The callback's query as evidence, without the invoice's secret (``t``): only its hash
    is ever stored."""
    kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "t"]
    return urlencode(kept)[:MAX_CALLBACK_TEXT]


async def _known(uow: PaymentsUnitOfWork, invoice: DepositInvoice, hint: str) -> bool:
    """Whether the payment the callback names is recorded on this invoice already."""
    if not hint or invoice.provider_invoice_id is None:
        return False
    recorded = await uow.received_payments.for_invoice(invoice.provider_invoice_id)
    return any(p.payment_id == hint for p in recorded)


async def _confirm(deps: PaymentsDeps, invoice: DepositInvoice, callback: str = "") -> int:
    """Confirm with the provider; whatever goes wrong there is logged and left to the
    re-check (never an error to the provider's callback, never the end of a re-check)."""
    try:
        return await confirm_with_provider(deps, invoice, callback=callback)
    except DomainError as failed:
        _log.warning("invoice %s: confirming failed (%s); re-checking", invoice.number, failed.code)
        return 0


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
        if invoice is None:
            return 0
        # A paid invoice is re-checked too: a second payment, or one that raced the
        # invoice's cancellation, must be recorded (the schedule stops after a minute).
        recorded = await _confirm(self._deps, invoice)
        if recorded == 0:
            await _queue_recheck(self._deps, invoice_id, attempt + 1)
        return recorded
