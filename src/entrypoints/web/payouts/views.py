"""The ledger as the console's pages write it: each account's figures and each entry, in
plain words and amounts (``money_text``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from booking_domain.payouts import AccountSummary, Entry, EntryKind
from booking_domain.payouts.use_cases import OWED_COLUMNS, OwedAccount, owed_row
from booking_domain.shared import Money
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.spreadsheet import spreadsheet

# What each kind of entry is called on the pages (English; translated by the page).
KIND_WORDS: Final = {
    EntryKind.COLLECTED: "Paid by a customer",
    EntryKind.FEE: "Platform fee",
    EntryKind.REFUNDED: "Paid back to a customer",
    EntryKind.FEE_RETURNED: "Fee given back",
    EntryKind.PAYOUT: "Paid out to you",
    EntryKind.TRANSFERRED: "Paid to your own account by card",
    EntryKind.TRANSFER_REVERSED: "Taken back from your own account",
    EntryKind.DISCOUNT_CREDITED: "Discount the platform paid for",
    EntryKind.DISCOUNT_REVERSED: "Discount taken back (points returned)",
}


@dataclass(frozen=True, slots=True)
class AccountLine:
    currency: str
    owed: str
    owes: str | None  # what the artist owes the platform (a negative balance), else None
    figures: tuple[tuple[str, str], ...]  # (English label, amount)


@dataclass(frozen=True, slots=True)
class EntryLine:
    at: str
    what: str  # English; translated by the page
    amount: str  # signed: "+ MNT 100,000" or "- MNT 5,000"
    credit: bool
    booking_id: str | None
    reference: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class OwedLine:
    artist_id: str
    artist_name: str
    email: str
    currency: str
    owed: str
    owed_minor: int


def account_line(summary: AccountSummary) -> AccountLine:
    account, totals = summary.account, summary.totals

    def money(kind: EntryKind) -> str:
        return money_text(Money(totals.get(kind, 0), account.currency))

    owes = None if account.balance >= 0 else money_text(Money(-account.balance, account.currency))
    figures: tuple[tuple[str, str], ...] = (
        ("Paid by customers", money(EntryKind.COLLECTED)),
        ("Platform fees", money(EntryKind.FEE)),
        ("Paid back to customers", money(EntryKind.REFUNDED)),
        ("Fees given back", money(EntryKind.FEE_RETURNED)),
        ("Paid out to you", money(EntryKind.PAYOUT)),
    )
    own = totals.get(EntryKind.TRANSFERRED, 0) - totals.get(EntryKind.TRANSFER_REVERSED, 0)
    if own or totals.get(EntryKind.TRANSFERRED, 0):
        figures += (("Paid to your own account", money_text(Money(own, account.currency))),)
    credited = totals.get(EntryKind.DISCOUNT_CREDITED, 0)
    if credited:
        net = Money(credited - totals.get(EntryKind.DISCOUNT_REVERSED, 0), account.currency)
        figures += (("Discounts the platform paid for", money_text(net)),)
    return AccountLine(account.currency, money_text(account.owed), owes, figures)


def entry_line(entry: Entry, when: Callable[[Entry], str]) -> EntryLine:
    sign = "+" if entry.signed > 0 else "\N{MINUS SIGN}"
    return EntryLine(
        at=when(entry),
        what=KIND_WORDS[entry.kind],
        amount=f"{sign} {money_text(entry.amount)}",
        credit=entry.signed > 0,
        booking_id=None if entry.booking_id is None else str(entry.booking_id),
        reference=entry.reference,
        note=entry.note,
    )


def owed_line(owed: OwedAccount) -> OwedLine:
    account = owed.summary.account
    return OwedLine(
        str(account.artist_id), owed.artist_name, owed.email or "", account.currency,
        money_text(account.owed), account.owed.amount,
    )  # fmt: skip


def owed_csv(rows: Sequence[OwedAccount]) -> bytes:
    """The round of bank transfers as the console downloads it (``OWED_COLUMNS``)."""
    return spreadsheet([OWED_COLUMNS, *(owed_row(r) for r in rows)])
