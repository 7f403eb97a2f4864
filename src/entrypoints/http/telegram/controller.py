"""``POST /api/v1/telegram/webhook``: Telegram's updates for the bot.

Telegram sends each update with the secret the webhook was registered with
(``X-Telegram-Bot-Api-Secret-Token``); the body is read only once the secret is right (a
request without it, or with another, is 403 ``telegram_webhook_refused`` and nothing is
read or changed). An update is kept and queued for a job, and answered 204 at once: a
message, a pressed button, the bot blocked or unblocked; any other update, 204 and nothing
kept; a body that is no JSON object, 422 ``invalid_telegram_update``. Without a bot
token, 404 ``telegram_off``.
"""

from __future__ import annotations

from typing import Annotated

from litestar import post
from litestar.di import NamedDependency
from litestar.params import HeaderParameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from booking_domain.accounts import TelegramOffError
from booking_domain.shared import ConcurrentUpdateError
from booking_domain.telegram import InvalidTelegramUpdateError, TelegramWebhookRefusedError
from booking_domain.telegram.use_cases import TelegramUseCases
from entrypoints.http.caller import AnyRequest
from entrypoints.http.controllers import Public
from entrypoints.http.problem_docs import raises_exactly

TelegramDep = NamedDependency[TelegramUseCases]
SecretToken = Annotated[
    str | None,
    HeaderParameter(
        name="X-Telegram-Bot-Api-Secret-Token",
        description="The secret the webhook was registered with (inkslot telegram set-webhook)",
    ),
]


# An update from Telegram: the bot is off here, the secret header wrong, not an update; a
# write that lost a race (concurrent_update, as on every change).
RECEIVE_RAISES = raises_exactly(
    TelegramOffError, TelegramWebhookRefusedError, InvalidTelegramUpdateError, ConcurrentUpdateError
)


class TelegramWebhookController(
    Public,
    context="telegram",
):
    path = "/telegram/webhook"
    tags = ["telegram"]

    @post(
        status_code=HTTP_204_NO_CONTENT,
        summary="Telegram's updates for the bot (Telegram only)",
        opt=RECEIVE_RAISES,
    )
    async def receive(
        self, request: AnyRequest, telegram: TelegramDep, secret: SecretToken = None
    ) -> None:
        """The body is a Telegram ``Update`` (JSON), read as it came, once the secret is
        right."""
        await telegram.receive_update(secret=secret, body=request.body)
