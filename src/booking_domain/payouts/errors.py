"""The ledger's errors (each a category of ``shared.errors``; the HTTP status follows the
category)."""

from __future__ import annotations

from booking_domain.shared.errors import ConflictError


class NothingToPayOutError(ConflictError):
    code = "nothing_to_pay_out"
    default_message = "The platform owes this artist nothing in this currency."


class PayoutExceedsBalanceError(ConflictError):
    code = "payout_exceeds_balance"
    default_message = "A payout cannot be more than what the platform owes the artist."
