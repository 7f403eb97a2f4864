"""A chat's life with the Telegram bot as a hypothesis state machine: linked, switched off
by a block or a 403, on again by anything the person does, gone after /stop."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from booking_domain.notifications import TelegramChat
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.telegram import Ask, Link, Press, Update, UpdateKind, decide
from booking_domain.telegram.conversation import chat_after
from booking_domain.testing.builders import CUSTOMER_USER
from tests.support.builders import START

NOW = START
BOOKING = BookingId(UUID("0190f1a2-b3c4-7d5e-8f60-123456789abc"))
CHAT = 5550001


def update(kind: UpdateKind, **fields: object) -> Update:
    return Update(1, kind, CHAT, True, **fields)  # type: ignore[arg-type]


class ChatMachine(RuleBasedStateMachine):
    """A chat's life as the bot's updates and Telegram's 403s change it: linked by a token,
    switched off by a block (or a 403), on again by anything the person does, gone after
    /stop; nothing is reachable that the person blocked since they last wrote."""

    chat: TelegramChat | None
    now: datetime
    blocked_since_writing: bool

    @initialize()
    def start(self) -> None:
        self.chat, self.now, self.blocked_since_writing = None, NOW, False

    def _update(self, intent: Ask | Link | Press) -> None:
        self.now += timedelta(minutes=1)
        self.chat = chat_after(self.chat, intent, self.now)

    @rule()
    def link(self) -> None:
        self.now += timedelta(minutes=1)
        self.chat = TelegramChat(UserId(CUSTOMER_USER), CHAT, None, self.now)
        self.blocked_since_writing = False

    @rule(text=st.sampled_from(["/start", "/help", "/bookings", "/next", "hello"]))
    def write(self, text: str) -> None:
        self._update(decide(update(UpdateKind.MESSAGE, text=text), linked=self.chat is not None))
        self.blocked_since_writing = False

    @rule()
    def press(self) -> None:
        data = f"keep:{BOOKING.hex}"
        self._update(decide(update(UpdateKind.PRESS, data=data), linked=self.chat is not None))
        self.blocked_since_writing = False

    @rule(status=st.sampled_from(["kicked", "member", "left", "restricted"]))
    def membership(self, status: str) -> None:
        self._update(decide(update(UpdateKind.MEMBER, member_status=status), linked=True))
        if status == "kicked" and self.chat is not None:
            self.blocked_since_writing = True
        elif status == "member":
            self.blocked_since_writing = False

    @rule()
    def refused_by_telegram(self) -> None:
        if self.chat is not None:
            self.chat = self.chat.blocked(self.now)
            self.blocked_since_writing = True

    @rule()
    def stop(self) -> None:
        was_linked = self.chat is not None
        self._update(decide(update(UpdateKind.MESSAGE, text="/stop"), linked=was_linked))
        if was_linked:
            assert self.chat is None

    @invariant()
    def reachable_unless_blocked_since_the_person_last_wrote(self) -> None:
        if self.chat is not None:
            assert self.chat.reachable is not self.blocked_since_writing
            assert self.chat.blocked_at is None or self.chat.blocked_at <= self.now


TestChatMachine = ChatMachine.TestCase
