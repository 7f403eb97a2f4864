"""Telegram over HTTP: ``/api/v1/auth/telegram`` and ``/api/v1/auth/telegram/webapp``
(behind the sign-in limit per client address), and ``/api/v1/me/telegram``. Without a bot
token (``INKSLOT_TELEGRAM_BOT_TOKEN``) each answers 404 ``telegram_off``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec
from litestar import delete, post
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_204_NO_CONTENT
from msgspec import UNSET, Meta, UnsetType

from booking_domain.accounts import (
    AccountDisabledError,
    AccountLockedError,
    TelegramOffError,
    UserNotFoundError,
)
from booking_domain.accounts.errors import EmailNotVerifiedError
from booking_domain.accounts.telegram import (
    MAX_TELEGRAM_ID,
    InvalidTelegramLoginError,
    TelegramAlreadyLinkedError,
    TelegramLink,
    TelegramLoginReusedError,
    TelegramNotLinkedError,
    TelegramOnlyWayInError,
)
from booking_domain.accounts.use_cases import AccountUseCases
from entrypoints.http.accounts.controller import user_agent
from entrypoints.http.accounts.dto import SessionView
from entrypoints.http.auth import client_address
from entrypoints.http.caller import AnyRequest, Caller
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import Dto, View

AccountsDep = NamedDependency[AccountUseCases]

TelegramText = Annotated[str, Meta(max_length=256)]


class TelegramLoginRequest(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The Telegram Login Widget's data exactly as the widget hands it over (its own
    snake_case names: Telegram signed them; ``hash`` covers every other field sent)."""

    id: Annotated[int, Meta(ge=1, le=MAX_TELEGRAM_ID, description="The Telegram user id")]
    first_name: TelegramText
    auth_date: Annotated[int, Meta(ge=0, le=2**40, description="Unix time of the login")]
    hash: Annotated[str, Meta(min_length=1, max_length=128)]
    last_name: TelegramText | UnsetType = UNSET
    username: TelegramText | UnsetType = UNSET
    photo_url: Annotated[str, Meta(max_length=2048)] | UnsetType = UNSET

    def signed_fields(self) -> dict[str, str]:
        """Every field sent, as the text Telegram signed."""
        sent = {name: getattr(self, name) for name in self.__struct_fields__}
        return {name: str(value) for name, value in sent.items() if value is not UNSET}


class TelegramWebAppRequest(Dto, frozen=True):
    init_data: Annotated[
        str,
        Meta(
            min_length=1,
            max_length=8192,
            description="Telegram.WebApp.initData, the raw query string, unchanged",
        ),
    ]


class TelegramLinkView(View, frozen=True):
    telegram_id: int
    username: str | None
    linked_at: datetime

    @classmethod
    def of(cls, link: TelegramLink) -> TelegramLinkView:
        return cls(telegram_id=link.telegram_id, username=link.username, linked_at=link.linked_at)


# Signing in (SignInWithTelegram, ...WebApp): no bot configured (404), the payload's
# signature or dates refused, the payload spent already, the account locked or suspended,
# two first sign-ins of one Telegram account at once (one makes it).
SIGN_IN_RAISES = raises_exactly(
    TelegramOffError, InvalidTelegramLoginError, TelegramLoginReusedError,
    AccountLockedError, AccountDisabledError, TelegramAlreadyLinkedError,
)  # fmt: skip
# Linking (LinkTelegram): as signing in, less the lock, plus the account gone, its email
# unverified, the Telegram account linked to another. Unlinking: no bot, the account gone,
# nothing linked, or Telegram the only way in.
LINK_RAISES = raises_exactly(
    TelegramOffError, InvalidTelegramLoginError, TelegramLoginReusedError,
    UserNotFoundError, EmailNotVerifiedError, TelegramAlreadyLinkedError,
)  # fmt: skip
UNLINK_RAISES = raises_exactly(
    TelegramOffError, UserNotFoundError, TelegramNotLinkedError, TelegramOnlyWayInError
)


class TelegramSignInController(Public, context="accounts"):
    path = "/auth/telegram"
    tags = ["auth"]

    @post(
        status_code=HTTP_200_OK,
        summary="Sign in, or sign up, with the Telegram Login Widget's data",
        opt=SIGN_IN_RAISES,
    )
    async def login_widget(
        self, request: AnyRequest, data: JSONBody[TelegramLoginRequest], accounts: AccountsDep
    ) -> SessionView:
        return SessionView.of(
            await accounts.sign_in_with_telegram(
                fields=data.signed_fields(),
                address=client_address(request),
                user_agent=user_agent(request),
            )
        )

    @post(
        "/webapp",
        status_code=HTTP_200_OK,
        summary="Sign in, or sign up, from a Telegram Mini App with its initData",
        opt=SIGN_IN_RAISES,
    )
    async def web_app(
        self, request: AnyRequest, data: JSONBody[TelegramWebAppRequest], accounts: AccountsDep
    ) -> SessionView:
        return SessionView.of(
            await accounts.sign_in_with_telegram_web_app(
                init_data=data.init_data,
                address=client_address(request),
                user_agent=user_agent(request),
            )
        )


class MyTelegramController(SignedIn, context="accounts"):
    path = "/me/telegram"
    tags = ["account"]

    @post(
        status_code=HTTP_200_OK,
        summary="Link a Telegram account with its login data",
        opt=LINK_RAISES,
    )
    async def link(
        self, data: JSONBody[TelegramLoginRequest], actor: Caller, accounts: AccountsDep
    ) -> TelegramLinkView:
        return TelegramLinkView.of(await accounts.link_telegram(actor, fields=data.signed_fields()))

    @delete(
        status_code=HTTP_204_NO_CONTENT, summary="Unlink the Telegram account", opt=UNLINK_RAISES
    )
    async def unlink(self, actor: Caller, accounts: AccountsDep) -> None:
        """Refused (409 ``telegram_only_way_in``) while Telegram is the only way in: set a
        password or verify a phone number first."""
        await accounts.unlink_telegram(actor)
