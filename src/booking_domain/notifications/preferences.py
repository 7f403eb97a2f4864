"""A user's per-channel choices, and the rule of who may be spared a message.

Users may turn a channel off for non-essential messages (booking updates, reminders);
payment and account messages always go on every channel the table names. Telegram is on by
default: it carries anything only once the user linked a chat with the bot.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from booking_domain.notifications.rules import Category, Channel
from booking_domain.shared.ids import UserId


@dataclass(frozen=True, slots=True)
class NotificationPreferences:
    user_id: UserId
    email: bool = True
    sms: bool = True
    in_app: bool = True
    updated_at: datetime | None = None  # None: never changed (the defaults)
    telegram: bool = True

    def wants(self, channel: Channel, category: Category) -> bool:
        """Whether a message of ``category`` goes out on ``channel``."""
        if category.essential:
            return True
        return {
            Channel.EMAIL: self.email,
            Channel.SMS: self.sms,
            Channel.IN_APP: self.in_app,
            Channel.TELEGRAM: self.telegram,
        }[channel]

    def changed(
        self,
        now: datetime,
        *,
        email: bool | None,
        sms: bool | None,
        in_app: bool | None,
        telegram: bool | None = None,
    ) -> NotificationPreferences:
        """``None`` leaves a channel's choice as it is."""
        return replace(
            self,
            email=self.email if email is None else email,
            sms=self.sms if sms is None else sms,
            in_app=self.in_app if in_app is None else in_app,
            telegram=self.telegram if telegram is None else telegram,
            updated_at=now,
        )
