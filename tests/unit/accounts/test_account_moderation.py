"""An admin's moderation of accounts (``users.moderated``), as a state machine over random
sequences of locks, unlocks, suspensions, reinstatements and passing time, by admins and by
others: every change follows the rules, and a refused one changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from booking_domain.accounts import MAX_LOCK, Moderation, User, moderated
from booking_domain.shared import Actor, DomainError, Role, UserId

T0 = datetime(2026, 3, 2, 10, tzinfo=UTC)
ADMIN = Actor(UserId(UUID(int=1)), Role.ADMIN)
TARGET_ID = UserId(UUID(int=2))
actors = st.sampled_from(
    [ADMIN, Actor(TARGET_ID, Role.ADMIN), Actor(UserId(UUID(int=3)), Role.CUSTOMER)]
)
SECOND = timedelta(seconds=1)
spans = st.sampled_from(
    [None, timedelta(0), SECOND, timedelta(hours=5), MAX_LOCK, MAX_LOCK + SECOND]
)


class ModerationMachine(RuleBasedStateMachine):
    user: User
    now: datetime

    @initialize(role=st.sampled_from(list(Role)))
    def account(self, role: Role) -> None:
        self.now = T0
        self.user = User(TARGET_ID, "ada@example.com", "Ada", role, "hash", T0, T0)

    @rule(hours=st.sampled_from([1, 5, 24, 24 * 400]))
    def time_passes(self, hours: int) -> None:
        self.now += timedelta(hours=hours)

    @rule(actor=actors, action=st.sampled_from(list(Moderation)), span=spans)
    def moderate(self, actor: Actor, action: Moderation, span: timedelta | None) -> None:
        before = self.user
        until = None if span is None else self.now + span
        locked = before.locked_until is not None and before.locked_until > self.now
        try:
            after = moderated(before, actor, self.now, action, until)
        except DomainError:
            allowed = actor == ADMIN and (
                (action is Moderation.LOCK and span is not None
                 and timedelta(0) < span <= MAX_LOCK)
                or (action is Moderation.UNLOCK and span is None and locked)
                or (action is Moderation.SUSPEND and span is None and not before.disabled)
                or (action is Moderation.REINSTATE and span is None and before.disabled)
            )  # fmt: skip
            assert not allowed, f"{action} by {actor} was refused"
            return
        assert actor == ADMIN  # never someone else, never the account's own admin
        self.user = after
        if action is Moderation.LOCK:
            assert after.locked_until == until and after.disabled == before.disabled
        elif action is Moderation.UNLOCK:
            assert after.locked_until is None and locked
        else:
            assert after.disabled is (action is Moderation.SUSPEND) is not before.disabled
            assert after.locked_until == before.locked_until

    @invariant()
    def only_restrictions_change(self) -> None:
        assert (self.user.id, self.user.email, self.user.name) == (
            TARGET_ID,
            "ada@example.com",
            "Ada",
        )
        if self.user.locked_until is not None:
            assert self.user.locked_until > T0


test_account_moderation = ModerationMachine.TestCase
