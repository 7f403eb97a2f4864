"""One httpx client per receiving host, for requests pinned to a checked address.

Outside the local profile an ``https`` delivery goes to the address the SSRF guard checked,
with the host's name as its TLS server name. httpx's pool knows a connection by scheme,
address and port: a connection kept in a shared pool could carry the next request for
another host on the same address (a CDN's), whose certificate would then never be checked.
So each host gets a client of its own: every connection in it was made, and its
certificate checked, for that host's name, and keeping it saves the next delivery a TCP and
TLS handshake.

At most ``capacity`` hosts are held, the least recently used let go first. A client let go
while requests still run on it is closed when the last of them ends.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx

# Receiving hosts whose connections are kept at once: endpoints are few per platform, and a
# client costs a pool and a few idle sockets.
CAPACITY = 64


@dataclass(slots=True)
class _Held:
    client: httpx.AsyncClient
    users: int = 0
    released: bool = False


class PinnedClients:
    """The clients of the hosts requests went to last, one per host name."""

    def __init__(self, make: Callable[[], httpx.AsyncClient], *, capacity: int = CAPACITY) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._make = make
        self._capacity = capacity
        self._held: OrderedDict[str, _Held] = OrderedDict()

    def __len__(self) -> int:
        return len(self._held)

    @asynccontextmanager
    async def lease(self, host: str) -> AsyncIterator[httpx.AsyncClient]:
        """The client for ``host`` (a TLS server name, as the guard wrote it), held open
        for the block."""
        held = self._held.get(host)
        if held is None:
            held = self._held[host] = _Held(self._make())
            while len(self._held) > self._capacity:
                _, oldest = self._held.popitem(last=False)
                await self._release(oldest)
        else:
            self._held.move_to_end(host)
        held.users += 1
        try:
            yield held.client
        finally:
            held.users -= 1
            if held.released and held.users == 0:
                await held.client.aclose()

    async def close(self) -> None:
        """Every client closed; the ones still in use when their last request ends."""
        while self._held:
            _, held = self._held.popitem(last=False)
            await self._release(held)

    @staticmethod
    async def _release(held: _Held) -> None:
        held.released = True
        if held.users == 0:
            await held.client.aclose()
