"""HTTP for the local store: what R2 does for presigned URLs and a public bucket, served by
the app itself (a plain ASGI app the HTTP layer mounts at ``/_storage`` and ``/media``).

- ``PUT /_storage/{bucket}/{key}?X-Expires&X-SignedHeaders&X-Signature``: every signed
  header present with its signed value and no unsigned ``x-amz-*`` header, the signature,
  then the expiry; the body streamed to a temporary file, exactly the signed length; a
  write-once URL (``If-None-Match: *`` signed) never replaces an object (412).
- ``GET|HEAD /_storage/{bucket}/{key}?...``: a signed download (private objects).
- ``GET|HEAD /media/{key}``: the public store's objects, with their stored type and cache
  control (``nosniff`` and the other security headers come from the app around it).

Refusals use S3's status codes and error codes in S3's XML shape, so a client handles both
stores alike.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any
from urllib.parse import parse_qs

from adapters.storage import signing
from adapters.storage.local import LocalObjectStore, StoredObject
from booking_domain.media.errors import InvalidKeyError
from booking_domain.media.storage import ObjectInfo, check_key

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
_CHUNK = 64 * 1024


class StorageError(Exception):
    def __init__(self, status: int, code: str) -> None:
        super().__init__(code)
        self.status = status
        self.code = code


class LocalStorageServer:
    """The ASGI app over a deployment's local stores (by bucket name)."""

    def __init__(self, stores: Mapping[str, LocalObjectStore]) -> None:
        self._stores = dict(stores)
        self._public = next((s for s in stores.values() if s.public), None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        try:
            await self._route(scope, receive, send)
        except StorageError as refusal:
            await _error(send, refusal.status, refusal.code, scope["method"] == "HEAD")

    async def _route(self, scope: Scope, receive: Receive, send: Send) -> None:
        # The whole path (a mount rewrites ``path``); some servers leave the query on it.
        raw: bytes = scope.get("raw_path") or scope["path"].encode()
        path = raw.decode("latin-1").partition("?")[0]
        method: str = scope["method"]
        if path.startswith("/media/") and self._public is not None:
            if method not in ("GET", "HEAD"):
                raise StorageError(405, "MethodNotAllowed")
            await self._serve(send, self._public, _key(path[len("/media/") :]), method, True)
            return
        bucket, _, key = path.removeprefix("/_storage/").partition("/")
        store = self._stores.get(bucket)
        if not path.startswith("/_storage/") or store is None:
            raise StorageError(404, "NoSuchBucket")
        key = _key(key)
        query = {k: v[0] for k, v in parse_qs(scope.get("query_string", b"").decode()).items()}
        headers = _headers(scope)
        if method == "PUT":
            signed = _authorise(store, "PUT", key, query, headers)
            etag = await self._receive(store, key, signed, receive)
            await _respond(send, 200, {"etag": f'"{etag}"'}, b"")
        elif method in ("GET", "HEAD"):
            _authorise(store, "GET", key, query, headers)
            await self._serve(send, store, key, method, False)
        else:
            raise StorageError(405, "MethodNotAllowed")

    async def _receive(
        self, store: LocalObjectStore, key: str, signed: Mapping[str, str], receive: Receive
    ) -> str:
        length = int(signed.get("content-length", "-1"))
        path = store.path_of(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        md5, size = hashlib.md5(usedforsecurity=False), 0
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            try:
                more = True
                while more:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        raise StorageError(400, "IncompleteBody")
                    chunk: bytes = message.get("body", b"")
                    size += len(chunk)
                    if size > length:
                        raise StorageError(400, "EntityTooLarge")
                    md5.update(chunk)
                    tmp.write(chunk)
                    more = message.get("more_body", False)
                if size != length:
                    raise StorageError(400, "IncompleteBody")
                tmp.close()
                self._commit(store, tmp.name, key, signed, size, md5.hexdigest())
                return md5.hexdigest()
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp.name)

    @staticmethod
    def _commit(
        store: LocalObjectStore, tmp: str, key: str, signed: Mapping[str, str], size: int, etag: str
    ) -> None:
        path = store.path_of(key)
        if signed.get("if-none-match") == "*":
            try:
                os.link(tmp, path)  # atomic: fails if the key holds an object already
            except FileExistsError:
                raise StorageError(412, "PreconditionFailed") from None
        else:
            os.replace(tmp, path)
        metadata = {
            k[len("x-amz-meta-") :]: v for k, v in signed.items() if k.startswith("x-amz-meta-")
        }
        info = ObjectInfo(
            key, size, signed.get("content-type", "application/octet-stream"), metadata, etag
        )
        store.write_sidecar(info, None)

    @staticmethod
    async def _serve(
        send: Send, store: LocalObjectStore, key: str, method: str, public: bool
    ) -> None:
        found: StoredObject | None = store.stored(key)
        if found is None:
            raise StorageError(404, "NoSuchKey")
        headers = {
            "content-type": found.info.content_type,
            "content-length": str(found.info.size),
            "etag": f'"{found.info.etag}"',
            "cache-control": found.cache_control
            or ("public, max-age=3600" if public else "private, no-store"),
        }
        await send({"type": "http.response.start", "status": 200, "headers": _raw(headers)})
        if method == "HEAD":
            await send({"type": "http.response.body", "body": b""})
            return
        with found.path.open("rb") as file:
            while chunk := file.read(_CHUNK):
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b""})


def _authorise(
    store: LocalObjectStore,
    method: str,
    key: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
) -> dict[str, str]:
    """The signed headers and their values, if the request is exactly what the URL allows."""
    try:
        expires_at = int(query["X-Expires"])
        names = [n for n in query.get("X-SignedHeaders", "").split(";") if n]
        signature = query["X-Signature"]
    except (KeyError, ValueError):
        raise StorageError(403, "AccessDenied") from None
    if any(name not in headers for name in names):
        raise StorageError(403, "SignatureDoesNotMatch")
    if any(h.startswith("x-amz-") and h not in names for h in headers):
        raise StorageError(403, "SignatureDoesNotMatch")
    signed = {name: headers[name].strip() for name in names}
    message = signing.canonical(method, store.bucket, key, expires_at, signed)
    if not signing.verify(store.signature_key(), message, signature):
        raise StorageError(403, "SignatureDoesNotMatch")
    if store.clock.now().timestamp() > expires_at:
        raise StorageError(403, "AccessDenied")  # "Request has expired"
    return signed


def _key(raw: str) -> str:
    try:
        return check_key(raw)
    except InvalidKeyError:
        raise StorageError(400, "InvalidKey") from None


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _raw(headers: Mapping[str, str]) -> list[tuple[bytes, bytes]]:
    return [(k.encode(), v.encode("latin-1")) for k, v in headers.items()]


async def _respond(send: Send, status: int, headers: Mapping[str, str], body: bytes) -> None:
    all_headers = {"content-length": str(len(body)), **headers}
    await send({"type": "http.response.start", "status": status, "headers": _raw(all_headers)})
    await send({"type": "http.response.body", "body": body})


async def _error(send: Send, status: int, code: str, head: bool) -> None:
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code></Error>'.encode()
    headers = {"content-type": "application/xml"}
    await _respond(send, status, headers, b"" if head else body)
