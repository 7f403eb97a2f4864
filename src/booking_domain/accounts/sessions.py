"""Sessions: refresh tokens, their rotation and theft detection.

Rules (docs/product.md, "2. Accounts and sessions"):
- a refresh token is opaque and random; only its hash is stored;
- every successful use *spends* it and issues a successor in the same family;
- presenting a spent token again means it was copied: the whole family is revoked;
- logout revokes the family; a password change revokes every other family of the user;
- a token is usable only before ``expires_at`` and while neither it nor its family is revoked.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import NewType
from uuid import UUID

from booking_domain.shared.ids import UserId, new_uuid7

SessionFamilyId = NewType("SessionFamilyId", UUID)
RefreshTokenId = NewType("RefreshTokenId", UUID)


@dataclass(frozen=True, slots=True)
class RefreshToken:
    """The stored half of a refresh token (never the token itself)."""

    id: RefreshTokenId
    family_id: SessionFamilyId
    user_id: UserId
    token_hash: str
    issued_at: datetime
    expires_at: datetime
    spent_at: datetime | None = None
    replaced_by: RefreshTokenId | None = None
    revoked_at: datetime | None = None

    @property
    def is_spent(self) -> bool:
        return self.spent_at is not None

    def is_usable(self, now: datetime) -> bool:
        return self.revoked_at is None and self.spent_at is None and now < self.expires_at

    def spent(self, now: datetime, successor: RefreshTokenId) -> RefreshToken:
        return replace(self, spent_at=now, replaced_by=successor)

    def revoked(self, now: datetime) -> RefreshToken:
        return self if self.revoked_at is not None else replace(self, revoked_at=now)


def issue_refresh_token(
    user_id: UserId,
    token_hash: str,
    now: datetime,
    ttl: timedelta,
    family_id: SessionFamilyId | None = None,
) -> RefreshToken:
    """A new token; without ``family_id`` it starts a new session family (a new sign-in)."""
    return RefreshToken(
        id=RefreshTokenId(new_uuid7()),
        family_id=family_id or SessionFamilyId(new_uuid7()),
        user_id=user_id,
        token_hash=token_hash,
        issued_at=now,
        expires_at=now + ttl,
    )
