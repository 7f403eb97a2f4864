"""Disputes on every adapter: one per booking (also when two parties open at once), the
booking and the dispute change together, evidence kept in order, a resolution owes the
refund on the booking and is final, the admins' list filtered and paged newest first; a
chargeback the outbox tells opens the booking's dispute once, on the customer's behalf."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from adapters.system.clock import ManualClock
from booking_domain.bookings import BookingStatus, lifecycle, record_change
from booking_domain.disputes import (
    Dispute,
    DisputeAlreadyExistsError,
    DisputeClosedError,
    DisputeFilter,
    DisputeNotFoundError,
    DisputeStatus,
)
from booking_domain.disputes.use_cases import DisputesDeps, DisputeUseCases
from booking_domain.media import MediaStores
from booking_domain.shared import Actor, BookingId, Money, PermissionDeniedError, Role
from booking_domain.shared.pages import Page, PageRequest
from tests.contract.bookings.test_bookings_contract import DEPOSIT, SLOT, a_booking, load, store
from tests.contract.outbox.test_outbox_contract import feed_of
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.pages import assert_counts_capped
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
PAID = DEPOSIT.amount


async def paid_and_completed(
    uow: AnyUnitOfWorkFactory, artist: BookableArtist, customer: Actor, day: int
) -> BookingId:
    """A booking whose deposit was paid, completed an hour after it started."""
    start = SLOT + timedelta(days=day)
    booking, event = a_booking(artist, customer, start=start)
    await store(uow, booking, event)
    paid, payment = lifecycle.record_payment(booking, PAID, START)
    done, completing = lifecycle.complete(paid, artist.actor, start + timedelta(hours=1))
    for changed, changing in ((paid, payment), (done, completing)):
        async with uow() as work:
            await record_change(work, changed, changing)
            await work.commit()
    return booking.id


def disputes_of(uow: AnyUnitOfWorkFactory, clock: ManualClock) -> DisputeUseCases:
    # No evidence pictures here: the stores are never asked (the API tests show pictures).
    stores = MediaStores(None, None)  # type: ignore[arg-type]
    deps = DisputesDeps(uow=uow, clock=clock, stores=stores, feed=feed_of(uow))
    return DisputeUseCases.build(deps)


async def test_a_dispute_is_opened_argued_and_resolved_once_with_the_refund_owed(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking_id = await paid_and_completed(uow_factory, artist, customer, 1)
    boss = await add_user(uow_factory, Role.ADMIN)
    clock = ManualClock(SLOT + timedelta(days=2))
    disputes = disputes_of(uow_factory, clock)

    opened = await disputes.open_dispute(customer, booking_id, reason="Not what we agreed")
    booking = await load(uow_factory, booking_id)
    assert booking.status is BookingStatus.DISPUTED and booking.dispute_id == opened.id
    with pytest.raises(DisputeAlreadyExistsError):
        await disputes.open_dispute(artist.actor, booking_id, reason="Me too")

    stranger = await add_user(uow_factory)
    with pytest.raises(DisputeNotFoundError):
        await disputes.get_dispute(stranger, opened.id)
    for author, words in ((customer, "The lines are blurred"), (artist.actor, "Healing")):
        clock.advance(timedelta(minutes=1))
        await disputes.add_evidence(author, opened.id, text=words, upload_id=None)
    seen = await disputes.get_dispute(artist.actor, opened.id)
    assert [e.message.text for e in seen.evidence] == ["The lines are blurred", "Healing"]

    with pytest.raises(PermissionDeniedError):
        await disputes.resolve_dispute(
            customer, opened.id, outcome=BookingStatus.CANCELLED, refund_amount=1, note="mine"
        )
    settled = await disputes.resolve_dispute(
        boss, opened.id, outcome=BookingStatus.CANCELLED, refund_amount=7_000, note="Half"
    )
    assert settled.status is DisputeStatus.RESOLVED and settled.refund == Money(7_000, "MNT")
    booking = await load(uow_factory, booking_id)
    assert booking.status is BookingStatus.CANCELLED
    assert booking.refund_due == Money(7_000, "MNT")  # payments pays it after the commit
    assert (await disputes.get_dispute(boss, opened.id)).dispute == settled
    with pytest.raises(DisputeClosedError):
        await disputes.resolve_dispute(
            boss, opened.id, outcome=BookingStatus.COMPLETED, refund_amount=0, note="Again"
        )
    with pytest.raises(DisputeClosedError):
        await disputes.add_evidence(customer, opened.id, text="One more thing", upload_id=None)


async def test_two_parties_opening_at_once_make_one_dispute(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking_id = await paid_and_completed(uow_factory, artist, customer, 1)
    boss = await add_user(uow_factory, Role.ADMIN)
    disputes = disputes_of(uow_factory, ManualClock(SLOT + timedelta(days=2)))
    outcomes = await asyncio.gather(
        disputes.open_dispute(customer, booking_id, reason="first"),
        disputes.open_dispute(artist.actor, booking_id, reason="second"),
        return_exceptions=True,
    )
    # The second waits for the first one's lock on the booking, then finds it disputed.
    assert sum(isinstance(o, DisputeAlreadyExistsError) for o in outcomes) == 1, outcomes
    page = await disputes.list_disputes(boss, DisputeFilter(), PageRequest())
    assert page.total == 1


async def test_the_admins_list_filters_and_pages_newest_first(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    boss = await add_user(uow_factory, Role.ADMIN)
    clock = ManualClock(SLOT + timedelta(days=10))
    disputes = disputes_of(uow_factory, clock)
    opened = []
    for day in range(1, 6):
        booking_id = await paid_and_completed(uow_factory, artist, customer, day)
        clock.advance(timedelta(hours=1))
        opened.append(await disputes.open_dispute(customer, booking_id, reason=f"day {day}"))
    await disputes.resolve_dispute(
        boss, opened[1].id, outcome=BookingStatus.COMPLETED, refund_amount=0, note="Fine"
    )
    everything = await disputes.list_disputes(boss, DisputeFilter(), PageRequest(1, 2))
    assert [d.id for d in everything.items] == [opened[4].id, opened[3].id]
    assert everything.total == 5
    last = await disputes.list_disputes(boss, DisputeFilter(), PageRequest(3, 2))
    assert [d.id for d in last.items] == [opened[0].id]
    beyond = await disputes.list_disputes(boss, DisputeFilter(), PageRequest(4, 2))
    assert beyond.items == () and beyond.total == 5
    open_only = await disputes.list_disputes(
        boss, DisputeFilter(status=DisputeStatus.OPEN), PageRequest()
    )
    assert [d.id for d in open_only.items] == [d.id for d in reversed(opened) if d != opened[1]]
    window = DisputeFilter(opened_from=opened[1].opened_at, opened_before=opened[3].opened_at)
    between = await disputes.list_disputes(boss, window, PageRequest())
    assert [d.id for d in between.items] == [opened[2].id, opened[1].id]
    with pytest.raises(PermissionDeniedError):
        await disputes.list_disputes(customer, DisputeFilter(), PageRequest())


async def test_the_total_is_counted_up_to_a_reach(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    boss = await add_user(uow_factory, Role.ADMIN)
    clock = ManualClock(SLOT + timedelta(days=10))
    disputes = disputes_of(uow_factory, clock)
    for day in range(1, 7):
        booking_id = await paid_and_completed(uow_factory, artist, customer, day)
        await disputes.open_dispute(customer, booking_id, reason=f"day {day}")

    async def list_page(request: PageRequest) -> Page[Dispute]:
        return await disputes.list_disputes(boss, DisputeFilter(), request)

    await assert_counts_capped(list_page, 6)


async def _told_chargeback(uow: AnyUnitOfWorkFactory, booking_id: BookingId) -> None:
    """Payments' ``payment.disputed`` of the booking's payment, in the outbox."""
    from booking_domain.shared.ids import new_uuid7
    from booking_domain.shared.outbox import EventId, OutboxEvent

    event = OutboxEvent(
        id=EventId(new_uuid7()), type="payment.disputed", occurred_at=START,
        subject=f"payment/{new_uuid7()}", sequence=1,
        data={
            "payment": {"paymentId": "pi_1", "bookingId": str(booking_id),
                        "amount": {"amount": PAID.amount, "currency": "MNT"}},
            "dispute": {"eventId": "evt_1", "reason": "fraudulent",
                        "amount": {"amount": PAID.amount, "currency": "MNT"}},
        },
        audience=(),
    )  # fmt: skip
    async with uow() as work:
        await work.outbox.record(event)
        await work.commit()


async def test_a_chargeback_opens_the_bookings_dispute_once(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    completed = await paid_and_completed(uow_factory, artist, customer, 1)
    clock = ManualClock(SLOT + timedelta(days=90))  # long after the window: the bank asks not
    disputes = disputes_of(uow_factory, clock)
    await disputes.open_chargeback_disputes()  # the feed's past: nothing of this
    await _told_chargeback(uow_factory, completed)
    await _told_chargeback(uow_factory, completed)  # told twice: one dispute still
    assert await disputes.open_chargeback_disputes() == 1
    assert await disputes.open_chargeback_disputes() == 0
    booking = await load(uow_factory, completed)
    assert booking.status is BookingStatus.DISPUTED and booking.dispute_id is not None
    found = await disputes.get_dispute(customer, booking.dispute_id)
    assert (found.dispute.opened_by, found.dispute.opened_by_role) == (
        customer.user_id,
        Role.CUSTOMER,
    )
    assert found.dispute.reason.startswith("Chargeback: the card's bank disputes the payment")
    assert "fraudulent" in found.dispute.reason

    upcoming, event = a_booking(artist, customer, start=SLOT + timedelta(days=3))
    await store(uow_factory, upcoming, event)
    await _told_chargeback(uow_factory, upcoming.id)
    assert await disputes.open_chargeback_disputes() == 1
    still = await load(uow_factory, upcoming.id)  # not closed: its status stays
    assert still.status is upcoming.status and still.dispute_id is not None
