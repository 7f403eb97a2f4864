"""The user and refresh-token repositories and the unit of work, on every adapter."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest

from booking_domain.accounts import (
    EmailAlreadyRegisteredError,
    InvalidTokenError,
    RefreshTokenReusedError,
    Role,
    UserNotFoundError,
    issue_refresh_token,
)
from tests.support.bootstrap import build_app
from tests.support.builders import START
from tests.support.catalog import ada_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def test_a_committed_user_can_be_found_by_id_and_email(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    user = ada_user()
    async with uow_factory() as uow:
        await uow.users.add(user)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.get(user.id) == user
        assert await uow.users.get_by_email("ada@example.com") == user
        assert await uow.users.get_by_email("bob@example.com") is None
        assert await uow.users.count() == 1


async def test_users_are_found_by_phone_and_role_oldest_first_up_to_the_limit(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    first = replace(ada_user("a@example.com"), phone="+97688112233")
    second = replace(
        ada_user("b@example.com"), phone="+97688112233", created_at=START + timedelta(seconds=1)
    )
    artist = replace(ada_user("c@example.com"), phone="+97688112233", role=Role.ARTIST)
    other = replace(ada_user("d@example.com"), phone="+97699112233")
    async with uow_factory() as uow:
        for user in (second, artist, first, other):
            await uow.users.add(user)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        found = await uow.users.with_phone("+97688112233", Role.CUSTOMER, limit=5)
        assert found == (first, second)
        assert await uow.users.with_phone("+97688112233", Role.CUSTOMER, limit=1) == (first,)
        assert await uow.users.with_phone("+97688112233", Role.ARTIST, limit=5) == (artist,)
        assert await uow.users.with_phone("+97600000000", Role.CUSTOMER, limit=5) == ()


async def test_leaving_without_commit_rolls_back(uow_factory: AnyUnitOfWorkFactory) -> None:
    user = ada_user()
    async with uow_factory() as uow:
        await uow.users.add(user)
        assert await uow.users.get(user.id) == user  # visible inside its own unit of work
    async with uow_factory() as uow:
        assert await uow.users.get(user.id) is None


async def test_an_exception_rolls_back_and_propagates(uow_factory: AnyUnitOfWorkFactory) -> None:
    user = ada_user()
    with pytest.raises(RuntimeError, match="boom"):
        async with uow_factory() as uow:
            await uow.users.add(user)
            raise RuntimeError("boom")
    async with uow_factory() as uow:
        assert await uow.users.count() == 0


async def test_explicit_rollback_discards_pending_writes(uow_factory: AnyUnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await uow.users.add(ada_user())
        await uow.rollback()
        await uow.users.add(ada_user("bob@example.com"))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.get_by_email("ada@example.com") is None
        assert await uow.users.get_by_email("bob@example.com") is not None


async def test_a_duplicate_email_is_a_domain_error(uow_factory: AnyUnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await uow.users.add(ada_user())
        await uow.commit()
    with pytest.raises(EmailAlreadyRegisteredError):
        async with uow_factory() as uow:
            await uow.users.add(ada_user())
            await uow.commit()


async def test_update_replaces_and_missing_users_are_reported(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    user = ada_user()
    async with uow_factory() as uow:
        await uow.users.add(user)
        await uow.commit()
    changed = replace(
        user,
        name="Ada L.",
        phone="+97688112233",
        locale="mn",
        updated_at=START + timedelta(hours=1),
    )
    async with uow_factory() as uow:
        await uow.users.update(changed)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.get(user.id) == changed
        with pytest.raises(UserNotFoundError):
            await uow.users.update(ada_user("ghost@example.com"))


async def test_refresh_tokens_are_found_by_hash_and_updated(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    user = ada_user()
    token = issue_refresh_token(user.id, "hash-1", START, timedelta(days=30))
    async with uow_factory() as uow:
        await uow.users.add(user)
        await uow.refresh_tokens.add(token)
        await uow.commit()
    successor = issue_refresh_token(user.id, "hash-2", START, timedelta(days=30), token.family_id)
    async with uow_factory() as uow:
        assert await uow.refresh_tokens.get_by_hash_for_update("hash-1") == token
        assert await uow.refresh_tokens.get_by_hash_for_update("nope") is None
        await uow.refresh_tokens.add(successor)
        await uow.refresh_tokens.update(token.spent(START, successor.id))
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.refresh_tokens.get_by_hash_for_update("hash-1")
        assert (
            stored is not None and stored.spent_at == START and stored.replaced_by == successor.id
        )


async def test_revocation_by_family_and_by_user_with_one_kept(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    user, other_user = ada_user(), ada_user("bob@example.com")
    ttl = timedelta(days=1)
    kept = issue_refresh_token(user.id, "kept", START, ttl)
    family = [issue_refresh_token(user.id, "f1", START, ttl)]
    family.append(issue_refresh_token(user.id, "f2", START, ttl, family[0].family_id))
    third = issue_refresh_token(user.id, "third", START, ttl)
    bystander = issue_refresh_token(other_user.id, "bob", START, ttl)
    async with uow_factory() as uow:
        for u in (user, other_user):
            await uow.users.add(u)
        for t in (kept, *family, third, bystander):
            await uow.refresh_tokens.add(t)
        await uow.commit()
    later = START + timedelta(minutes=1)
    async with uow_factory() as uow:
        assert await uow.refresh_tokens.revoke_family(family[0].family_id, later) == 2
        assert await uow.refresh_tokens.revoke_family(family[0].family_id, later) == 0
        assert (
            await uow.refresh_tokens.revoke_user_sessions(user.id, later, keep=kept.family_id) == 1
        )
        await uow.commit()
    async with uow_factory() as uow:
        for token_hash, revoked in (
            ("kept", False),
            ("f1", True),
            ("f2", True),
            ("third", True),
            ("bob", False),
        ):
            stored = await uow.refresh_tokens.get_by_hash_for_update(token_hash)
            assert stored is not None and (stored.revoked_at == later) is revoked, token_hash


async def test_concurrent_rotations_of_one_token_admit_exactly_one(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    app = build_app(uow=uow_factory)
    signed = await app.accounts.register_user(
        email="ada@example.com", password="violet-needle-harbour", name="Ada", role=Role.CUSTOMER
    )
    refresh = app.accounts.refresh_session
    results = await asyncio.gather(
        *(refresh(refresh_token=signed.tokens.refresh_token) for _ in range(4)),
        return_exceptions=True,
    )
    assert sum(not isinstance(r, BaseException) for r in results) == 1
    losers = [r for r in results if isinstance(r, BaseException)]
    # The first loser detects the reuse and revokes the family; later ones find it revoked.
    assert any(isinstance(r, RefreshTokenReusedError) for r in losers)
    assert all(isinstance(r, RefreshTokenReusedError | InvalidTokenError) for r in losers)
