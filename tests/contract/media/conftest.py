"""One ``ObjectStore`` contract, two backends: the local store (its HTTP side mounted
in-process) and the S3 adapter against moto behind a SigV4-checking proxy. Each test uploads
through real HTTP with the ticket's URL and headers."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from adapters.storage.local import LocalObjectStore
from adapters.storage.local_server import LocalStorageServer
from adapters.storage.s3 import S3Client, S3ObjectStore
from adapters.system.clock import ManualClock
from booking_domain.media.storage import ObjectStore
from tests.support.strict_moto import StrictMotoServer

ACCESS_KEY, SECRET_KEY = "inkslot-test", "inkslot-test-secret"


@dataclass
class Backend:
    name: str
    store: ObjectStore
    http: httpx.AsyncClient
    expire: Callable[[int], object]  # move the store's notion of time forward by seconds
    key_prefix: str


class _Skew:
    def __init__(self) -> None:
        self.seconds = 0.0

    def now(self) -> float:
        return time.time() + self.seconds


@pytest.fixture(scope="session")
def moto_server() -> Iterator[tuple[StrictMotoServer, _Skew]]:
    skew = _Skew()
    server = StrictMotoServer({ACCESS_KEY: SECRET_KEY}, skew.now)
    server.start()
    try:
        yield server, skew
    finally:
        server.stop()


@pytest.fixture(params=["local", "s3-strict"])
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    prefix = f"t/{uuid.uuid4().hex}"
    if request.param == "local":
        clock = ManualClock(datetime.now(UTC))
        store = LocalObjectStore(
            tmp_path, "uploads", base_url="http://inkslot.test", secret=b"s" * 32, clock=clock
        )
        transport = httpx.ASGITransport(app=LocalStorageServer({"uploads": store}))
        async with httpx.AsyncClient(transport=transport) as http:
            yield Backend(
                "local", store, http, lambda s: clock.advance(timedelta(seconds=s)), prefix
            )
        return
    server, skew = request.getfixturevalue("moto_server")
    client = S3Client(
        endpoint_url=server.endpoint_url, access_key_id=ACCESS_KEY, secret_access_key=SECRET_KEY
    )
    s3 = await client.open()
    bucket = f"uploads-{uuid.uuid4().hex[:12]}"
    await s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "auto"})
    skew.seconds = 0
    try:
        async with httpx.AsyncClient() as http:
            yield Backend(
                "s3-strict",
                S3ObjectStore(client, bucket, clock=ManualClock(datetime.now(UTC))),
                http,
                lambda s: setattr(skew, "seconds", skew.seconds + s),
                prefix,
            )
    finally:
        skew.seconds = 0
        await client.close()
