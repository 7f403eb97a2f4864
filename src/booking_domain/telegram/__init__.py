"""Telegram: the bot people talk to about their bookings (docs/telegram.md).

Its webhook receives updates (``updates``: a message, a pressed button, the bot blocked or
unblocked), each kept and handled by a job: ``conversation`` decides what it asks
(``/start <token>`` links the chat, ``/bookings``, ``/next``, ``/help``, ``/stop``, the
buttons), the chat's account acts through the bookings' own changes and access rule, and
the replies (``replies``, worded by the ``BotWording`` port) go out through the Bot API
(``calls``, the ``BotApi`` port). The Telegram channel of notifications (what is said,
to whom, the chats, the buttons) is ``booking_domain.notifications``'; this context sits
above it, beside privacy.
"""

from booking_domain.telegram.calls import AnswerPress, BotCall, Buttons, EditButtons, SendText
from booking_domain.telegram.conversation import Ask, Intent, Link, Press, decide
from booking_domain.telegram.ports import (
    BotApi,
    BotWording,
    HasTelegramUpdates,
    TelegramUnitOfWork,
    TelegramUnitOfWorkFactory,
    TelegramUpdateQueue,
    TelegramUpdateRepository,
)
from booking_domain.telegram.reading import (
    MAX_BODY,
    InvalidTelegramUpdateError,
    read_body,
    read_update,
)
from booking_domain.telegram.replies import Card, Notice, Rebutton, Reply, Say, Text, Upcoming
from booking_domain.telegram.updates import (
    KEEP_FOR,
    MAX_CALLBACK_DATA,
    MAX_CALLBACK_ID,
    MAX_LANGUAGE,
    MAX_TEXT,
    Command,
    ReceivedUpdate,
    Update,
    UpdateKind,
    bounded,
    calls_from_json,
    calls_to_json,
    command_of,
    update_from_json,
    update_to_json,
)
from booking_domain.telegram.webhook import (
    WEBHOOK_PATH,
    TelegramWebhookRefusedError,
    derived_secret,
    webhook_secret,
)

__all__ = [
    "KEEP_FOR",
    "MAX_BODY",
    "MAX_CALLBACK_DATA",
    "MAX_CALLBACK_ID",
    "MAX_LANGUAGE",
    "MAX_TEXT",
    "WEBHOOK_PATH",
    "AnswerPress",
    "Ask",
    "BotApi",
    "BotCall",
    "BotWording",
    "Buttons",
    "Card",
    "Command",
    "EditButtons",
    "HasTelegramUpdates",
    "Intent",
    "InvalidTelegramUpdateError",
    "Link",
    "Notice",
    "Press",
    "Rebutton",
    "ReceivedUpdate",
    "Reply",
    "Say",
    "SendText",
    "TelegramUnitOfWork",
    "TelegramUnitOfWorkFactory",
    "TelegramUpdateQueue",
    "TelegramUpdateRepository",
    "TelegramWebhookRefusedError",
    "Text",
    "Upcoming",
    "Update",
    "UpdateKind",
    "bounded",
    "calls_from_json",
    "calls_to_json",
    "command_of",
    "decide",
    "derived_secret",
    "read_body",
    "read_update",
    "update_from_json",
    "update_to_json",
    "webhook_secret",
]
