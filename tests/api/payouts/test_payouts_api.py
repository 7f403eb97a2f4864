"""The platform's ledger over HTTP on real PostgreSQL: a deposit paid through the sandbox is
entered for its artist with the platform's fee (the worker's follower, run here as the
worker would); the artist reads what they are owed; cancelled and refunded by hand, the
refund and the fee's return are entered and the account comes back to zero; money collected
again is paid out by an admin (once, under a retry), listed as owed before and as CSV;
refusals are 4xx with stable codes and change nothing."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import ApiFactory
from tests.api.payments.test_refunds_api import SETTLEMENTS, _cancel, _paid_booking

pytestmark = pytest.mark.anyio
SERVICE = {"deposit": {"percent": 20}}  # 20 % of MNT 1,500.00: MNT 300.00 (30,000)
MINE = "/api/v1/me/ledger"
OWED = "/api/v1/admin/ledger/owed"


def admin_ledger(desk: Desk) -> str:
    return f"/api/v1/admin/artists/{desk.artist.id}/ledger"


def payouts(desk: Desk) -> str:
    return f"/api/v1/admin/artists/{desk.artist.id}/payouts"


async def mnt(desk: Desk, session: dict[str, Any] | None = None) -> dict[str, Any]:
    got = await desk.api.client.get(MINE, headers=desk.auth(session or desk.artist.session))
    assert got.status_code == 200, got.text
    (account,) = got.json()["accounts"]
    assert account["currency"] == "MNT"
    return dict(account)


async def test_collected_fee_refund_and_payout_from_the_artists_and_admins_side(
    make_api: ApiFactory,
) -> None:
    api = await make_api(platform_fee_basis_points=1_000, platform_fee_minimums={"MNT": 500})
    desk = await open_desk(api, service=SERVICE)
    empty = await api.client.get(MINE, headers=desk.auth(desk.artist.session))
    assert (empty.status_code, empty.json()["accounts"]) == (200, [])

    booking_id, _ = await _paid_booking(desk, "p2p")
    assert await api.bundles.payouts.enter_payments() == 1
    assert await api.bundles.payouts.enter_payments() == 0  # entered once
    account = await mnt(desk)
    assert (account["collected"], account["fees"], account["balance"], account["owed"]) == (
        30_000, 3_000, 27_000, 27_000,
    )  # fmt: skip
    entries = await api.client.get(f"{MINE}/entries", headers=desk.auth(desk.artist.session))
    kinds = [(e["kind"], e["signed"], e["bookingId"]) for e in entries.json()["items"]]
    assert sorted(kinds) == [("collected", 30_000, booking_id), ("fee", -3_000, booking_id)]

    # Cancelled in time: the deposit is owed back, and an admin pays it back by hand.
    await _cancel(desk, booking_id, desk.customer)
    await api.bundles.payments.plan_refunds()
    admin = desk.auth(desk.admin)
    (item,) = [
        r for r in (await api.client.get(SETTLEMENTS, headers=admin)).json()["items"]
        if r["bookingId"] == booking_id
    ]  # fmt: skip
    settled = await api.client.post(
        f"{SETTLEMENTS}/{item['id']}/settle", json={"note": "Khan 1"}, headers=admin
    )
    assert settled.status_code == 200, settled.text
    assert await api.bundles.payouts.enter_payments() == 1
    account = await mnt(desk)
    assert (account["refunded"], account["feesReturned"], account["balance"]) == (30_000, 3_000, 0)
    assert (await api.client.get(OWED, headers=admin)).json()["total"] == 0

    # Paid again, owed again: listed, exported, and paid out once under a retried key.
    await _paid_booking(desk, "card")
    await api.bundles.payouts.enter_payments()
    owed = (await api.client.get(OWED, headers=admin)).json()
    (row,) = [r for r in owed["items"] if r["artistId"] == desk.artist.id]
    assert (row["account"]["owed"], row["artistName"]) == (
        27_000,
        desk.artist.artist["displayName"],
    )
    exported = await api.client.get(f"{OWED}.csv", headers=admin)
    assert exported.headers["content-type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert lines[0] == ["artistId", "artistName", "email", "currency", "owed"]
    assert [desk.artist.id, "MNT", "27000"] == [lines[1][0], *lines[1][3:]]

    key = {**admin, "Idempotency-Key": "round-2026-11"}
    body = {"currency": "MNT", "reference": "Khan 7781", "note": "November"}
    paid = await api.client.post(payouts(desk), json=body, headers=key)
    assert (paid.status_code, paid.json()["kind"], paid.json()["amount"]) == (201, "payout", 27_000)
    again = await api.client.post(payouts(desk), json=body, headers=key)
    assert (again.status_code, again.json()["id"]) == (200, paid.json()["id"])
    account = await mnt(desk)
    assert (account["paidOut"], account["balance"], account["owed"]) == (27_000, 0, 0)
    own = await api.client.get(f"{MINE}/entries", headers=desk.auth(desk.artist.session))
    (payout,) = [e for e in own.json()["items"] if e["kind"] == "payout"]
    assert (payout["reference"], payout["note"], payout["recordedBy"]) == (
        "Khan 7781", "November", None,
    )  # who among the admins recorded it: shown to admins only  # fmt: skip
    as_admin = await api.client.get(f"{admin_ledger(desk)}/entries", headers=admin)
    assert [e["recordedBy"] for e in as_admin.json()["items"] if e["kind"] == "payout"] == [
        desk.admin["user"]["id"]
    ]
    read = await api.client.get(admin_ledger(desk), headers=admin)
    assert read.json()["accounts"][0]["balance"] == 0
    trail = await api.client.get(
        "/api/v1/admin/audit", params={"action": "payout.recorded"}, headers=admin
    )
    assert trail.status_code == 200, trail.text
    assert [e["after"]["reference"] for e in trail.json()["items"]] == ["Khan 7781"]


async def test_refusals_are_4xx_with_stable_codes_and_change_nothing(
    make_api: ApiFactory,
) -> None:
    api = await make_api()
    desk = await open_desk(api, service=SERVICE)
    admin = desk.auth(desk.admin)
    await _paid_booking(desk, "p2p")
    await api.bundles.payouts.enter_payments()

    mine = await api.client.get(MINE, headers=desk.auth(desk.customer))  # no artist profile
    assert (mine.status_code, mine.json()["code"]) == (404, "artist_not_found")
    for who in (desk.customer, desk.artist.session):
        assert (await api.client.get(OWED, headers=desk.auth(who))).status_code == 403
        refused = await api.client.post(
            payouts(desk), json={"currency": "MNT", "reference": "x"}, headers=desk.auth(who)
        )
        assert refused.status_code == 403
    cases = [
        ({"currency": "MNT", "reference": "Khan", "amount": 30_001}, 409, "payout_exceeds_balance"),
        ({"currency": "USD", "reference": "Khan"}, 409, "nothing_to_pay_out"),
        ({"currency": "MNT", "reference": "Khan\u0000"}, 422, "invalid_input"),
        ({"currency": "MNT", "reference": ""}, 422, "invalid_input"),
        ({"currency": "MNT", "reference": "Khan", "amount": 0}, 422, "invalid_input"),
        ({"currency": "mnt", "reference": "Khan"}, 422, "invalid_input"),
        ({"currency": "MNT"}, 422, "invalid_input"),
    ]
    for body, status, code in cases:
        answer = await api.client.post(payouts(desk), json=body, headers=admin)
        assert (answer.status_code, answer.json()["code"]) == (status, code), (body, answer.text)
    unknown = "/api/v1/admin/artists/00000000-0000-7000-8000-000000000000/payouts"
    gone = await api.client.post(unknown, json={"currency": "MNT", "reference": "x"}, headers=admin)
    assert (gone.status_code, gone.json()["code"]) == (404, "artist_not_found")
    keyed = {**admin, "Idempotency-Key": "k-1"}
    first = await api.client.post(
        payouts(desk), json={"currency": "MNT", "reference": "a", "amount": 100}, headers=keyed
    )
    assert first.status_code == 201, first.text
    reused = await api.client.post(
        payouts(desk), json={"currency": "MNT", "reference": "a", "amount": 200}, headers=keyed
    )
    assert (reused.status_code, reused.json()["code"]) == (422, "idempotency_key_reused")
    assert (await mnt(desk))["balance"] == 30_000 - 100  # no fee set: only the one payout
