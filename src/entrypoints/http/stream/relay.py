"""Between the relay (which follows the outbox) and the streams of this process: events go
out on Litestar channels named after who may hear them, one per user and one for admins."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import msgspec
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.base import ChannelsBackend
from litestar.channels.backends.memory import MemoryChannelsBackend

from booking_domain.shared import Actor, FeedItem, OutboxRelay
from entrypoints.http.lifespan import LifespanTask
from entrypoints.http.stream.dto import Published

if TYPE_CHECKING:
    from redis.asyncio import Redis

_log = logging.getLogger("inkslot.events")
ADMINS = "events:admins"
RESTART_AFTER = 1.0


def user_channel(user_id: object) -> str:
    return f"events:user:{user_id}"


def channels_of(actor: Actor) -> list[str]:
    """What a listener subscribes to: its own channel, or every event for admins."""
    return [ADMINS] if actor.is_admin else [user_channel(actor.user_id)]


@dataclass
class Listeners:
    """How many event streams this process has open: while none is, the relay moves past
    the outbox without reading it (``OutboxRelay.run``'s ``listening``)."""

    open: int = 0

    def __call__(self) -> bool:
        return self.open > 0


class Channels:
    """The app's channels, its streams' count, and what to close when it stops."""

    def __init__(self, redis_url: str | None, namespace: str) -> None:
        self.listeners = Listeners()
        self._redis: Redis | None = None
        backend: ChannelsBackend = MemoryChannelsBackend()
        if redis_url:  # the driver only where it is used (about 0.1 s at start)
            from litestar.channels.backends.redis import RedisChannelsPubSubBackend
            from redis.asyncio import Redis

            self._redis = Redis.from_url(redis_url)
            backend = RedisChannelsPubSubBackend(
                redis=self._redis, key_prefix=f"{namespace}:channels"
            )
        self.plugin = ChannelsPlugin(backend=backend, arbitrary_channels_allowed=True)

    async def close(self) -> None:
        if self._redis is not None:
            await self._redis.aclose()


def channels_for(redis_url: str | None, namespace: str) -> Channels:
    """Without Redis, in-process channels: every API process runs its own relay, so no
    broker is needed to reach listeners on other processes. With Redis, one relay in the
    deployment publishes through Redis pub/sub to the listeners of every process
    (docs/events.md)."""
    return Channels(redis_url, namespace)


def publisher(channels: ChannelsPlugin) -> Callable[[FeedItem], Awaitable[None]]:
    async def publish(item: FeedItem) -> None:
        targets = [ADMINS, *(user_channel(u) for u in item.event.audience)]
        await channels.wait_published(msgspec.json.encode(Published.of(item)), targets)

    return publish


class RelayTask(LifespanTask):
    """Runs the relay for the app's lifetime; restarts it if it ever fails."""

    name = "inkslot-event-relay"

    def __init__(
        self, relay: OutboxRelay, channels: ChannelsPlugin, listeners: Listeners | None = None
    ) -> None:
        super().__init__()
        self._relay = relay
        self._channels = channels
        self._listeners = listeners

    async def _run(self) -> None:
        while True:
            try:
                await self._relay.run(publisher(self._channels), listening=self._listeners)
            except Exception:
                _log.exception("the event relay failed; starting it again")
                await asyncio.sleep(RESTART_AFTER)
