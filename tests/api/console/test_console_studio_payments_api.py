"""The console's booking page and the payments taken in the studio: after the session the
artist takes the balance in cash (the amount filled in with what is left), the booking is
paid in full and the payment listed with its receipt (HTML and PDF, in the console's
language); money given back is recorded; odd input is a 4xx that changes nothing; a form
without its token changes nothing; another artist's booking is "not found"."""

from __future__ import annotations

import re

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in
from tests.api.console.test_console_booking_api import _completed, _page
from tests.api.console.test_console_insights_api import WEEK, _studio

pytestmark = pytest.mark.anyio


async def test_the_balance_is_taken_in_cash_with_a_receipt(api: Api) -> None:
    desk, booking_id = await _completed(api)  # MNT 1,500 with MNT 300 paid
    path = f"/console/bookings/{booking_id}/studio-payments"
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await _page(client, booking_id)
        assert "Payments taken in the studio" in page.text and "Record a payment" in page.text
        assert 'name="amount" inputmode="decimal" maxlength="20" required value="1200"' in page.text
        token = form_token(page)
        untokened = await client.post(path, data={"method": "cash", "kind": "all",
                                                  "amount": "1200"})  # fmt: skip
        assert untokened.status_code in (403, 422)
        for data, words in (
            ({"method": "cheque", "kind": "all", "amount": "1200"}, "Choose how the money"),
            ({"method": "cash", "kind": "all", "amount": "١٢٠٠"}, "Enter whole numbers"),
            ({"method": "cash", "kind": "all", "amount": "1199"}, "takes exactly"),
            ({"method": "cash", "kind": "balance", "amount": "99999999999999"}, None),
            ({"method": "cash", "kind": "deposit", "amount": "300"}, "not awaiting"),
        ):
            refused = await client.post(path, data={"form_token": token, **data})
            assert 400 <= refused.status_code < 500, (data, refused.status_code)
            assert 'role="alert"' in refused.text
            if words is not None:
                assert words in refused.text, data
        assert "No payments recorded in the studio yet." in (await _page(client, booking_id)).text
        done = await client.post(path, data={"form_token": token, "method": "cash",
                                             "kind": "all", "amount": "1200",
                                             "note": "at the counter"})  # fmt: skip
        assert done.status_code == 200, done.text
        assert "The payment is recorded, with its receipt." in done.text
        assert "Receipt 000001" in done.text and "MNT 1,200" in done.text
        assert "at the counter" in done.text and "Record a payment" not in done.text
        receipt = await client.get(f"{path}/{_payment_id(done.text)}/receipt")
        assert receipt.status_code == 200 and "MNT 1,200.00" in receipt.text
        pdf = await client.get(f"{path}/{_payment_id(done.text)}/receipt", params={"format": "pdf"})
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        refund = f"{path}/{_payment_id(done.text)}/refund"
        too_much = await client.post(refund, data={"form_token": token, "amount": "1201"})
        assert too_much.status_code == 422 and 'role="alert"' in too_much.text
        given = await client.post(refund, data={"form_token": token, "amount": "200"})
        assert given.status_code == 200 and "The money given back is recorded." in given.text
        assert "given back MNT 200" in given.text
        mn = await _page(client, booking_id, lang="mn")
        assert "Студид хүлээн авсан төлбөрүүд" in mn.text and "Бэлэн мөнгө" in mn.text
        assert "MNT 200 буцаан олгосон" in mn.text
    customer = (await api.login(email_of(desk.customer))).json()
    booking = (await desk.get(f"/{booking_id}", customer)).json()
    assert (booking["amountPaid"], booking["amountRefunded"]) == (150_000, 20_000)
    assert booking["paymentStatus"] == "partially_refunded"


async def test_another_artists_booking_takes_no_payment(api: Api) -> None:
    desk, booking_id = await _completed(api)
    admin = (await api.login(email_of(desk.admin))).json()  # the clock moved on
    other = await open_desk(api, admin=admin)
    async with browser(api) as client:
        await sign_in(client, email_of(other.artist.session))
        token = form_token(await client.get("/console"))
        refused = await client.post(
            f"/console/bookings/{booking_id}/studio-payments",
            data={"form_token": token, "method": "cash", "kind": "all", "amount": "1200"},
        )
        assert refused.status_code == 404
    customer = (await api.login(email_of(desk.customer))).json()
    assert (await desk.get(f"/{booking_id}", customer)).json()["amountPaid"] == 30_000


def _payment_id(page: str) -> str:
    marker = "/studio-payments/"
    start = page.index(marker) + len(marker)
    return page[start : page.index("/", start)]


async def test_insights_show_the_money_by_way_of_paying(api: Api) -> None:
    desk = await _studio(api)  # two MNT 300 deposits through QPay, both completed
    booking_id = (
        await desk.api.client.get(
            "/api/v1/bookings", headers=desk.auth(desk.artist.session), params={"pageSize": 1}
        )
    ).json()["items"][0]["id"]
    recorded = await api.client.post(
        f"/api/v1/bookings/{booking_id}/studio-payments",
        json={"method": "cash", "kind": "all", "amount": 120_000},
        headers=desk.auth(desk.artist.session),
    )
    assert recorded.status_code == 201, recorded.text
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get("/console/insights", params={**WEEK, "by": "day"})
        assert page.status_code == 200, page.text
        assert "Money received by way of paying" in page.text
        assert "<li>Cash: MNT 1,200</li>" in page.text and "<li>QPay: MNT 600</li>" in page.text
        mn = await client.get("/console/insights", params={**WEEK, "by": "day", "lang": "mn"})
        assert "<li>Бэлэн мөнгө: MNT 1,200</li>" in mn.text


async def test_the_same_form_sent_twice_records_one_payment(api: Api) -> None:
    """A double tap on "Record the payment" (part of the balance, which another payment
    could follow): one payment, one receipt; a new form shown after it records anew."""
    desk, booking_id = await _completed(api)  # MNT 1,500 with MNT 300 paid
    path = f"/console/bookings/{booking_id}/studio-payments"
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await _page(client, booking_id)
        key = re.search(r'name="key" value="([0-9a-f-]+)"', page.text)
        assert key is not None
        form = {"form_token": form_token(page), "key": key.group(1), "method": "cash",
                "kind": "balance", "amount": "500"}  # fmt: skip
        first = await client.post(path, data=form)
        second = await client.post(path, data=form)
        assert first.status_code == second.status_code == 200
        assert "Receipt 000001" in second.text and "Receipt 000002" not in second.text
        again = await _page(client, booking_id)
        fresh = re.search(r'name="key" value="([0-9a-f-]+)"', again.text)
        assert fresh is not None and fresh.group(1) != key.group(1)
        later = await client.post(path, data={**form, "key": fresh.group(1)})
        assert "Receipt 000002" in later.text
    customer = (await api.login(email_of(desk.customer))).json()
    assert (await desk.get(f"/{booking_id}", customer)).json()["amountPaid"] == 130_000
