"""Wire formats: msgspec structs, camelCase on the wire. Views are built from domain values
here, so controllers stay one line of decoding and one line of encoding."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from booking_domain.accounts import User
from booking_domain.pages import Page
from booking_domain.use_cases.accounts import SessionTokens, SignedIn

Email = Annotated[str, Meta(max_length=320, description="Email address (case-insensitive)")]
Password = Annotated[str, Meta(max_length=1024, description="At least 10 characters")]
Name = Annotated[str, Meta(max_length=200)]
Secret = Annotated[str, Meta(min_length=1, max_length=512)]


class Dto(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    pass


class View(msgspec.Struct, rename="camel"):
    pass


class RegisterRequest(Dto, frozen=True):
    email: Email
    password: Password
    name: Name
    role: Literal["customer", "artist"]


class LoginRequest(Dto, frozen=True):
    email: Email
    password: Password


class RefreshRequest(Dto, frozen=True):
    refresh_token: Secret


class UpdateMeRequest(Dto, frozen=True):
    name: Name | UnsetType = UNSET
    phone: Annotated[str, Meta(max_length=40)] | UnsetType | None = UNSET


class ChangePasswordRequest(Dto, frozen=True):
    current_password: Password
    new_password: Password


class UserView(View, frozen=True):
    id: UUID
    email: str
    name: str
    role: str
    phone: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, user: User) -> UserView:
        return cls(
            id=user.id,
            email=user.email,
            name=user.name,
            role=user.role.value,
            phone=user.phone,
            created_at=user.created_at,
            updated_at=user.updated_at,
        )


class UserPage(View, frozen=True):
    items: list[UserView]
    total: int
    page: int
    page_size: int

    @classmethod
    def of(cls, page: Page[User]) -> UserPage:
        return cls(
            items=[UserView.of(u) for u in page.items],
            total=page.total,
            page=page.request.page,
            page_size=page.request.page_size,
        )


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


class HealthView(View, frozen=True):
    status: str
