"""The upload flow: request a signed URL, PUT the file straight to storage, complete.

Completion runs outside any transaction while it talks to storage and decodes the image
(docs/architecture.md, rule 2): it reads the upload, checks and processes the object, writes the
variants, and only then records the outcome; the original is retired after that commit.
Two completes of one upload at once make the same variants under the same keys; the first
to record wins and the other returns it.

Retiring an original replaces it with an empty object instead of deleting it: its bytes
(with their EXIF and GPS) are gone, and the key stays taken, so the upload's write-once URL
(``If-None-Match: *``, on R2 as on the local store) answers a second PUT with 412 and
stores nothing. The purge removes the key with the upload.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from booking_domain.media.errors import (
    ImageRejectedError,
    StorageUnavailableError,
    UploadMismatchError,
    UploadNotFoundError,
)
from booking_domain.media.images import ProcessedImage
from booking_domain.media.links import (
    ImageLink,
    image_links,
    variant_key,
    variant_store,
)
from booking_domain.media.storage import ObjectStore, PresignedPut, UploadTicket
from booking_domain.media.uploads import (
    ABANDONED_AFTER,
    URL_LIFETIME,
    Upload,
    UploadId,
    UploadStatus,
    Variant,
)
from booking_domain.media.use_cases.deps import MediaDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.use_case import UseCase

MISMATCH = "mismatch"  # the rejection recorded when the stored object was not the declared one
RETIRED_TYPE = "application/octet-stream"  # the empty object that keeps a finished upload's key


@dataclass(frozen=True, slots=True)
class RequestedUpload:
    upload: Upload
    ticket: UploadTicket


@dataclass(frozen=True, slots=True)
class UploadView:
    upload: Upload
    images: tuple[ImageLink, ...]


class RequestUpload(UseCase[MediaDeps]):
    """Any signed-in user asks to upload one image; the answer says how to PUT it."""

    async def __call__(
        self, actor: Actor, *, purpose: str, content_type: str, size: int
    ) -> RequestedUpload:
        upload = Upload.request(actor, purpose, content_type, size, self._deps.clock.now())
        ticket = await self._deps.stores.uploads.presign_put(
            PresignedPut(
                upload.key,
                content_type=upload.content_type,
                content_length=upload.size,
                metadata=upload.metadata,
                expires_in=int(URL_LIFETIME.total_seconds()),
            ).check()
        )
        async with self._deps.uow() as uow:
            await uow.uploads.add(upload)
            await uow.commit()
        return RequestedUpload(upload, ticket)


async def _visible(deps: MediaDeps, actor: Actor, upload_id: UploadId) -> Upload:
    async with deps.uow(read_only=True) as uow:
        upload = await uow.uploads.get(upload_id)
    if upload is None:
        raise UploadNotFoundError()
    return upload.readable_by(actor)


class GetUpload(UseCase[MediaDeps]):
    async def __call__(self, actor: Actor, upload_id: UploadId) -> UploadView:
        upload = await _visible(self._deps, actor, upload_id)
        return UploadView(upload, await image_links(self._deps.stores, upload))


class CompleteUpload(UseCase[MediaDeps]):
    """The owner says the PUT is done: the object is checked against the declaration,
    decoded under the image rules and made into variants. A refusal closes the upload and
    removes what was stored; a repeat of a finished completion returns its result."""

    async def __call__(self, actor: Actor, upload_id: UploadId) -> UploadView:
        upload = await _visible(self._deps, actor, upload_id)
        if upload.status is UploadStatus.PENDING:
            upload = await self._process(upload)
        if upload.status is UploadStatus.REJECTED:
            raise ImageRejectedError(upload.rejection or MISMATCH)
        return UploadView(upload, await image_links(self._deps.stores, upload))

    async def _process(self, upload: Upload) -> Upload:
        try:
            processed = await self._processed(upload)
        except (UploadMismatchError, ImageRejectedError) as refusal:
            reason = refusal.reason if isinstance(refusal, ImageRejectedError) else MISMATCH
            closed = await self._close(upload, reason)
            if closed is not None and closed.status is UploadStatus.READY:
                return closed  # another complete of the same upload finished first
            raise
        variants = await self._store(upload, processed)
        async with self._deps.uow() as uow:
            current = await uow.uploads.lock(upload.id)
            if current is None:
                raise UploadNotFoundError()
            if current.status is UploadStatus.PENDING:
                current = current.complete(variants, self._deps.clock.now())
                await uow.uploads.update(current)
                await uow.commit()
        # The original still holds EXIF and GPS: only the stripped variants are kept.
        await _retire_original(self._deps.stores.uploads, upload.key)
        return current

    async def _processed(self, upload: Upload) -> Sequence[ProcessedImage]:
        store = self._deps.stores.uploads
        upload.check_stored(await store.head(upload.key), self._deps.clock.now())
        original = await store.get(upload.key, max_bytes=upload.size)
        return await self._deps.images.variants(original, upload.content_type)

    async def _store(
        self, upload: Upload, processed: Sequence[ProcessedImage]
    ) -> tuple[Variant, ...]:
        store = variant_store(self._deps.stores, upload)
        written: list[Variant] = []
        try:
            for image in processed:
                key = variant_key(upload, image.name)
                info = await store.put(
                    key,
                    image.data,
                    content_type=image.content_type,
                    cache_control=_cache_control(upload),
                )
                written.append(
                    Variant(
                        image.name, key, image.width, image.height, info.size, image.content_type
                    )
                )
        except StorageUnavailableError:
            for variant in written:  # nothing half-made: a retry writes them all again
                await _quietly_delete(store, variant.key)
            raise
        return tuple(written)

    async def _close(self, upload: Upload, reason: str) -> Upload | None:
        """Records the refusal (if the upload is still pending), then retires the original;
        the upload as it now stands."""
        async with self._deps.uow() as uow:
            current = await uow.uploads.lock(upload.id)
            if current is not None and current.status is UploadStatus.PENDING:
                current = current.reject(reason, self._deps.clock.now())
                await uow.uploads.update(current)
                await uow.commit()
        await _retire_original(self._deps.stores.uploads, upload.key)
        return current


class PurgeAbandonedUploads(UseCase[MediaDeps]):
    """Uploads not used a day after they were requested (``Upload.abandoned``: never
    completed, rejected, or completed and never taken): each record is removed and
    committed first, then its original and its variants are deleted (a use racing the
    purge either took the upload first, and it is kept, or finds it gone). Returns how many
    were purged."""

    async def __call__(self, *, limit: int = 500) -> int:
        now = self._deps.clock.now()
        async with self._deps.uow(read_only=True) as uow:
            stale = await uow.uploads.abandoned(now - ABANDONED_AFTER, limit=limit)
        purged = 0
        for upload in stale:
            async with self._deps.uow() as uow:
                current = await uow.uploads.lock(upload.id)
                if current is None or not current.abandoned(now):
                    continue
                await uow.uploads.remove(upload.id)
                await uow.commit()
            await self._delete_objects(current)
            purged += 1
        return purged

    async def _delete_objects(self, upload: Upload) -> None:
        await _quietly_delete(self._deps.stores.uploads, upload.key)
        store = variant_store(self._deps.stores, upload)
        for variant in upload.variants:
            await _quietly_delete(store, variant.key)


def _cache_control(upload: Upload) -> str:
    if upload.purpose.is_private:
        return "private, max-age=300"
    return "public, max-age=31536000, immutable"  # a variant's key never holds other bytes


async def _quietly_delete(store: ObjectStore, key: str) -> None:
    """Clean-up that may fail without harm (R2's lifecycle rule on ``incoming/`` is the
    second net for originals)."""
    with contextlib.suppress(StorageUnavailableError):
        await store.delete(key)


async def _retire_original(store: ObjectStore, key: str) -> None:
    """The original's bytes replaced by nothing, its key kept taken (the module's
    docstring says why). A failure leaves the original to the purge, or to R2's rule."""
    with contextlib.suppress(StorageUnavailableError):
        await store.put(key, b"", content_type=RETIRED_TYPE)


class ImportImage(UseCase[MediaDeps]):
    """An image the server already holds (demo data, an import) goes the way a client's
    upload goes: requested, stored under the upload's key with its metadata, completed (the
    same checks and processing). Returns the finished upload."""

    async def __call__(
        self, actor: Actor, *, purpose: str, content_type: str, data: bytes
    ) -> UploadView:
        requested = await RequestUpload(self._deps)(
            actor, purpose=purpose, content_type=content_type, size=len(data)
        )
        upload = requested.upload
        await self._deps.stores.uploads.put(
            upload.key, data, content_type=upload.content_type, metadata=upload.metadata
        )
        return await CompleteUpload(self._deps)(actor, upload.id)
