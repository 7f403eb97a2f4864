"""The ledger on the wire: accounts (money in minor units of ``currency``; ``balance`` is
signed), entries, what is owed, and a payout's request."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from booking_domain.payouts import (
    MAX_NOTE,
    MAX_REFERENCE,
    AccountSummary,
    Entry,
    EntryKind,
    PayoutOrder,
)
from booking_domain.payouts.use_cases import OWED_COLUMNS, ArtistLedgerView, OwedAccount, owed_row
from entrypoints.http.wire import Dto, PageView, View, utc
from entrypoints.web.shared.spreadsheet import spreadsheet


class AccountView(View, frozen=True):
    """One currency of an artist's account. ``balance``: collected - fees - refunded +
    feesReturned - paidOut - paidToOwnAccount + discountsCredited (negative: the artist
    owes the platform); ``owed``: what the platform owes now (the balance when above zero);
    ``paidToOwnAccount``: what card payments paid straight to the artist's own payout
    account, less what refunds took back of it (Stripe Connect); ``discountsCredited``: the
    platform-funded loyalty discounts credited, less what refunds took back."""

    currency: str
    balance: int
    owed: int
    collected: int
    fees: int
    refunded: int
    fees_returned: int
    paid_out: int
    entries: int
    updated_at: datetime | None
    paid_to_own_account: int = 0
    discounts_credited: int = 0

    @classmethod
    def of(cls, summary: AccountSummary) -> AccountView:
        a, t = summary.account, summary.totals
        return cls(
            a.currency, a.balance, a.owed.amount, t.get(EntryKind.COLLECTED, 0),
            t.get(EntryKind.FEE, 0), t.get(EntryKind.REFUNDED, 0),
            t.get(EntryKind.FEE_RETURNED, 0), t.get(EntryKind.PAYOUT, 0), a.version,
            None if a.updated_at is None else utc(a.updated_at),
            t.get(EntryKind.TRANSFERRED, 0) - t.get(EntryKind.TRANSFER_REVERSED, 0),
            t.get(EntryKind.DISCOUNT_CREDITED, 0) - t.get(EntryKind.DISCOUNT_REVERSED, 0),
        )  # fmt: skip


class LedgerView(View, frozen=True):
    artist_id: UUID
    artist_name: str
    accounts: list[AccountView]

    @classmethod
    def of(cls, found: ArtistLedgerView) -> LedgerView:
        return cls(found.artist_id, found.artist_name, [AccountView.of(a) for a in found.accounts])


class LedgerEntryView(View, frozen=True):
    """``kind``: collected | fee | refunded | fee_returned | payout | transferred |
    transfer_reversed | discount_credited | discount_reversed; ``amount`` is
    unsigned and ``signed`` what it did to the balance; ``reference``: the gateway's
    payment or refund id, or a payout's bank reference; ``recordedBy``: the admin who
    recorded a payout (admins' reads only: null on the artist's own)."""

    id: UUID
    kind: str
    amount: int
    signed: int
    currency: str
    booking_id: UUID | None
    reference: str | None
    note: str | None
    recorded_by: UUID | None
    created_at: datetime

    @classmethod
    def of(cls, entry: Entry) -> LedgerEntryView:
        return cls(
            entry.id, entry.kind.value, entry.amount.amount, entry.signed,
            entry.amount.currency, entry.booking_id, entry.reference, entry.note,
            entry.recorded_by, utc(entry.created_at),
        )  # fmt: skip


def own_entry(entry: Entry) -> LedgerEntryView:
    """An entry as its artist reads it: without who among the admins recorded it."""
    return msgspec.structs.replace(LedgerEntryView.of(entry), recorded_by=None)


class LedgerEntryPage(PageView[LedgerEntryView], frozen=True):
    items: list[LedgerEntryView]


class OwedView(View, frozen=True):
    artist_id: UUID
    artist_name: str
    email: str | None
    account: AccountView

    @classmethod
    def of(cls, owed: OwedAccount) -> OwedView:
        account = owed.summary.account
        return cls(account.artist_id, owed.artist_name, owed.email, AccountView.of(owed.summary))


class OwedPage(PageView[OwedView], frozen=True):
    items: list[OwedView]


def owed_csv(rows: Sequence[OwedAccount]) -> bytes:
    """What a round of bank transfers pays (``OWED_COLUMNS``), every cell safe from formula
    injection."""
    return spreadsheet([OWED_COLUMNS, *(owed_row(r) for r in rows)])


Reference = Annotated[str, Meta(min_length=1, max_length=MAX_REFERENCE)]


class PayoutBody(Dto, frozen=True):
    """``amount``: minor units (left out: all the platform owes in ``currency``);
    ``reference``: the bank transfer's reference."""

    currency: Annotated[str, Meta(pattern=r"^[A-Z]{3}$")]
    reference: Reference
    amount: Annotated[int, Meta(ge=1, le=10**12)] | None = None
    note: Annotated[str, Meta(max_length=MAX_NOTE)] | None = None

    def order(self, idempotency_key: str | None) -> PayoutOrder:
        return PayoutOrder(self.currency, self.reference, self.amount, self.note, idempotency_key)
