"""A payment taken in the studio reaches its customer as the receipt's email (a real SMTP
server): its number, the money and the link that opens the receipt, in the customer's
language; the booking's own "paid in full" is not mailed besides."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api, ApiFactory
from tests.api.console.console_helpers import email_of
from tests.api.loyalty.test_loyalty_api import SERVICE, completed
from tests.api.notifications.delivery import deliver
from tests.api.notifications.test_notifications_api import mail_to, text_of
from tests.api.payments.test_studio_payments_api import _artist, record
from tests.support.smtp_sink import SmtpSink

pytestmark = pytest.mark.anyio


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
async def api(make_api: ApiFactory, sink: SmtpSink) -> Api:
    return await make_api(
        smtp_host=sink.host, smtp_port=sink.port, smtp_tls="none",
        mail_from="Inkslot <hello@inkslot.test>",
    )  # fmt: skip


async def test_the_cash_balance_is_mailed_as_a_receipt(api: Api, sink: SmtpSink) -> None:
    desk = await open_desk(api, service=SERVICE)
    booking_id = await completed(desk)
    await deliver(api)  # what came before: the booking, its deposit, its completion
    before = set(mail_to(sink, email_of(desk.customer)))
    made: dict[str, Any] = (
        await record(desk, booking_id, await _artist(desk), method="cash", kind="all",
                     amount=120_000)
    ).json()  # fmt: skip
    await deliver(api)
    received = mail_to(sink, email_of(desk.customer))
    new = {subject: message for subject, message in received.items() if subject not in before}
    reference = (await desk.get(f"/{booking_id}", desk.customer)).json()["reference"]
    assert set(new) == {f"Receipt 000001 for booking {reference}"}
    body = text_of(next(iter(new.values())))
    assert made["receiptUrl"] in body and "1,200" in body
    page = await api.client.get(
        made["receiptUrl"].partition("/api/")[1] + made["receiptUrl"].partition("/api/")[2]
    )
    assert page.status_code == 200 and "000001" in page.text
