# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's payouts over HTTP: the artist's page shows what the platform owes her and
its entries (her own only: nothing in the address names an artist); the operator's page
lists what is owed and records a payout through the API's use case, once per shown form
even when it is sent twice; a payout past what is owed, an amount that is no amount, or a
form without its token changes nothing; an artist gets "not found" for the operator's page
and a customer no console; nothing a browser sends makes a 5xx."""

from __future__ import annotations

import re

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import ApiFactory
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in
from tests.api.payments.test_refunds_api import _paid_booking

pytestmark = pytest.mark.anyio
MINE = "/console/payouts"
OWED = "/console/admin/payouts"
SERVICE = {"deposit": {"percent": 20}}  # MNT 300.00 of MNT 1,500.00
_ONCE = re.compile(r'name="once" value="([A-Za-z0-9_-]+)"')


async def test_the_artist_reads_what_she_is_owed_and_an_admin_pays_it_once(
    make_api: ApiFactory,
) -> None:
    api = await make_api(platform_fee_basis_points=1_000)
    desk = await open_desk(api, service=SERVICE)
    async with browser(api) as artist:
        await sign_in(artist, email_of(desk.artist.session))
        empty = await artist.get(MINE)
        assert empty.status_code == 200 and "Nothing yet" in empty.text
        await _paid_booking(desk, "p2p")
        await api.bundles.payouts.enter_payments()
        page = await artist.get(MINE)
        assert page.status_code == 200, page.text
        assert "MNT 270" in page.text and "Platform fee" in page.text  # 300 less 10 %
        assert "+ MNT 300" in page.text and "\N{MINUS SIGN} MNT 30" in page.text
        assert (await artist.get(OWED)).status_code == 404  # the operator's page: not hers
        assert (await artist.get(f"{OWED}.csv")).status_code == 404
        assert (await artist.get(f"{MINE}?page=\u0661")).status_code == 200  # a page: digits only

    async with browser(api) as admin:
        await sign_in(admin, email_of(desk.admin))
        listed = await admin.get(OWED)
        assert listed.status_code == 200 and "MNT 270" in listed.text, listed.text
        token, once = form_token(listed), _ONCE.search(listed.text)
        assert once is not None
        pay = f"{OWED}/{desk.artist.id}/MNT"
        base = {"form_token": token, "once": once.group(1), "reference": "Khan 7781"}
        too_much = await admin.post(pay, data={**base, "amount": "271"})
        assert too_much.status_code == 409 and "more than" in too_much.text
        for amount in ("abc", "1e5", "１００", "-5", "0.001"):
            refused = await admin.post(pay, data={**base, "amount": amount})
            assert refused.status_code == 422, (amount, refused.status_code)
        assert (await admin.post(pay, data={**base, "form_token": "0" * 32})).status_code == 403
        assert (await admin.post(f"{OWED}/not-an-id/MNT", data=base)).status_code == 404
        lower = await admin.post(f"{OWED}/{desk.artist.id}/mnt", data=base)
        assert lower.status_code == 422  # the domain's currency rule
        for bad in ("", "short", "x" * 65, "a b" * 8):  # a form the page did not make
            assert (await admin.post(pay, data={**base, "once": bad})).status_code == 403
        exported = await admin.get(f"{OWED}.csv")
        assert exported.status_code == 200 and exported.headers["content-type"].startswith(
            "text/csv"
        )
        assert exported.text.splitlines()[1].endswith(",MNT,27000"), exported.text
        paid = await admin.post(pay, data={**base, "amount": "200", "note": "November"})
        assert paid.status_code == 200 and "Payout recorded." in paid.text, paid.text
        again = await admin.post(pay, data={**base, "amount": "200", "note": "November"})
        assert again.status_code == 200  # the same shown form sent twice: one payout
    read = await api.client.get("/api/v1/me/ledger", headers=desk.auth(desk.artist.session))
    (account,) = read.json()["accounts"]
    assert (account["paidOut"], account["owed"]) == (20_000, 7_000)

    async with browser(api) as customer:  # a customer has no console: sent to sign in
        assert (await sign_in(customer, email_of(desk.customer))).status_code == 403
        for path in (MINE, OWED):
            assert (await customer.get(path, follow_redirects=False)).status_code == 303
