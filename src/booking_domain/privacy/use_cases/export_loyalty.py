"""A person's loyalty points in their data export (docs/privacy.md): ``loyalty.json``, one
record per account (its program, balance, every entry oldest first, and the points its
invoices held), and for an artist their own program (``loyalty-program.json``)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from booking_domain.catalog import ArtistProfile
from booking_domain.loyalty import Account, Entry
from booking_domain.privacy.ports import PrivacyUnitOfWork
from booking_domain.privacy.records import record
from booking_domain.shared.ids import UserId
from booking_domain.shared.outbox import JsonValue
from booking_domain.shared.pages import MAX_PAGE, MAX_PAGE_SIZE, PageRequest

Records = tuple[str, tuple[JsonValue, ...]]  # a file and its next records


async def loyalty_records(
    uow: PrivacyUnitOfWork, me: UserId, artist: ArtistProfile | None
) -> AsyncIterator[Records]:
    redemptions = await uow.loyalty_redemptions.of_customer(me)
    for account in await uow.loyalty_ledger.of_customer(me):
        program = await uow.loyalty_programs.get(account.program_id)
        held = [record(r) for r in redemptions if r.program_id == account.program_id]
        one: JsonValue = {
            "accountId": str(account.id),
            "programId": str(account.program_id),
            "programName": None if program is None else program.name,
            "balance": account.balance,
            "entries": await _entries(uow, account),
            "redemptions": held,
        }
        yield "loyalty.json", (one,)
    own = None if artist is None else await uow.loyalty_programs.of_artist(artist.id)
    if own is not None:
        yield "loyalty-program.json", (record(own),)


async def _entries(uow: PrivacyUnitOfWork, account: Account) -> list[JsonValue]:
    """Every entry of the account, oldest first."""
    found: list[Entry] = []
    number = 1
    while number <= MAX_PAGE:
        page = await uow.loyalty_ledger.entries(account.id, PageRequest(number, MAX_PAGE_SIZE))
        found.extend(page.items)
        if not page.has_next:
            break
        number += 1
    return [record(e) for e in reversed(found)]
