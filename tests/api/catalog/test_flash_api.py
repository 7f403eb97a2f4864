"""Flash sheets over HTTP: an artist puts a design with sizes on their sheet, the public reads
it, a size books exactly like a service; a one-off design is taken by the first confirmed
booking and refuses every booking after it (409), whether booked, approved or paid."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.conftest import Api
from tests.api.media.uploads import finished_upload

pytestmark = pytest.mark.anyio
MINE = "/api/v1/me/flash"
LATER = "2026-03-05T13:00:00Z"
LATEST = "2026-03-06T10:00:00Z"


async def _design(desk: Desk, *, one_off: bool = True, **more: Any) -> dict[str, Any]:
    auth = desk.auth(desk.artist.session)
    upload = await finished_upload(desk.api, auth)
    body = {
        "uploadId": upload["id"],
        "title": "Swallow",
        "tags": [" Old School ", "old_school", "Bird", "Swallowtail"],
        "oneOff": one_off,
        "variants": [
            {"sizeLabel": "S", "sizeCm": 5, "durationMinutes": 60, "price": {"amount": 100_000}},
            {
                "sizeLabel": "L",
                "sizeCm": 15,
                "durationMinutes": 120,
                "price": {"amount": 300_000},
                "deposit": {"percent": 10},
            },
        ],
        **more,
    }
    made = await desk.api.client.post(MINE, json=body, headers=auth)
    assert made.status_code == 201, made.text
    return dict(made.json())


async def _sheet(desk: Desk, session: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    headers = desk.auth(session) if session else {}
    read = await desk.api.client.get(f"/api/v1/artists/{desk.artist.id}/flash", headers=headers)
    assert read.status_code == 200, read.text
    return list(read.json()["items"])


async def _slots(desk: Desk, service_id: str) -> list[Any]:
    read = await desk.api.client.get(
        f"/api/v1/artists/{desk.artist.id}/slots",
        params={"serviceId": service_id, "from": "2026-03-05T00:00:00Z", "to": LATEST},
    )
    assert read.status_code == 200, read.text
    return list(read.json()["items"])


async def _found_by(desk: Desk, words: str) -> list[str]:
    found = await desk.api.client.get("/api/v1/artists", params={"q": words})
    assert found.status_code == 200, found.text
    return [a["id"] for a in found.json()["items"]]


def _size(design: dict[str, Any], label: str) -> str:
    return str(next(v["id"] for v in design["variants"] if v["sizeLabel"] == label))


async def test_a_size_books_like_a_service_and_a_one_off_is_taken_once(api: Api) -> None:
    desk = await open_desk(api)
    design = await _design(desk)
    assert design["tags"] == ["old-school", "bird", "swallowtail"] and design["taken"] is False
    assert [(v["sizeLabel"], v["sizeCm"], v["name"]) for v in design["variants"]] == [
        ("S", 5, "Swallow (S)"),
        ("L", 15, "Swallow (L)"),
    ]
    assert design["variants"][1]["deposit"]["due"] == {"amount": 30_000, "currency": "MNT"}
    (shown,) = await _sheet(desk)
    assert shown["id"] == design["id"] and shown["images"]
    assert await _found_by(desk, "swallowtail") == [desk.artist.id]  # search by flash tags
    services = await api.client.get(f"/api/v1/artists/{desk.artist.id}/services")
    assert [s["id"] for s in services.json()["items"]] == [desk.artist.service["id"]]

    assert await _slots(desk, _size(design, "L"))  # slots work as for any service

    first = await desk.book(SLOT, serviceId=_size(design, "S"))
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "confirmed"  # no deposit, no approval
    (taken,) = await _sheet(desk)
    assert taken["taken"] is True
    assert await _slots(desk, _size(design, "L")) == []

    other = await desk.customer_named("Bea")
    refused = await desk.book(LATER, other, serviceId=_size(design, "L"))
    assert refused.status_code == 409 and refused.json()["code"] == "flash_design_taken"
    plain = await desk.book(LATER, other)
    assert plain.status_code == 201, plain.text  # plain services are untouched

    # Cancelling the claiming booking does not free the design.
    cancelled = await desk.patch(first.json()["id"], desk.customer, status="cancelled")
    assert cancelled.status_code == 200, cancelled.text
    assert (await _sheet(desk))[0]["taken"] is True


async def test_a_design_that_is_not_one_off_books_again_and_again(api: Api) -> None:
    desk = await open_desk(api)
    design = await _design(desk, one_off=False)
    for start in (SLOT, LATER):
        booked = await desk.book(start, serviceId=_size(design, "S"))
        assert booked.status_code == 201, booked.text
    assert (await _sheet(desk))[0]["taken"] is False


async def _invoice_paid(api: Api, desk: Desk, booking_id: str, session: dict[str, Any]) -> None:
    made = await api.client.post(
        f"{BOOKINGS}/{booking_id}/deposit-invoice", headers=desk.auth(session)
    )
    assert made.status_code == 201, made.text
    assert api.sandbox is not None
    await api.sandbox.pay(made.json()["invoiceId"])


async def test_a_deposit_for_a_design_taken_meanwhile_is_owed_back(api: Api) -> None:
    desk = await open_desk(api)
    design = await _design(desk)
    other = await desk.customer_named("Bea")
    first = await desk.book(SLOT, serviceId=_size(design, "L"))
    second = await desk.book(LATEST, other, serviceId=_size(design, "L"))
    assert first.status_code == second.status_code == 201, (first.text, second.text)
    assert first.json()["status"] == second.json()["status"] == "pending"

    await _invoice_paid(api, desk, first.json()["id"], desk.customer)
    assert (await _sheet(desk))[0]["taken"] is True
    await _invoice_paid(api, desk, second.json()["id"], other)

    lost = await desk.get(f"/{second.json()['id']}", other)
    body = lost.json()
    assert (body["status"], body["cancellationReason"]) == ("cancelled", "flash_design_taken")
    assert body["amountPaid"] == 30_000  # recorded, never lost, and owed back
    assert body["refundDue"] + body["amountRefunded"] == 30_000
    won = await desk.get(f"/{first.json()['id']}", desk.customer)
    assert won.json()["status"] == "confirmed"


async def test_the_artist_changes_and_removes_designs_others_are_refused(api: Api) -> None:
    desk = await open_desk(api)
    design = await _design(desk)
    auth = desk.auth(desk.artist.session)
    changed = await api.client.patch(
        f"{MINE}/{design['id']}", json={"title": "Two swallows", "tags": ["Birds"]}, headers=auth
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["tags"] == ["birds"]
    assert [v["name"] for v in changed.json()["variants"]] == [
        "Two swallows (S)",
        "Two swallows (L)",
    ]

    customer = desk.auth(desk.customer)
    upload = await finished_upload(api, auth)
    body = {"uploadId": upload["id"], "title": "Rose", "variants": design_body()}
    assert (await api.client.post(MINE, json=body, headers=customer)).status_code == 403
    stranger = await open_desk(api, admin=desk.admin)
    hidden = await api.client.patch(
        f"{MINE}/{design['id']}",
        json={"title": "Mine"},
        headers=stranger.auth(stranger.artist.session),
    )
    assert hidden.status_code == 404 and hidden.json()["code"] == "flash_design_not_found"

    for bad in (
        {"tags": ["ü"]},
        {"title": "   "},
        {"variants": [{"sizeLabel": "S", "durationMinutes": 30, "price": {"amount": 1}}] * 2},
        {
            "variants": [
                {
                    "sizeLabel": "S",
                    "durationMinutes": 30,
                    "price": {"amount": 100},
                    "deposit": {"amount": 500},
                }
            ]
        },
    ):
        refused = await api.client.post(
            MINE,
            json={"uploadId": upload["id"], "title": "Rose", "variants": design_body(), **bad},
            headers=auth,
        )
        assert refused.status_code == 422, (bad, refused.text)

    assert await _found_by(desk, "birds") == [desk.artist.id]  # by the sheet's tags
    removed = await api.client.delete(f"{MINE}/{design['id']}", headers=auth)
    assert removed.status_code == 204
    assert await _found_by(desk, "birds") == []
    assert await _sheet(desk) == []
    gone = await desk.book(SLOT, serviceId=_size(design, "S"))
    assert gone.status_code == 422 and gone.json()["code"] == "artist_not_bookable"
    again = await api.client.delete(f"{MINE}/{design['id']}", headers=auth)
    assert again.status_code == 404


def design_body() -> list[dict[str, Any]]:
    return [{"sizeLabel": "S", "durationMinutes": 30, "price": {"amount": 100}}]
