"""API keys (``api_keys``): made, listed and revoked by their owner (or an admin), and
checked on every request that sends one (``AuthenticateApiKey``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.accounts.api_keys import (
    ApiKey,
    ApiKeyId,
    ApiKeyNotFoundError,
    check_key_request,
    fresh_secret,
    new_api_key,
    well_formed_key,
)
from booking_domain.accounts.errors import InvalidTokenError
from booking_domain.accounts.ports import AccountsUnitOfWork
from booking_domain.accounts.use_cases.deps import AccountsDeps
from booking_domain.accounts.users import User
from booking_domain.shared.audit import audit_entry
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.outbox import JsonValue
from booking_domain.shared.use_case import UseCase

# What the digest of a key's secret is keyed with beside the server's secret: a key's
# digest can never be mistaken for a code's or an address's.
_DIGEST_PURPOSE = "api_key"
_REFUSED = "This API key is unknown, revoked or expired."


@dataclass(frozen=True, slots=True)
class MadeApiKey:
    """A new key and its secret: the only time the secret is seen."""

    key: ApiKey
    secret: str


@dataclass(frozen=True, slots=True)
class KeyCaller:
    """Who a request sent with a key speaks for, and the key (its scopes)."""

    actor: Actor
    key: ApiKey


def _summary(key: ApiKey) -> dict[str, JsonValue]:
    return {
        "name": key.name,
        "prefix": key.prefix,
        "scopes": [scope.value for scope in sorted(key.scopes)],
        "expiresAt": key.expires_at.isoformat(),
    }


class CreateApiKey(UseCase[AccountsDeps]):
    """A named key with scopes and an expiry for the caller (an artist or an admin), shown
    once; audited as ``api_key.created``."""

    async def __call__(
        self, actor: Actor, *, name: str, scopes: list[str], expires_at: datetime
    ) -> MadeApiKey:
        s = self._deps
        now = s.clock.now()
        request = check_key_request(name, scopes, expires_at, now)
        secret = fresh_secret()
        async with s.uow() as uow:
            live = await uow.api_keys.live_count(actor.user_id, now)
            key = new_api_key(
                actor, request, secret, s.digest.digest(_DIGEST_PURPOSE, secret), now, live
            )
            await uow.api_keys.add(key)
            target = f"api_key/{key.id}"
            await uow.audit.record(
                audit_entry("api_key.created", target, now, actor=actor, after=_summary(key))
            )
            await uow.commit()
        return MadeApiKey(key, secret)


class ListApiKeys(UseCase[AccountsDeps]):
    """The caller's keys, the newest first: live, expired and revoked (never a secret)."""

    async def __call__(self, actor: Actor) -> tuple[ApiKey, ...]:
        async with self._deps.uow(read_only=True) as uow:
            return await uow.api_keys.of_user(actor.user_id)


class RevokeApiKey(UseCase[AccountsDeps]):
    """Revoke one key at once: its owner's or, for an admin, anyone's. Another's key or an
    unknown one is ``ApiKeyNotFoundError``; revoking a revoked key changes nothing."""

    async def __call__(self, actor: Actor, key_id: ApiKeyId) -> ApiKey:
        s = self._deps
        async with s.uow() as uow:
            key = await _visible(uow, actor, key_id)
            if key.revoked_at is not None:
                return key
            now = s.clock.now()
            revoked = key.revoked(now)
            await uow.api_keys.save(revoked)
            await uow.audit.record(
                audit_entry(
                    "api_key.revoked", f"api_key/{key.id}", now, actor=actor, before=_summary(key)
                )
            )
            await uow.commit()
        return revoked


async def _visible(uow: AccountsUnitOfWork, actor: Actor, key_id: ApiKeyId) -> ApiKey:
    key = await uow.api_keys.get(key_id)
    if key is None or (key.user_id != actor.user_id and actor.role is not Role.ADMIN):
        raise ApiKeyNotFoundError()
    return key


class AuthenticateApiKey(UseCase[AccountsDeps]):
    """Who a key speaks for now: its owner as they are now (their current role), or
    ``InvalidTokenError`` for a key unknown, revoked or expired, or whose owner is locked,
    suspended or gone. Read afresh on every request, so a revocation holds at once
    everywhere; its last use is written at most once a minute."""

    async def __call__(self, secret: str) -> KeyCaller:
        s = self._deps
        if not well_formed_key(secret):
            raise InvalidTokenError(_REFUSED)
        now = s.clock.now()
        async with s.uow() as uow:
            key = await uow.api_keys.by_digest(s.digest.digest(_DIGEST_PURPOSE, secret))
            if key is None or not key.is_live(now):
                raise InvalidTokenError(_REFUSED)
            owner = await uow.users.get(key.user_id)
            if owner is None or not _may_act(owner, now):
                raise InvalidTokenError(_REFUSED)
            used = key.used(now)
            if used is not None:
                await uow.api_keys.save(used)
                await uow.commit()
        return KeyCaller(owner.actor, used or key)


def _may_act(owner: User, now: datetime) -> bool:
    """Neither suspended, deleted nor under an operator's lock at ``now``."""
    locked = owner.locked_until is not None and now < owner.locked_until
    return not (owner.disabled or owner.deleted_at is not None or locked)
