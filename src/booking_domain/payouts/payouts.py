"""Payouts: an admin records money the platform paid an artist (docs/payouts.md,
"Payouts").

- What is paid is at most what the platform owes in that currency (the balance, when it is
  above zero; 409 ``nothing_to_pay_out`` when it is not, 409 ``payout_exceeds_balance``
  above it); no amount means all of it, which brings the balance to zero.
- Every payout names its bank reference (1-100 characters of one line) and may carry a note
  (at most 500 characters); both are plain text.
- Its key is the payout's own id, or, when the admin's request carries an
  ``Idempotency-Key``, that key (with the admin's id): a retry under the same key answers the
  payout it recorded, never a second one; the same key for another artist, currency or
  amount is refused (422 ``idempotency_key_reused``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.payouts.errors import NothingToPayOutError, PayoutExceedsBalanceError
from booking_domain.payouts.ledger import Account, Entry, EntryId, EntryKind
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.idempotency import idempotency_key_problem
from booking_domain.shared.ids import ArtistId, UserId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.text import require_clean_text

MAX_REFERENCE = 100
MAX_NOTE = 500


@dataclass(frozen=True, slots=True)
class PayoutOrder:
    """What an admin asks: ``amount`` in minor units (None: all that is owed)."""

    currency: str
    reference: str
    amount: int | None = None
    note: str | None = None
    idempotency_key: str | None = None

    def retry_key(self, by: UserId) -> str | None:
        """The key of a payout ``by`` asked for under an ``Idempotency-Key`` (None: none)."""
        return None if self.idempotency_key is None else f"payout/{by}/{self.idempotency_key}"

    def asked_for(self, entry: Entry, artist_id: ArtistId) -> bool:
        """Whether ``entry`` (recorded under this order's key) is what this order asks."""
        return (
            entry.artist_id == artist_id
            and entry.amount.currency == self.currency
            and self.amount in (None, entry.amount.amount)
        )


def check_order(order: PayoutOrder) -> None:
    """Refuse (422) a reference or note out of bounds, or an amount of nothing."""
    require_clean_text([("reference", order.reference)], [("note", order.note)])
    problems = [p for p in [idempotency_key_problem(order.idempotency_key)] if p is not None]
    if not order.reference.strip() or len(order.reference) > MAX_REFERENCE:
        problems.append(
            FieldError("reference", f"Give the bank reference, 1-{MAX_REFERENCE} characters.")
        )
    if order.note is not None and len(order.note) > MAX_NOTE:
        problems.append(FieldError("note", f"At most {MAX_NOTE} characters."))
    if not _is_currency_code(order.currency):
        problems.append(FieldError("currency", "Use an ISO 4217 code: three capital letters."))
    if order.amount is not None and order.amount <= 0:
        problems.append(FieldError("amount", "A payout is above zero."))
    if problems:
        raise InvalidInputError(errors=tuple(problems))


def _is_currency_code(code: str) -> bool:
    return len(code) == 3 and code.isascii() and code.isalpha() and code.isupper()


def payout_entry(account: Account, order: PayoutOrder, by: UserId, now: datetime) -> Entry:
    """The payout's entry on ``account`` (the artist's, in the order's currency)."""
    check_order(order)
    if account.balance <= 0:
        raise NothingToPayOutError()
    amount = account.balance if order.amount is None else order.amount
    if amount > account.balance:
        raise PayoutExceedsBalanceError()
    entry_id = EntryId(new_uuid7(int(now.timestamp() * 1000)))
    key = order.retry_key(by) or f"payout/{entry_id}"
    return Entry(
        id=entry_id, artist_id=account.artist_id, kind=EntryKind.PAYOUT,
        amount=Money(amount, account.currency), key=key, created_at=now,
        reference=order.reference.strip(), note=order.note, recorded_by=by,
    )  # fmt: skip
