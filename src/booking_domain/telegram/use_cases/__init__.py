"""The bot's use cases, and their bundle (``TelegramUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.shared.use_case import UseCaseBundle
from booking_domain.telegram.use_cases.deps import TelegramDeps
from booking_domain.telegram.use_cases.handling import HandleTelegramUpdate
from booking_domain.telegram.use_cases.purging import PurgeTelegramUpdates
from booking_domain.telegram.use_cases.receiving import ReceiveTelegramUpdate


@dataclass(frozen=True, slots=True)
class TelegramUseCases(UseCaseBundle[TelegramDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    receive_update: ReceiveTelegramUpdate
    handle_update: HandleTelegramUpdate
    purge_telegram_updates: PurgeTelegramUpdates


__all__ = [
    "HandleTelegramUpdate",
    "PurgeTelegramUpdates",
    "ReceiveTelegramUpdate",
    "TelegramDeps",
    "TelegramUseCases",
]
