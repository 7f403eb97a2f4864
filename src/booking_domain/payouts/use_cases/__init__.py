"""The ledger's use cases, and their bundle (``PayoutUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.payouts.use_cases.deps import PayoutsDeps
from booking_domain.payouts.use_cases.following import EnterPayments
from booking_domain.payouts.use_cases.payouts import RecordedPayout, RecordPayout
from booking_domain.payouts.use_cases.reading import (
    OWED_COLUMNS,
    AmountsOwed,
    ArtistLedger,
    ArtistLedgerView,
    LedgerEntries,
    OwedAccount,
    OwedExport,
    owed_row,
)
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class PayoutUseCases(UseCaseBundle[PayoutsDeps]):
    artist_ledger: ArtistLedger
    ledger_entries: LedgerEntries
    amounts_owed: AmountsOwed
    owed_export: OwedExport
    record_payout: RecordPayout
    enter_payments: EnterPayments


__all__ = [
    "OWED_COLUMNS",
    "AmountsOwed",
    "ArtistLedger",
    "ArtistLedgerView",
    "EnterPayments",
    "LedgerEntries",
    "OwedAccount",
    "OwedExport",
    "PayoutUseCases",
    "PayoutsDeps",
    "RecordPayout",
    "RecordedPayout",
    "owed_row",
]
