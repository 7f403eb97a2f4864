"""The embedded default store: files on local disk, signed URLs served by the app itself.

Objects live at ``{root}/{bucket}/{key}``, each with a sidecar ``{root}/{bucket}/.meta/{key}.json``
(content type, metadata, size, ETag, cache control); keys never start with ``.``, so the
sidecars cannot be addressed as objects. ``LocalStorageServer`` is the HTTP side: the signed
``PUT``/``GET`` under ``/_storage/{bucket}/{key}`` (the URL is the credential, checked exactly
as an S3 presigned URL is: ``signing.py``) and public files under ``/media/{key}``.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from adapters.storage import signing
from adapters.storage.public_keys import url_path
from booking_domain.media.errors import ObjectNotFoundError, ObjectTooLargeError
from booking_domain.media.storage import (
    ObjectInfo,
    PresignedPut,
    UploadTicket,
    check_expiry,
    check_key,
    check_metadata,
)
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class StoredObject:
    path: Path
    info: ObjectInfo
    cache_control: str | None


class LocalObjectStore:
    """One bucket under ``root``. ``base_url`` is where the app is reached (signed URLs and
    public URLs point at it); ``public`` stores have public URLs under ``/media``."""

    def __init__(
        self,
        root: Path,
        bucket: str,
        *,
        base_url: str,
        secret: bytes,
        clock: Clock,
        public: bool = False,
    ) -> None:
        self.bucket = bucket
        self.directory = (root / bucket).resolve()
        self.base_url = base_url.rstrip("/")
        self.public = public
        self.clock = clock
        self._key = signing.subkey(secret)

    # --- the port -------------------------------------------------------------------------

    async def presign_put(self, upload: PresignedPut) -> UploadTicket:
        upload.check()
        headers = {"Content-Type": upload.content_type}
        headers |= {f"x-amz-meta-{k}": v for k, v in upload.metadata.items()}
        if not upload.overwrite:
            headers["If-None-Match"] = "*"
        signed = signing.signed_part(headers) | {"content-length": str(upload.content_length)}
        expires_at = self.clock.now() + timedelta(seconds=upload.expires_in)
        url = self._signed_url("PUT", upload.key, int(expires_at.timestamp()), signed)
        return UploadTicket("PUT", url, headers, upload.key, expires_at)

    async def presign_get(self, key: str, *, expires_in: int = 300) -> str:
        check_key(key)
        check_expiry(expires_in)
        expires_at = int((self.clock.now() + timedelta(seconds=expires_in)).timestamp())
        return self._signed_url("GET", key, expires_at, {})

    async def head(self, key: str) -> ObjectInfo | None:
        found = await asyncio.to_thread(self.stored, check_key(key))
        return None if found is None else found.info

    async def get(self, key: str, *, max_bytes: int) -> bytes:
        found = await asyncio.to_thread(self.stored, check_key(key))
        if found is None:
            raise ObjectNotFoundError()
        if found.info.size > max_bytes:
            raise ObjectTooLargeError()
        return await asyncio.to_thread(found.path.read_bytes)

    async def put(
        self,
        key: str,
        data: bytes,
        *,
        content_type: str,
        metadata: Mapping[str, str] | None = None,
        cache_control: str | None = None,
    ) -> ObjectInfo:
        check_key(key)
        meta = check_metadata(metadata or {})

        def write() -> ObjectInfo:
            path = self.path_of(key)
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
                tmp.write(data)
            etag = hashlib.md5(data, usedforsecurity=False).hexdigest()
            info = ObjectInfo(key, len(data), content_type, meta, etag)
            os.replace(tmp.name, path)
            self.write_sidecar(info, cache_control)
            return info

        return await asyncio.to_thread(write)

    async def delete(self, key: str) -> None:
        check_key(key)

        def remove() -> None:
            for path in (self.path_of(key), self.sidecar_of(key)):
                path.unlink(missing_ok=True)

        await asyncio.to_thread(remove)

    def public_url(self, key: str) -> str | None:
        return f"{self.base_url}/media/{url_path(key)}" if self.public else None

    # --- files (also used by the server) -----------------------------------------------------

    def path_of(self, key: str) -> Path:
        path = (self.directory / key).resolve()
        if not path.is_relative_to(self.directory):  # a second guard after the key rule
            raise ValueError("key escapes the bucket")
        return path

    def sidecar_of(self, key: str) -> Path:
        return self.directory / ".meta" / f"{key}.json"

    def stored(self, key: str) -> StoredObject | None:
        path, sidecar = self.path_of(key), self.sidecar_of(key)
        try:
            meta: dict[str, Any] = json.loads(sidecar.read_text())
        except FileNotFoundError:
            return None
        if not path.is_file():
            return None
        info = ObjectInfo(key, meta["size"], meta["contentType"], meta["metadata"], meta["etag"])
        return StoredObject(path, info, meta.get("cacheControl"))

    def write_sidecar(self, info: ObjectInfo, cache_control: str | None) -> None:
        sidecar = self.sidecar_of(info.key)
        sidecar.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "size": info.size,
            "contentType": info.content_type,
            "metadata": dict(info.metadata),
            "etag": info.etag,
            "cacheControl": cache_control,
        }
        with tempfile.NamedTemporaryFile("w", dir=sidecar.parent, delete=False) as tmp:
            json.dump(body, tmp)
        os.replace(tmp.name, sidecar)

    def signature_key(self) -> bytes:
        return self._key

    def _signed_url(self, method: str, key: str, expires_at: int, headers: dict[str, str]) -> str:
        message = signing.canonical(method, self.bucket, key, expires_at, headers)
        query = urlencode(
            {
                "X-Expires": str(expires_at),
                "X-SignedHeaders": ";".join(sorted(headers)),
                "X-Signature": signing.sign(self._key, message),
            }
        )
        return f"{self.base_url}/_storage/{self.bucket}/{quote(key)}?{query}"
