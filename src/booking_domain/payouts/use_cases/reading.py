"""Reading the ledger: an artist's own accounts and entries (the artist, or an admin for any
artist), and what the platform owes, for admins (docs/payouts.md, "Reading it")."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog import ArtistNotFoundError, ArtistProfile
from booking_domain.payouts.ledger import Entry
from booking_domain.payouts.ports import AccountSummary, PayoutsUnitOfWork
from booking_domain.payouts.use_cases.deps import PayoutsDeps
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class ArtistLedgerView:
    artist_id: ArtistId
    artist_name: str
    accounts: tuple[AccountSummary, ...]


@dataclass(frozen=True, slots=True)
class OwedAccount:
    """An account the platform owes money on, with whom to pay."""

    summary: AccountSummary
    artist_name: str
    email: str | None


async def artist_for(
    uow: PayoutsUnitOfWork, actor: Actor, artist_id: ArtistId | None
) -> ArtistProfile:
    """The artist whose ledger ``actor`` reads: their own (``artist_id`` None, or their own
    id), or any artist's for an admin. Another's is not found, as for a stranger."""
    if artist_id is None:
        artist = await uow.artists.get_by_user(actor.user_id)
    else:
        artist = await uow.artists.get(artist_id)
    if artist is None or not (actor.is_admin or artist.is_owned_by(actor)):
        raise ArtistNotFoundError()
    return artist


class ArtistLedger(UseCase[PayoutsDeps]):
    """The artist's accounts, one per currency, with the sum of each kind of entry."""

    async def __call__(self, actor: Actor, artist_id: ArtistId | None = None) -> ArtistLedgerView:
        async with self._deps.uow(read_only=True) as uow:
            artist = await artist_for(uow, actor, artist_id)
            accounts = await uow.payout_ledger.summaries(artist.id)
        return ArtistLedgerView(artist.id, artist.display_name, tuple(accounts))


class LedgerEntries(UseCase[PayoutsDeps]):
    """The artist's entries, newest first (in one currency when asked)."""

    async def __call__(
        self,
        actor: Actor,
        page: PageRequest,
        *,
        artist_id: ArtistId | None = None,
        currency: str | None = None,
    ) -> Page[Entry]:
        async with self._deps.uow(read_only=True) as uow:
            artist = await artist_for(uow, actor, artist_id)
            return await uow.payout_ledger.entries(artist.id, currency, page)


class AmountsOwed(UseCase[PayoutsDeps]):
    """Every account the platform owes money on (admins): what a round of payouts pays."""

    async def __call__(self, actor: Actor, page: PageRequest) -> Page[OwedAccount]:
        if not actor.is_admin:
            raise PermissionDeniedError()
        async with self._deps.uow(read_only=True) as uow:
            owed = await uow.payout_ledger.owed(page)
            items = [await _with_payee(uow, summary) for summary in owed.items]
        return Page(tuple(items), owed.total, owed.request, owed.total_exact)


# A round of bank transfers as a file: its columns, and one line per account owed money
# (minor units; the HTTP API's CSV and the console's are these lines).
OWED_COLUMNS = ("artistId", "artistName", "email", "currency", "owed")


def owed_row(owed: OwedAccount) -> tuple[str, ...]:
    account = owed.summary.account
    return (str(account.artist_id), owed.artist_name, owed.email or "", account.currency,
            str(account.owed.amount))  # fmt: skip


class OwedExport(UseCase[PayoutsDeps]):
    """Every account the platform owes money on (admins), whole and read at once: the rows
    of a round of bank transfers (each account once, as it was when read)."""

    async def __call__(self, actor: Actor) -> tuple[OwedAccount, ...]:
        if not actor.is_admin:
            raise PermissionDeniedError()
        async with self._deps.uow(read_only=True) as uow:
            owed = await uow.payout_ledger.owed_all()
            summaries = [AccountSummary(account, {}) for account in owed]
            return tuple([await _with_payee(uow, summary) for summary in summaries])


async def _with_payee(uow: PayoutsUnitOfWork, summary: AccountSummary) -> OwedAccount:
    artist = await uow.artists.get(summary.account.artist_id)
    user = None if artist is None else await uow.users.get(artist.user_id)
    name = "" if artist is None else artist.display_name
    return OwedAccount(summary, name, None if user is None else user.email)
