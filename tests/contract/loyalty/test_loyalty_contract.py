"""Loyalty's storage on every adapter: programs are one per owner, read with their artist's
name and changed version by version; an account is opened once, read with its open lots
(and the lots asked for), changed whole or not at all; an event's effect is recorded once;
redemptions keep their state; the earner's position only moves forward."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from uuid import uuid4

import pytest

from booking_domain.loyalty import (
    Earn,
    EntryKind,
    Expire,
    Program,
    ProgramId,
    Redeem,
    Redemption,
    RedemptionStatus,
    Reverse,
    apply,
    open_account,
)
from booking_domain.shared import ConcurrentUpdateError, ConflictError, Money, UserId
from booking_domain.shared.pages import PageRequest
from booking_domain.testing.loyalty import a_program
from tests.contract.bookings.test_bookings_contract import a_booking, store
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
DAY = timedelta(days=1)


async def saved(uow_factory: AnyUnitOfWorkFactory, program: Program) -> Program:
    async with uow_factory() as uow:
        await uow.loyalty_programs.save(program)
        await uow.commit()
    return program


async def test_programs_are_one_per_owner_named_and_changed_version_by_version(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    platform = await saved(uow_factory, a_program(START))
    own = await saved(uow_factory, a_program(START, artist_id=artist.id, active=False))
    async with uow_factory(read_only=True) as uow:
        assert await uow.loyalty_programs.platform() == platform
        assert await uow.loyalty_programs.get(platform.id) == platform
        found = await uow.loyalty_programs.of_artist(artist.id)
        assert found == dataclasses.replace(own, name=artist.profile.display_name)
        assert await uow.loyalty_programs.get(ProgramId(uuid4())) is None

    changed = dataclasses.replace(platform, active=False, version=2, updated_at=START + DAY)
    await saved(uow_factory, changed)
    async with uow_factory(read_only=True) as uow:
        assert await uow.loyalty_programs.platform() == changed
    with pytest.raises(ConcurrentUpdateError):  # version 2 again: the stored one is 2
        await saved(uow_factory, changed)
    with pytest.raises(ConflictError):  # a second platform program
        await saved(uow_factory, a_program(START))


async def an_account_in(uow_factory: AnyUnitOfWorkFactory) -> tuple[UserId, Program]:
    customer = await add_user(uow_factory)
    program = await saved(uow_factory, a_program(START))
    return customer.user_id, program


async def test_an_account_is_opened_once_and_changed_whole_or_not_at_all(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    customer, program = await an_account_in(uow_factory)
    async with uow_factory() as uow:
        first = await uow.loyalty_ledger.ensure(open_account(customer, program.id, START))
        again = await uow.loyalty_ledger.ensure(open_account(customer, program.id, START))
        assert again == first == await uow.loyalty_ledger.find(customer, program.id)
        account = await uow.loyalty_ledger.load(first, for_update=True)
        assert account is not None and (account.balance, account.lots) == (0, ())
        earned = apply(account, Earn(300, 30_000_000, "booking/a", "booking_completed",
                                     START + 30 * DAY, "event-1:earn"), START)  # fmt: skip
        await uow.loyalty_ledger.save(earned)
        spent = apply(earned.account, Redeem(120, "invoice/x"), START + DAY)
        await uow.loyalty_ledger.save(spent)
        await uow.commit()

    async with uow_factory(read_only=True) as uow:
        stored = await uow.loyalty_ledger.load(first)
        assert stored is not None
        assert stored == dataclasses.replace(spent.account, created_at=stored.created_at)
        (lot,) = stored.lots
        assert (lot.points, lot.remaining, lot.source) == (300, 180, "booking/a")
        assert await uow.loyalty_ledger.has_key("event-1:earn")
        assert not await uow.loyalty_ledger.has_key("event-2:earn")
        page = await uow.loyalty_ledger.entries(first, PageRequest(1, 10))
        assert [(e.kind, e.points, e.balance_after) for e in page.items] == [
            (EntryKind.REDEEM, -120, 180), (EntryKind.EARN, 300, 300),
        ]  # fmt: skip
        assert page.items[0] == spent.entries[0] and page.total == 2
        # An earn entry is read with its lot as it is now.
        assert page.items[1] == dataclasses.replace(earned.entries[0], lot=lot)
        assert await uow.loyalty_ledger.entry(spent.entries[0].id) == spent.entries[0]
        assert [a.id for a in await uow.loyalty_ledger.of_customer(customer)] == [first]
        assert await uow.loyalty_ledger.of_customer(UserId(uuid4())) == []

    with pytest.raises(ConcurrentUpdateError):  # the stored account moved on since
        async with uow_factory() as uow:
            await uow.loyalty_ledger.save(spent)
    replay = apply(spent.account, Earn(5, 5, "review/r", "review_published", START + 30 * DAY,
                                       "event-1:earn"), START + DAY)  # fmt: skip
    with pytest.raises(ConflictError):  # an event's effect happens once
        async with uow_factory() as uow:
            await uow.loyalty_ledger.save(replay)
    async with uow_factory(read_only=True) as uow:
        assert await uow.loyalty_ledger.load(first) == stored


async def test_lots_are_found_by_source_expiry_and_name_and_counted_for_tiers(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    customer, program = await an_account_in(uow_factory)
    async with uow_factory() as uow:
        account_id = await uow.loyalty_ledger.ensure(open_account(customer, program.id, START))
        account = await uow.loyalty_ledger.load(account_id, for_update=True)
        assert account is not None
        early = apply(account, Earn(100, 100, "review/r", "review_published", START + DAY), START)
        late = apply(early.account, Earn(50, 5_000_000, "booking/b", "booking_completed",
                                         START + 60 * DAY), START)  # fmt: skip
        taken = apply(late.account, Reverse("review/r", None, "review_hidden"), START)
        for movement in (early, late, taken):
            await uow.loyalty_ledger.save(movement)
        await uow.commit()
    review_lot = early.entries[0].id
    async with uow_factory(read_only=True) as uow:
        ledger = uow.loyalty_ledger
        assert await ledger.with_source(customer, "review/r") == [account_id]
        assert await ledger.with_source(customer, "booking/x") == []
        assert await ledger.with_source(UserId(uuid4()), "review/r") == []
        loaded = await ledger.load(account_id)
        assert loaded is not None and [lot.source for lot in loaded.lots] == ["booking/b"]
        named = await ledger.load(account_id, sources=["review/r"])
        assert named is not None and {lot.id for lot in named.lots} == {
            review_lot, late.entries[0].id,
        }  # fmt: skip
        by_id = await ledger.load(account_id, lots=[review_lot])
        assert by_id == named
        assert await ledger.tier_points(account_id, START) == 50  # 100 + 50 - 100
        assert await ledger.tier_points(account_id, START + DAY) == 0
        assert await ledger.expiring(START + 59 * DAY, limit=10) == []
        assert await ledger.expiring(START + 60 * DAY, limit=10) == [account_id]

    async with uow_factory() as uow:
        due = await uow.loyalty_ledger.load(account_id, for_update=True)
        assert due is not None
        await uow.loyalty_ledger.save(apply(due, Expire(), START + 60 * DAY))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.loyalty_ledger.expiring(START + 90 * DAY, limit=10) == []
        emptied = await uow.loyalty_ledger.load(account_id)
        assert emptied is not None and (emptied.balance, emptied.lots) == (0, ())


async def test_redemptions_keep_their_state_and_are_listed_by_booking_and_customer(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    program = await saved(uow_factory, a_program(START))
    async with uow_factory() as uow:
        ledger = uow.loyalty_ledger
        account_id = await ledger.ensure(open_account(customer.user_id, program.id, START))
        account = await ledger.load(account_id, for_update=True)
        assert account is not None
        earned = apply(account, Earn(500, 500, "review/r", "t", START + 30 * DAY), START)
        redeemed = apply(earned.account, Redeem(200, "invoice/i"), START)
        await ledger.save(earned)
        await ledger.save(redeemed)
        held = Redemption(
            uuid4(), booking.id, customer.user_id, program.id, redeemed.entries[-1].id, 200,
            Money(200_000, "MNT"), RedemptionStatus.HELD, 0, START, START,
        )  # fmt: skip
        await uow.loyalty_redemptions.add(held)
        await uow.commit()
    with pytest.raises(ConflictError):  # one redemption per invoice
        async with uow_factory() as uow:
            await uow.loyalty_redemptions.add(held)
    spent = dataclasses.replace(
        held, status=RedemptionStatus.SPENT, restored=50, updated_at=START + DAY
    )
    async with uow_factory() as uow:
        assert await uow.loyalty_redemptions.get(held.invoice_id, for_update=True) == held
        await uow.loyalty_redemptions.update(spent)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.loyalty_redemptions.get(held.invoice_id) == spent
        assert await uow.loyalty_redemptions.of_booking(booking.id) == [spent]
        assert await uow.loyalty_redemptions.of_customer(customer.user_id) == [spent]
        assert await uow.loyalty_redemptions.get(uuid4()) is None


async def test_the_earners_position_only_moves_forward(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        start = await uow.earning_cursor.claim()
        assert start is not None
        ahead = "9" * 20 + "-" + "0" * 20
        await uow.earning_cursor.advance(ahead)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.earning_cursor.claim() == dataclasses.replace(start, after=ahead)
    with pytest.raises(ConflictError):
        async with uow_factory() as uow:
            await uow.earning_cursor.claim()
            await uow.earning_cursor.advance("0" * 20 + "-" + "0" * 20)
