"""The messages after a session on every adapter (docs/aftercare.md): a completed booking
plans the aftercare message and the review request at the artist's delays; each waits for
its moment; the aftercare carries the artist's text as it is then; a reviewed booking's
review request is skipped."""

# ruff: noqa: RUF001 (Mongolian Cyrillic in the aftercare text)

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.bookings import record_change
from booking_domain.bookings.lifecycle import complete
from booking_domain.catalog import AftercareSettings
from booking_domain.notifications import (
    AFTERCARE,
    REVIEW_REQUEST,
    AfterSession,
    Channel,
    NotificationStatus,
    SkipReason,
)
from booking_domain.reviews.reviews import write_review
from booking_domain.shared import BookingId, Money, new_uuid7
from tests.contract.bookings.test_bookings_contract import SLOT, a_booking, store
from tests.contract.bookings.test_touch_ups_contract import a_booking as touch_up_booking
from tests.contract.bookings.test_touch_ups_contract import store as store_new
from tests.contract.notifications.test_notifications_contract import (
    all_notifications,
    world,
)
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
TEXT = "Wash it gently.\nНарнаас хамгаал."


async def test_a_completed_booking_is_sent_aftercare_then_a_review_request(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    chosen = AftercareSettings.chosen(
        w.artist.id, text=TEXT, aftercare_minutes=30, review_minutes=24 * 60,
        touch_up_days=180, now=START,
    )  # fmt: skip
    async with w.uow() as uow:
        await uow.aftercare.put(chosen)
        await uow.commit()
    booking, event = a_booking(w.artist, w.customer, start=SLOT)
    await store(w.uow, booking, event)
    done_at = SLOT + timedelta(hours=2)
    done, change = complete(booking, w.artist.actor, done_at)
    async with w.uow() as uow:
        await record_change(uow, done, change)
        await uow.commit()
    w.clock.set(done_at)
    await w.notifications.plan_notifications()
    after = [n for n in await all_notifications(w) if n.kind in (AFTERCARE, REVIEW_REQUEST)]
    assert {(n.kind, n.channel, n.send_at) for n in after} == {
        (AFTERCARE, Channel.EMAIL, done_at + timedelta(minutes=30)),
        (AFTERCARE, Channel.IN_APP, done_at + timedelta(minutes=30)),
        (REVIEW_REQUEST, Channel.EMAIL, done_at + timedelta(days=1)),
        (REVIEW_REQUEST, Channel.IN_APP, done_at + timedelta(days=1)),
    }
    ids = [n.id for n in after]
    waiting = await w.notifications.send_notifications(ids)
    assert waiting.recorded == () and len(waiting.waiting) == 4  # none is due yet

    w.clock.set(done_at + timedelta(minutes=30))
    await w.notifications.send_notifications(ids)
    (mail,) = w.email.sent
    assert TEXT in mail.text and mail.to_address is not None

    async with w.uow() as uow:
        reviewed = write_review(done, w.customer, 5, "Lovely", done_at + timedelta(hours=1))
        await uow.reviews.add(reviewed.review)
        await uow.commit()
    async with w.uow(read_only=True) as uow:
        assert await uow.notification_context.after_session([done.id]) == {
            done.id: AfterSession(TEXT, True)
        }
    w.clock.set(done_at + timedelta(days=1))
    round_ = await w.notifications.send_notifications(ids)
    requests = [n for n in round_.recorded if n.kind == REVIEW_REQUEST]
    assert len(requests) == 2
    assert all(n.status is NotificationStatus.SKIPPED for n in requests)
    assert all(n.skip_reason is SkipReason.REVIEWED for n in requests)
    assert len(w.email.sent) == 1


async def test_after_session_facts_of_an_artist_without_settings(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    booking, event = a_booking(w.artist, w.customer, start=SLOT)
    await store(w.uow, booking, event)
    unknown = BookingId(new_uuid7())
    async with w.uow(read_only=True) as uow:
        found = await uow.notification_context.after_session([booking.id, unknown])
    assert found == {booking.id: AfterSession("", False)}  # the unknown one is left out


async def test_a_touch_ups_messages_show_the_price_it_was_booked_at(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    original = touch_up_booking(w.artist, w.customer, SLOT)
    await store_new(w.uow, original)
    touch_up = touch_up_booking(w.artist, w.customer, SLOT + timedelta(days=1), original[0])
    await store_new(w.uow, touch_up)
    async with w.uow(read_only=True) as uow:
        facts = await uow.notification_context.bookings([original[0].id, touch_up[0].id])
    assert facts[original[0].id].price == w.artist.service.price
    assert facts[touch_up[0].id].price == Money.zero(w.artist.service.price.currency)
