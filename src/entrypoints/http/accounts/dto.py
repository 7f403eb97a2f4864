"""Wire formats of accounts and sessions. Views are built from domain values here, so
controllers stay one line of decoding and one line of encoding."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from booking_domain.accounts import User
from booking_domain.accounts.devices import SeenSession
from booking_domain.accounts.ports import IssuedAccessToken
from booking_domain.accounts.use_cases import ProfileUpdate, SessionTokens, SignedIn
from entrypoints.http.wire import Dto, PageView, View

Email = Annotated[str, Meta(max_length=320, description="Email address (case-insensitive)")]
Password = Annotated[str, Meta(max_length=1024, description="At least 10 characters")]
Name = Annotated[str, Meta(max_length=200)]
Secret = Annotated[str, Meta(min_length=1, max_length=512)]


Language = Literal["en", "mn"]


class RegisterRequest(Dto, frozen=True):
    email: Email
    password: Password
    name: Name
    role: Literal["customer", "artist"]
    # The language of messages; left out: the one Accept-Language prefers (else English).
    locale: Language | UnsetType = UNSET


class LoginRequest(Dto, frozen=True):
    email: Email
    password: Password


class RefreshRequest(Dto, frozen=True):
    refresh_token: Secret


class UpdateMeRequest(Dto, frozen=True):
    name: Name | UnsetType = UNSET
    # An unverified phone changes at once; a verified one when the new number's code is
    # entered (POST /me/phone/verify). An email when the link sent to it is opened.
    phone: Annotated[str, Meta(max_length=40)] | UnsetType | None = UNSET
    locale: Language | UnsetType = UNSET
    email: Email | UnsetType = UNSET

    def phone_change(self) -> str | None:
        """Left out keeps the phone (None); an explicit null clears it ("")."""
        return None if isinstance(self.phone, UnsetType) else (self.phone or "")


class ChangePasswordRequest(Dto, frozen=True):
    current_password: Password
    new_password: Password


class UserView(View, frozen=True):
    id: UUID
    email: str | None  # None for an account made by phone code or Telegram
    name: str
    role: str
    phone: str | None  # E.164
    locale: str
    created_at: datetime
    updated_at: datetime
    phone_verified: bool = False
    email_verified: bool = False
    has_password: bool = True
    # Only in the answer to PATCH /me: what waits for the new address's link or the new
    # number's code.
    pending_email: str | None = None
    pending_phone: str | None = None

    @classmethod
    def edited(cls, update: ProfileUpdate) -> UserView:
        shown = cls.of(update.user)
        return msgspec.structs.replace(
            shown, pending_email=update.pending_email, pending_phone=update.pending_phone
        )

    @classmethod
    def of(cls, user: User) -> UserView:
        return cls(
            id=user.id,
            email=user.email,
            name=user.name,
            role=user.role.value,
            phone=user.phone,
            locale=user.locale,
            created_at=user.created_at,
            updated_at=user.updated_at,
            phone_verified=user.phone_verified,
            email_verified=user.email_verified,
            has_password=user.password_hash is not None,
        )


class AdminUserView(UserView, frozen=True):
    """An account as admins see it: with its restrictions."""

    locked_until: datetime | None = None  # an admin's lock, while it lasts
    suspended: bool = False

    @classmethod
    def of(cls, user: User) -> AdminUserView:
        shown = msgspec.structs.asdict(UserView.of(user))
        return cls(**shown, locked_until=user.locked_until, suspended=user.disabled)


class LockRequest(Dto, frozen=True):
    until: datetime  # with a UTC offset; at most 365 days ahead


class UserPage(PageView[AdminUserView], frozen=True):
    items: list[AdminUserView]


class TokensView(View, frozen=True):
    access_token: str
    access_token_expires_at: datetime
    refresh_token: str
    refresh_token_expires_at: datetime
    token_type: str = "Bearer"  # noqa: S105 - a scheme name, not a secret

    @classmethod
    def of(cls, tokens: SessionTokens) -> TokensView:
        return cls(
            access_token=tokens.access.token,
            access_token_expires_at=tokens.access.expires_at,
            refresh_token=tokens.refresh_token,
            refresh_token_expires_at=tokens.refresh_expires_at,
        )


class SessionView(View, frozen=True):
    user: UserView
    tokens: TokensView

    @classmethod
    def of(cls, signed_in: SignedIn) -> SessionView:
        return cls(user=UserView.of(signed_in.user), tokens=TokensView.of(signed_in.tokens))


class TicketView(View, frozen=True):
    ticket: str
    expires_at: datetime

    @classmethod
    def of(cls, issued: IssuedAccessToken) -> TicketView:
        return cls(ticket=issued.token, expires_at=issued.expires_at)


class DeviceSessionView(View, frozen=True):
    """One of your sessions: the device that signed in (a label, and its User-Agent as
    sent, trimmed), the client address at the last use and at sign-in, and whether it is
    the session asking."""

    id: UUID
    device: str  # "Firefox on Linux", "Chrome on Android", "Unknown device"
    user_agent: str  # "" when the client sent none
    address: str | None  # at the last use (sign-in or refresh)
    sign_in_address: str | None
    created_at: datetime
    last_used_at: datetime
    current: bool

    @classmethod
    def of(cls, seen: SeenSession) -> DeviceSessionView:
        session = seen.session
        return cls(
            id=session.id,
            device=session.device,
            user_agent=session.user_agent,
            address=session.last_address,
            sign_in_address=session.address,
            created_at=session.created_at,
            last_used_at=session.last_used_at,
            current=seen.current,
        )


class DeviceSessionList(View, frozen=True):
    items: list[DeviceSessionView]  # the most recently used first

    @classmethod
    def of(cls, seen: tuple[SeenSession, ...]) -> DeviceSessionList:
        return cls(items=[DeviceSessionView.of(s) for s in seen])
