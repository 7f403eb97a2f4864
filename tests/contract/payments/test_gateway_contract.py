"""The ``PaymentGateway`` contract. Here: the sandbox, with its books in memory and in
PostgreSQL (QPay over HTTP and the payment edge join this suite with their adapters)."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from dataclasses import dataclass
from uuid import uuid4

import pytest

from adapters.payments.sandbox import MemorySandboxLedger, SandboxGateway
from adapters.postgres.database import Database
from adapters.postgres.sandbox import PostgresSandboxLedger
from adapters.system.clock import ManualClock
from booking_domain.payments import (
    CancelOutcome,
    DepositNotPayableError,
    InvoiceRequest,
    PaymentMethod,
    PaymentNotFoundError,
    PaymentState,
    RefundOutcome,
)
from booking_domain.shared import Money
from booking_domain.shared.errors import ConflictError
from tests.support.builders import START

pytestmark = pytest.mark.anyio
AMOUNT = Money(3_000_000, "MNT")


@dataclass
class Bank:
    gateway: SandboxGateway
    heard: list[str]


@pytest.fixture(params=["memory", "postgres"])
async def bank(request: pytest.FixtureRequest) -> AsyncIterator[Bank]:
    heard: list[str] = []

    async def call_back(url: str) -> int:
        heard.append(url)
        return 200

    def gateway(ledger: MemorySandboxLedger | PostgresSandboxLedger) -> SandboxGateway:
        return SandboxGateway(ledger, ManualClock(START), call_back,
                              pay_url=lambda i: f"http://local/pay/{i}")  # fmt: skip

    if request.param == "memory":
        yield Bank(gateway(MemorySandboxLedger()), heard)
        return
    database = Database(request.getfixturevalue("database_url"), min_size=1, max_size=2)
    await database.open()
    try:
        yield Bank(gateway(PostgresSandboxLedger(database)), heard)
    finally:
        await database.close()


def _request(amount: Money = AMOUNT) -> InvoiceRequest:
    number = "INK" + uuid4().hex[:10].upper()
    return InvoiceRequest(number, amount, f"Inkslot deposit {number}",
                          f"https://api.example/cb/{number}?t=abc")  # fmt: skip


async def test_an_invoice_is_made_checked_and_paid(bank: Bank) -> None:
    gateway = bank.gateway
    issued = await gateway.create_invoice(_request())
    assert base64.b64decode(issued.qr_image).startswith(b"\x89PNG")
    assert issued.qr_text and issued.short_url and issued.deep_links
    empty = await gateway.check_payments(issued.invoice_id)
    assert (empty.payments, empty.paid_total) == ((), Money(0, "MNT"))
    payment_id = await gateway.pay(issued.invoice_id)
    assert bank.heard == [
        f"https://api.example/cb/{_number(bank)}?t=abc&qpay_payment_id={payment_id}"
    ]
    check = await gateway.check_payments(issued.invoice_id)
    assert [(p.payment_id, p.state, p.amount) for p in check.payments] == [
        (payment_id, PaymentState.PAID, AMOUNT)]  # fmt: skip
    assert check.paid_total == AMOUNT
    got = await gateway.get_payment(payment_id)
    assert (got.invoice_id, got.state) == (issued.invoice_id, PaymentState.PAID)
    assert await gateway.cancel_invoice(issued.invoice_id) is CancelOutcome.ALREADY_PAID


def _number(bank: Bank) -> str:
    return bank.heard[0].split("/cb/")[1].split("?")[0]


async def test_unknown_ids_are_not_found(bank: Bank) -> None:
    with pytest.raises(PaymentNotFoundError):
        await bank.gateway.check_payments("no-such-invoice")
    with pytest.raises(PaymentNotFoundError):
        await bank.gateway.get_payment("123")
    with pytest.raises(PaymentNotFoundError):
        await bank.gateway.refund_payment("123", "note")


async def test_numbers_are_single_use_and_amounts_whole_togrog(bank: Bank) -> None:
    request = _request()
    await bank.gateway.create_invoice(request)
    with pytest.raises(ConflictError):
        await bank.gateway.create_invoice(request)
    with pytest.raises(DepositNotPayableError):
        await bank.gateway.create_invoice(_request(Money(3_000_050, "MNT")))


async def test_a_cancelled_invoice_cannot_be_paid_and_cancel_is_idempotent(bank: Bank) -> None:
    issued = await bank.gateway.create_invoice(_request())
    assert await bank.gateway.cancel_invoice(issued.invoice_id) is CancelOutcome.CANCELLED
    assert await bank.gateway.cancel_invoice(issued.invoice_id) is CancelOutcome.CANCELLED
    with pytest.raises(ConflictError):
        await bank.gateway.pay(issued.invoice_id)


async def test_refunds_go_back_for_cards_and_to_manual_settlement_for_bank_apps(bank: Bank) -> None:
    card = await bank.gateway.create_invoice(_request())
    card_payment = await bank.gateway.pay(card.invoice_id, method=PaymentMethod.CARD)
    assert await bank.gateway.refund_payment(card_payment, "cancelled") is RefundOutcome.REFUNDED
    assert await bank.gateway.refund_payment(card_payment, "again") is RefundOutcome.REFUNDED
    p2p = await bank.gateway.create_invoice(_request())
    p2p_payment = await bank.gateway.pay(p2p.invoice_id)
    assert await bank.gateway.refund_payment(p2p_payment, "x") is RefundOutcome.MANUAL_SETTLEMENT
