"""The admins' list of accounts on every adapter: by role, by restriction at a moment, and
by text in the name or email, case, accents and Cyrillic folded, LIKE's characters literal."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from booking_domain.accounts import User
from booking_domain.accounts.ports import UserFilter
from booking_domain.shared import PageRequest, Role
from booking_domain.shared.pages import Page
from tests.support.builders import START
from tests.support.catalog import a_user
from tests.support.pages import assert_counts_capped
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def test_filters_agree_on_every_adapter(uow_factory: AnyUnitOfWorkFactory) -> None:
    people = [
        dataclasses.replace(a_user(), name="Өлзий Бат", email="olzii@example.com"),
        dataclasses.replace(
            a_user(Role.ARTIST),
            name="René Dubois",
            email="rene@example.com",
            locked_until=START + timedelta(hours=1),
        ),
        dataclasses.replace(a_user(), name="Mr 100%", email="pct@example.com", disabled=True),
        dataclasses.replace(
            a_user(), name="Ada", email="ada_l@example.com", locked_until=START - timedelta(hours=1)
        ),  # a lock that is over
    ]
    async with uow_factory() as uow:
        for person in people:
            await uow.users.add(person)
        await uow.commit()

    async def emails(
        *, role: Role | None = None, restricted: bool | None = None, text: str | None = None
    ) -> list[str]:
        where = UserFilter(role=role, restricted=restricted, text=text, now=START)
        async with uow_factory(read_only=True) as uow:
            page = await uow.users.list(PageRequest(1, 100), where)
        return sorted(u.email or "" for u in page.items)

    assert await emails(restricted=True) == ["pct@example.com", "rene@example.com"]
    assert "ada_l@example.com" in await emails(restricted=False)
    assert await emails(text="ӨЛЗИЙ") == ["olzii@example.com"]
    assert await emails(text="olzii bat") == ["olzii@example.com"]
    assert await emails(text="RENÉ") == await emails(text="rene") == ["rene@example.com"]
    assert await emails(text="100%") == ["pct@example.com"]
    assert await emails(text="a_l@") == ["ada_l@example.com"]
    assert await emails(text="_l@", role=Role.ARTIST) == []
    assert await emails(text="%") == ["pct@example.com"]


async def test_the_total_is_counted_up_to_a_reach(uow_factory: AnyUnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        for n in range(7):
            await uow.users.add(dataclasses.replace(a_user(), name=f"Capped {n}"))
        await uow.commit()

    async def list_page(request: PageRequest) -> Page[User]:
        async with uow_factory(read_only=True) as uow:
            return await uow.users.list(request, UserFilter(now=START, text="capped"))

    await assert_counts_capped(list_page, 7)
