"""The platform's ledger of what it owes each artist (docs/payouts.md): every payment a
gateway collected for an artist, the platform's fee on it, refunds paid back with the fee's
share, and payouts, as append-only entries whose sum is each account's balance."""

from __future__ import annotations

from booking_domain.payouts.cues import PAYOUT_EVENT_TYPES, Collected, PaidBack, cue_of
from booking_domain.payouts.entering import collection_entries, refund_entries
from booking_domain.payouts.errors import NothingToPayOutError, PayoutExceedsBalanceError
from booking_domain.payouts.fees import WHOLE, FeeRule, fee_kept
from booking_domain.payouts.ledger import (
    CREDITS,
    Account,
    Entry,
    EntryId,
    EntryKind,
    apply,
    enter,
)
from booking_domain.payouts.payouts import MAX_NOTE, MAX_REFERENCE, PayoutOrder, payout_entry
from booking_domain.payouts.ports import (
    AccountSummary,
    BookingMoney,
    HasPayouts,
    PayoutCursor,
    PayoutLedger,
    PayoutPosition,
    PayoutsUnitOfWork,
    PayoutsUnitOfWorkFactory,
)

__all__ = [
    "CREDITS",
    "MAX_NOTE",
    "MAX_REFERENCE",
    "PAYOUT_EVENT_TYPES",
    "WHOLE",
    "Account",
    "AccountSummary",
    "BookingMoney",
    "Collected",
    "Entry",
    "EntryId",
    "EntryKind",
    "FeeRule",
    "HasPayouts",
    "NothingToPayOutError",
    "PaidBack",
    "PayoutCursor",
    "PayoutExceedsBalanceError",
    "PayoutLedger",
    "PayoutOrder",
    "PayoutPosition",
    "PayoutsUnitOfWork",
    "PayoutsUnitOfWorkFactory",
    "apply",
    "collection_entries",
    "cue_of",
    "enter",
    "fee_kept",
    "payout_entry",
    "refund_entries",
]
