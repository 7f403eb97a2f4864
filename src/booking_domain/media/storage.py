"""Object storage: what both stores (private ``uploads``, public ``media``) promise, and the
one validation both adapters run before any I/O, so that they refuse identical input.

Rules:
- keys are made by Inkslot, never from a client's file name: ``^[a-z0-9][a-z0-9/_.-]{0,511}$``,
  no ``..``, no ``//``, no trailing ``/``;
- metadata keys ``^[a-z0-9-]{1,64}$``, ASCII printable values, 2 KiB in all (R2's hard limit
  is 8 KiB; keys and values travel as ``x-amz-meta-*`` headers);
- a signed URL lives 60 s to 1 h (R2 accepts up to 7 days and botocore does not cap it:
  the cap is ours);
- a presigned upload binds its content type, its exact length, its metadata and (unless
  ``overwrite``) write-once: the client must send exactly the ticket's headers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from booking_domain.media.errors import (
    InvalidKeyError,
    InvalidMetadataError,
    InvalidStorageRequestError,
)
from booking_domain.shared.errors import FieldError

MIN_EXPIRY_SECONDS = 60
MAX_EXPIRY_SECONDS = 3600
MAX_METADATA_BYTES = 2048
MAX_OBJECT_BYTES = 5 * 1024**3 - 5 * 1024**2  # one PUT on R2; uploads cap far lower
_KEY = re.compile(r"[a-z0-9][a-z0-9/_.-]{0,511}")
_META_KEY = re.compile(r"[a-z0-9-]{1,64}")
_META_VALUE = re.compile(r"[\x20-\x7e]*")


def check_key(key: str) -> str:
    if not _KEY.fullmatch(key) or ".." in key or "//" in key or key.endswith("/"):
        raise InvalidKeyError()
    return key


def check_metadata(metadata: Mapping[str, str]) -> dict[str, str]:
    size = 0
    for name, value in metadata.items():
        if not _META_KEY.fullmatch(name) or not _META_VALUE.fullmatch(value):
            raise InvalidMetadataError(errors=(FieldError("metadata", f"{name!r} is invalid"),))
        size += len(name) + len(value)
    if size > MAX_METADATA_BYTES:
        raise InvalidMetadataError(errors=(FieldError("metadata", "more than 2 KiB"),))
    return dict(metadata)


def check_expiry(expires_in: int) -> int:
    if not MIN_EXPIRY_SECONDS <= expires_in <= MAX_EXPIRY_SECONDS:
        raise InvalidStorageRequestError(
            f"A signed URL lives {MIN_EXPIRY_SECONDS} to {MAX_EXPIRY_SECONDS} seconds."
        )
    return expires_in


def check_length(content_length: int, limit: int = MAX_OBJECT_BYTES) -> int:
    if not 1 <= content_length <= limit:
        raise InvalidStorageRequestError(errors=(FieldError("size", f"1 to {limit} bytes"),))
    return content_length


@dataclass(frozen=True, slots=True)
class PresignedPut:
    """What a presigned upload is bound to (validated by ``check``)."""

    key: str
    content_type: str
    content_length: int
    metadata: Mapping[str, str] = field(default_factory=dict)
    expires_in: int = 600
    overwrite: bool = False

    def check(self) -> PresignedPut:
        check_key(self.key)
        check_metadata(self.metadata)
        check_expiry(self.expires_in)
        check_length(self.content_length)
        if not re.fullmatch(r"[a-z]+/[a-z0-9.+-]+", self.content_type):
            raise InvalidStorageRequestError(
                errors=(FieldError("contentType", "not a media type"),)
            )
        return self


@dataclass(frozen=True, slots=True)
class UploadTicket:
    """How the client uploads: ``method`` to ``url`` with exactly ``headers`` (never
    ``Content-Length``: clients set it from the body, and it must equal the declared size)."""

    method: str
    url: str
    headers: Mapping[str, str]
    key: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    key: str
    size: int
    content_type: str
    metadata: Mapping[str, str]
    etag: str


class ObjectStore(Protocol):
    """One bucket. Every adapter passes ``tests/contract/media``."""

    async def presign_put(self, upload: PresignedPut) -> UploadTicket:
        """A URL the client PUTs the object to, bound to everything in ``upload`` (a request
        differing in type, length, metadata, key, or made after expiry is refused; with
        ``overwrite=False`` a second upload to the key is refused with 412)."""
        ...

    async def presign_get(self, key: str, *, expires_in: int = 300) -> str:
        """A URL that downloads the object until it expires (private objects)."""
        ...

    async def head(self, key: str) -> ObjectInfo | None: ...

    async def get(self, key: str, *, max_bytes: int) -> bytes:
        """The object's bytes; ``ObjectNotFoundError`` when absent, ``ObjectTooLargeError``
        when larger than ``max_bytes`` (checked before reading it)."""
        ...

    async def put(
        self,
        key: str,
        data: bytes,
        *,
        content_type: str,
        metadata: Mapping[str, str] | None = None,
        cache_control: str | None = None,
    ) -> ObjectInfo:
        """Store (or replace) the object."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the object; removing an absent one is not an error."""
        ...

    def public_url(self, key: str) -> str | None:
        """Where anyone may fetch the object, or None for a private store."""
        ...
