"""A tattoo request as a hypothesis state machine: random parties (and strangers and an
admin) try every step in any order; the request only ever moves as the table in
``booking_domain.commissions.requests`` says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from booking_domain.commissions import (
    MAX_MESSAGE,
    TERMINAL,
    Accept,
    Action,
    Decline,
    Leave,
    PostMessage,
    RequestActionNotAllowedError,
    RequestChange,
    RequestClosedError,
    RequestMessage,
    RequestNotFoundError,
    RequestNotOpenError,
    RequestStatus,
    TattooRequest,
    Turn,
    Withdraw,
    apply,
)
from booking_domain.shared import DomainError, InvalidInputError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId
from booking_domain.testing import admin, artist, customer
from booking_domain.testing.commissions import a_request, actions

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STRANGERS = (Actor(UserId(UUID(int=77)), Role.CUSTOMER), Actor(UserId(UUID(int=78)), Role.ARTIST))
# The artist's user id with a customer's role is not the artist (roles are part of who acts).
IMPOSTOR = Actor(artist().user_id, Role.CUSTOMER)
actors = st.sampled_from([customer(), artist(), admin(), *STRANGERS, IMPOSTOR])
# What each decision needs: the status it moves to and the one party who may take it.
DECISIONS: dict[type, tuple[RequestStatus, Role]] = {
    Accept: (RequestStatus.ACCEPTED, Role.ARTIST),
    Decline: (RequestStatus.DECLINED, Role.ARTIST),
    Withdraw: (RequestStatus.WITHDRAWN, Role.CUSTOMER),
}


def role_of(actor: Actor) -> Role | None:
    return {customer(): Role.CUSTOMER, artist(): Role.ARTIST, admin(): Role.ADMIN}.get(actor)


def text_is_good(action: Action) -> bool:
    if not isinstance(action, Accept | Decline | Withdraw | PostMessage):
        return True  # no words of its own
    text = action.text
    if text is None:
        return True
    return "\x00" not in text and 1 <= len(text.strip()) <= MAX_MESSAGE


class RequestMachine(RuleBasedStateMachine):
    request: TattooRequest
    now: datetime
    thread: list[RequestMessage]
    versions: list[int]
    ended: RequestStatus | None  # the terminal status, once reached

    @initialize()
    def sent(self) -> None:
        self.now = T0
        self.request = a_request(T0)
        self.thread = []
        self.versions = [1]
        self.ended = None

    @rule(minutes=st.sampled_from([0, 1, 90]))
    def time_passes(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @rule(actor=actors, action=actions)
    def act(self, actor: Actor, action: Action) -> None:
        before = self.request
        try:
            event = apply(before, action, actor, self.now)
        except DomainError as refused:
            self._check_refusal(before, actor, action, refused)
            return
        after = event.request
        role = role_of(actor)
        assert role in (Role.CUSTOMER, Role.ARTIST), "only a party acts"
        assert text_is_good(action)
        assert after.version == before.version + 1 and after.updated_at >= before.updated_at
        assert (after.id, after.details, after.images) == (before.id, before.details, before.images)
        assert not before.is_terminal, "a terminal request never moves"
        if isinstance(action, PostMessage):
            assert event.change is RequestChange.MESSAGE_POSTED and after.status is before.status
            assert after.turn is (Turn.ARTIST if role is Role.CUSTOMER else Turn.CUSTOMER)
        elif isinstance(action, Leave):  # a party's account is deleted: closed, in silence
            left = RequestStatus.WITHDRAWN if role is Role.CUSTOMER else RequestStatus.DECLINED
            assert after.status is left and event.message is None and after.turn is before.turn
        else:
            status, party = DECISIONS[type(action)]
            assert before.status is RequestStatus.OPEN and role is party
            assert after.status is status
        if event.message is not None:
            assert event.message.author_id == actor.user_id and event.message.author_role is role
            self.thread.append(event.message)
        self.request = after
        self.versions.append(after.version)

    def _check_refusal(
        self, before: TattooRequest, actor: Actor, action: Action, refused: DomainError
    ) -> None:
        role = role_of(actor)
        if role is None:
            assert isinstance(refused, RequestNotFoundError), "strangers learn nothing"
        elif role is Role.ADMIN:
            assert isinstance(refused, RequestActionNotAllowedError), "admins only read"
        elif isinstance(refused, RequestClosedError):
            assert isinstance(action, PostMessage) and before.is_terminal
        elif isinstance(refused, RequestNotOpenError):
            assert (
                before.is_terminal
                if isinstance(action, Leave)
                else before.status is not RequestStatus.OPEN
            )
        elif isinstance(refused, RequestActionNotAllowedError):
            assert not isinstance(action, PostMessage | Leave)
            assert DECISIONS[type(action)][1] is not role
        else:
            assert isinstance(refused, InvalidInputError) and not text_is_good(action)

    @invariant()
    def terminal_states_stay_terminal(self) -> None:
        if self.ended is not None:
            assert self.request.status is self.ended
        elif self.request.status in TERMINAL:
            self.ended = self.request.status

    @invariant()
    def versions_count_every_change_and_the_thread_is_counted(self) -> None:
        assert self.versions == list(range(1, len(self.versions) + 1))
        assert self.request.message_count == len(self.thread)
        assert self.request.version == len(self.versions)

    @invariant()
    def the_turn_passes_only_when_the_other_party_speaks(self) -> None:
        last = next((m for m in reversed(self.thread) if m.author_role is Role.CUSTOMER), None)
        if last is not None and self.request.turn is Turn.ARTIST:
            assert self.request.turn_since <= last.created_at


TestRequestMachine = RequestMachine.TestCase
