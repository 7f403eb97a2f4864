"""One httpx client per receiving host, for requests pinned to a checked address.

Outside the local profile an ``https`` delivery goes to the address the SSRF guard checked,
with the host's name as its TLS server name. httpx's pool knows a connection by scheme,
address and port: a connection kept in a shared pool could carry the next request for
another host on the same address (a CDN's), whose certificate would then never be checked.
So each host gets a client of its own: every connection in it was made, and its
certificate checked, for that host's name, and keeping it saves the next delivery a TCP and
TLS handshake.

At most ``capacity`` hosts are held, the least recently used let go first, and a host not
delivered to for ``idle_seconds`` is let go at the next lease (httpx drops an idle
connection only when its pool is next used: a pool nobody uses would keep its sockets). A
client let go while requests still run on it is closed when the last of them ends; after
``close``, a lease gets a client of its own, closed when the lease ends.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx

# Receiving hosts whose connections are kept at once: endpoints are few per platform, and a
# client costs a pool and a few idle sockets.
CAPACITY = 64
# As the pools' keep-alive expiry: a host idle this long has no connection worth keeping.
IDLE_SECONDS = 2.0


@dataclass(slots=True)
class _Held:
    client: httpx.AsyncClient
    used_at: float
    users: int = 0
    released: bool = False


class PinnedClients:
    """The clients of the hosts requests went to last, one per host name."""

    def __init__(
        self,
        make: Callable[[], httpx.AsyncClient],
        *,
        capacity: int = CAPACITY,
        idle_seconds: float = IDLE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._make = make
        self._capacity = capacity
        self._idle_seconds = idle_seconds
        self._clock = clock
        self._held: OrderedDict[str, _Held] = OrderedDict()
        self._closed = False

    def __len__(self) -> int:
        return len(self._held)

    @asynccontextmanager
    async def lease(self, host: str) -> AsyncIterator[httpx.AsyncClient]:
        """The client for ``host`` (a TLS server name, as the guard wrote it), held open
        for the block."""
        now = self._clock()
        held = self._held.get(host)
        if held is None:
            held = _Held(self._make(), now, released=self._closed)
            if not self._closed:
                self._held[host] = held
        else:
            self._held.move_to_end(host)
            held.used_at = now
        # Counted before anything awaits, so no eviction meanwhile can close it under us.
        held.users += 1
        try:
            await self._let_go(self._surplus(now))
            yield held.client
        finally:
            held.users -= 1
            if held.released and held.users == 0:
                await held.client.aclose()

    async def close(self) -> None:
        """Every client closed; the ones still in use when their last request ends."""
        self._closed = True
        held, self._held = list(self._held.values()), OrderedDict()
        await self._let_go(held)

    def _surplus(self, now: float) -> list[_Held]:
        """The held clients to let go: beyond the capacity (least recently used first) or
        idle too long; taken out of the table before any of them is closed."""
        gone: list[_Held] = []
        while len(self._held) > self._capacity:
            gone.append(self._held.popitem(last=False)[1])
        for host, held in list(self._held.items()):
            if now - held.used_at < self._idle_seconds:
                break  # in order of use: the rest were used later
            if held.users == 0:
                gone.append(self._held.pop(host))
        return gone

    @staticmethod
    async def _let_go(gone: list[_Held]) -> None:
        for held in gone:
            held.released = True
        for held in gone:
            if held.users == 0:
                await held.client.aclose()
