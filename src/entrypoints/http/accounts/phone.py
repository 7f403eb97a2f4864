"""Phone codes over HTTP: ``/api/v1/auth/phone/send-code``, ``/api/v1/auth/phone/verify``
(behind the sign-in limit per client address) and ``/api/v1/me/phone/verify``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from litestar import post
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED
from msgspec import UNSET, Meta, UnsetType

from booking_domain.accounts import (
    AccountDisabledError,
    AccountLockedError,
    InvalidCodeError,
    PhoneAlreadyVerifiedError,
    UserNotFoundError,
)
from booking_domain.accounts.errors import EmailNotVerifiedError
from booking_domain.accounts.phone_codes import (
    CodeCooldownError,
    CodePurpose,
    SmsBudgetExhaustedError,
    TooManyCodesError,
)
from booking_domain.accounts.use_cases import AccountUseCases, CodeSent
from booking_domain.accounts.use_cases.phone_codes import CodeNotSentError
from booking_domain.shared import InvalidInputError, NotAuthenticatedError, Role
from entrypoints.http.accounts.controller import user_agent
from entrypoints.http.accounts.dto import Language, Name, SessionView, UserView
from entrypoints.http.auth import client_address
from entrypoints.http.caller import AnyRequest, Caller, MaybeCaller
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.locale import negotiate_locale
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import Dto, View, given

AccountsDep = NamedDependency[AccountUseCases]

Phone = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=40,
        description="A mobile number; national ones are read in the platform's region",
    ),
]
Code = Annotated[str, Meta(min_length=1, max_length=12, description="The 6 digits received")]


class SendCodeRequest(Dto, frozen=True):
    phone: Phone
    # phone_change needs a signed-in caller: the code proves the account's new number.
    purpose: Literal["sign_in", "unlock", "phone_change"] = "sign_in"
    # The language of the text message; left out: the one Accept-Language prefers.
    locale: Language | UnsetType = UNSET


class CodeSentView(View, frozen=True):
    expires_at: datetime
    resend_after: datetime

    @classmethod
    def of(cls, sent: CodeSent) -> CodeSentView:
        return cls(expires_at=sent.expires_at, resend_after=sent.resend_after)


class VerifyCodeRequest(Dto, frozen=True):
    phone: Phone
    code: Code
    # Only when the number has no account yet (sign-up): its name, role and language.
    name: Name | UnsetType = UNSET
    role: Literal["customer", "artist"] = "customer"
    locale: Language | UnsetType = UNSET


class ChangePhoneRequest(Dto, frozen=True):
    phone: Phone
    code: Code


def _locale(request: AnyRequest, chosen: str | UnsetType) -> str:
    return given(chosen) or negotiate_locale(request.headers.get("accept-language"))


# Sending a code (SendPhoneCode): the number not a mobile one of a served region, a
# phone-change code asked unsigned, the limits (cooldown, hourly, the daily budget), the
# text not sent.
SEND_CODE_RAISES = raises_exactly(
    InvalidInputError, NotAuthenticatedError,
    CodeCooldownError, TooManyCodesError, SmsBudgetExhaustedError, CodeNotSentError,
)  # fmt: skip
# Signing in with one (SignInWithPhoneCode): the number or a new account's fields refused,
# a wrong or spent code, the account locked or suspended, two first sign-ups of one number
# at once (the storage's constraint).
SIGN_IN_RAISES = raises_exactly(
    InvalidInputError, InvalidCodeError, AccountLockedError, AccountDisabledError,
    PhoneAlreadyVerifiedError,
)  # fmt: skip
# Making a new number one's own (ChangePhone): the number refused, a wrong code or another
# caller's, the account gone, its email unverified, the number another account's.
CHANGE_PHONE_RAISES = raises_exactly(
    InvalidInputError, InvalidCodeError, UserNotFoundError, EmailNotVerifiedError,
    PhoneAlreadyVerifiedError,
)  # fmt: skip


class PhoneCodeController(Public, context="accounts"):
    path = "/auth/phone"
    tags = ["auth"]

    @post(
        "/send-code",
        status_code=HTTP_202_ACCEPTED,
        summary="Send a one-time code to a mobile number by text message",
        opt=SEND_CODE_RAISES,
    )
    async def send_code(
        self,
        request: AnyRequest,
        data: JSONBody[SendCodeRequest],
        maybe_actor: MaybeCaller,
        accounts: AccountsDep,
    ) -> CodeSentView:
        return CodeSentView.of(
            await accounts.send_phone_code(
                phone=data.phone,
                purpose=CodePurpose(data.purpose),
                address=client_address(request),
                actor=maybe_actor,
                locale=_locale(request, data.locale),
            )
        )

    @post(
        "/verify",
        status_code=HTTP_200_OK,
        summary="Sign in or sign up with a phone code",
        opt=SIGN_IN_RAISES,
    )
    async def verify(
        self, request: AnyRequest, data: JSONBody[VerifyCodeRequest], accounts: AccountsDep
    ) -> SessionView:
        return SessionView.of(
            await accounts.sign_in_with_phone_code(
                phone=data.phone,
                code=data.code,
                address=client_address(request),
                name=given(data.name),
                role=Role(data.role),
                locale=_locale(request, data.locale),
                user_agent=user_agent(request),
            )
        )


class MyPhoneController(SignedIn, context="accounts"):
    path = "/me/phone"
    tags = ["account"]

    @post(
        "/verify",
        status_code=HTTP_200_OK,
        summary="Make a new number yours with its code",
        opt=CHANGE_PHONE_RAISES,
    )
    async def verify(
        self, data: JSONBody[ChangePhoneRequest], actor: Caller, accounts: AccountsDep
    ) -> UserView:
        return UserView.of(await accounts.change_phone(actor, phone=data.phone, code=data.code))
