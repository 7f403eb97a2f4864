"""``POST /api/v1/bookings`` from the artist: walk-ins and phone clients booked into the
artist's own calendar, for an existing customer (by email or phone) or a client record of
the artist's, with or without the deposit; every refusal with its status and code."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from adapters.postgres.database import psycopg_url
from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
WALK_IN = {"name": "Bat Erdene", "phone": "8811 2233", "email": "bat@example.com"}


async def as_artist(desk: Desk, start: str = SLOT, **body: Any) -> Any:
    return await desk.book(start, desk.artist.session, **body)


async def test_an_artist_books_a_walk_in_client_confirmed_at_once(api: Api) -> None:
    desk = await open_desk(api, service={"deposit": {"amount": 30_000}})
    response = await as_artist(desk, client=WALK_IN)
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["status"], body["depositAmount"], body["holdExpiresAt"]) == ("confirmed", 0, None)
    assert body["customerId"] is None and body["clientId"] is not None
    events = await desk.get(f"/{body['id']}/events", desk.artist.session)
    assert [(e["kind"], e["to"]) for e in events.json()["items"]] == [("booked", "confirmed")]
    again = await as_artist(desk, "2026-03-05T11:00:00Z", client={**WALK_IN, "name": "Bat"})
    assert again.json()["clientId"] == body["clientId"]  # the same number, the same record
    assert (await desk.get(f"/{body['id']}", desk.customer)).status_code == 404


async def test_an_existing_customer_is_booked_by_email_with_the_deposit(api: Api) -> None:
    desk = await open_desk(api, service={"deposit": {"amount": 30_000}})
    email = desk.customer["user"]["email"].upper()
    response = await as_artist(desk, customer={"email": email}, deposit=True)
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["status"], body["depositAmount"]) == ("pending", 30_000)
    assert body["holdExpiresAt"] == "2026-03-02T10:15:00Z"
    assert body["customerId"] == desk.customer["user"]["id"]
    seen = await desk.get(f"/{body['id']}", desk.customer)
    assert seen.status_code == 200, seen.text


async def test_an_existing_customer_is_found_by_the_phone_they_proved(api: Api) -> None:
    """A number typed into a profile finds nobody (anyone may type anyone's number); once
    the customer has proved it by a code, it finds them."""
    desk = await open_desk(api)
    changed = await api.client.patch(
        "/api/v1/me", json={"phone": "+976 9911 2233"}, headers=desk.auth(desk.customer)
    )
    assert changed.status_code == 200, changed.text
    typed = await as_artist(desk, customer={"phone": "99112233"})
    assert typed.status_code == 404 and typed.json()["code"] == "customer_not_found"
    async with await psycopg.AsyncConnection.connect(psycopg_url(api.database_url)) as conn:
        # What /me/phone/verify records with the code (tests/api/accounts: the code itself)
        await conn.execute(
            "UPDATE users SET phone_verified = true WHERE id = %s", (desk.customer["user"]["id"],)
        )
    response = await as_artist(desk, customer={"phone": "99112233"})
    assert response.status_code == 201, response.text
    assert response.json()["customerId"] == desk.customer["user"]["id"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"customer": {"email": "nobody@example.com"}}, 404, "customer_not_found"),
        ({"customer": {}}, 422, "invalid_input"),
        ({"client": {**WALK_IN, "phone": "not a number"}}, 422, "invalid_input"),
        ({"client": {**WALK_IN, "name": " "}}, 422, "invalid_input"),
        ({"client": WALK_IN, "customer": {"email": "a@example.com"}}, 422, "invalid_input"),
        ({"client": WALK_IN, "deposit": True}, 422, "invalid_input"),  # no deposit to ask
        ({}, 403, "booking_action_not_allowed"),  # for whom?
    ],
)
async def test_refusals(api: Api, body: dict[str, Any], status: int, code: str) -> None:
    desk = await open_desk(api)
    response = await as_artist(desk, **body)
    assert (response.status_code, response.json()["code"]) == (status, code), response.text


async def test_a_client_record_is_never_booked_for_a_deposit_it_could_not_pay(api: Api) -> None:
    """No account, no app to pay in: the artist takes a deposit by hand and books without
    one (confirmed), and nothing is booked by the refusal."""
    desk = await open_desk(api, service={"deposit": {"amount": 30_000}})
    refused = await as_artist(desk, client=WALK_IN, deposit=True)
    assert (refused.status_code, refused.json()["code"]) == (422, "invalid_input"), refused.text
    assert [e["code"] for e in refused.json()["errors"]] == ["client_without_account"]
    booked = await as_artist(desk, client=WALK_IN, deposit=False)
    assert booked.status_code == 201, booked.text
    assert (booked.json()["status"], booked.json()["depositAmount"]) == ("confirmed", 0)


async def test_only_the_calendars_artist_books_someone_in(api: Api) -> None:
    desk = await open_desk(api)
    other = (await open_desk(api, admin=desk.admin)).artist.session
    bodies: list[dict[str, Any]] = [
        {"client": WALK_IN},
        {"customer": {"email": "nobody@example.com"}},
    ]
    for session in (other, desk.customer, desk.admin):
        for body in bodies:
            response = await desk.book(SLOT, session, **body)
            assert (response.status_code, response.json()["code"]) == (
                403,
                "booking_action_not_allowed",
            ), response.text


async def test_an_artists_booking_takes_the_slot(api: Api) -> None:
    desk = await open_desk(api)
    assert (await as_artist(desk, client=WALK_IN)).status_code == 201
    response = await desk.book("2026-03-05T10:30:00Z")
    assert (response.status_code, response.json()["code"]) == (409, "slot_taken")
    taken = await as_artist(desk, "2026-03-05T10:30:00Z", client=WALK_IN)
    assert (taken.status_code, taken.json()["code"]) == (409, "slot_taken")


async def test_a_start_that_cannot_be_booked_tells_nobody_who_has_an_account(api: Api) -> None:
    """The start is checked before the person is looked up: at an unbookable start a
    customer's email and a stranger's get the same answer, and nothing is made."""
    desk = await open_desk(api)
    off_the_grid = SLOT.replace(":00:00Z", ":07:00Z")
    known = await as_artist(desk, off_the_grid, customer={"email": desk.customer["user"]["email"]})
    unknown = await as_artist(desk, off_the_grid, customer={"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 422, (known.text, unknown.text)
    assert known.json()["code"] == unknown.json()["code"]


async def test_an_artists_customer_lookups_are_limited_per_hour(api: Api) -> None:
    """60 lookups an hour by default (INKSLOT_CUSTOMER_LOOKUPS_PER_HOUR): the 61st is 429
    with Retry-After, alike for a customer's email and a stranger's; a client record is
    still booked."""
    desk = await open_desk(api)
    for n in range(60):
        tried = await as_artist(desk, customer={"email": f"nobody{n}@example.com"})
        assert tried.status_code == 404, tried.text
    known = await as_artist(desk, customer={"email": desk.customer["user"]["email"]})
    unknown = await as_artist(desk, customer={"email": "nobody@example.com"})
    for refused in (known, unknown):
        assert refused.status_code == 429, refused.text
        assert refused.json()["code"] == "too_many_customer_lookups"
        assert refused.headers["retry-after"] == "3600"  # the test clock stands at 10:00
    assert known.json()["detail"] == unknown.json()["detail"]
    assert (await as_artist(desk, client=WALK_IN)).status_code == 201
