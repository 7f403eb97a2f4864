"""The ``UploadRepository`` contract, in memory and on PostgreSQL; and the purge of
unused uploads over it, with the local store."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from adapters.images.pillow import PillowImageProcessor
from adapters.storage.local import LocalObjectStore
from adapters.system.clock import ManualClock
from booking_domain.media import (
    ImageRejectedError,
    MediaStores,
    Upload,
    UploadPurpose,
    UploadStatus,
    Variant,
    take_upload,
)
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


async def test_abandoned_lists_unused_uploads_requested_before_oldest_first(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    owner = await add_user(uow_factory, Role.ARTIST)
    made = [
        Upload.request(owner, "portfolio", "image/jpeg", 10, START + timedelta(hours=h))
        for h in (2, 0, 1, 5, 3)
    ]
    ready = made[2].complete((), START + timedelta(hours=3))
    used = (
        made[4].complete((), START + timedelta(hours=3)).use(owner, UploadPurpose.PORTFOLIO, START)
    )
    async with uow_factory() as uow:
        for upload in made:
            await uow.uploads.add(upload)
        await uow.uploads.update(ready)
        await uow.uploads.update(used)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        stale = await uow.uploads.abandoned(START + timedelta(hours=4), limit=10)
        assert [u.id for u in stale] == [made[1].id, made[2].id, made[0].id]
        assert [u.id for u in await uow.uploads.abandoned(START + timedelta(hours=9), limit=1)] == [
            made[1].id
        ]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


async def test_the_purge_removes_unused_uploads_and_their_objects(
    uow_factory: AnyUnitOfWorkFactory, tmp_path: Path
) -> None:
    clock = ManualClock(START)
    uploads, public = (
        LocalObjectStore(tmp_path, name, base_url="http://x", secret=b"k" * 32, clock=clock)
        for name in ("uploads", "media")
    )
    deps = MediaDeps(uow_factory, MediaStores(uploads, public), PillowImageProcessor(), clock)
    media = MediaUseCases.build(deps)
    owner = await add_user(uow_factory, Role.ARTIST)
    pending = await media.request_upload(
        owner, purpose="portfolio", content_type="image/jpeg", size=3
    )
    await uploads.put(pending.upload.key, b"abc", content_type="image/jpeg")
    ready = (
        await media.import_image(owner, purpose="portfolio", content_type="image/png", data=_png())
    ).upload
    private = (
        await media.import_image(owner, purpose="idea", content_type="image/png", data=_png())
    ).upload
    with pytest.raises(ImageRejectedError):
        await media.import_image(
            owner, purpose="cover", content_type="image/png", data=b"not a png"
        )
    taken = (
        await media.import_image(owner, purpose="avatar", content_type="image/png", data=_png())
    ).upload
    async with uow_factory() as uow:
        used = await take_upload(uow.uploads, taken.id, owner, UploadPurpose.AVATAR, clock.now())
        await uow.uploads.update(used)
        await uow.commit()
    clock.advance(timedelta(hours=12))
    recent = await media.request_upload(owner, purpose="idea", content_type="image/png", size=3)
    clock.advance(timedelta(hours=12, minutes=1))
    assert await media.purge_abandoned_uploads() == 4  # pending, ready, private, rejected
    assert await uploads.head(pending.upload.key) is None
    for gone in (ready, private):
        assert await uploads.head(gone.key) is None
        for variant in gone.variants:
            assert await (uploads if gone is private else public).head(variant.key) is None
    async with uow_factory(read_only=True) as uow:
        for upload_id in (pending.upload.id, ready.id, private.id):
            assert await uow.uploads.get(upload_id) is None
        assert (await uow.uploads.get(taken.id)) is not None
        kept = await uow.uploads.get(recent.upload.id)
        assert kept is not None and kept.status is UploadStatus.PENDING
    assert await public.head(taken.variants[0].key) is not None
    assert await media.purge_abandoned_uploads() == 0
