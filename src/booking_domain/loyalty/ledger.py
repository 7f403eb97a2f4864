"""The points ledger: one account per customer per program, its entries, and the lots points
are spent from (docs/loyalty.md, "The ledger").

Rules:
- Every change of an account is an entry (``EntryKind``): ``earn`` (+, opens a lot),
  ``reverse`` (-, a refund or a removed review takes earned points back), ``redeem`` (-, an
  invoice's discount holds them), ``release`` (+, points an invoice held come back: it
  lapsed unpaid, or its booking's money was refunded), ``expire`` (-, a lot's time ran out).
  The balance is always the sum of the entries and never below zero.
- Each earning is a lot that expires at a stated moment. Points leave lots first in, first
  out (the lot that expires first goes first); every entry records what it moved on which
  lot (``moves``), so a lot's remainder is its points plus its moves, and the balance the
  sum of the remainders of its lots.
- A reversal claims back a share of what a source earned (``Reverse.amount`` of the basis
  of the source's lots together: the refunded part of the money paid; all of it for a
  removed review), each lot the same share: from that source's
  own lots first, then from the account's other lots, never below zero; what
  cannot be taken because it was already spent is forgiven (recorded on the entry), and the
  claim is counted on the lot so that it is never claimed twice.
- A release puts points back into the lots they came from, in the order they left; points
  put back into a lot whose time has run out expire at once.
- ``bookkeeping.apply`` is the one way an account changes. It first expires the lots that
  are due (their own ``expire`` entry), then does the action; an action that would break a
  rule changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.loyalty.programs import ProgramId
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.time import require_aware

AccountId = NewType("AccountId", UUID)
EntryId = NewType("EntryId", UUID)

MAX_REDEEM = 10**9  # points in one redemption


class EntryKind(StrEnum):
    EARN = "earn"
    REVERSE = "reverse"
    REDEEM = "redeem"
    RELEASE = "release"
    EXPIRE = "expire"


@dataclass(frozen=True, slots=True)
class Lot:
    """What one earning gave (its ``earn`` entry's id): ``remaining`` of ``points`` are left;
    ``reversed`` of them were claimed back (taken, or forgiven when already spent);
    ``basis`` is what they were earned on (a price in minor units, a review's points)."""

    id: EntryId
    points: int
    remaining: int
    reversed: int
    basis: int
    source: str
    earned_at: datetime
    expires_at: datetime

    def expired(self, now: datetime) -> bool:
        return self.expires_at <= now


Move = tuple[EntryId, int]  # a lot and the points an entry moved on it (signed)


@dataclass(frozen=True, slots=True)
class Entry:
    """One change of one account. ``points`` is signed (what it did to the balance);
    ``sequence`` numbers the account's entries from 1; ``key`` makes an entry caused by an
    outbox event happen once (``<event id>:<reason>``); ``source`` names what it is about
    (``booking/<id>``, ``review/<id>``, ``invoice/<id>``); ``lot`` is set on ``earn``."""

    id: EntryId
    account_id: AccountId
    sequence: int
    kind: EntryKind
    points: int
    balance_after: int
    at: datetime
    reason: str
    source: str | None = None
    key: str | None = None
    moves: tuple[Move, ...] = ()
    forgiven: int = 0  # a reversal's claim that was already spent
    lot: Lot | None = None


@dataclass(frozen=True, slots=True)
class Account:
    """A customer's points in one program: the balance and every lot with points left (and
    any other lot an action names, loaded for it)."""

    id: AccountId
    customer_id: UserId
    program_id: ProgramId
    balance: int
    version: int  # the number of entries so far
    lots: tuple[Lot, ...]
    created_at: datetime
    updated_at: datetime


def open_account(customer_id: UserId, program_id: ProgramId, now: datetime) -> Account:
    now = require_aware(now, "now")
    made = AccountId(new_uuid7(int(now.timestamp() * 1000)))
    return Account(made, customer_id, program_id, 0, 0, (), now, now)


# --- actions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Earn:
    points: int
    basis: int
    source: str
    reason: str
    expires_at: datetime
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Reverse:
    """Claim back what ``source`` earned on ``amount`` of each lot's basis (None: all of
    it), cumulatively: a lot's earlier claims count, so a repeat claims nothing more."""

    source: str
    amount: int | None
    reason: str
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Redeem:
    points: int
    source: str  # invoice/<id>
    reason: str = "invoice"
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Release:
    """Put back ``points`` of what the redemption entry ``taken`` moved, skipping the first
    ``already`` points (given back before)."""

    taken: tuple[Move, ...]
    points: int
    already: int
    source: str
    reason: str
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Expire:
    """The lots that are due expire (every action does this first); with ``everything``
    every lot with points left expires now, for ``reason`` (an account deleted: its points
    are forfeited)."""

    reason: str = "expired"
    everything: bool = False


Action = Earn | Reverse | Redeem | Release | Expire


@dataclass(frozen=True, slots=True)
class Movement:
    """What ``apply`` did: the account after it, its new entries in order, and the lots it
    changed (as they are now; a new lot is in its ``earn`` entry)."""

    account: Account
    entries: tuple[Entry, ...]
    changed: tuple[Lot, ...]


def check_points(points: int, field: str = "points") -> int:
    if type(points) is not int or not 1 <= points <= MAX_REDEEM:
        message = f"Use 1 to {MAX_REDEEM} points."
        raise InvalidInputError(errors=(FieldError(field, message, "out_of_range"),))
    return points


def claims(lots: Iterable[Lot], amount: int | None) -> dict[EntryId, int]:
    """What each lot owes back for ``amount`` of the lots' basis together (None, or lots
    without a basis: all they earned), each lot the same share of its points rounded down,
    less what was claimed from it before. A booking earns one lot per payment (the deposit
    at completion, then the balance), so a refund of a share of the money paid takes that
    share of each."""
    lots = tuple(lots)
    basis = sum(max(lot.basis, 0) for lot in lots)
    owed = {lot.id: _owed(lot, amount, basis) - lot.reversed for lot in lots}
    return {lot_id: points for lot_id, points in owed.items() if points > 0}


def account_share(basis: int, total: int, kept: int | None) -> int | None:
    """The ``amount`` one account's lots of a source owe back (for ``claims``), their
    ``basis`` being part of the ``total`` basis of the source's lots in every account, when
    the platform still keeps ``kept`` of that money (None: nothing is kept, all goes back).
    Only what the platform no longer keeps is claimed, each account its share of it."""
    if kept is None or total <= 0:
        return None
    claimed = total - min(max(kept, 0), total)
    return basis * claimed // total


def _owed(lot: Lot, amount: int | None, basis: int) -> int:
    if amount is None or lot.basis <= 0 or basis <= 0:
        return lot.points
    return lot.points * min(max(amount, 0), basis) // basis
