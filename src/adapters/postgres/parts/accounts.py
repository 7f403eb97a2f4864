"""Accounts' storage: users, sessions and refresh tokens, sign-in attempts, phone codes,
email links, Telegram sign-ins and API keys."""

from __future__ import annotations

from adapters.postgres.accounts import (
    PostgresRefreshTokenRepository,
    PostgresSignInAttemptsRepository,
    PostgresUserRepository,
)
from adapters.postgres.api_keys import PostgresApiKeyRepository
from adapters.postgres.email_links import PostgresEmailLinkRepository
from adapters.postgres.parts import on_connection
from adapters.postgres.phone_codes import PostgresPhoneCodeRepository
from adapters.postgres.sessions import PostgresSessionRepository
from adapters.postgres.telegram import PostgresTelegramRepository
from adapters.postgres.uow import PostgresUnitOfWork
from booking_domain.accounts.ports import AccountsUnitOfWork


class Part(PostgresUnitOfWork):
    users = on_connection(PostgresUserRepository)
    refresh_tokens = on_connection(PostgresRefreshTokenRepository)
    sign_in_attempts = on_connection(PostgresSignInAttemptsRepository)
    telegram = on_connection(PostgresTelegramRepository)
    phone_codes = on_connection(PostgresPhoneCodeRepository)
    email_links = on_connection(PostgresEmailLinkRepository)
    api_keys = on_connection(PostgresApiKeyRepository)
    sessions = on_connection(PostgresSessionRepository)


SERVES: type[AccountsUnitOfWork] = Part
