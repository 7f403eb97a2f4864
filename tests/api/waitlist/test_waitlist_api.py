"""The waitlist over HTTP on real PostgreSQL, the clock moved by the test and the worker's
share (the reader, the hold sweep) run as the worker runs it: customers join, list, read
and leave; the artist sets the hold and reads the figures; a cancelled time is offered to
the first in line, who declines, then to the next, who accepts (confirmed at once); a
time freed by an expired deposit hold is offered, the first customer lets the hold run
out (409 ``hold_expired`` before and after the sweep), the next accepts and owes the
deposit, which the sandbox pays; each is told what happened (a lapsed offer is no unpaid
request, an accepted offer left unpaid is one); leaving with an open offer declines it. The artist's
analytics count neither a declined nor a lapsed offer (docs/analytics.md)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.conftest import Api
from tests.api.notifications.delivery import deliver
from tests.api.waitlist.helpers import (
    DAY,
    answer,
    entry,
    holds_swept,
    instant,
    join,
    joined,
    mine,
    offers_made,
    problem,
    settings_url,
    stats_url,
)

pytestmark = pytest.mark.anyio
DEPOSIT_SERVICE = {"deposit": {"percent": 20}}  # 20 % of 1,500.00 MNT


async def day_figures(desk: Desk) -> tuple[int, int, float | None]:
    """The artist's analytics of the slot's day: bookings, cancelled, cancellation rate."""
    url = f"/api/v1/artists/{desk.artist.id}/analytics"
    answered = await desk.api.client.get(
        url, params={"from": DAY, "to": DAY}, headers=desk.auth(desk.artist.session)
    )
    assert answered.status_code == 200, answered.text
    total = answered.json()["total"]
    return total["bookings"], total["cancelled"], total["cancellationRate"]


async def test_a_cancelled_time_goes_to_the_first_who_declines_then_to_the_next(
    api: Api,
) -> None:
    desk = await open_desk(api)
    artist = desk.auth(desk.artist.session)
    booked = await desk.booked()  # confirmed at once: no deposit, no approval
    bo, cy = await desk.customer_named("Bo"), await desk.customer_named("Cy")

    made = await join(desk, bo)
    assert made.status_code == 201, made.text
    first = made.json()
    assert (first["status"], first["offer"], first["firstDate"], first["lastDate"]) == (
        "waiting", None, DAY, DAY,
    )  # fmt: skip
    api.clock.advance(timedelta(seconds=1))  # first come, first served
    second = await joined(desk, cy)
    listed = await mine(desk, bo)
    assert (listed["total"], [e["id"] for e in listed["items"]]) == (1, [first["id"]])
    assert (await entry(desk, bo, first["id"]))["status"] == "waiting"

    defaults = await api.client.get(settings_url(desk), headers=artist)
    assert defaults.status_code == 200, defaults.text
    assert (defaults.json()["enabled"], defaults.json()["holdMinutes"]) == (True, 30)
    assert defaults.json()["updatedAt"] is None
    changed = await api.client.put(settings_url(desk), json={"holdMinutes": 10}, headers=artist)
    assert changed.status_code == 200, changed.text
    assert (changed.json()["enabled"], changed.json()["holdMinutes"]) == (True, 10)
    assert (await api.client.get(settings_url(desk), headers=artist)).json() == changed.json()

    assert await offers_made(desk) == 0  # nothing freed yet
    cancelled = await desk.patch(booked, desk.customer, status="cancelled", reason="plans")
    assert cancelled.status_code == 200, cancelled.text
    assert await offers_made(desk) == 1
    assert await offers_made(desk) == 0  # read already: never offered twice

    offered = await entry(desk, bo, first["id"])
    offer = offered["offer"]
    assert offered["status"] == "offered" and instant(offer["start"]) == instant(SLOT)
    assert instant(offer["until"]) == api.clock.now() + timedelta(minutes=10)
    held = await desk.get(f"/{offer['bookingId']}", bo)
    assert (held.json()["status"], held.json()["offer"]) == ("pending", "offered")
    assert instant(held.json()["holdExpiresAt"]) == instant(offer["until"])
    assert (await desk.get(f"/{offer['bookingId']}", desk.artist.session)).status_code == 200
    assert (await entry(desk, cy, second))["status"] == "waiting"

    await deliver(api)
    inbox = await api.client.get("/api/v1/me/notifications", headers=desk.auth(bo))
    told = [(n["kind"], n["link"]) for n in inbox.json()["items"]]
    assert [kind for kind, _ in told] == ["booking.offered"]
    assert told[0][1].endswith(f"/bookings/{offer['bookingId']}")

    declined = await answer(desk, bo, offer["bookingId"], "decline")
    assert declined.status_code == 200, declined.text
    assert (declined.json()["entry"]["status"], declined.json()["booking"]["status"]) == (
        "declined", "cancelled",
    )  # fmt: skip
    gone = (await desk.get(f"/{offer['bookingId']}", bo)).json()
    assert (gone["status"], gone["cancellationReason"]) == ("cancelled", "offer_declined")
    assert problem(await answer(desk, bo, offer["bookingId"], "accept")) == (
        409, "waitlist_entry_closed",
    )  # fmt: skip

    assert await offers_made(desk) == 1  # the declined time, to the next in line
    passed_on = (await entry(desk, cy, second))["offer"]
    assert instant(passed_on["start"]) == instant(SLOT)
    taken = await answer(desk, cy, passed_on["bookingId"], "accept")
    assert taken.status_code == 200, taken.text
    assert (taken.json()["entry"]["status"], taken.json()["booking"]["status"]) == (
        "accepted", "confirmed",
    )  # fmt: skip
    booking = (await desk.get(f"/{passed_on['bookingId']}", cy)).json()
    assert (booking["status"], booking["offer"]) == ("confirmed", "accepted")

    stats = await api.client.get(stats_url(desk), params={"days": 30}, headers=artist)
    assert stats.status_code == 200, stats.text
    figures = stats.json()
    assert {k: figures[k] for k in ("offers", "accepted", "declined", "lapsed", "open")} == {
        "offers": 2, "accepted": 1, "declined": 1, "lapsed": 0, "open": 0,
    }  # fmt: skip
    assert (figures["slots"], figures["filled"], figures["fillRatePercent"]) == (1, 1, 100)
    assert (figures["waiting"], figures["days"]) == (0, 30)
    await deliver(api)
    artist_inbox = await api.client.get("/api/v1/me/notifications", headers=artist)
    assert "booking.confirmed" in [n["kind"] for n in artist_inbox.json()["items"]]
    # Ada's cancelled booking and Cy's count; Bo's declined offer was never a booking.
    assert await day_figures(desk) == (2, 1, 0.5)


async def test_a_lapsed_hold_passes_the_time_on_and_an_accepted_offer_owes_its_deposit(
    api: Api,
) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE, settings={"depositHoldMinutes": 15})
    artist = desk.auth(desk.artist.session)
    unpaid = (await desk.book()).json()  # pending: its deposit due within 15 minutes
    assert unpaid["status"] == "pending", unpaid
    bo, cy = await desk.customer_named("Bo"), await desk.customer_named("Cy")
    first = await joined(desk, bo)
    api.clock.advance(timedelta(seconds=1))
    second = await joined(desk, cy)
    five = await api.client.put(settings_url(desk), json={"holdMinutes": 5}, headers=artist)
    assert five.status_code == 200, five.text

    api.clock.advance(timedelta(minutes=15))  # the deposit was never paid
    assert await holds_swept(desk) == 1
    assert await offers_made(desk) == 1  # the expired booking's time
    offer = (await entry(desk, bo, first))["offer"]
    assert instant(offer["start"]) == instant(SLOT)

    api.clock.advance(timedelta(minutes=5))  # Bo lets the hold run out
    assert problem(await answer(desk, bo, offer["bookingId"], "accept")) == (409, "hold_expired")
    assert await holds_swept(desk) == 1
    assert await offers_made(desk) == 1
    assert (await entry(desk, bo, first))["status"] == "lapsed"
    for how in ("accept", "decline"):
        assert problem(await answer(desk, bo, offer["bookingId"], how)) == (409, "hold_expired")
    lapsed = (await desk.get(f"/{offer['bookingId']}", bo)).json()
    assert (lapsed["status"], lapsed["cancellationReason"]) == ("cancelled", "expired")

    second_offer = (await entry(desk, cy, second))["offer"]
    assert instant(second_offer["start"]) == instant(SLOT)
    invoice_url = f"{BOOKINGS}/{second_offer['bookingId']}/deposit-invoice"
    early = await api.client.post(invoice_url, headers=desk.auth(cy))
    assert problem(early) == (422, "deposit_not_payable")  # not before the answer
    taken = await answer(desk, cy, second_offer["bookingId"], "accept")
    assert taken.status_code == 200, taken.text
    held = taken.json()["booking"]
    assert (held["status"], instant(held["holdExpiresAt"])) == (
        "pending", api.clock.now() + timedelta(minutes=15),
    )  # fmt: skip
    invoice = await api.client.post(invoice_url, headers=desk.auth(cy))
    assert invoice.status_code == 201, invoice.text
    assert api.sandbox is not None
    await api.sandbox.pay(invoice.json()["invoiceId"])
    paid = (await desk.get(f"/{second_offer['bookingId']}", cy)).json()
    assert (paid["status"], paid["offer"]) == ("confirmed", "accepted")

    figures = (await api.client.get(stats_url(desk), headers=artist)).json()
    assert (figures["offers"], figures["lapsed"], figures["accepted"]) == (2, 1, 1)
    assert (figures["slots"], figures["filled"], figures["fillRatePercent"]) == (1, 1, 100)
    assert await day_figures(desk) == (1, 0, 0.0)  # an expired hold, a lapsed offer: neither

    # Told as what happened: the unpaid request expired for want of a deposit; the offer
    # lapsed for want of an answer (no deposit was ever asked of Bo).
    await deliver(api)

    async def expired_told(session: dict[str, Any]) -> list[tuple[str, str]]:
        inbox = await api.client.get("/api/v1/me/notifications", headers=desk.auth(session))
        items = inbox.json()["items"]
        return [(n["title"], n["body"]) for n in items if n["kind"] == "booking.expired"]

    [(title, body)] = await expired_told(bo)
    assert title == f"The time offered to you has gone: {lapsed['reference']}"
    assert "deposit" not in body and "next person waiting" in body
    [(title, body)] = await expired_told(desk.customer)
    assert title == f"Booking request {unpaid['reference']} expired" and "deposit" in body
    artist_told = sorted(title for title, _ in await expired_told(desk.artist.session))
    assert artist_told == sorted(
        [f"Booking request {unpaid['reference']} expired",
         f"Waitlist offer {lapsed['reference']} lapsed"]
    )  # fmt: skip


async def test_an_accepted_offer_left_unpaid_is_told_as_any_unpaid_request(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE, settings={"depositHoldMinutes": 15})
    unpaid = (await desk.book()).json()
    assert unpaid["status"] == "pending", unpaid
    bo = await desk.customer_named("Bo")
    first = await joined(desk, bo)
    api.clock.advance(timedelta(minutes=15))  # the first request's deposit was never paid
    assert await holds_swept(desk) == 1
    assert await offers_made(desk) == 1
    offer = (await entry(desk, bo, first))["offer"]
    taken = await answer(desk, bo, offer["bookingId"], "accept")
    assert taken.status_code == 200, taken.text

    api.clock.advance(timedelta(minutes=15))  # Bo answered, then never paid either
    assert await holds_swept(desk) == 1
    left = (await desk.get(f"/{offer['bookingId']}", bo)).json()
    assert (left["status"], left["cancellationReason"], left["offer"]) == (
        "cancelled", "expired", "accepted",
    )  # fmt: skip
    await deliver(api)
    inbox = await api.client.get("/api/v1/me/notifications", headers=desk.auth(bo))
    [(title, body)] = [
        (n["title"], n["body"]) for n in inbox.json()["items"] if n["kind"] == "booking.expired"
    ]
    assert title == f"Booking request {left['reference']} expired" and "deposit" in body


async def test_leaving_declines_an_open_offer_and_frees_the_dates(api: Api) -> None:
    desk = await open_desk(api)
    booked = await desk.booked()
    bo = await desk.customer_named("Bo")
    holding = await joined(desk, bo)
    api.clock.advance(timedelta(seconds=1))  # newest first: each its own moment
    other = await joined(desk, bo, "2026-03-10", "2026-03-12")
    await desk.patch(booked, desk.customer, status="cancelled")
    assert await offers_made(desk) == 1
    offer = (await entry(desk, bo, holding))["offer"]

    left = await api.client.delete(f"/api/v1/waitlist/{holding}", headers=desk.auth(bo))
    assert left.status_code == 200, left.text
    assert left.json()["status"] == "declined"
    gone = (await desk.get(f"/{offer['bookingId']}", bo)).json()
    assert (gone["status"], gone["cancellationReason"]) == ("cancelled", "offer_declined")

    waiting_left = await api.client.delete(f"/api/v1/waitlist/{other}", headers=desk.auth(bo))
    assert waiting_left.json()["status"] == "left"
    assert problem(await api.client.delete(f"/api/v1/waitlist/{other}", headers=desk.auth(bo))) == (
        409, "waitlist_entry_closed",
    )  # fmt: skip
    api.clock.advance(timedelta(seconds=1))
    again = await join(desk, bo, "2026-03-10", "2026-03-12")  # the dates are free again
    assert again.status_code == 201, again.text
    listed = await mine(desk, bo)
    assert [e["status"] for e in listed["items"]] == ["waiting", "left", "declined"]

    api.clock.advance(timedelta(days=12))  # past the last date: it reads as expired
    assert [e["status"] for e in (await mine(desk, bo))["items"]] == ["expired", "left", "declined"]
