"""A waitlist offer on Telegram, against the fake Bot API: the ``booking.offered`` message
carries Take this time and Decline the offer, pressed as the chat's account through the
waitlist's own answer; another account's press, a press of an answered offer and a press
after the hold ran out are answered politely and change nothing."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from booking_domain.bookings import BookingStatus
from booking_domain.shared.identity import Actor
from booking_domain.shared.pages import PageRequest
from booking_domain.waitlist import EntryState
from booking_domain.waitlist.use_cases import EntryView, JoinWaitlist
from tests.support.bootstrap import App, build_app
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.fake_telegram import (
    CHAT,
    OTHER_CHAT,
    ServedFake,
    fake_telegram,
    telegram_settings,
)
from tests.unit.telegram.test_bot_use_cases import SLOT, booked, deliver, linked, post

pytestmark = pytest.mark.anyio
OFFERED = ["Take this time", "Decline the offer", "Open the booking"]


@pytest.fixture
def fake() -> Iterator[ServedFake]:
    with fake_telegram() as served:
        yield served


@pytest.fixture
def app(fake: ServedFake) -> App:
    return build_app(app_url="https://app.example.mn", **telegram_settings(fake))


async def freed_for(app: App, artist: BookableArtist, *waiting: Actor) -> None:
    """``waiting`` join for the slot's date, in that order; a booking of it is cancelled,
    and the reader offers the time to the first."""
    day = SLOT.date()
    for who in waiting:
        await app.bundles.waitlist.join(who, JoinWaitlist(artist.id, artist.service.id, day, day))
        app.clock.advance(timedelta(seconds=1))
    booker = await add_user(app.uow)
    booking = await booked(app, artist, booker)
    await app.bookings.change_status(booker, booking.id, status=BookingStatus.CANCELLED)
    assert await app.bundles.waitlist.offer_freed_times() == 1


async def entry_of(app: App, who: Actor) -> EntryView:
    return (await app.bundles.waitlist.my_waitlist(who, PageRequest())).items[0]


def from_chat(update: dict[str, Any], chat_id: int) -> dict[str, Any]:
    """The same press as sent from another chat (a forwarded message's button)."""
    forged = copy.deepcopy(update)
    forged["update_id"] += 500
    press = forged["callback_query"]
    press["from"]["id"] = press["message"]["chat"]["id"] = chat_id
    return forged


async def test_an_offer_is_taken_by_its_button_and_only_by_its_customer(
    app: App, fake: ServedFake
) -> None:
    artist = await add_bookable_artist(app.uow)
    ada, bold = await add_user(app.uow), await add_user(app.uow)
    await linked(app, fake, ada)
    await linked(app, fake, bold, OTHER_CHAT)
    await freed_for(app, artist, ada)
    await deliver(app)
    told = fake.last()
    assert "A time opened up" in told["text"] and fake.labels(told) == OFFERED
    await post(app, fake.state.user_message(CHAT, "/next"))
    card = fake.last()
    assert fake.labels(card) == OFFERED

    # Bold presses Ada's button (forwarded to them): not theirs, nothing changes.
    await post(app, from_chat(fake.state.press(CHAT, label="Take this time"), OTHER_CHAT))
    assert fake.answers()[-1].startswith("This button is out of date")
    assert (await entry_of(app, ada)).state is EntryState.OFFERED

    await post(app, fake.state.press(CHAT, label="Take this time", message_id=told["messageId"]))
    taken = await entry_of(app, ada)
    assert taken.state is EntryState.ACCEPTED and taken.entry.offer is not None
    booking = await app.bookings.get_booking(ada, taken.entry.offer.booking_id)
    assert booking.status is BookingStatus.CONFIRMED  # no deposit, no approval
    assert fake.answers()[-1] == f"You took this time: booking {booking.reference} is yours."
    assert fake.labels(fake.message(told["messageId"])) == [
        "Cancel",
        "Reschedule",
        "Open the booking",
    ]
    # The card's button is out of date: answered already, said so, its buttons brought up.
    await post(app, fake.state.press(CHAT, label="Take this time", message_id=card["messageId"]))
    assert fake.answers()[-1] == "This booking cannot be changed that way any more."
    assert "Take this time" not in fake.labels(fake.message(card["messageId"]))


async def test_an_offer_is_declined_after_being_asked_and_a_press_after_its_hold_is_too_late(
    app: App, fake: ServedFake
) -> None:
    artist = await add_bookable_artist(app.uow)
    ada, bold = await add_user(app.uow), await add_user(app.uow)
    await linked(app, fake, ada)
    await linked(app, fake, bold, OTHER_CHAT)
    await freed_for(app, artist, ada, bold)
    await deliver(app)
    told = fake.last()
    await post(app, fake.state.press(CHAT, label="Decline the offer"))
    assert fake.labels(fake.message(told["messageId"])) == ["Yes, decline it", "No, keep it"]
    assert fake.answers()[-1].startswith("Decline the offer INK-")
    await post(app, fake.state.press(CHAT, label="No, keep it"))
    assert fake.labels(fake.message(told["messageId"])) == OFFERED
    assert (await entry_of(app, ada)).state is EntryState.OFFERED

    await post(app, fake.state.press(CHAT, label="Decline the offer"))
    await post(app, fake.state.press(CHAT, label="Yes, decline it"))
    declined = await entry_of(app, ada)
    assert declined.state is EntryState.DECLINED and declined.entry.offer is not None
    gone = await app.bookings.get_booking(ada, declined.entry.offer.booking_id)
    assert (gone.status, gone.cancellation_reason) == (BookingStatus.CANCELLED, "offer_declined")
    assert fake.answers()[-1].startswith(f"You declined the offer {gone.reference}")
    assert fake.labels(fake.message(told["messageId"])) == ["Open the booking"]

    assert await app.bundles.waitlist.offer_freed_times() == 1  # the next in line
    await deliver(app)
    offered = fake.last(OTHER_CHAT)
    assert fake.labels(offered) == OFFERED
    app.clock.advance(timedelta(minutes=31))  # the hold (30 minutes) ran out; not swept
    await post(app, fake.state.press(OTHER_CHAT, label="Take this time"))
    assert fake.answers()[-1] == "Too late: the time was held only until its hold ran out."
    assert (await entry_of(app, bold)).state is EntryState.OFFERED  # the sweep settles it
    assert fake.labels(fake.message(offered["messageId"], OTHER_CHAT)) == ["Open the booking"]
