"""Events a gateway sends by itself (Stripe's webhooks; ``gateway_events.py`` has the
rules).

- ``HandleGatewayEvent``: a delivery whose signature does not verify (or with no gateway
  to verify it: Stripe off) is refused, nothing read; a verified event is kept once (a
  repeated delivery does nothing more), and kept only once handled: a payment event first
  confirms its invoice with the gateway through the one path by which money is recorded
  (``confirm.py``), a re-check queued when the gateway does not show it yet, so a failure
  on the way leaves it for the gateway's next delivery; a dispute of a payment we recorded is
  published as ``payment.disputed``. It never raises for what the gateway sent once
  verified: an event about an invoice or payment we do not know is kept and logged.
"""

from __future__ import annotations

import logging
from datetime import datetime

from booking_domain.payments import connect
from booking_domain.payments.errors import GatewayEventRefusedError
from booking_domain.payments.gateway_events import GatewayEvent, GatewayEventKind
from booking_domain.payments.invoices import DepositInvoice
from booking_domain.payments.ports import PaymentsUnitOfWork
from booking_domain.payments.published import payment_disputed_event, payment_subject
from booking_domain.payments.use_cases.callbacks import confirm_or_recheck
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.shared.use_case import UseCase

_log = logging.getLogger("inkslot.payments")


class HandleGatewayEvent(UseCase[PaymentsDeps]):
    async def __call__(self, payload: bytes, signature: str) -> bool:
        """Whether the delivery's event was new (False: delivered before, nothing done)."""
        reader = self._deps.gateway_event_reader
        if reader is None:
            raise GatewayEventRefusedError("No gateway here sends events.")
        now = self._deps.clock.now()
        event = reader.event(payload, signature, now)
        async with self._deps.uow(read_only=True) as uow:
            if await uow.gateway_events.has(event.gateway, event.event_id):
                return False
            invoice = await _invoice_of(uow, event)
        if event.kind is GatewayEventKind.PAID and invoice is not None:
            # Before the event is kept: should this fail, the delivery fails, and Stripe's
            # next delivery of it confirms again (recording money is idempotent).
            evidence = f"{event.gateway} event {event.event_id} ({event.type})"
            await confirm_or_recheck(self._deps, invoice, evidence)
        elif event.kind in (GatewayEventKind.PAID, GatewayEventKind.DISPUTED) and invoice is None:
            _log.warning("%s event %s: no invoice of ours", event.gateway, event.event_id)
        async with self._deps.uow() as uow:
            if not await uow.gateway_events.add(event, now):
                return False  # a concurrent delivery kept it first
            if event.kind is GatewayEventKind.DISPUTED:
                await _disputed(uow, event, invoice)
            if event.kind is GatewayEventKind.ACCOUNT_UPDATED:
                await _account_updated(uow, event, now)
            await uow.commit()
        return True


async def _invoice_of(uow: PaymentsUnitOfWork, event: GatewayEvent) -> DepositInvoice | None:
    """The invoice the event is about: by the gateway's invoice id, else by its payment's."""
    if event.invoice_id is not None:
        return await uow.invoices.by_provider_id(event.invoice_id)
    if event.payment_id is not None:
        payment = await uow.received_payments.get(event.payment_id)
        if payment is not None:
            return await uow.invoices.by_provider_id(payment.invoice_id)
    return None


async def _disputed(
    uow: PaymentsUnitOfWork, event: GatewayEvent, invoice: DepositInvoice | None
) -> None:
    payment = (
        None if event.payment_id is None else await uow.received_payments.get(event.payment_id)
    )
    if payment is None or invoice is None:
        return
    now = event.occurred_at
    sequence = await uow.outbox.next_sequence(payment_subject(invoice))
    await uow.outbox.record(payment_disputed_event(invoice, payment, event, now, sequence=sequence))
    _log.warning(
        "invoice %s: payment %s disputed at the gateway", invoice.number, payment.payment_id
    )


async def _account_updated(uow: PaymentsUnitOfWork, event: GatewayEvent, now: datetime) -> None:
    """An artist's payout account's status, as the gateway says it now."""
    if event.account_id is None or event.account_state is None:
        return
    account = await uow.payout_accounts.by_account(event.gateway, event.account_id, for_update=True)
    if account is None:
        return
    status = connect.status_of(event.account_state)
    if status is not account.status:
        await uow.payout_accounts.update(connect.apply(account, now, status=status))
