"""Bookkeeping: ``apply``, the one way an account changes (the rules are ``ledger.py``'s):
the due lots expire first, then the action is done on the account's lots, first in first
out, and every entry it makes records what it moved on which lot."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime

from booking_domain.loyalty.errors import InsufficientPointsError
from booking_domain.loyalty.ledger import (
    Account,
    Action,
    Earn,
    Entry,
    EntryId,
    EntryKind,
    Lot,
    Move,
    Movement,
    Redeem,
    Release,
    Reverse,
    check_points,
    claims,
)
from booking_domain.shared.ids import new_uuid7
from booking_domain.shared.time import require_aware


class _Book:
    """The account being changed: its lots by id and the entries made so far."""

    def __init__(self, account: Account, now: datetime) -> None:
        self.account = account
        self.now = now
        self.lots = {lot.id: lot for lot in account.lots}
        self.changed: set[EntryId] = set()
        self.entries: list[Entry] = []

    def open_lots(self) -> list[Lot]:
        """Lots with points left, the one that expires first first."""
        alive = [lot for lot in self.lots.values() if lot.remaining > 0]
        return sorted(alive, key=lambda lot: (lot.expires_at, lot.earned_at, lot.id))

    @property
    def balance(self) -> int:
        return self.account.balance + sum(e.points for e in self.entries)

    def move(self, lot_id: EntryId, points: int, *, claimed: int = 0) -> Move:
        """``points`` onto (or, negative, off) the lot; ``claimed`` more of it reversed."""
        lot = self.lots[lot_id]
        self.lots[lot_id] = dataclasses.replace(
            lot, remaining=lot.remaining + points, reversed=lot.reversed + claimed
        )
        self.changed.add(lot_id)
        return (lot_id, points)

    def write(
        self,
        kind: EntryKind,
        points: int,
        reason: str,
        moves: tuple[Move, ...],
        *,
        source: str | None = None,
        key: str | None = None,
        forgiven: int = 0,
        lot: Lot | None = None,
    ) -> Entry:
        entry = Entry(
            id=lot.id if lot is not None else EntryId(new_uuid7(int(self.now.timestamp() * 1000))),
            account_id=self.account.id,
            sequence=self.account.version + len(self.entries) + 1,
            kind=kind,
            points=points,
            balance_after=self.balance + points,
            at=self.now,
            reason=reason,
            source=source,
            key=key,
            moves=moves,
            forgiven=forgiven,
            lot=lot,
        )
        self.entries.append(entry)
        return entry

    def take(self, points: int, first: Iterable[Lot] = ()) -> list[Move]:
        """Take ``points`` from ``first`` then the open lots, first in first out."""
        moves: list[Move] = []
        preferred = [lot.id for lot in first]
        order = preferred + [lot.id for lot in self.open_lots() if lot.id not in preferred]
        for lot_id in order:
            if points == 0:
                break
            here = min(points, self.lots[lot_id].remaining)
            if here > 0:
                moves.append(self.move(lot_id, -here))
                points -= here
        return moves

    def result(self) -> Movement:
        lots = tuple(self.lots.values())
        after = dataclasses.replace(
            self.account,
            balance=self.balance,
            version=self.account.version + len(self.entries),
            lots=lots,
            updated_at=max(self.now, self.account.updated_at),
        )
        fresh = {e.lot.id for e in self.entries if e.lot is not None}
        changed = tuple(self.lots[i] for i in sorted(self.changed - fresh, key=str))
        return Movement(after, tuple(self.entries), changed)


def apply(account: Account, action: Action, now: datetime) -> Movement:
    """The one way an account changes (the rules above)."""
    book = _Book(account, require_aware(now, "now"))
    _expire_due(book, "expired")
    if isinstance(action, Earn):
        _earn(book, action)
    elif isinstance(action, Reverse):
        _reverse(book, action)
    elif isinstance(action, Redeem):
        _redeem(book, action)
    elif isinstance(action, Release):
        _release(book, action)
        _expire_due(book, "expired")
    elif action.everything:
        _expire_due(book, action.reason, everything=True)
    return book.result()


def _expire_due(book: _Book, reason: str, *, everything: bool = False) -> None:
    due = [lot for lot in book.open_lots() if everything or lot.expired(book.now)]
    if due:
        moves = tuple(book.move(lot.id, -lot.remaining) for lot in due)
        book.write(EntryKind.EXPIRE, sum(p for _, p in moves), reason, moves)


def _earn(book: _Book, action: Earn) -> None:
    if action.points < 1 or action.basis < 0 or action.expires_at <= book.now:
        raise ValueError("an earning gives at least one point, until a moment to come")
    lot_id = EntryId(new_uuid7(int(book.now.timestamp() * 1000)))
    lot = Lot(
        lot_id,
        action.points,
        action.points,
        0,
        action.basis,
        action.source,
        book.now,
        require_aware(action.expires_at, "expires_at"),
    )
    book.lots[lot_id] = lot  # the lot is its earn entry: one id for both
    book.write(
        EntryKind.EARN,
        action.points,
        action.reason,
        ((lot_id, action.points),),
        source=action.source,
        key=action.key,
        lot=lot,
    )


def _reverse(book: _Book, action: Reverse) -> None:
    mine = [lot for lot in book.lots.values() if lot.source == action.source]
    owed = claims(mine, action.amount)
    claim = sum(owed.values())
    if claim == 0:
        return
    for lot_id, points in owed.items():
        book.move(lot_id, 0, claimed=points)
    own = sorted((book.lots[i] for i in owed), key=lambda lot: (lot.expires_at, lot.id))
    moves = tuple(book.take(min(claim, book.balance), first=own))
    taken = -sum(p for _, p in moves)
    book.write(
        EntryKind.REVERSE,
        -taken,
        action.reason,
        moves,
        source=action.source,
        key=action.key,
        forgiven=claim - taken,
    )


def _redeem(book: _Book, action: Redeem) -> None:
    check_points(action.points)
    if action.points > book.balance:
        raise InsufficientPointsError(
            f"You have {book.balance} points in this program; {action.points} were asked."
        )
    moves = tuple(book.take(action.points))
    book.write(
        EntryKind.REDEEM,
        -action.points,
        action.reason,
        moves,
        source=action.source,
        key=action.key,
    )


def _release(book: _Book, action: Release) -> None:
    if action.points <= 0:
        return
    skip, left, moves = action.already, action.points, []
    for lot_id, moved in action.taken:
        gave = -moved
        back = min(max(gave - skip, 0), left)
        skip = max(skip - gave, 0)
        if back > 0:
            if lot_id not in book.lots:
                raise ValueError("a release needs the lots its points came from")
            moves.append(book.move(lot_id, back))
            left -= back
    if moves:
        book.write(
            EntryKind.RELEASE,
            sum(p for _, p in moves),
            action.reason,
            tuple(moves),
            source=action.source,
            key=action.key,
        )
