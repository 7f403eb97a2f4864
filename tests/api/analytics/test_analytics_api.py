"""``GET /artists/{id}/analytics`` and ``GET /admin/analytics`` on real PostgreSQL: who may
read which figures, JSON and CSV, and the ranges refused (422, never a 500)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests.api.booking_helpers import SLOT, open_desk
from tests.api.conftest import Api
from tests.api.payments.test_deposits_api import DEPOSIT_SERVICE, _invoice

pytestmark = pytest.mark.anyio
ADMIN = "/api/v1/admin/analytics"
WEEK = {"from": "2026-03-02", "to": "2026-03-08", "granularity": "week"}


def _mine(artist_id: str) -> str:
    return f"/api/v1/artists/{artist_id}/analytics"


async def test_the_artist_and_admins_read_the_figures_others_are_refused(api: Api) -> None:
    desk = await open_desk(api)
    await desk.booked()  # Thursday 10:00-11:00 UTC (the artist's zone is UTC)
    other = await open_desk(api, admin=desk.admin)

    mine = await api.client.get(_mine(desk.artist.id), params=WEEK,
                                headers=desk.auth(desk.artist.session))  # fmt: skip
    assert mine.status_code == 200, mine.text
    body: dict[str, Any] = mine.json()
    (week,) = body["periods"]
    assert week["start"] == "2026-03-02" and body["timeZone"] == "Africa/Abidjan"
    assert week["bookings"] == 1 and week["bookedSeconds"] == 3600
    assert week["availableSeconds"] == 5 * 8 * 3600  # weekdays 09:00-17:00
    assert week["utilisation"] == round(1 / 40, 4)
    assert week["cancellationRate"] == 0 and week["meanLeadSeconds"] == 72 * 3600
    assert body["customers"] == 1 and body["repeatCustomers"] == 0
    assert [s["bookings"] for s in body["topServices"]] == [1]

    by_admin = await api.client.get(_mine(desk.artist.id), params=WEEK,
                                    headers=desk.auth(desk.admin))  # fmt: skip
    assert by_admin.status_code == 200 and by_admin.json()["periods"] == body["periods"]
    for stranger in (other.artist.session, desk.customer):
        refused = await api.client.get(_mine(desk.artist.id), params=WEEK,
                                       headers=desk.auth(stranger))  # fmt: skip
        assert refused.status_code == 403, refused.text
    assert (await api.client.get(_mine(desk.artist.id), params=WEEK)).status_code == 401

    platform = await api.client.get(ADMIN, params=WEEK, headers=desk.auth(desk.admin))
    assert platform.status_code == 200, platform.text
    figures = platform.json()
    assert figures["periods"][0]["bookings"] == 1
    assert figures["periods"][0]["availableSeconds"] is None
    assert [a["key"] for a in figures["artists"]] == [desk.artist.id]
    one = await api.client.get(ADMIN, params={**WEEK, "artistId": other.artist.id},
                               headers=desk.auth(desk.admin))  # fmt: skip
    assert one.status_code == 200 and one.json()["periods"][0]["bookings"] == 0
    for caller in (desk.artist.session, desk.customer):
        denied = await api.client.get(ADMIN, params=WEEK, headers=desk.auth(caller))
        assert denied.status_code == 403, denied.text


async def test_a_paid_deposit_is_revenue_on_the_day_it_was_received(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id = await desk.booked()
    invoice = (await _invoice(desk, booking_id)).json()
    paid = await api.client.post(f"/api/v1/sandbox/invoices/{invoice['invoiceId']}/pay")
    assert paid.status_code == 200, paid.text
    days = {"from": "2026-03-02", "to": "2026-03-05"}
    found = await api.client.get(_mine(desk.artist.id), params=days,
                                 headers=desk.auth(desk.artist.session))  # fmt: skip
    assert found.status_code == 200, found.text
    periods = found.json()["periods"]
    money = {"currency": "MNT", "depositsPaid": invoice["amount"], "balancesPaid": 0,
             "refunded": 0, "awaitingSettlement": 0}  # fmt: skip
    assert [p["revenue"] for p in periods] == [[money], [], [], []]  # paid on Monday
    assert [p["bookings"] for p in periods] == [0, 0, 0, 1]  # it starts on Thursday


async def test_csv_is_served_by_format_or_by_accept(api: Api) -> None:
    desk = await open_desk(api)
    await desk.booked(SLOT)
    days = {"from": "2026-03-04", "to": "2026-03-06"}
    headers = desk.auth(desk.artist.session)
    for asked in (
        api.client.get(_mine(desk.artist.id), params={**days, "format": "csv"}, headers=headers),
        api.client.get(_mine(desk.artist.id), params=days,
                       headers=headers | {"Accept": "text/csv"}),
        api.client.get(ADMIN, params={**days, "format": "csv"}, headers=desk.auth(desk.admin)),
    ):  # fmt: skip
        response = await asked
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert [r["period_start"] for r in rows] == ["2026-03-04", "2026-03-05", "2026-03-06"]
        assert [r["bookings"] for r in rows] == ["0", "1", "0"]
        assert rows[1]["booked_seconds"] == "3600" and rows[0]["currency"] == ""


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-03-08", "to": "2026-03-02"},  # reversed
        {"from": "2020-01-01", "to": "2026-01-01"},  # > 2 years by day
        {"from": "2000-01-01", "to": "2026-01-01", "granularity": "week"},  # > 5 years by week
        {"from": "0001-01-01", "to": "0001-01-07"},  # off the kept calendar
        {"from": "9999-12-25", "to": "9999-12-31", "granularity": "month"},
    ],
)
async def test_bad_ranges_are_refused_with_422(api: Api, params: dict[str, str]) -> None:
    desk = await open_desk(api)
    for path, who in ((_mine(desk.artist.id), desk.artist.session), (ADMIN, desk.admin)):
        refused = await api.client.get(path, params=params, headers=desk.auth(who))
        assert refused.status_code == 422, refused.text
        assert refused.json()["code"] == "invalid_analytics_range"


async def test_malformed_queries_are_refused_as_invalid_input(api: Api) -> None:
    desk = await open_desk(api)
    headers = desk.auth(desk.admin)
    for params in (
        {"from": "2026-02-30", "to": "2026-03-01"},
        {"from": "2026-03-01", "to": "2026-03-01", "granularity": "year"},
        {"from": "2026-03-01", "to": "2026-03-01", "city": "\x00"},
        {"from": "2026-03-01", "to": "2026-03-01", "format": "xml"},
    ):
        response = await api.client.get(ADMIN, params=params, headers=headers)
        assert response.status_code == 422, (params, response.text)
        assert response.json()["code"] == "invalid_input"
