"""Links sent by email: verifying an address, and resetting a forgotten password.

Rules (docs/product.md, "Email links"):
- a link carries a random secret; only a keyed digest of it is stored, so a copy of the
  database opens no account;
- a verification link lives 24 hours, a reset link 30 minutes; either works once;
- a new link of one purpose ends the account's earlier live ones of that purpose;
- a verification link proves the address it was sent to: the account's own (it becomes
  verified) or a new one asked for (it replaces the old address, which is told);
- a reset sets the new password, ends every session of the account, and proves the address;
- an unlock link (30 minutes, once) signs into the account and clears the failed password
  sign-ins of the client address that opens it (an operator's lock still stands);
- asking for a reset or an unlock link answers the same whether or not the address has an
  account.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.shared.errors import NotAuthenticatedError
from booking_domain.shared.ids import UserId, new_uuid7

EmailLinkId = NewType("EmailLinkId", UUID)


class LinkPurpose(StrEnum):
    VERIFY_EMAIL = "verify_email"
    RESET_PASSWORD = "reset_password"  # noqa: S105 - a purpose, not a password
    UNLOCK = "unlock"

    @property
    def lifetime(self) -> timedelta:
        return timedelta(hours=24) if self is LinkPurpose.VERIFY_EMAIL else timedelta(minutes=30)


class InvalidLinkError(NotAuthenticatedError):
    """A link that is malformed, used, replaced or expired: one error for all."""

    code = "invalid_link"
    default_message = "This link is invalid, used or expired; ask for a new one."


@dataclass(frozen=True, slots=True)
class EmailLink:
    """The stored half of a link sent to ``email`` (never its secret)."""

    id: EmailLinkId
    user_id: UserId
    purpose: LinkPurpose
    email: str  # where it was sent: the account's address, or the new one asked for
    token_hash: str
    created_at: datetime
    expires_at: datetime
    spent_at: datetime | None = None

    def is_live(self, now: datetime) -> bool:
        return self.spent_at is None and now < self.expires_at

    def used(self, now: datetime) -> EmailLink:
        return replace(self, spent_at=now)


def new_email_link(
    user_id: UserId, purpose: LinkPurpose, email: str, token_hash: str, now: datetime
) -> EmailLink:
    return EmailLink(
        id=EmailLinkId(new_uuid7()),
        user_id=user_id,
        purpose=purpose,
        email=email,
        token_hash=token_hash,
        created_at=now,
        expires_at=now + purpose.lifetime,
    )


@dataclass(frozen=True, slots=True)
class AccountEmail:
    """An email about the account itself (not a booking's notification)."""

    key: str  # the same on every attempt: the Message-ID's left part
    to: str
    name: str
    subject: str
    text: str
    link: str | None
    locale: str
