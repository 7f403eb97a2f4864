"""A deleted account in the ``UserRepository``, in memory and on PostgreSQL: stored
anonymised with when it was deleted, and its email free for a new account."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.accounts import Role, User, anonymised
from booking_domain.shared import UserId, new_uuid7
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


def a_user(email: str) -> User:
    return User(
        UserId(new_uuid7()), email, "Ada", Role.CUSTOMER, "argon2-hash", START, START,
        phone="+97688112233", phone_verified=True,
    )  # fmt: skip


async def test_a_deleted_account_is_stored_anonymised_and_frees_its_email(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    user = a_user("ada@example.com")
    async with uow_factory() as uow:
        await uow.users.add(user)
        await uow.commit()
    deleted = anonymised(user, START + timedelta(days=1))
    async with uow_factory() as uow:
        await uow.users.update(deleted)
        await uow.commit()
    newcomer = a_user("ada@example.com")
    async with uow_factory() as uow:
        await uow.users.add(newcomer)  # the email and the verified number are free
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.users.get(user.id) == deleted
        assert await uow.users.get_by_email("ada@example.com") == newcomer
        assert await uow.users.with_verified_phone("+97688112233") == newcomer
