"""The deposit flow with the QPay adapter against the fake QPay over real HTTP: a repeated
callback is answered without asking QPay again (``tests/jobs/test_payment_jobs.py`` has
the early callback and its re-check)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import ApiFactory
from tests.api.payments.test_deposits_api import DEPOSIT_SERVICE, _booking, _events, _invoice
from tests.support.fake_qpay import CLIENT_ID, CLIENT_SECRET, INVOICE_CODE, FakeQPay, serving

pytestmark = pytest.mark.anyio


@pytest.fixture
def fake() -> FakeQPay:
    return FakeQPay()


@pytest.fixture
def qpay_url(fake: FakeQPay) -> Iterator[str]:
    with serving(fake) as url:
        yield url


def _qpay(url: str) -> dict[str, str]:
    return {
        "payment_gateway": "qpay",
        "qpay_base_url": url,
        "qpay_client_id": CLIENT_ID,
        "qpay_client_secret": CLIENT_SECRET,
        "qpay_invoice_code": INVOICE_CODE,
    }


def _checks(fake: FakeQPay) -> int:
    return sum(1 for call in fake.calls if call == ("POST", "/v2/payment/check"))


async def test_repeated_callbacks_ask_qpay_once(
    make_api: ApiFactory, fake: FakeQPay, qpay_url: str
) -> None:
    api = await make_api(**_qpay(qpay_url))
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id = await desk.booked()
    made = await _invoice(desk, booking_id)
    assert made.status_code == 201, made.text
    invoice_id = made.json()["invoiceId"]
    payment_id = fake.pay(invoice_id)
    callback = fake.invoices[invoice_id].callback_url + f"&qpay_payment_id={payment_id}"
    for _ in range(4):
        answer = await api.client.get(callback)
        assert (answer.status_code, answer.text) == (200, "SUCCESS")
    assert _checks(fake) == 1
    assert (await _booking(desk, booking_id))["status"] == "confirmed"
    assert (await _events(desk, booking_id)).count("payment_recorded") == 1


async def test_a_payment_of_another_amount_is_kept_for_review_and_confirms_nothing(
    make_api: ApiFactory, fake: FakeQPay, qpay_url: str
) -> None:
    api = await make_api(**_qpay(qpay_url))
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id = await desk.booked()
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    payment_id = fake.pay(invoice_id, amount=1)  # 1 MNT of a 300 MNT deposit
    callback = fake.invoices[invoice_id].callback_url + f"&qpay_payment_id={payment_id}"
    assert (await api.client.get(callback)).text == "SUCCESS"
    booking = await _booking(desk, booking_id)
    assert (booking["status"], booking["amountPaid"]) == ("pending", 0)
    read = await api.client.get(f"/api/v1/payments/{invoice_id}", headers=desk.auth(desk.customer))
    assert [(p["amount"], p["outcome"]) for p in read.json()["payments"]] == [(100, "review")]


async def test_callbacks_always_succeed_and_never_store_the_secret(
    make_api: ApiFactory, fake: FakeQPay, qpay_url: str, database_url: str
) -> None:
    api = await make_api(**_qpay(qpay_url))
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id = await desk.booked()
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    callback = fake.invoices[invoice_id].callback_url
    number, token = callback.split("/callback/")[1].split("?t=")
    odd = [
        f"/api/v1/payments/callback/{'A' * 300}?t={'x' * 500}&qpay_payment_id={'9' * 500}",
        f"/api/v1/payments/callback/{number}?t={token}&t=two&qpay_payment_id=%00",
    ]
    for url in odd:
        answer = await api.client.get(url)
        assert (answer.status_code, answer.text) == (200, "SUCCESS"), url
    payment_id = fake.pay(invoice_id)
    fake.fail_next("/v2/payment/check", "nested")  # QPay refuses our check: re-check later
    answer = await api.client.get(callback + f"&qpay_payment_id={payment_id}")
    assert (answer.status_code, answer.text) == (200, "SUCCESS")
    with psycopg.connect(database_url) as conn:
        queued = conn.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'inkslot:payment_recheck'"
        ).fetchone()
    assert queued is not None and queued[0] == 1
    answer = await api.client.get(callback + f"&qpay_payment_id={payment_id}")
    assert (await _booking(desk, booking_id))["status"] == "confirmed"
    with psycopg.connect(database_url) as conn:
        stored = conn.execute("SELECT callback_payload FROM received_payments").fetchall()
    assert stored and all(token not in row[0] and payment_id in row[0] for row in stored)
