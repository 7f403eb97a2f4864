"""Whatever bytes a client PUTs, ``complete`` answers the upload's views or
``ImageRejectedError`` (422), never anything else (a 500 that leaves the upload open, every
retry failing alike): valid images mutated at random, through the whole use case on
in-memory records, the local object store and the real Pillow processor. A refusal closes
the upload and empties its original, and asking again gives the same refusal."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, example, given, settings

from adapters.images.pillow import PillowImageProcessor
from adapters.storage.local import LocalObjectStore
from adapters.system.clock import ManualClock
from booking_domain.media import ImageRejectedError, MediaStores, UploadStatus
from booking_domain.media.use_cases import MediaDeps, MediaUseCases
from booking_domain.shared import Role
from tests.support.catalog import add_user
from tests.support.image_mutations import (
    SEEDS,
    byte_mutations,
    png_chunk_mutations,
    png_with_trns_longer_than_plte,
)
from tests.support.storage import memory_units

START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


async def _complete(declared: str, data: bytes, root: Path) -> None:
    clock = ManualClock(START)
    uploads, public = (
        LocalObjectStore(root, name, base_url="http://x", secret=b"k" * 32, clock=clock)
        for name in ("uploads", "media")
    )
    uow = memory_units()
    media = MediaUseCases.build(
        MediaDeps(uow, MediaStores(uploads, public), PillowImageProcessor(), clock)
    )
    owner = await add_user(uow, Role.ARTIST)
    pending = await media.request_upload(
        owner, purpose="portfolio", content_type=declared, size=max(1, len(data))
    )
    upload = pending.upload
    await uploads.put(upload.key, data or b"\0", content_type=declared, metadata=upload.metadata)
    refusal = await _refusal_of(media.complete_upload(owner, upload.id))
    if refusal is None:
        async with uow(read_only=True) as unit:
            done = await unit.uploads.get(upload.id)
        assert done is not None and done.status is UploadStatus.READY and done.variants
        return
    async with uow(read_only=True) as unit:
        closed = await unit.uploads.get(upload.id)
    assert closed is not None and closed.status is UploadStatus.REJECTED
    original = await uploads.head(upload.key)
    assert original is None or original.size == 0  # nothing of the bytes is kept
    again = await _refusal_of(media.complete_upload(owner, upload.id))
    assert again is not None and again.reason == refusal.reason


async def _refusal_of(completing: Awaitable[object]) -> ImageRejectedError | None:
    """The refusal ``completing`` ends in, or None when it completes; anything else
    propagates and fails the test."""
    try:
        await completing
    except ImageRejectedError as refusal:
        return refusal
    return None


def _run(declared: str, data: bytes) -> None:
    with TemporaryDirectory() as root:
        asyncio.run(_complete(declared, data, Path(root)))


FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FEW
@given(png_chunk_mutations())
@example(png_with_trns_longer_than_plte())
@example(SEEDS["palette-png"][1])
def test_complete_answers_mutated_png_chunks_with_views_or_a_refusal(data: bytes) -> None:
    _run("image/png", data)


@FEW
@given(byte_mutations())
def test_complete_answers_mutated_bytes_with_views_or_a_refusal(
    mutated: tuple[str, bytes],
) -> None:
    _run(*mutated)
