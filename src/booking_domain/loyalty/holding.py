"""Acting on the ledger inside another context's unit of work (the payments' invoices hold,
spend and release points through these; loyalty's own use cases record through them too).

Locks are taken in one order everywhere: a redemption before the account it draws on (and
a payment's booking and invoice before both)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Protocol
from uuid import UUID

from booking_domain.loyalty.bookkeeping import apply
from booking_domain.loyalty.cues import invoice_source
from booking_domain.loyalty.errors import InsufficientPointsError
from booking_domain.loyalty.ledger import (
    Account,
    AccountId,
    Action,
    EntryId,
    EntryKind,
    Movement,
    Redeem,
    Release,
    open_account,
)
from booking_domain.loyalty.ports import HasLoyalty
from booking_domain.loyalty.programs import Program, program_of
from booking_domain.loyalty.published import entry_event
from booking_domain.loyalty.redemption import (
    Redemption,
    RedemptionStatus,
    discount_for,
    settle,
)
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.ports import HasOutbox


class LoyaltyWriter(HasLoyalty, HasOutbox, Protocol):
    """A unit of work that changes accounts: the ledger and the outbox their events go to."""


async def booking_program(uow: HasLoyalty, artist_id: ArtistId) -> Program | None:
    """The program a booking of the artist earns and redeems in (``programs.program_of``)."""
    programs = uow.loyalty_programs
    return program_of(await programs.of_artist(artist_id), await programs.platform())


async def record_movement(uow: LoyaltyWriter, movement: Movement, program: Program) -> None:
    """The account's change stored, and one event per entry."""
    if not movement.entries:
        return
    await uow.loyalty_ledger.save(movement)
    for entry in movement.entries:
        await uow.outbox.record(entry_event(entry, movement.account, program))


async def account_for(
    uow: HasLoyalty, customer_id: UserId, program: Program, now: datetime
) -> Account:
    """The customer's account in the program, locked; opened on first use."""
    ledger = uow.loyalty_ledger
    found = await ledger.find(customer_id, program.id)
    if found is None:
        found = await ledger.ensure(open_account(customer_id, program.id, now))
    account = await ledger.load(found, for_update=True)
    if account is None:
        raise LookupError("an account just ensured is gone")
    return account


async def change_account(
    uow: LoyaltyWriter,
    account_id: AccountId,
    action: Action,
    now: datetime,
    *,
    sources: Collection[str] = (),
    lots: Collection[EntryId] = (),
) -> Movement | None:
    """Apply ``action`` to the account (locked, with the lots of ``sources`` and ``lots``
    besides its open ones) and record it; None when the account or its program is gone."""
    ledger = uow.loyalty_ledger
    account = await ledger.load(account_id, for_update=True, sources=sources, lots=lots)
    if account is None:
        return None
    program = await uow.loyalty_programs.get(account.program_id)
    if program is None:
        return None
    movement = apply(account, action, now)
    await record_movement(uow, movement, program)
    return movement


async def hold_points(
    uow: LoyaltyWriter,
    *,
    customer_id: UserId,
    artist_id: ArtistId,
    booking_id: BookingId,
    invoice_id: UUID,
    amount: Money,
    points: int,
    now: datetime,
) -> Redemption:
    """Hold ``points`` of the customer's for an invoice of ``amount`` being made for a
    booking of the artist: its discount (``redemption.discount_for``), a ``redeem`` entry,
    and the redemption, ``held``."""
    program = await booking_program(uow, artist_id)
    value = discount_for(program, points, amount)
    assert program is not None  # discount_for refused otherwise
    found = await uow.loyalty_ledger.find(customer_id, program.id)
    if found is None:
        raise InsufficientPointsError("You have no points in this program yet.")
    source = invoice_source(invoice_id)
    movement = await change_account(uow, found, Redeem(points, source), now)
    if movement is None:
        raise InsufficientPointsError("You have no points in this program yet.")
    (redeemed,) = [e for e in movement.entries if e.kind is EntryKind.REDEEM]
    redemption = Redemption(
        invoice_id,
        booking_id,
        customer_id,
        program.id,
        redeemed.id,
        points,
        value,
        RedemptionStatus.HELD,
        0,
        now,
        now,
    )
    await uow.loyalty_redemptions.add(redemption)
    return redemption


async def release_points(uow: LoyaltyWriter, invoice_id: UUID, now: datetime) -> None:
    """The invoice failed or lapsed unpaid: every point it held comes back (once)."""
    redemption = await uow.loyalty_redemptions.get(invoice_id, for_update=True)
    if redemption is None or redemption.status is not RedemptionStatus.HELD:
        return
    await give_back(uow, redemption, redemption.points, "invoice_lapsed", now)
    await uow.loyalty_redemptions.update(settle(redemption, RedemptionStatus.RELEASED, now))


async def spend_points(uow: HasLoyalty, invoice_id: UUID, now: datetime) -> None:
    """The invoice was paid: the points it held are spent (once)."""
    redemption = await uow.loyalty_redemptions.get(invoice_id, for_update=True)
    if redemption is not None and redemption.status is RedemptionStatus.HELD:
        await uow.loyalty_redemptions.update(settle(redemption, RedemptionStatus.SPENT, now))


async def give_back(
    uow: LoyaltyWriter, redemption: Redemption, points: int, reason: str, now: datetime
) -> None:
    """``points`` of what the redemption took, back into the lots they came from (after the
    ones given back before), as a ``release`` entry."""
    taken = await uow.loyalty_ledger.entry(redemption.entry_id)
    if taken is None or points <= 0:
        return
    already = redemption.restored if redemption.status is RedemptionStatus.SPENT else 0
    action = Release(taken.moves, points, already, invoice_source(redemption.invoice_id), reason)
    lots = [lot_id for lot_id, _ in taken.moves]
    await change_account(uow, taken.account_id, action, now, lots=lots)
