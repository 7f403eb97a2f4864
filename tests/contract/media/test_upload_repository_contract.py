"""The ``UploadRepository`` contract, in memory and on PostgreSQL; and the purge of
abandoned uploads over it, with the local store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.images.pillow import PillowImageProcessor
from adapters.storage.local import LocalObjectStore
from adapters.system.clock import ManualClock
from booking_domain.media import MediaStores, Upload, UploadStatus, Variant
from booking_domain.media.use_cases import MediaDeps, MediaUseCases
from booking_domain.shared import Role
from tests.support.catalog import add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def test_uploads_round_trip_and_change(uow_factory: AnyUnitOfWorkFactory) -> None:
    owner = await add_user(uow_factory, Role.ARTIST)
    upload = Upload.request(owner, "idea", "image/png", 1234, START)
    async with uow_factory() as uow:
        await uow.uploads.add(upload)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.uploads.get(upload.id) == upload
    variants = (Variant("large", "private/x/large.webp", 1600, 900, 5000),)
    ready = upload.complete(variants, START + timedelta(minutes=1))
    async with uow_factory() as uow:
        assert await uow.uploads.lock(upload.id) == upload
        await uow.uploads.update(ready)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.uploads.get(upload.id) == ready
        await uow.uploads.remove(upload.id)
        # not committed: nothing changes
    async with uow_factory() as uow:
        assert await uow.uploads.get(upload.id) == ready
        await uow.uploads.remove(upload.id)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.uploads.get(upload.id) is None


async def test_abandoned_lists_pending_uploads_requested_before_oldest_first(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    owner = await add_user(uow_factory)
    made = [
        Upload.request(owner, "portfolio", "image/jpeg", 10, START + timedelta(hours=h))
        for h in (2, 0, 1, 5)
    ]
    done = made[2].complete((), START + timedelta(hours=3))
    async with uow_factory() as uow:
        for upload in made:
            await uow.uploads.add(upload)
        await uow.uploads.update(done)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        stale = await uow.uploads.abandoned(START + timedelta(hours=4), limit=10)
        assert [u.id for u in stale] == [made[1].id, made[0].id]
        assert [u.id for u in await uow.uploads.abandoned(START + timedelta(hours=9), limit=1)] == [
            made[1].id
        ]


async def test_the_purge_removes_abandoned_uploads_and_their_objects(
    uow_factory: AnyUnitOfWorkFactory, tmp_path: Path
) -> None:
    clock = ManualClock(START)
    store = LocalObjectStore(
        tmp_path, "uploads", base_url="http://x", secret=b"k" * 32, clock=clock
    )
    deps = MediaDeps(uow_factory, MediaStores(store, store), PillowImageProcessor(), clock)
    media = MediaUseCases.build(deps)
    owner = await add_user(uow_factory)
    old = await media.request_upload(owner, purpose="portfolio", content_type="image/jpeg", size=3)
    await store.put(old.upload.key, b"abc", content_type="image/jpeg")
    clock.advance(timedelta(hours=12))
    recent = await media.request_upload(owner, purpose="idea", content_type="image/png", size=3)
    clock.advance(timedelta(hours=12, minutes=1))
    assert await media.purge_abandoned_uploads() == 1
    assert await store.head(old.upload.key) is None
    async with uow_factory(read_only=True) as uow:
        assert await uow.uploads.get(old.upload.id) is None
        kept = await uow.uploads.get(recent.upload.id)
        assert kept is not None and kept.status is UploadStatus.PENDING
    assert await media.purge_abandoned_uploads() == 0
