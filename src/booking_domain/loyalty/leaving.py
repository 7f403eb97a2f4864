"""What an account's leaving does to loyalty (docs/privacy.md; the privacy context calls it
in the deletion's unit of work):

- the person's points are forfeited: every lot of theirs with points left expires at once
  (an ``expire`` entry, reason ``account_deleted``, and its event), and the points their
  open invoices hold are forfeited with them (nothing comes back when the invoice lapses);
- an artist's own program is turned off (its customers' balances wait, and expire, as in
  any program that is off);
- the ledger stays: it describes discounts on invoices, which are kept for the accounts,
  and names the person by id only. The earner gives nothing to a deleted account after.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from booking_domain.loyalty.holding import LoyaltyWriter, change_account
from booking_domain.loyalty.ledger import Expire
from booking_domain.loyalty.programs import configure
from booking_domain.loyalty.published import program_audit_entry, program_event
from booking_domain.loyalty.redemption import RedemptionStatus, settle
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId

ACCOUNT_DELETED = "account_deleted"


class LeavingUnitOfWork(LoyaltyWriter, HasAudit, Protocol):
    """The ledger, the outbox and the audit trail (a program turned off is an act)."""


async def leave_loyalty(
    uow: LeavingUnitOfWork, leaver: Actor, artist_id: ArtistId | None, now: datetime
) -> None:
    """The module's rules, for the person ``leaver`` (and their artist profile, if any)."""
    # Redemptions before accounts: the order every path that holds both locks them in.
    for held in await uow.loyalty_redemptions.of_customer(leaver.user_id):
        if held.status is RedemptionStatus.HELD:
            locked = await uow.loyalty_redemptions.get(held.invoice_id, for_update=True)
            if locked is not None:
                await uow.loyalty_redemptions.update(
                    settle(locked, RedemptionStatus.FORFEITED, now)
                )
    forfeit = Expire(ACCOUNT_DELETED, everything=True)
    for account in await uow.loyalty_ledger.of_customer(leaver.user_id):
        await change_account(uow, account.id, forfeit, now)
    program = None if artist_id is None else await uow.loyalty_programs.of_artist(artist_id)
    if program is not None and program.active:
        closed = configure(program, program.artist_id, active=False, rates=program.rates,
                           now=now, name=program.name)  # fmt: skip
        await uow.loyalty_programs.save(closed)
        await uow.outbox.record(program_event(closed, leaver.user_id))
        await uow.audit.record(program_audit_entry(program, closed, leaver, now))
