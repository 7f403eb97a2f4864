"""The ledger as a hypothesis state machine: earnings, redemptions, releases, reversals and
expiry in any order while time passes. Whatever happens, the balance is the sum of the
entries and of the lots' remainders, never below zero; every lot's remainder is its points
plus what the entries moved on it; no lot keeps points past its expiry; entries are
numbered without gaps; and a refused action changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from booking_domain.loyalty import (
    Account,
    Earn,
    Entry,
    EntryKind,
    Expire,
    InsufficientPointsError,
    Movement,
    Redeem,
    Release,
    Reverse,
    apply,
)
from booking_domain.testing.loyalty import an_account

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SOURCES = st.sampled_from(["booking/a", "booking/b", "review/c"])


@dataclass
class Held:
    """A redemption as the payments would hold it: its entry's moves, and what came back."""

    entry: Entry
    released: int = 0

    @property
    def points(self) -> int:
        return -self.entry.points


@dataclass
class Ledger:
    account: Account
    entries: list[Entry] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)


class LedgerMachine(RuleBasedStateMachine):
    ledger: Ledger
    now: datetime

    @initialize()
    def opened(self) -> None:
        self.now = T0
        self.ledger = Ledger(an_account(T0))

    def _apply(self, action: Earn | Reverse | Redeem | Release | Expire) -> Movement:
        movement = apply(self.ledger.account, action, self.now)
        self.ledger.account = movement.account
        self.ledger.entries.extend(movement.entries)
        return movement

    def _available(self) -> int:
        """What the account holds once the lots due by now have expired."""
        return sum(lot.remaining for lot in self.ledger.account.lots if lot.expires_at > self.now)

    @rule(days=st.integers(0, 200), hours=st.integers(0, 23))
    def time_passes(self, days: int, hours: int) -> None:
        self.now += timedelta(days=days, hours=hours)

    @rule(
        points=st.integers(1, 1_000),
        basis=st.integers(0, 1_000_000),
        source=SOURCES,
        days=st.integers(1, 400),
    )
    def earn(self, points: int, basis: int, source: str, days: int) -> None:
        before = self.ledger.account.balance
        moved = self._apply(Earn(points, basis, source, "test", self.now + timedelta(days=days)))
        earned = [e for e in moved.entries if e.kind is EntryKind.EARN]
        assert len(earned) == 1 and earned[0].points == points
        assert earned[0].lot is not None and earned[0].id == earned[0].lot.id
        assert moved.account.balance >= points and moved.account.balance <= before + points

    @rule(points=st.integers(1, 3_000))
    def redeem(self, points: int) -> None:
        available, before = self._available(), self.ledger.account
        if points > available:
            try:
                self._apply(Redeem(points, "invoice/x"))
            except InsufficientPointsError:
                assert self.ledger.account == before  # refused: nothing changed
                return
            raise AssertionError("a redemption beyond the balance went through")
        moved = self._apply(Redeem(points, "invoice/x"))
        (redeemed,) = [e for e in moved.entries if e.kind is EntryKind.REDEEM]
        assert redeemed.points == -points and sum(p for _, p in redeemed.moves) == -points
        self.ledger.held.append(Held(redeemed))

    @precondition(lambda self: any(h.released < h.points for h in self.ledger.held))
    @rule(data=st.data())
    def release(self, data: st.DataObject) -> None:
        open_ones = [h for h in self.ledger.held if h.released < h.points]
        held = data.draw(st.sampled_from(open_ones))
        points = data.draw(st.integers(1, held.points - held.released))
        moved = self._apply(Release(held.entry.moves, points, held.released, "invoice/x", "t"))
        (back,) = [e for e in moved.entries if e.kind is EntryKind.RELEASE]
        assert back.points == points  # every point comes back, into the lots it left
        held.released += points

    @rule(source=SOURCES, amount=st.none() | st.integers(0, 1_000_000))
    def reverse(self, source: str, amount: int | None) -> None:
        moved = self._apply(Reverse(source, amount, "refund"))
        again = apply(self.ledger.account, Reverse(source, amount, "refund"), self.now)
        # A repeat claims nothing more (cumulative claims): only due lots may expire.
        assert all(e.kind is EntryKind.EXPIRE for e in again.entries)
        for entry in moved.entries:
            if entry.kind is EntryKind.REVERSE:
                assert entry.points <= 0 and entry.forgiven >= 0

    @rule()
    def expire(self) -> None:
        self._apply(Expire())
        assert all(
            lot.remaining == 0 for lot in self.ledger.account.lots if lot.expires_at <= self.now
        )

    @rule()
    def forfeit(self) -> None:
        """The customer deleted their account: every point left expires at once."""
        self._apply(Expire("account_deleted", everything=True))
        assert self.ledger.account.balance == 0

    @invariant()
    def the_balance_is_the_sum_of_the_entries_and_of_the_lots(self) -> None:
        account = self.ledger.account
        assert account.balance == sum(e.points for e in self.ledger.entries)
        assert account.balance == sum(lot.remaining for lot in account.lots)
        assert account.balance >= 0

    @invariant()
    def each_lot_is_what_the_entries_moved_on_it(self) -> None:
        for lot in self.ledger.account.lots:
            moved = sum(p for e in self.ledger.entries for i, p in e.moves if i == lot.id)
            assert lot.remaining == moved
            assert 0 <= lot.remaining <= lot.points
            assert 0 <= lot.reversed <= lot.points

    @invariant()
    def entries_are_numbered_without_gaps_and_keep_a_running_balance(self) -> None:
        running = 0
        for number, entry in enumerate(self.ledger.entries, start=1):
            running += entry.points
            assert entry.sequence == number and entry.balance_after == running
        assert self.ledger.account.version == len(self.ledger.entries)


TestLedgerMachine = LedgerMachine.TestCase
