"""What the bot needs from the outside world: the updates it received, a queue whose jobs
handle them, Telegram's Bot API, and the words of its replies.

Every storage adapter passes the contract suite in ``tests/contract/telegram``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from booking_domain.notifications import NotificationsUnitOfWork, SendOutcome
from booking_domain.shared.ports import UnitOfWorkFactory
from booking_domain.telegram.calls import BotCall
from booking_domain.telegram.replies import Reply
from booking_domain.telegram.updates import ReceivedUpdate
from booking_domain.waitlist import WaitlistUnitOfWork


class TelegramUpdateRepository(Protocol):
    async def add(self, update: ReceivedUpdate) -> bool:
        """Store it unless an update with its id is stored (Telegram sent it again); True
        when it was new."""
        ...

    async def lock(self, update_id: int) -> ReceivedUpdate | None:
        """The update, held until the unit of work ends (one job handles it at a time)."""
        ...

    async def save(self, update: ReceivedUpdate) -> None:
        """Store what was decided and sent of it."""
        ...

    async def purge(self, received_before: datetime) -> int:
        """Forget the updates received before that moment; how many."""
        ...


class TelegramUpdateQueue(Protocol):
    async def enqueue(self, update: ReceivedUpdate) -> None:
        """Queue the job that handles it, in this unit of work (gone with a rollback); the
        updates of one chat are handled one at a time, in the order they came."""
        ...


class HasTelegramUpdates(Protocol):
    @property
    def telegram_updates(self) -> TelegramUpdateRepository: ...

    @property
    def telegram_update_queue(self) -> TelegramUpdateQueue: ...


class TelegramUnitOfWork(WaitlistUnitOfWork, NotificationsUnitOfWork, HasTelegramUpdates, Protocol):
    """What the bot's use cases open: bookings and waitlist offers (it acts on them as the
    API does), the notifications' chats and what messages are about, and its updates."""


TelegramUnitOfWorkFactory = UnitOfWorkFactory[TelegramUnitOfWork]


class BotApi(Protocol):
    async def call(self, call: BotCall) -> SendOutcome:
        """Make one call; never raises for Telegram's answers: ``retry_after`` for its 429,
        ``unreachable`` for its 403 (the person blocked the bot), ``permanent`` for a
        refusal a retry cannot change (a press answered too late, a message gone)."""
        ...


class BotWording(Protocol):
    def word(
        self,
        replies: Sequence[Reply],
        *,
        chat_id: int,
        callback_id: str | None,
        locale: str,
    ) -> tuple[BotCall, ...]:
        """The replies as calls, in ``locale`` (English when it is not offered): messages
        and new buttons to ``chat_id``, notices to the pressed button ``callback_id``."""
        ...
