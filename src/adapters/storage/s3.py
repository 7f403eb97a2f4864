"""R2 (or any S3-compatible store) through aioboto3: one client for the app's lifetime.

R2's settings: region ``auto``, path
addressing, SigV4, and checksums only when required (R2 refuses the aws-chunked CRC32
trailer botocore adds by default). A presigned PUT binds ``Content-Type``, ``Content-Length``,
the ``x-amz-meta-*`` metadata and, for write-once, ``If-None-Match: *``; expiry is capped by
the port's rule (botocore would sign 7 days and more). Provider errors become the port's
errors; presigned URLs are bearer credentials and are never logged.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import aioboto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from adapters.storage.public_keys import url_path
from booking_domain.media.errors import (
    ObjectExistsError,
    ObjectNotFoundError,
    ObjectTooLargeError,
    StorageUnavailableError,
)
from booking_domain.media.storage import (
    ObjectInfo,
    PresignedPut,
    UploadTicket,
    check_expiry,
    check_key,
    check_metadata,
)
from booking_domain.shared.clock import Clock

_log = logging.getLogger("inkslot.storage")


def r2_endpoint(account_id: str) -> str:
    return f"https://{account_id}.r2.cloudflarestorage.com"


def r2_config() -> Config:
    return Config(
        signature_version="s3v4",
        s3={"addressing_style": "path"},
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        retries={"mode": "standard", "max_attempts": 3},
        connect_timeout=5,
        read_timeout=30,
    )


class S3Client:
    """The one aioboto3 client a process shares between its stores."""

    def __init__(
        self, *, endpoint_url: str, access_key_id: str, secret_access_key: str, region: str = "auto"
    ) -> None:
        self._session = aioboto3.Session(
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            region_name=region,
        )
        self._endpoint_url = endpoint_url
        self._stack = contextlib.AsyncExitStack()
        self._client: Any = None

    async def open(self) -> Any:
        if self._client is None:
            client = self._session.client("s3", endpoint_url=self._endpoint_url, config=r2_config())
            self._client = await self._stack.enter_async_context(client)
        return self._client

    async def close(self) -> None:
        self._client = None
        await self._stack.aclose()


class S3ObjectStore:
    """One bucket; ``public_base_url`` (a custom domain in front of a public bucket) gives
    public URLs, none for a private bucket."""

    def __init__(
        self, client: S3Client, bucket: str, *, clock: Clock, public_base_url: str | None = None
    ) -> None:
        self._client = client
        self.bucket = bucket
        self._clock = clock
        self._public = public_base_url.rstrip("/") if public_base_url else None

    async def presign_put(self, upload: PresignedPut) -> UploadTicket:
        upload.check()
        params: dict[str, Any] = {
            "Bucket": self.bucket,
            "Key": upload.key,
            "ContentType": upload.content_type,
            "ContentLength": upload.content_length,
            "Metadata": dict(upload.metadata),
        }
        headers = {"Content-Type": upload.content_type}
        headers |= {f"x-amz-meta-{k}": v for k, v in upload.metadata.items()}
        if not upload.overwrite:
            params["IfNoneMatch"] = "*"
            headers["If-None-Match"] = "*"
        client = await self._client.open()
        url = await client.generate_presigned_url(
            "put_object", Params=params, ExpiresIn=upload.expires_in
        )
        expires_at = self._clock.now() + timedelta(seconds=upload.expires_in)
        return UploadTicket("PUT", url, headers, upload.key, expires_at)

    async def presign_get(self, key: str, *, expires_in: int = 300) -> str:
        params = {"Bucket": self.bucket, "Key": check_key(key)}
        client = await self._client.open()
        url: str = await client.generate_presigned_url(
            "get_object", Params=params, ExpiresIn=check_expiry(expires_in)
        )
        return url

    async def head(self, key: str) -> ObjectInfo | None:
        try:
            answer = await self._call("head_object", Key=check_key(key))
        except ObjectNotFoundError:
            return None
        return _info(key, answer)

    async def get(self, key: str, *, max_bytes: int) -> bytes:
        answer = await self._call("get_object", Key=check_key(key))
        try:
            async with answer["Body"] as body:
                # The length of what is being sent, checked before a byte of it is read.
                if int(answer.get("ContentLength", 0)) > max_bytes:
                    raise ObjectTooLargeError()
                data: bytes = await body.read()
        except (BotoCoreError, OSError) as exc:
            raise StorageUnavailableError() from exc
        return data

    async def put(
        self,
        key: str,
        data: bytes,
        *,
        content_type: str,
        metadata: Mapping[str, str] | None = None,
        cache_control: str | None = None,
    ) -> ObjectInfo:
        extra: dict[str, Any] = {"CacheControl": cache_control} if cache_control else {}
        meta = check_metadata(metadata or {})
        answer = await self._call(
            "put_object",
            Key=check_key(key),
            Body=data,
            ContentType=content_type,
            Metadata=meta,
            **extra,
        )
        etag = str(answer.get("ETag", "")).strip('"')
        return ObjectInfo(key, len(data), content_type, meta, etag)

    async def delete(self, key: str) -> None:
        await self._call("delete_object", Key=check_key(key))

    def public_url(self, key: str) -> str | None:
        return f"{self._public}/{url_path(key)}" if self._public else None

    async def _call(self, operation: str, **params: Any) -> Any:
        client = await self._client.open()
        try:
            return await getattr(client, operation)(Bucket=self.bucket, **params)
        except ClientError as exc:
            raise _translated(exc, operation) from exc
        except (BotoCoreError, OSError) as exc:
            _log.warning("storage %s failed: %s", operation, type(exc).__name__)
            raise StorageUnavailableError() from exc


def _translated(exc: ClientError, operation: str) -> Exception:
    error = exc.response.get("Error", {})
    code = str(error.get("Code", ""))
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    if code in ("404", "NoSuchKey", "NotFound") or status == 404:
        return ObjectNotFoundError()
    if code in ("412", "PreconditionFailed") or status == 412:
        return ObjectExistsError()
    request_id = exc.response.get("ResponseMetadata", {}).get("RequestId")
    _log.warning("storage %s refused: %s (request %s)", operation, code, request_id)
    return StorageUnavailableError()


def _info(key: str, answer: Mapping[str, Any]) -> ObjectInfo:
    return ObjectInfo(
        key,
        int(answer.get("ContentLength", 0)),
        str(answer.get("ContentType", "")),
        dict(answer.get("Metadata", {})),
        str(answer.get("ETag", "")).strip('"'),
    )
