"""Forgetting what the bot kept only for a while: updates a day after they came
(``updates.KEEP_FOR``), chat link tokens that ran out."""

from __future__ import annotations

from booking_domain.shared.use_case import UseCase
from booking_domain.telegram.updates import KEEP_FOR
from booking_domain.telegram.use_cases.deps import TelegramDeps


class PurgeTelegramUpdates(UseCase[TelegramDeps]):
    """How many updates and tokens were forgotten."""

    async def __call__(self) -> int:
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            updates = await uow.telegram_updates.purge(now - KEEP_FOR)
            tokens = await uow.chat_link_tokens.purge_expired(now)
            await uow.commit()
        return updates + tokens
