"""The ``PaymentGateway`` contract: the sandbox (books in memory and in PostgreSQL), QPay over
real HTTP against the fake QPay of ``tests/support/fake_qpay.py``, the payment edge in
front of it (the Python edge, and the Cloudflare Worker of ``edge-worker/`` under
Miniflare, skipped without Node 20), and Stripe over real HTTP against the fake Stripe of
``entrypoints.fake_stripe`` (in US dollars, every payment a card's)."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from uuid import uuid4

import pytest

from adapters.payments.edge import EdgeGateway
from adapters.payments.edge_wire import Verifier
from adapters.payments.qpay import InMemoryProviderTokenStore, QPayCredentials, QPayGateway
from adapters.payments.sandbox import InMemorySandboxLedger, SandboxGateway
from adapters.payments.stripe_gateway import DEFAULT_CURRENCIES, StripeGateway
from adapters.postgres.database import Database
from adapters.postgres.sandbox import PostgresSandboxLedger
from adapters.system.clock import ManualClock, SystemClock
from booking_domain.payments import (
    CancelOutcome,
    DepositNotPayableError,
    GatewayReport,
    InvoiceRequest,
    PaymentGateway,
    PaymentMethod,
    PaymentNotFoundError,
    PaymentProviderError,
    PaymentState,
    RefundOutcome,
)
from booking_domain.shared import Money
from booking_domain.shared.errors import ConflictError
from entrypoints.fake_stripe import FakeStripe, FakeStripeApi
from entrypoints.payment_edge import PaymentEdge
from tests.support.builders import START
from tests.support.fake_qpay import CLIENT_ID, CLIENT_SECRET, INVOICE_CODE, FakeQPay, serving
from tests.support.worker_edge import WorkerEdge, serving_worker_edge, skip_reason

pytestmark = pytest.mark.anyio
AMOUNT = Money(3_000_000, "MNT")
EDGE_SECRET = "edge-contract-secret-" + "x" * 24


@dataclass
class Bank:
    """A gateway and the customer's side of it: paying an invoice. ``amount``: an amount it
    takes; ``bank_apps``: whether it takes bank-app payments (QPay's), refunded by hand."""

    gateway: PaymentGateway
    pay: Callable[[str, PaymentMethod], Awaitable[str]]
    heard: list[str] | None  # the callbacks made, where the test can hear them
    amount: Money = AMOUNT
    bank_apps: bool = True


def _sandbox_bank(gateway: SandboxGateway, heard: list[str]) -> Bank:
    async def pay(invoice_id: str, method: PaymentMethod) -> str:
        return await gateway.pay(invoice_id, method=method)

    return Bank(gateway, pay, heard)


def _fake_bank(gateway: PaymentGateway, fake: FakeQPay) -> Bank:
    async def pay(invoice_id: str, method: PaymentMethod) -> str:
        return fake.pay(invoice_id, "CARD" if method is PaymentMethod.CARD else "P2P")

    return Bank(gateway, pay, None)


@pytest.fixture(scope="module")
def worker_edge() -> Iterator[WorkerEdge]:
    """The Worker edge of this module's tests (each test gets a fresh fake QPay behind it)."""
    reason = skip_reason()
    if reason is not None:
        pytest.skip(reason)
    with serving_worker_edge(EDGE_SECRET) as edge:
        yield edge


def _stripe_bank() -> Iterator[Bank]:
    state = FakeStripe()
    with serving(FakeStripeApi(state)) as url:
        state.base_url = url
        gateway = StripeGateway(state.secret_key, api_base=url)

        async def pay(session_id: str, method: PaymentMethod) -> str:
            state.pay(session_id)
            return str(state.sessions[session_id]["payment_intent"])

        yield Bank(gateway, pay, None, Money(2_000, "USD"), bank_apps=False)


GATEWAYS = ["sandbox-memory", "sandbox-postgres", "qpay", "edge-python", "edge-worker", "stripe"]


@pytest.fixture(params=GATEWAYS)
async def bank(request: pytest.FixtureRequest) -> AsyncIterator[Bank]:
    heard: list[str] = []
    if request.param == "stripe":
        for made in _stripe_bank():
            try:
                yield made
            finally:
                await made.gateway.close()  # type: ignore[attr-defined]
        return
    if request.param == "edge-worker":
        worker: WorkerEdge = request.getfixturevalue("worker_edge")
        worker_gateway = EdgeGateway(worker.url, EDGE_SECRET)
        try:
            yield _fake_bank(worker_gateway, worker.fresh_fake())
        finally:
            await worker_gateway.close()
        return
    if request.param in ("qpay", "edge-python"):
        fake = FakeQPay()
        with serving(fake) as url:
            credentials = QPayCredentials(url, CLIENT_ID, CLIENT_SECRET, INVOICE_CODE)
            qpay = QPayGateway(credentials, SystemClock(), InMemoryProviderTokenStore())
            try:
                if request.param == "qpay":
                    yield _fake_bank(qpay, fake)
                else:
                    edge_app = PaymentEdge(qpay, Verifier(EDGE_SECRET.encode()))
                    with serving(edge_app) as edge_url:
                        edge = EdgeGateway(edge_url, EDGE_SECRET)
                        yield _fake_bank(edge, fake)
                        await edge.close()
            finally:
                await qpay.close()
        return

    async def call_back(url: str) -> int:
        heard.append(url)
        return 200

    def gateway(ledger: InMemorySandboxLedger | PostgresSandboxLedger) -> SandboxGateway:
        return SandboxGateway(
            ledger, ManualClock(START), call_back, pay_url=lambda i: f"http://local/pay/{i}"
        )

    if request.param == "sandbox-memory":
        yield _sandbox_bank(gateway(InMemorySandboxLedger()), heard)
        return
    database = Database(request.getfixturevalue("database_url"), min_size=1, max_size=2)
    await database.open()
    try:
        yield _sandbox_bank(gateway(PostgresSandboxLedger(database)), heard)
    finally:
        await database.close()


def _request(amount: Money = AMOUNT) -> InvoiceRequest:
    """An invoice request of its own number; ``return_url`` where a hosted page sends the
    customer back (Stripe's), beside the callback QPay calls."""
    number = "INK" + uuid4().hex[:10].upper()
    return InvoiceRequest(
        number,
        amount,
        f"Inkslot deposit {number}",
        f"https://api.example/cb/{number}?t=abc",
        "https://app.example/bookings/1",
    )


async def test_an_invoice_is_made_checked_and_paid(bank: Bank) -> None:
    gateway = bank.gateway
    issued = await gateway.create_invoice(_request(bank.amount))
    assert base64.b64decode(issued.qr_image).startswith(b"\x89PNG")
    assert issued.qr_text and issued.short_url and issued.deep_links
    empty = await gateway.check_payments(issued.invoice_id)
    assert (empty.payments, empty.paid_total) == ((), Money(0, bank.amount.currency))
    payment_id = await bank.pay(issued.invoice_id, PaymentMethod.P2P)
    if bank.heard is not None:
        number = bank.heard[0].split("/cb/")[1].split("?")[0]
        expected = f"https://api.example/cb/{number}?t=abc&qpay_payment_id={payment_id}"
        assert bank.heard == [expected]
    check = await gateway.check_payments(issued.invoice_id)
    assert [(p.payment_id, p.state, p.amount) for p in check.payments] == [
        (payment_id, PaymentState.PAID, bank.amount)
    ]
    assert check.paid_total == bank.amount
    got = await gateway.get_payment(payment_id)
    assert (got.invoice_id, got.state) == (issued.invoice_id, PaymentState.PAID)
    assert await gateway.cancel_invoice(issued.invoice_id) is CancelOutcome.ALREADY_PAID


async def test_unknown_ids_are_not_found(bank: Bank) -> None:
    with pytest.raises(PaymentNotFoundError):
        await bank.gateway.check_payments("no-such-invoice")
    with pytest.raises(PaymentNotFoundError):
        await bank.gateway.get_payment("123")
    with pytest.raises(PaymentNotFoundError):
        await bank.gateway.refund_payment("123", "note")


async def test_a_number_never_makes_a_second_payable_invoice(bank: Bank) -> None:
    """A number is one invoice: asked again, it is refused (QPay's 409) or answered with the
    same invoice (Stripe's idempotency key), never a second one to pay."""
    request = _request(bank.amount)
    first = await bank.gateway.create_invoice(request)
    try:
        again = await bank.gateway.create_invoice(request)
    except (ConflictError, PaymentProviderError):
        return
    assert again.invoice_id == first.invoice_id


async def test_amounts_a_gateway_cannot_take_are_refused(bank: Bank) -> None:
    """Tögrög in whole units only (QPay); Stripe's smallest charge (50 minor units)."""
    odd = Money(3_000_050, "MNT") if bank.bank_apps else Money(49, bank.amount.currency)
    with pytest.raises(DepositNotPayableError):
        await bank.gateway.create_invoice(_request(odd))


async def test_it_names_the_currencies_it_takes_and_refuses_others(bank: Bank) -> None:
    """What the catalogue and bookings are told a deposit may be asked in (the wiring's
    ``deposit_currencies``) is what the gateway takes: an invoice in each is made, one in
    another currency is refused."""
    if bank.bank_apps:
        assert bank.gateway.currencies == frozenset({"MNT"})  # QPay's, whichever road to it
    else:
        assert bank.gateway.currencies == DEFAULT_CURRENCIES  # Stripe's, unless set
    for currency in sorted(bank.gateway.currencies):
        await bank.gateway.create_invoice(_request(Money(1_000_000, currency)))
    with pytest.raises(DepositNotPayableError):
        await bank.gateway.create_invoice(_request(Money(1_000_000, "XAU")))


async def test_cancelling_is_idempotent(bank: Bank) -> None:
    issued = await bank.gateway.create_invoice(_request(bank.amount))
    assert await bank.gateway.cancel_invoice(issued.invoice_id) is CancelOutcome.CANCELLED
    assert await bank.gateway.cancel_invoice(issued.invoice_id) is CancelOutcome.CANCELLED
    with pytest.raises(PaymentNotFoundError):
        await bank.gateway.cancel_invoice("0b9d6c3e-5f21-4a7e-9c44-2d1e8f7a6b10")


async def test_refunds_go_back_for_cards_and_to_manual_settlement_for_bank_apps(bank: Bank) -> None:
    card = await bank.gateway.create_invoice(_request(bank.amount))
    card_payment = await bank.pay(card.invoice_id, PaymentMethod.CARD)
    assert await bank.gateway.refund_payment(card_payment, "cancelled") is RefundOutcome.REFUNDED
    assert await bank.gateway.refund_payment(card_payment, "again") is RefundOutcome.REFUNDED
    if not bank.bank_apps:
        return  # every payment through Stripe is a card's
    p2p = await bank.gateway.create_invoice(_request())
    p2p_payment = await bank.pay(p2p.invoice_id, PaymentMethod.P2P)
    assert await bank.gateway.refund_payment(p2p_payment, "x") is RefundOutcome.MANUAL_SETTLEMENT


async def test_a_report_lists_the_payments_made_in_its_window(bank: Bank) -> None:
    """The daily reconciliation's report (``GatewayReport``): every payment made in the
    window, with its time; none outside it. The payment edge gives none (skipped)."""
    if not hasattr(bank.gateway, "payments_between"):
        pytest.skip("the payment edge passes no report on: reconciled where QPay is called")
    report: GatewayReport = bank.gateway  # type: ignore[assignment]  # checked just above
    issued = await bank.gateway.create_invoice(_request(bank.amount))
    payment_id = await bank.pay(issued.invoice_id, PaymentMethod.CARD)
    paid = await bank.gateway.get_payment(payment_id)
    assert paid.paid_at is not None
    day = timedelta(days=1)
    listed = await report.payments_between(paid.paid_at - day, paid.paid_at + day)
    assert [(p.payment_id, p.state, p.amount) for p in listed if p.payment_id == payment_id] == [
        (payment_id, PaymentState.PAID, bank.amount)
    ]
    later = await report.payments_between(paid.paid_at + day, paid.paid_at + 2 * day)
    assert payment_id not in {p.payment_id for p in later}
