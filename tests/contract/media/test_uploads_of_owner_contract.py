"""``UploadRepository.of_owner`` (a user's own uploads, a batch at a time: their data
export), in memory and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.media import Upload
from booking_domain.shared import Role
from tests.support.catalog import add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def test_an_owners_uploads_come_in_id_order_a_batch_at_a_time(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    owner = await add_user(uow_factory, Role.CUSTOMER)
    other = await add_user(uow_factory, Role.ARTIST)
    mine = [
        Upload.request(owner, "idea", "image/png", 100 + i, START + timedelta(seconds=i))
        for i in range(5)
    ]
    theirs = Upload.request(other, "portfolio", "image/jpeg", 999, START)
    async with uow_factory() as uow:
        for upload in (*mine, theirs):
            await uow.uploads.add(upload)
        await uow.commit()
    expected = sorted(mine, key=lambda u: u.id)
    async with uow_factory(read_only=True) as uow:
        first = await uow.uploads.of_owner(owner.user_id, after=None, limit=3)
        rest = await uow.uploads.of_owner(owner.user_id, after=first[-1].id, limit=3)
        after_all = await uow.uploads.of_owner(owner.user_id, after=rest[-1].id, limit=3)
        nobody = await uow.uploads.of_owner(other.user_id, after=theirs.id, limit=3)
    assert [*first, *rest] == expected
    assert len(first) == 3 and after_all == [] and nobody == []
