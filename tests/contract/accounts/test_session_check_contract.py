"""The SessionCheck port on every adapter: a session is live while its refresh family has an
unrevoked token and its user is neither disabled nor locked; after ``forget``, the answer
follows the store at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from adapters.memory.sessions import InMemorySessionCheck
from adapters.postgres.sessions import PostgresSessionCheck
from booking_domain.accounts import Role, SessionFamilyId, User, issue_refresh_token
from booking_domain.accounts.ports import SessionCheck
from booking_domain.shared import UserId, new_uuid7
from tests.support.builders import START
from tests.support.storage import (
    AnyUnitOfWorkFactory,
    InMemoryUnitOfWorkFactory,
)

pytestmark = pytest.mark.anyio
LATER = START + timedelta(minutes=5)


def session_check(uow_factory: AnyUnitOfWorkFactory) -> SessionCheck:
    if isinstance(uow_factory, InMemoryUnitOfWorkFactory):
        return InMemorySessionCheck(uow_factory.store)
    return PostgresSessionCheck(uow_factory.database)


async def _signed_in(uow_factory: AnyUnitOfWorkFactory) -> tuple[User, SessionFamilyId]:
    user = User(
        UserId(new_uuid7()), f"{new_uuid7().hex}@x.com", "Ada", Role.CUSTOMER, "h", START, START
    )
    token = issue_refresh_token(user.id, new_uuid7().hex, START, timedelta(days=30))
    async with uow_factory() as uow:
        await uow.users.add(user)
        await uow.refresh_tokens.add(token)
        await uow.commit()
    return user, token.family_id


async def test_a_session_lives_until_its_family_is_revoked(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    check = session_check(uow_factory)
    user, family = await _signed_in(uow_factory)
    other_user, other_family = await _signed_in(uow_factory)
    assert await check.is_live(family, user.id, LATER)
    assert not await check.is_live(family, other_user.id, LATER)  # not that user's session
    assert not await check.is_live(SessionFamilyId(new_uuid7()), user.id, LATER)
    async with uow_factory() as uow:
        await uow.refresh_tokens.revoke_family(family, LATER)
        await uow.commit()
    check.forget(user.id)
    assert not await check.is_live(family, user.id, LATER)
    assert await check.is_live(other_family, other_user.id, LATER)


@pytest.mark.parametrize(
    "change", [{"disabled": True}, {"locked_until": LATER + timedelta(hours=1)}]
)
async def test_a_disabled_or_locked_user_has_no_live_session(
    uow_factory: AnyUnitOfWorkFactory, change: dict[str, object]
) -> None:
    check = session_check(uow_factory)
    user, family = await _signed_in(uow_factory)
    async with uow_factory() as uow:
        await uow.users.update(replace(user, **change))  # type: ignore[arg-type]
        await uow.commit()
    check.forget(user.id)
    assert not await check.is_live(family, user.id, LATER)
    if "locked_until" in change:  # the lock ends, the session lives on
        check.forget(user.id)
        assert await check.is_live(family, user.id, LATER + timedelta(hours=2))


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("uow_factory", ["postgres"], indirect=True)
async def test_each_process_remembers_an_answer_for_at_most_its_ttl(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """What another process does is seen within the ttl (one second by default)."""
    assert not isinstance(uow_factory, InMemoryUnitOfWorkFactory)
    clock = FakeMonotonic()
    here = PostgresSessionCheck(uow_factory.database, ttl=1.0, monotonic=clock)
    user, family = await _signed_in(uow_factory)
    assert await here.is_live(family, user.id, LATER)
    async with uow_factory() as uow:  # "another process" ends the session
        await uow.refresh_tokens.revoke_family(family, LATER)
        await uow.commit()
    clock.now += 0.5
    assert await here.is_live(family, user.id, LATER)  # remembered, within the second
    clock.now += 0.5
    assert not await here.is_live(family, user.id, LATER)  # the ttl ran out: asked again


async def test_the_live_among_many_sessions_are_asked_afresh_and_all_at_once(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    check = session_check(uow_factory)
    (ada, ada_family), (bo, bo_family) = (
        await _signed_in(uow_factory),
        await _signed_in(uow_factory),
    )
    locked, locked_family = await _signed_in(uow_factory)
    stranger = SessionFamilyId(new_uuid7())
    assert await check.is_live(ada_family, ada.id, LATER)  # remembered as live (PostgreSQL)
    async with uow_factory() as uow:
        await uow.refresh_tokens.revoke_family(ada_family, LATER)
        await uow.users.update(replace(locked, locked_until=LATER + timedelta(hours=1)))
        await uow.commit()
    asked = [
        (ada_family, ada.id), (bo_family, bo.id), (bo_family, ada.id),
        (locked_family, locked.id), (stranger, bo.id),
    ]  # fmt: skip
    assert await check.live_among(asked, LATER) == {bo_family}  # no forget needed
    assert await check.live_among([], LATER) == frozenset()
