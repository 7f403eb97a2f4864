"""Which object stores a deployment uses: R2 (or any S3) when configured, else local files
under ``data_dir/storage`` served by the app itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from adapters.storage.local import LocalObjectStore
from adapters.storage.local_server import LocalStorageServer
from booking_domain.media import MediaStores
from booking_domain.shared import Clock
from entrypoints.settings import Settings

if TYPE_CHECKING:
    from adapters.storage.s3 import S3Client


@dataclass(frozen=True, slots=True)
class Storage:
    stores: MediaStores
    server: LocalStorageServer | None  # the HTTP side of local stores, mounted by the app
    client: S3Client | None

    async def close(self) -> None:
        if self.client is not None:
            await self.client.close()


def storage_for(settings: Settings, jwt_secret: str, clock: Clock) -> Storage:
    if settings.uses_object_storage:
        # Imported here: botocore takes most of a second to import, and every `inkslot`
        # command (and the local profile) would pay it for nothing.
        from adapters.storage.s3 import S3Client, S3ObjectStore, r2_endpoint

        endpoint = settings.s3_endpoint_url or r2_endpoint(settings.r2_account_id or "")
        client = S3Client(
            endpoint_url=endpoint,
            access_key_id=settings.r2_access_key_id or "",
            secret_access_key=settings.r2_secret_access_key or "",
        )
        uploads = S3ObjectStore(client, settings.r2_uploads_bucket, clock=clock)
        media = S3ObjectStore(
            client,
            settings.r2_media_bucket,
            clock=clock,
            public_base_url=settings.r2_media_public_base_url,
        )
        return Storage(MediaStores(uploads, media), None, client)
    root, secret = settings.data_dir / "storage", jwt_secret.encode()
    local_uploads = LocalObjectStore(
        root, "uploads", base_url=settings.base_url, secret=secret, clock=clock
    )
    local_media = LocalObjectStore(
        root, "media", base_url=settings.base_url, secret=secret, clock=clock, public=True
    )
    server = LocalStorageServer({"uploads": local_uploads, "media": local_media})
    return Storage(MediaStores(local_uploads, local_media), server, None)
