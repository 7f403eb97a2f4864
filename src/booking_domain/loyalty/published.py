"""What loyalty tells the world (docs/events.md):

- ``loyalty.points_earned``, ``loyalty.points_reversed``, ``loyalty.points_redeemed``,
  ``loyalty.points_released``, ``loyalty.points_expired``: one per ledger entry; subject
  ``loyalty_account/<account id>``, numbered by the entry's sequence; heard by the customer
  (and admins). ``data.entry`` is the entry, ``data.account`` the account after it.
- ``loyalty.program_changed``: a program was set; subject ``loyalty_program/<id>``,
  numbered by its version; heard by the artist of an artist's program (and admins).
"""

from __future__ import annotations

from datetime import datetime

from booking_domain.loyalty.ledger import Account, Entry, EntryKind
from booking_domain.loyalty.programs import Program
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.outbox import EventId, JsonValue, OutboxEvent, subject_of
from booking_domain.shared.time import utc_text

ACCOUNT = "loyalty_account"
PROGRAM = "loyalty_program"
_PAST = {
    EntryKind.EARN: "earned",
    EntryKind.REVERSE: "reversed",
    EntryKind.REDEEM: "redeemed",
    EntryKind.RELEASE: "released",
    EntryKind.EXPIRE: "expired",
}
ENTRY_EVENT_TYPES = frozenset(f"loyalty.points_{past}" for past in _PAST.values())
PROGRAM_EVENT_TYPES = frozenset({"loyalty.program_changed"})


def entry_event(entry: Entry, account: Account, program: Program) -> OutboxEvent:
    return OutboxEvent(
        id=EventId(new_uuid7(int(entry.at.timestamp() * 1000))),
        type=f"loyalty.points_{_PAST[entry.kind]}",
        occurred_at=entry.at,
        subject=subject_of(ACCOUNT, account.id),
        sequence=entry.sequence,
        data={
            "entry": entry_data(entry),
            "account": {
                "id": str(account.id),
                "customerId": str(account.customer_id),
                "programId": str(account.program_id),
                "programName": program.name,
                "balance": entry.balance_after,
                # Whose program: the ledger credits the platform's points' discounts to
                # artists, and takes back the share of the points that come back.
                "platform": program.is_platform,
            },
        },
        audience=(account.customer_id,),
    )


def entry_data(entry: Entry) -> dict[str, JsonValue]:
    return {
        "id": str(entry.id),
        "sequence": entry.sequence,
        "kind": entry.kind.value,
        "points": entry.points,
        "balanceAfter": entry.balance_after,
        "reason": entry.reason,
        "source": entry.source,
        "forgiven": entry.forgiven,
        "at": utc_text(entry.at),
        "expiresAt": None if entry.lot is None else utc_text(entry.lot.expires_at),
    }


def program_data(program: Program) -> dict[str, JsonValue]:
    r = program.rates
    return {
        "id": str(program.id),
        "artistId": None if program.artist_id is None else str(program.artist_id),
        "name": program.name,
        "active": program.active,
        "currency": r.currency,
        "spendPerPoint": r.spend_per_point,
        "reviewPoints": r.review_points,
        "pointValue": r.point_value,
        "maxSharePercent": r.max_share_percent,
        "expiryDays": r.expiry_days,
        "tiers": [
            {"name": t.name, "threshold": t.threshold, "multiplierPercent": t.multiplier_percent}
            for t in r.tiers
        ],
        "version": program.version,
        "updatedAt": utc_text(program.updated_at),
    }


def program_event(program: Program, owner: UserId | None) -> OutboxEvent:
    return OutboxEvent(
        id=EventId(new_uuid7(int(program.updated_at.timestamp() * 1000))),
        type="loyalty.program_changed",
        occurred_at=program.updated_at,
        subject=subject_of(PROGRAM, program.id),
        sequence=program.version,
        data={"program": program_data(program)},
        audience=() if owner is None else (owner,),
    )


def program_audit_entry(
    before: Program | None, after: Program, actor: Actor, now: datetime
) -> AuditEntry:
    """``loyalty.program_changed`` by the actor: the program before and after."""
    return audit_entry(
        "loyalty.program_changed",
        subject_of(PROGRAM, after.id),
        now,
        actor=actor,
        before=None if before is None else program_data(before),
        after=program_data(after),
    )
