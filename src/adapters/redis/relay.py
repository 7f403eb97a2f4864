"""With Redis (``INKSLOT_REDIS_URL``): one relay for the whole deployment.

Without Redis every API process follows the outbox itself and publishes to its own
listeners. With Redis, listeners subscribe through Redis pub/sub (Litestar's channels), so a
single relay is enough: the process holding the **lease** (a Redis key with a time to live,
renewed while it lives) follows the outbox and publishes; the others wait to take over.

Nothing is lost in a hand-over: the leader writes its feed cursor to Redis after each batch
it published (the **checkpoint**), and a new leader starts from there. Events published
between the last checkpoint and a crash are published again; streams drop them by cursor.
A leader that dies holds the lease at most ``LEASE_SECONDS``: events committed meanwhile
arrive late, not never. A stream that lost its connection replays from the outbox anyway
(``Last-Event-ID``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Callable

from redis.asyncio import Redis
from redis.exceptions import RedisError

from booking_domain.shared import OutboxRelay
from booking_domain.shared.ports import Listening, Publish

_log = logging.getLogger("inkslot.events")
LEASE_SECONDS = 3.0
RENEW_EVERY = 1.0
RETRY_EVERY = 1.0

# Renew or release only the lease this holder took (another may hold it after an expiry).
_RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end"  # noqa: E501
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"  # noqa: E501


class RedisLease:
    """A lease only one holder has at a time, until it lets go or stops renewing."""

    def __init__(self, client: Redis, key: str, *, seconds: float = LEASE_SECONDS) -> None:
        self._client = client
        self._key = key
        self._ttl_ms = int(seconds * 1000)
        self._token = secrets.token_hex(16)

    async def acquire(self) -> bool:
        return bool(await self._client.set(self._key, self._token, nx=True, px=self._ttl_ms))

    async def renew(self) -> bool:
        renewed = await self._client.eval(_RENEW, 1, self._key, self._token, self._ttl_ms)
        return bool(renewed)

    async def release(self) -> None:
        await self._client.eval(_RELEASE, 1, self._key, self._token)


class RedisCheckpoint:
    """The feed cursor up to which the relay has published."""

    def __init__(self, client: Redis, key: str) -> None:
        self._client = client
        self._key = key

    async def load(self) -> str | None:
        value = await self._client.get(self._key)
        if value is None:
            return None
        return value.decode() if isinstance(value, bytes) else str(value)

    async def save(self, cursor: str) -> None:
        await self._client.set(self._key, cursor)


class LeaderRelay(OutboxRelay):
    """Runs a relay (made fresh, from the checkpoint, at each turn) only while it holds the
    lease; otherwise waits for the lease to come free."""

    def __init__(self, make_relay: Callable[[], OutboxRelay], lease: RedisLease) -> None:
        self._make_relay = make_relay
        self._lease = lease

    async def run(self, publish: Publish, *, listening: Listening | None = None) -> None:
        """The leader publishes for every process (through Redis), whose listeners it
        cannot see: ``listening`` is not consulted."""
        try:
            while True:
                try:
                    if await self._lease.acquire():
                        await self._lead(publish)
                except RedisError as exc:
                    _log.warning("event relay lost Redis (%s); retrying", type(exc).__name__)
                await asyncio.sleep(RETRY_EVERY)
        finally:
            with contextlib.suppress(RedisError, OSError):
                await self._lease.release()  # hand over at once on a clean stop

    async def _lead(self, publish: Publish) -> None:
        _log.info("this process relays events for the deployment")
        relay = asyncio.create_task(self._make_relay().run(publish), name="inkslot-relay-leader")
        try:
            while not relay.done():
                await asyncio.sleep(RENEW_EVERY)
                if not await self._lease.renew():
                    _log.warning("event relay lease lost; another process relays now")
                    return
        finally:
            relay.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await relay
