"""The PostgreSQL adapter's last line: a value the database cannot take, had the domain
missed it, is the caller's invalid input (4xx), never a driver error (500)."""

from __future__ import annotations

import pytest

from booking_domain.shared import InvalidInputError, PageRequest, UserId, new_uuid7
from tests.support.storage import PostgresUnits

pytestmark = pytest.mark.anyio


@pytest.fixture
def uow_factory(postgres: PostgresUnits) -> PostgresUnits:
    """PostgreSQL's alone: the values are refused at its wire."""
    return postgres


@pytest.mark.parametrize("value", ["a\x00b@example.com", "\ud800@example.com"])
async def test_unstorable_text_is_invalid_input(uow_factory: PostgresUnits, value: str) -> None:
    with pytest.raises(InvalidInputError):
        async with uow_factory(read_only=True) as uow:
            await uow.users.get_by_email(value)
    async with uow_factory(read_only=True) as uow:  # the connection is fine afterwards
        assert await uow.users.get(UserId(new_uuid7())) is None


async def test_an_offset_beyond_bigint_is_invalid_input(
    uow_factory: PostgresUnits,
) -> None:
    page = PageRequest(1, 20)
    object.__setattr__(page, "page", 10**18)  # past the domain's own bound, on purpose
    with pytest.raises(InvalidInputError):
        async with uow_factory(read_only=True) as uow:
            await uow.users.list(page)
