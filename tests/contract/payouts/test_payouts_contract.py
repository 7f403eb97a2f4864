"""The ledger's storage and use cases on every adapter: an account changes whole with its
entries or not at all, an effect is entered once, sums read back by booking and by kind;
the follower enters what the outbox tells once, whatever the number of looks; payouts pay
what is owed and no more, one after the other under a race; the position only moves
forward."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any, cast
from uuid import uuid4

import pytest

from booking_domain.payouts import (
    Account,
    BookingMoney,
    Entry,
    EntryId,
    EntryKind,
    NothingToPayOutError,
    PayoutOrder,
    PayoutsUnitOfWorkFactory,
    enter,
)
from booking_domain.shared import (
    ArtistId,
    BookingId,
    ConcurrentUpdateError,
    ConflictError,
    EventId,
    Money,
    new_uuid7,
)
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.outbox import OutboxEvent
from booking_domain.shared.pages import PageRequest
from tests.contract.bookings.test_bookings_contract import a_booking, store
from tests.support.bootstrap import build_app
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
MINUTE = timedelta(minutes=1)


def entry(artist: ArtistId, kind: EntryKind, amount: int, key: str, **more: Any) -> Entry:
    return Entry(
        EntryId(new_uuid7()), artist, kind, Money(amount, more.pop("currency", "MNT")), key,
        START, **more,
    )  # fmt: skip


async def saved(units: PayoutsUnitOfWorkFactory, entries: list[Entry]) -> Account:
    async with units() as uow:
        first = entries[0]
        account = await uow.payout_ledger.account(
            first.artist_id, first.amount.currency, for_update=True
        )
        account, numbered = enter(account, entries)
        await uow.payout_ledger.save(account, numbered)
        await uow.commit()
    return account


async def test_an_account_changes_whole_with_its_entries_and_reads_back_by_booking_and_kind(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    units = cast(PayoutsUnitOfWorkFactory, uow_factory)
    artist = (await add_bookable_artist(uow_factory)).id
    booking, event = a_booking(await add_bookable_artist(uow_factory), await add_user(uow_factory))
    await store(uow_factory, booking, event)
    async with units(read_only=True) as uow:
        assert await uow.payout_ledger.account(artist, "MNT") == Account(artist, "MNT")
        assert await uow.payout_ledger.summaries(artist) == []
    first = await saved(units, [
        entry(artist, EntryKind.COLLECTED, 100_000, "c/1", booking_id=booking.id),
        entry(artist, EntryKind.FEE, 5_000, "f/1", booking_id=booking.id),
    ])  # fmt: skip
    second = await saved(units, [
        entry(artist, EntryKind.REFUNDED, 40_000, "r/1", booking_id=booking.id),
        entry(artist, EntryKind.FEE_RETURNED, 2_000, "fr/1", booking_id=booking.id),
    ])  # fmt: skip
    usd = await saved(units, [entry(artist, EntryKind.COLLECTED, 700, "c/usd", currency="USD")])
    assert (first.balance, second.balance, second.version) == (95_000, 57_000, 4)

    async with units(read_only=True) as uow:
        ledger = uow.payout_ledger
        assert await ledger.account(artist, "MNT") == second
        assert await ledger.of_booking(booking.id, "MNT") == BookingMoney(
            100_000, 5_000, 40_000, 2_000
        )
        assert await ledger.of_booking(booking.id, "USD") == BookingMoney()
        summaries = await ledger.summaries(artist)
        assert [s.account for s in summaries] == [second, usd]  # by currency code
        assert summaries[0].totals == {
            EntryKind.COLLECTED: 100_000, EntryKind.FEE: 5_000, EntryKind.REFUNDED: 40_000,
            EntryKind.FEE_RETURNED: 2_000, EntryKind.PAYOUT: 0, EntryKind.TRANSFERRED: 0,
            EntryKind.TRANSFER_REVERSED: 0, EntryKind.DISCOUNT_CREDITED: 0,
            EntryKind.DISCOUNT_REVERSED: 0,
        }  # every kind, each added up  # fmt: skip
        page = await ledger.entries(artist, None, PageRequest(1, 10))
        # Newest first: by when entered (all at once here), number, currency.
        assert [e.key for e in page.items] == ["fr/1", "r/1", "f/1", "c/1", "c/usd"]
        assert page.total == 5
        mnt = await ledger.entries(artist, "MNT", PageRequest(2, 3))
        assert ([e.key for e in mnt.items], mnt.total) == (["c/1"], 4)
        stored = page.items[3]
        assert stored.amount == Money(100_000, "MNT") and stored.booking_id == booking.id
        assert await ledger.has_key("c/1") and not await ledger.has_key("c/2")
        assert await ledger.keyed("r/1") == page.items[1]
        assert await ledger.keyed("nope") is None

    with pytest.raises(ConflictError):  # an effect is entered once
        await saved(units, [entry(artist, EntryKind.COLLECTED, 1, "c/1")])
    with pytest.raises(ConcurrentUpdateError):  # the stored account moved on since
        async with units() as uow:
            stale, numbered = enter(first, [entry(artist, EntryKind.COLLECTED, 1, "c/3")])
            await uow.payout_ledger.save(stale, numbered)
    async with units(read_only=True) as uow:
        assert await uow.payout_ledger.account(artist, "MNT") == second  # unchanged


async def test_what_is_owed_is_listed_largest_first_within_each_currency(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    units = cast(PayoutsUnitOfWorkFactory, uow_factory)
    small, large, owing = [(await add_bookable_artist(uow_factory)).id for _ in range(3)]
    await saved(units, [entry(small, EntryKind.COLLECTED, 10, f"s/{uuid4()}")])
    await saved(units, [entry(large, EntryKind.COLLECTED, 90, f"l/{uuid4()}")])
    await saved(units, [entry(large, EntryKind.COLLECTED, 5, f"u/{uuid4()}", currency="USD")])
    await saved(units, [entry(owing, EntryKind.REFUNDED, 5, f"o/{uuid4()}")])  # owes
    async with units(read_only=True) as uow:
        page = await uow.payout_ledger.owed(PageRequest(1, 10))
    owed = [(s.account.artist_id, s.account.currency, s.account.balance) for s in page.items]
    assert [o for o in owed if o[0] in (small, large, owing)] == [
        (large, "MNT", 90), (small, "MNT", 10), (large, "USD", 5),
    ]  # fmt: skip


def received(booking: BookingId, amount: int, payment_id: str) -> OutboxEvent:
    return OutboxEvent(
        EventId(new_uuid7()), "payment.received", START, f"payment/{uuid4()}", 1,
        {"payment": {"paymentId": payment_id, "bookingId": str(booking),
                     "amount": {"amount": amount, "currency": "MNT"}, "outcome": "confirmed"}},
        (),
    )  # fmt: skip


def paid_back(
    booking: BookingId,
    amount: int,
    refund: str,
    kind: str = "refund.completed",
    sequence: int = 1,
    payment_id: str | None = None,
) -> OutboxEvent:
    return OutboxEvent(
        EventId(new_uuid7()), kind, START, f"refund/{refund}", sequence,
        {"refund": {"id": refund, "bookingId": str(booking), "paymentId": payment_id,
                    "amount": {"amount": amount, "currency": "MNT"}}},
        (),
    )  # fmt: skip


async def told(uow_factory: AnyUnitOfWorkFactory, *events: OutboxEvent) -> None:
    async with uow_factory() as uow:
        for event in events:
            await uow.outbox.record(event)
        await uow.commit()


async def a_booked(uow_factory: AnyUnitOfWorkFactory) -> tuple[BookableArtist, BookingId]:
    artist = await add_bookable_artist(uow_factory)
    booking, event = a_booking(artist, await add_user(uow_factory))
    await store(uow_factory, booking, event)
    return artist, booking.id


async def test_the_follower_enters_what_the_outbox_tells_once(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    app = build_app(
        uow_factory, platform_fee_basis_points=500, platform_fee_minimums={"MNT": 2_000}
    )
    payouts = app.bundles.payouts
    artist, booking = await a_booked(uow_factory)
    await payouts.enter_payments()  # what was told before: the booking's own events
    await told(uow_factory, received(booking, 100_000, "p-1"), received(booking, 30_000, "p-2"))
    assert await payouts.enter_payments() == 2
    assert await payouts.enter_payments() == 0  # nothing new
    admin = Actor(uuid4(), Role.ADMIN)  # type: ignore[arg-type]
    view = await payouts.artist_ledger(admin, artist.id)
    (mnt,) = view.accounts
    # 5 % of 100,000 and of 30,000, at least 2,000: 5,000 + 2,000.
    assert (mnt.account.balance, mnt.totals[EntryKind.FEE]) == (123_000, 7_000)

    # A refund of half the 130,000: half the fees come back (3,500). The same refund told
    # again (a later event of it) is entered once; a second refund past what is left is
    # capped at what is left, and the rest of the fees come back with it.
    refund = str(uuid4())
    await told(uow_factory, paid_back(booking, 65_000, refund))
    assert await payouts.enter_payments() == 1
    (mnt,) = (await payouts.artist_ledger(admin, artist.id)).accounts
    assert (mnt.totals[EntryKind.FEE_RETURNED], mnt.account.balance) == (3_500, 61_500)
    await told(uow_factory, paid_back(booking, 65_000, refund, "refund.settled", sequence=2))
    assert await payouts.enter_payments() == 0
    await told(uow_factory, paid_back(booking, 90_000, str(uuid4()), "refund.settled"))
    assert await payouts.enter_payments() == 1
    (mnt,) = (await payouts.artist_ledger(admin, artist.id)).accounts
    assert mnt.totals[EntryKind.REFUNDED] == 130_000
    assert mnt.totals[EntryKind.FEE_RETURNED] == 7_000
    assert mnt.account.balance == 0
    entries = await payouts.ledger_entries(admin, PageRequest(1, 20), artist_id=artist.id)
    assert sum(e.signed for e in entries.items) == 0 and entries.total == 8
    # Newest first, in time as in number: each entry's time taken under the account's lock.
    assert [e.sequence for e in entries.items] == list(range(8, 0, -1))

    # A refund of a payment the ledger never entered (collected before it began) enters
    # nothing, though the booking holds money the ledger collected since.
    await told(uow_factory, received(booking, 40_000, "p-3"))
    assert await payouts.enter_payments() == 1
    await told(uow_factory, paid_back(booking, 10_000, str(uuid4()), payment_id="p-before"))
    assert await payouts.enter_payments() == 0
    await told(uow_factory, paid_back(booking, 10_000, str(uuid4()), payment_id="p-3"))
    assert await payouts.enter_payments() == 1


async def test_payouts_pay_what_is_owed_once_even_when_two_admins_race(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    app = build_app(uow_factory)
    payouts = app.bundles.payouts
    artist, booking = await a_booked(uow_factory)
    await told(uow_factory, received(booking, 100_000, "p-1"))
    await payouts.enter_payments()
    admins = [await add_user(uow_factory, Role.ADMIN) for _ in range(2)]
    results = await asyncio.gather(
        *(payouts.record_payout(a, artist.id, PayoutOrder("MNT", "Khan 1")) for a in admins),
        return_exceptions=True,
    )
    made = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(made) == 1 and made[0].entry.amount == Money(100_000, "MNT")
    assert len(refused) == 1 and isinstance(refused[0], NothingToPayOutError)
    (mnt,) = (await payouts.artist_ledger(admins[0], artist.id)).accounts
    assert (mnt.account.balance, mnt.totals[EntryKind.PAYOUT]) == (0, 100_000)

    # The same key sent twice at once (a double click): one payout, both answered with it.
    keyed = PayoutOrder("MNT", "Khan 2", idempotency_key="k")
    await told(uow_factory, received(booking, 50_000, "p-2"))
    await payouts.enter_payments()
    both = await asyncio.gather(
        *(payouts.record_payout(admins[0], artist.id, keyed) for _ in range(2))
    )
    assert sorted(b.created for b in both) == [False, True]
    assert both[0].entry == both[1].entry
    retry = await payouts.record_payout(admins[0], artist.id, keyed)
    assert (retry.created, retry.entry) == (False, both[0].entry)


async def test_the_followers_position_only_moves_forward(uow_factory: AnyUnitOfWorkFactory) -> None:
    units = cast(PayoutsUnitOfWorkFactory, uow_factory)
    async with units() as uow:
        position = await uow.payout_cursor.claim()
        assert position is not None
        await uow.payout_cursor.advance("00000000000000000009-00000000000000000009")
        await uow.commit()
    with pytest.raises(ConflictError):
        async with units() as uow:
            assert await uow.payout_cursor.claim() is not None
            await uow.payout_cursor.advance("00000000000000000001-00000000000000000001")
    async with units() as uow:
        found = await uow.payout_cursor.claim()
    assert found is not None and found.after == "00000000000000000009-00000000000000000009"
