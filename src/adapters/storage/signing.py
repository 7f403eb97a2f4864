"""The local store's signed URLs: HMAC-SHA256 over what the URL allows.

The canonical string names the method, bucket, key, absolute expiry (Unix seconds) and
the signed headers, sorted, with their values. A request is allowed only if it sends every
signed header with the signed value and no other ``x-amz-*`` header: the same promise an S3
presigned URL makes, so client code is the same for both stores.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping

SIGNED = ("content-type", "content-length", "if-none-match")
_SUBKEY_LABEL = b"storage-upload-v1"


def subkey(app_secret: bytes) -> bytes:
    """A key for storage URLs alone, derived from the app's secret."""
    return hmac.new(app_secret, _SUBKEY_LABEL, hashlib.sha256).digest()


def signed_part(headers: Mapping[str, str]) -> dict[str, str]:
    """The headers a signature covers (lower-case names)."""
    return {
        k.lower(): v.strip()
        for k, v in headers.items()
        if k.lower() in SIGNED or k.lower().startswith("x-amz-meta-")
    }


def canonical(
    method: str, bucket: str, key: str, expires_at: int, headers: Mapping[str, str]
) -> bytes:
    names = sorted(headers)
    lines = [method.upper(), bucket, key, str(expires_at), ";".join(names)]
    return "\n".join(lines + [f"{n}:{headers[n]}" for n in names]).encode()


def sign(key: bytes, message: bytes) -> str:
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def verify(key: bytes, message: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(key, message), signature)
