"""Accounts' storage: users, sessions and refresh tokens, sign-in attempts, phone codes,
email links, Telegram sign-ins and API keys."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.accounts import (
    InMemoryRefreshTokenRepository,
    InMemorySignInAttemptsRepository,
    InMemoryUserRepository,
)
from adapters.memory.api_keys import InMemoryApiKeyRepository
from adapters.memory.email_links import InMemoryEmailLinkRepository
from adapters.memory.parts import over_table
from adapters.memory.phone_codes import InMemoryPhoneCodeRepository
from adapters.memory.sessions import InMemorySessionRepository
from adapters.memory.telegram import InMemoryTelegramRepository
from adapters.memory.uow import InMemoryUnitOfWork
from booking_domain.accounts.ports import AccountsUnitOfWork


class Part(InMemoryUnitOfWork):
    users = over_table(InMemoryUserRepository, "users")
    refresh_tokens = over_table(InMemoryRefreshTokenRepository, "refresh_tokens")
    sign_in_attempts = over_table(InMemorySignInAttemptsRepository, "sign_in_attempts")
    telegram = cached_property(
        lambda uow: InMemoryTelegramRepository(
            uow.staged("telegram_links"), uow.staged("telegram_spent_logins")
        )
    )
    email_links = over_table(InMemoryEmailLinkRepository, "email_links")
    api_keys = over_table(InMemoryApiKeyRepository, "api_keys")
    phone_codes = cached_property(
        lambda uow: InMemoryPhoneCodeRepository(uow.staged("phone_codes"), uow.staged("sms_budget"))
    )
    sessions = cached_property(
        lambda uow: InMemorySessionRepository(uow.staged("sessions"), uow.refresh_tokens)
    )


SERVES: type[AccountsUnitOfWork] = Part
