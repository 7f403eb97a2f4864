"""Texts on the in-memory adapters: a booking's texts go only to a number its holder
proved, only where texts go, and no more a day than the acting account's bound (the
probe that set an unproven satellite number and had five paid texts sent to it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest

from adapters.memory.notifications import InMemoryNotificationQueue
from booking_domain.bookings import BookingStatus
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.notifications import (
    REMINDER,
    Channel,
    Notification,
    NotificationStatus,
    SkipReason,
)
from booking_domain.shared.identity import Actor
from tests.support.bootstrap import App, build_app
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.storage import InMemoryUnitOfWork

pytestmark = pytest.mark.anyio
SLOT = START.replace(hour=12) + timedelta(days=3)


async def with_phone(app: App, actor: Actor, phone: str, *, verified: bool) -> None:
    async with app.uow() as uow:
        user = await uow.users.get(actor.user_id)
        assert user is not None
        now = app.clock.now()
        if verified:
            changed = user.with_verified_phone(phone, now)
        else:
            changed = user.with_profile(now, name=None, phone=phone)
        await uow.users.update(changed)
        await uow.commit()


async def book_move_three_times_and_cancel(
    app: App, customer: Actor, artist: BookableArtist
) -> None:
    request = BookingRequest(artist.id, artist.service.id, SLOT, "", None)
    booking = (await app.bookings.create_booking(customer, request)).booking
    for hours in (1, 2, 3):
        app.clock.advance(timedelta(minutes=1))
        start = SLOT + timedelta(hours=hours)
        await app.bookings.reschedule(customer, booking.id, start=start)
    app.clock.advance(timedelta(minutes=1))
    await app.bookings.change_status(customer, booking.id, status=BookingStatus.CANCELLED)


async def deliver(app: App) -> list[Notification]:
    """Plan, then one sending round over everything planned: the texts as recorded."""
    await app.bundles.notifications.plan_notifications()
    async with app.uow(read_only=True) as uow:
        queue = uow.notification_queue
        assert isinstance(queue, InMemoryNotificationQueue)
        queued = queue.queued()
    await app.bundles.notifications.send_notifications(queued)
    async with app.uow(read_only=True) as uow:  # every one stored, queued or made skipped
        assert isinstance(uow, InMemoryUnitOfWork)
        stored = [n.id for n in uow.staged("notifications").values()]
        everything: Sequence[Notification] = await uow.notifications.get_many(stored)
    return [n for n in everything if n.channel is Channel.SMS]


def told_now(texts: list[Notification], actor: Actor) -> list[Notification]:
    """The texts to ``actor`` due at once (the reminders wait for their moment)."""
    return [n for n in texts if n.recipient_id == actor.user_id and n.kind != REMINDER]


def reasons(texts: list[Notification], actor: Actor) -> set[SkipReason | None]:
    return {n.skip_reason for n in told_now(texts, actor)}


async def test_a_booking_never_texts_a_number_its_holder_did_not_prove() -> None:
    """The probe: an unproven +881 number (and an unproven Mongolian one) gets none of the
    5 texts of a booking (confirmed at once), three moves and a cancellation; each is
    recorded as skipped."""
    for phone in ("+881612345678", "+97688112233"):
        app = build_app()
        artist = await add_bookable_artist(app.uow)
        customer = await add_user(app.uow)
        await with_phone(app, customer, phone, verified=False)
        await book_move_three_times_and_cancel(app, customer, artist)
        to_customer = told_now(await deliver(app), customer)
        assert len(to_customer) == 5
        assert {n.status for n in to_customer} == {NotificationStatus.SKIPPED}
        assert {n.skip_reason for n in to_customer} == {SkipReason.UNVERIFIED_PHONE}


async def test_a_proven_number_outside_the_served_regions_gets_no_text() -> None:
    app = build_app()
    artist = await add_bookable_artist(app.uow)
    customer = await add_user(app.uow)
    await with_phone(app, customer, "+14155552671", verified=True)  # proven before the rule
    await book_move_three_times_and_cancel(app, customer, artist)
    assert reasons(await deliver(app), customer) == {SkipReason.UNSERVED_NUMBER}


async def test_one_accounts_actions_cause_at_most_its_daily_bound_of_texts() -> None:
    """A booking confirmed at once (its text and 2 reminders), three moves (a text to each
    party and 2 new reminders) and a cancellation (a text to each) are 17 texts the
    customer caused: the first 3 planned are charged (the confirmation is sent, its
    reminders wait for their moment), the other 14 are recorded skipped as ``text_limit``,
    never to be tried; another customer's booking the same day is texted as usual."""
    app = build_app(sms_account_daily_limit=3)
    artist = await add_bookable_artist(app.uow)
    await with_phone(app, artist.actor, "+97699112233", verified=True)
    customer, other = await add_user(app.uow), await add_user(app.uow)
    await with_phone(app, customer, "+97688112233", verified=True)
    await with_phone(app, other, "+97695112233", verified=True)
    await book_move_three_times_and_cancel(app, customer, artist)
    texts = await deliver(app)
    assert len(texts) == 17
    charged = [n for n in texts if n.skip_reason is not SkipReason.TEXT_LIMIT]
    assert [(n.kind, n.status) for n in charged] == [
        ("booking.confirmed", NotificationStatus.SENT),
        (REMINDER, NotificationStatus.PENDING),
        (REMINDER, NotificationStatus.PENDING),
    ]
    skipped = [n for n in texts if n.skip_reason is SkipReason.TEXT_LIMIT]
    assert len(skipped) == 14 and {n.status for n in skipped} == {NotificationStatus.SKIPPED}
    assert all(n.attempts == 0 and n.next_attempt_at is None for n in skipped)  # no retry

    request = BookingRequest(artist.id, artist.service.id, SLOT + timedelta(days=1), "", None)
    await app.bookings.create_booking(other, request)
    (confirmed,) = told_now(await deliver(app), other)
    assert confirmed.status is NotificationStatus.SENT
