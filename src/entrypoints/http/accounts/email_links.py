"""Email links over HTTP: ``/api/v1/auth/email/verify``, ``/api/v1/auth/password/forgot``
and ``/api/v1/auth/password/reset`` (behind the sign-in limit per client address), and
``/api/v1/me/email`` (ask to change the address), ``/api/v1/me/email/verification`` (a new
verification link)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from litestar import post
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT
from msgspec import Meta

from booking_domain.accounts import (
    AccountLockedError,
    EmailAlreadyRegisteredError,
    UserNotFoundError,
)
from booking_domain.accounts.email_links import InvalidLinkError
from booking_domain.accounts.use_cases import AccountUseCases, LinkSent
from booking_domain.shared import InvalidInputError, InvalidTransitionError
from entrypoints.http.accounts.controller import user_agent
from entrypoints.http.accounts.dto import Email, Password, SessionView, UserView
from entrypoints.http.auth import client_address
from entrypoints.http.caller import AnyRequest, Caller
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import Dto, View

AccountsDep = NamedDependency[AccountUseCases]
LinkToken = Annotated[str, Meta(min_length=1, max_length=200, description="From the link")]


class TokenRequest(Dto, frozen=True):
    token: LinkToken


class ForgotPasswordRequest(Dto, frozen=True):
    email: Email


class ResetPasswordRequest(Dto, frozen=True):
    token: LinkToken
    password: Password


class ChangeEmailRequest(Dto, frozen=True):
    email: Email


class LinkSentView(View, frozen=True):
    email: str
    expires_at: datetime

    @classmethod
    def of(cls, sent: LinkSent) -> LinkSentView:
        return cls(email=sent.email, expires_at=sent.expires_at)


class AcceptedView(View, frozen=True):
    """The same answer whether or not there was anything to send."""

    status: str = "accepted"


# Opening a link (``_use``): no live link of its kind behind the token, or its account
# suspended, gone or moved to another address (401 ``invalid_link``). Verifying an address
# then finds it another account's; a reset refuses a weak password; an unlock link still
# meets an operator's lock. Asking for a reset or an unlock link answers alike for every
# address: nothing is raised.
VERIFY_RAISES = raises_exactly(InvalidLinkError, EmailAlreadyRegisteredError)
ASK_RAISES = raises_exactly()
RESET_RAISES = raises_exactly(InvalidLinkError, InvalidInputError)
UNLOCK_RAISES = raises_exactly(InvalidLinkError, AccountLockedError)
# Changing one's address (ChangeEmail): the account gone, the address malformed or its
# own, or another account's. Asking for a new verification link: the account gone, no
# address or one verified already.
CHANGE_EMAIL_RAISES = raises_exactly(
    UserNotFoundError, InvalidInputError, EmailAlreadyRegisteredError
)
RESEND_RAISES = raises_exactly(UserNotFoundError, InvalidTransitionError)


class EmailLinkController(Public, context="accounts"):
    path = "/auth"
    tags = ["auth"]

    @post(
        "/email/verify",
        status_code=HTTP_200_OK,
        summary="Verify an address with its link",
        opt=VERIFY_RAISES,
    )
    async def verify_email(self, data: JSONBody[TokenRequest], accounts: AccountsDep) -> UserView:
        return UserView.of(await accounts.verify_email(token=data.token))

    @post(
        "/password/forgot",
        status_code=HTTP_202_ACCEPTED,
        summary="Email a password reset link (the same answer for unknown addresses)",
        opt=ASK_RAISES,
    )
    async def forgot_password(
        self, data: JSONBody[ForgotPasswordRequest], accounts: AccountsDep
    ) -> AcceptedView:
        await accounts.forgot_password(email=data.email)
        return AcceptedView()

    @post(
        "/password/reset",
        status_code=HTTP_204_NO_CONTENT,
        summary="Set a new password with a reset link; every session ends",
        opt=RESET_RAISES,
    )
    async def reset_password(
        self, data: JSONBody[ResetPasswordRequest], accounts: AccountsDep
    ) -> None:
        await accounts.reset_password(token=data.token, password=data.password)

    @post(
        "/unlock",
        status_code=HTTP_202_ACCEPTED,
        summary="Email a link that signs in past failed attempts (the same answer for all)",
        opt=ASK_RAISES,
    )
    async def request_unlock(
        self, data: JSONBody[ForgotPasswordRequest], accounts: AccountsDep
    ) -> AcceptedView:
        await accounts.request_unlock_link(email=data.email)
        return AcceptedView()

    @post(
        "/unlock/verify",
        status_code=HTTP_200_OK,
        summary="Sign in with an unlock link",
        opt=UNLOCK_RAISES,
    )
    async def unlock(
        self, request: AnyRequest, data: JSONBody[TokenRequest], accounts: AccountsDep
    ) -> SessionView:
        return SessionView.of(
            await accounts.unlock_with_link(
                token=data.token, address=client_address(request), user_agent=user_agent(request)
            )
        )


class MyEmailController(SignedIn, context="accounts"):
    path = "/me/email"
    tags = ["account"]

    @post(
        status_code=HTTP_202_ACCEPTED,
        summary="Ask to change the address: it changes when the link sent there is opened",
        opt=CHANGE_EMAIL_RAISES,
    )
    async def change(
        self, data: JSONBody[ChangeEmailRequest], actor: Caller, accounts: AccountsDep
    ) -> LinkSentView:
        return LinkSentView.of(await accounts.change_email(actor, email=data.email))

    @post(
        "/verification",
        status_code=HTTP_202_ACCEPTED,
        summary="Send a new link to verify the account's address",
        opt=RESEND_RAISES,
    )
    async def resend(self, actor: Caller, accounts: AccountsDep) -> LinkSentView:
        return LinkSentView.of(await accounts.request_email_verification(actor))
