"""What the ledger tells the audit trail: ``payout.recorded`` (an admin recorded money paid
to an artist), on the artist's subject, with the amount, the reference and the balance
left."""

from __future__ import annotations

from datetime import datetime

from booking_domain.payouts.ledger import Account, Entry
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.identity import Actor
from booking_domain.shared.outbox import money_data, subject_of


def payout_audit_entry(entry: Entry, after: Account, actor: Actor, now: datetime) -> AuditEntry:
    return audit_entry(
        "payout.recorded", subject_of("artist", entry.artist_id), now, actor=actor,
        after={"entryId": str(entry.id), "amount": money_data(entry.amount),
               "reference": entry.reference, "balance": after.balance},
    )  # fmt: skip
