"""API keys: an integrator's named, scoped, expiring way into the API (docs/api.md, "API keys").

Rules:
- artists (studio owners among them) and admins create keys; customers do not (they book
  through the apps). A key acts as its owner, within its scopes and never beyond the
  owner's role: what the owner may not do, the key may not either;
- a key has a name (1-80 characters, no control characters), at least one scope, and an
  expiry from one hour to two years after it is made;
- its secret is shown once, when it is made: ``isk_`` and 43 URL-safe characters (256 random
  bits). Only a keyed digest of it is kept, so a copy of the database opens nothing; its
  first 12 characters (``prefix``) name it in lists;
- a revoked key is refused at once, an expired one from its expiry on (the moment itself is
  past it); an owner locked, suspended or gone makes every key of theirs refused;
- at most ``MAX_LIVE_KEYS`` live keys per account;
- scopes: ``bookings:read``; ``bookings:manage`` (create and change bookings; reading them
  too); ``availability:manage`` (weekly hours and date overrides); ``webhooks:manage``
  (webhook endpoints and their deliveries). An operation names the one scope it takes;
  one that names none takes no key (the account itself, its sessions and keys: a key never
  makes another key);
- each key's requests are counted per minute, apart from every other caller's
  (``ApiKeyRateLimitedError``: 429 with ``Retry-After``);
- its last use is kept to the minute (a key used all day is written once a minute).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.shared.errors import (
    ConflictError,
    FieldError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RetryLaterError,
)
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.text import is_clean_text
from booking_domain.shared.time import require_aware

ApiKeyId = NewType("ApiKeyId", UUID)

API_KEY_PREFIX = "isk_"
_SECRET_BYTES = 32  # 43 URL-safe characters
_KEY_SHAPE = re.compile(r"isk_[A-Za-z0-9_-]{43}")
SHOWN_PREFIX = 12  # the characters of a key its lists show: "isk_" and eight more
MAX_NAME = 80
MAX_LIVE_KEYS = 25
SHORTEST_LIFE = timedelta(hours=1)
LONGEST_LIFE = timedelta(days=730)
USE_PRECISION = timedelta(minutes=1)
KEY_MAKERS = frozenset({Role.ARTIST, Role.ADMIN})


class ApiKeyScope(StrEnum):
    """What a key may do; an operation names the one it takes."""

    BOOKINGS_READ = "bookings:read"
    BOOKINGS_MANAGE = "bookings:manage"
    AVAILABILITY_MANAGE = "availability:manage"
    WEBHOOKS_MANAGE = "webhooks:manage"


# A scope that grants another with it: managing bookings reads them too.
IMPLIED: dict[ApiKeyScope, frozenset[ApiKeyScope]] = {
    ApiKeyScope.BOOKINGS_MANAGE: frozenset({ApiKeyScope.BOOKINGS_READ}),
}


class ApiKeyNotFoundError(NotFoundError):
    code = "api_key_not_found"
    default_message = "No such API key."


class TooManyApiKeysError(ConflictError):
    code = "too_many_api_keys"
    default_message = "An account holds at most 25 live API keys; revoke one first."


class ApiKeysNotForCustomersError(PermissionDeniedError):
    code = "api_keys_not_for_customers"
    default_message = "API keys are for artists, studios and admins."


class ApiKeyNotAcceptedError(PermissionDeniedError):
    code = "api_key_not_accepted"
    default_message = "This operation does not take an API key; sign in instead."


class ApiKeyScopeMissingError(PermissionDeniedError):
    code = "api_key_scope_missing"
    default_message = "This API key lacks the scope this operation needs."

    def __init__(self, scope: ApiKeyScope) -> None:
        super().__init__(f"This API key lacks the scope this operation needs: {scope.value}.")
        self.scope = scope


class ApiKeyRateLimitedError(RetryLaterError):
    code = "api_key_rate_limited"
    default_message = "This API key has sent too many requests; slow down."


@dataclass(frozen=True, slots=True)
class ApiKey:
    """The stored half of a key (never its secret)."""

    id: ApiKeyId
    user_id: UserId
    name: str
    scopes: frozenset[ApiKeyScope]
    prefix: str  # the secret's first SHOWN_PREFIX characters, to tell keys apart
    digest: str  # the keyed digest of the whole secret
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None

    def is_live(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at

    def permits(self, scope: ApiKeyScope) -> bool:
        return any(scope is held or scope in IMPLIED.get(held, ()) for held in self.scopes)

    def ensure_permits(self, scope: ApiKeyScope | None) -> None:
        """Refuse an operation that takes no key (``scope`` None) or another scope."""
        if scope is None:
            raise ApiKeyNotAcceptedError()
        if not self.permits(scope):
            raise ApiKeyScopeMissingError(scope)

    def revoked(self, now: datetime) -> ApiKey:
        return self if self.revoked_at is not None else replace(self, revoked_at=now)

    def used(self, now: datetime) -> ApiKey | None:
        """The key with its use at ``now`` recorded, or None while the last recorded use is
        less than ``USE_PRECISION`` ago (nothing to write)."""
        if self.last_used_at is not None and now - self.last_used_at < USE_PRECISION:
            return None
        return replace(self, last_used_at=now)


@dataclass(frozen=True, slots=True)
class KeyRequest:
    """A key asked for, checked: what ``check_key_request`` returns."""

    name: str
    scopes: frozenset[ApiKeyScope]
    expires_at: datetime


def check_key_request(
    name: str, scopes: Collection[str], expires_at: datetime, now: datetime
) -> KeyRequest:
    """The name, scopes and expiry of a new key, or ``InvalidInputError`` naming each field
    that breaks a rule (an expiry without an offset or out of range: the kernel's errors)."""
    expires_at = require_aware(expires_at, "expiresAt")
    errors: list[FieldError] = []
    cleaned = name.strip()
    if not cleaned or len(cleaned) > MAX_NAME or not is_clean_text(cleaned):
        errors.append(FieldError("name", f"Name the key in 1 to {MAX_NAME} characters."))
    known = {scope.value for scope in ApiKeyScope}
    unknown = sorted(set(scopes) - known)
    if not scopes or unknown:
        listed = ", ".join(sorted(known))
        errors.append(FieldError("scopes", f"Give at least one scope of: {listed}."))
    if not now + SHORTEST_LIFE <= expires_at <= now + LONGEST_LIFE:
        errors.append(FieldError("expiresAt", "A key expires from one hour to two years from now."))
    if errors:
        raise InvalidInputError("The API key cannot be made as asked.", tuple(errors))
    chosen = frozenset(ApiKeyScope(scope) for scope in scopes)
    return KeyRequest(cleaned, chosen, expires_at)


def fresh_secret() -> str:
    """A new key's secret: shown once, then only its digest is kept."""
    return API_KEY_PREFIX + secrets.token_urlsafe(_SECRET_BYTES)


def could_be_api_key(token: str) -> bool:
    """Whether a bearer token has an API key's shape (else it is an access token)."""
    return token.startswith(API_KEY_PREFIX)


def well_formed_key(token: str) -> bool:
    return _KEY_SHAPE.fullmatch(token) is not None


def new_api_key(
    owner: Actor, request: KeyRequest, secret: str, digest: str, now: datetime, live: int
) -> ApiKey:
    """The key ``owner`` asked for, who holds ``live`` live keys already."""
    if owner.role not in KEY_MAKERS:
        raise ApiKeysNotForCustomersError()
    if live >= MAX_LIVE_KEYS:
        raise TooManyApiKeysError()
    return ApiKey(
        id=ApiKeyId(new_uuid7()),
        user_id=owner.user_id,
        name=request.name,
        scopes=request.scopes,
        prefix=secret[:SHOWN_PREFIX],
        digest=digest,
        created_at=now,
        expires_at=request.expires_at,
    )
