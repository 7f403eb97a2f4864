"""Text messages that carry codes, through the notifications' SMS channel (``CodeTexts``).

The text goes to whatever ``SmsSender`` the channel has. When that is the log (no gateway
configured), a secret text is logged as it is only in local development, where the log is
how a developer reads the code to sign in; anywhere else its digits are masked.
"""

from __future__ import annotations

import logging
import re

from adapters.notifications.sms_log import LogSmsSender
from booking_domain.accounts.ports import CodeTexts
from booking_domain.notifications.messages import SmsMessage
from booking_domain.notifications.senders import SmsSender

_log = logging.getLogger("inkslot.notifications")
_DIGITS = re.compile(r"\d{4,}")


class SmsCodeTexts(CodeTexts):
    def __init__(self, sms: SmsSender, *, show_secrets_in_log: bool = False) -> None:
        self._sms = sms
        self._show = show_secrets_in_log

    async def send(self, key: str, to: str, text: str, *, secret: bool) -> bool:
        if secret and not self._show and isinstance(self._sms, LogSmsSender):
            text = _DIGITS.sub(lambda m: "*" * len(m.group()), text)
        outcome = await self._sms.send(SmsMessage(key=key, to=to, text=text))
        if not outcome.sent:
            _log.warning("a code message was not sent: %s", outcome.error)
        return outcome.sent
