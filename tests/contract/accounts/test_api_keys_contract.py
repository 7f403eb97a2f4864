"""The API keys repository, on every adapter: a key is found by its digest and by its id as
it was stored; an account's keys come newest first; only live ones count; a key's use and
revocation are kept; revoking all ends every live key of one account only."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.accounts import Role, User
from booking_domain.accounts.api_keys import (
    ApiKey,
    ApiKeyScope,
    check_key_request,
    fresh_secret,
    new_api_key,
)
from booking_domain.shared import Actor, UserId, new_uuid7
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def _artist(uow_factory: AnyUnitOfWorkFactory) -> User:
    user = User(
        UserId(new_uuid7()), f"{new_uuid7()}@example.com", "Ink", Role.ARTIST, "h", START, START
    )
    async with uow_factory() as uow:
        await uow.users.add(user)
        await uow.commit()
    return user


def _key(user: User, *, days: int = 30, at: timedelta = timedelta(0)) -> ApiKey:
    scopes = [ApiKeyScope.BOOKINGS_READ.value, ApiKeyScope.WEBHOOKS_MANAGE.value]
    request = check_key_request("Sync", scopes, START + at + timedelta(days=days), START + at)
    secret = fresh_secret()
    return new_api_key(Actor(user.id, user.role), request, secret, f"d-{secret}", START + at, 0)


async def _add(uow_factory: AnyUnitOfWorkFactory, *keys: ApiKey) -> None:
    async with uow_factory() as uow:
        for key in keys:
            await uow.api_keys.add(key)
        await uow.commit()


async def test_a_key_is_found_by_digest_and_id_as_stored(uow_factory: AnyUnitOfWorkFactory) -> None:
    user = await _artist(uow_factory)
    key = _key(user)
    await _add(uow_factory, key)
    async with uow_factory() as uow:
        assert await uow.api_keys.by_digest(key.digest) == key
        assert await uow.api_keys.get(key.id) == key
        assert await uow.api_keys.by_digest("no such digest") is None
        assert await uow.api_keys.get(_key(user).id) is None


async def test_an_accounts_keys_come_newest_first_and_only_live_ones_count(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    user, other = await _artist(uow_factory), await _artist(uow_factory)
    old, new = _key(user, days=1), _key(user, at=timedelta(minutes=1))
    await _add(uow_factory, old, new, _key(other))
    async with uow_factory() as uow:
        assert await uow.api_keys.of_user(user.id) == (new, old)
        assert await uow.api_keys.live_count(user.id, START + timedelta(hours=1)) == 2
        assert await uow.api_keys.live_count(user.id, old.expires_at) == 1
        await uow.api_keys.save(new.revoked(START + timedelta(hours=2)))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.api_keys.live_count(user.id, START + timedelta(hours=3)) == 1


async def test_a_keys_use_and_revocation_are_kept(uow_factory: AnyUnitOfWorkFactory) -> None:
    user = await _artist(uow_factory)
    key = _key(user)
    await _add(uow_factory, key)
    used = key.used(START + timedelta(minutes=5))
    assert used is not None
    async with uow_factory() as uow:
        await uow.api_keys.save(used.revoked(START + timedelta(minutes=6)))
        await uow.commit()
    async with uow_factory() as uow:
        kept = await uow.api_keys.get(key.id)
    assert kept is not None
    assert kept.last_used_at == START + timedelta(minutes=5)
    assert kept.revoked_at == START + timedelta(minutes=6)


async def test_revoking_all_ends_one_accounts_live_keys(uow_factory: AnyUnitOfWorkFactory) -> None:
    user, other = await _artist(uow_factory), await _artist(uow_factory)
    expired, live, theirs = _key(user, days=1), _key(user), _key(other)
    await _add(uow_factory, expired, live, theirs)
    later = START + timedelta(days=2)
    async with uow_factory() as uow:
        assert await uow.api_keys.revoke_all(user.id, later) == 1
        await uow.commit()
    async with uow_factory() as uow:
        assert (await uow.api_keys.get(live.id)) == live.revoked(later)
        assert (await uow.api_keys.get(expired.id)) == expired  # expired: left as it was
        assert (await uow.api_keys.get(theirs.id)) == theirs


async def test_a_rolled_back_key_is_not_kept(uow_factory: AnyUnitOfWorkFactory) -> None:
    user = await _artist(uow_factory)
    key = _key(user)
    async with uow_factory() as uow:
        await uow.api_keys.add(key)
    async with uow_factory() as uow:
        assert await uow.api_keys.get(key.id) is None
