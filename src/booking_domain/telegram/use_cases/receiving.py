"""The webhook's work: check that the update is Telegram's, keep it and queue the job
that handles it, in one transaction, and answer at once (Telegram sends an update again
when its webhook is slow or fails). Nothing else happens in the request."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from booking_domain.accounts import TelegramOffError
from booking_domain.shared.use_case import UseCase
from booking_domain.telegram.conversation import Ask, decide
from booking_domain.telegram.reading import read_body
from booking_domain.telegram.updates import ReceivedUpdate, Update
from booking_domain.telegram.use_cases.deps import TelegramDeps
from booking_domain.telegram.webhook import check_secret

BodyReader = Callable[[], Awaitable[bytes]]


class ReceiveTelegramUpdate(UseCase[TelegramDeps]):
    """``secret``: the request's ``X-Telegram-Bot-Api-Secret-Token``; ``body``: the
    request's body, or how to read it (the webhook's: then nothing of it is read until the
    secret is right), taken apart by ``reading``. True when the update was kept for a job
    (False: ignored, or Telegram's repeat of one kept already)."""

    async def __call__(self, *, secret: str | None, body: bytes | BodyReader) -> bool:
        expected = self._deps.webhook_secret
        if self._deps.bot_api is None or expected is None:
            raise TelegramOffError()
        check_secret(secret, expected)
        update = read_body(body if isinstance(body, bytes) else await body())
        # Ignored without a write: nothing the bot would do whoever sent it (a group's
        # messages, updates of other kinds).
        if update is None or not update.private or _ignored(update):
            return False
        received = ReceivedUpdate(update, self._deps.clock.now())
        async with self._deps.uow() as uow:
            added = await uow.telegram_updates.add(received)
            if added:
                await uow.telegram_update_queue.enqueue(received)
            await uow.commit()
        return added


def _ignored(update: Update) -> bool:
    """Nothing to do whether or not the chat is linked."""
    return (
        decide(update, linked=True) is Ask.NOTHING and decide(update, linked=False) is Ask.NOTHING
    )
