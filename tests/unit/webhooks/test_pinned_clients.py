"""The per-host clients of pinned deliveries: one per host, the least recently used let go
beyond the capacity or once idle, a client let go while in use closed when its last
request ends, and nothing kept after ``close``."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.tls import verifying_context
from adapters.webhooks.pinned import PinnedClients

pytestmark = pytest.mark.anyio


class YieldingClient(httpx.AsyncClient):
    """A client whose closing gives the event loop a turn, as closing one with an open
    connection does."""

    async def aclose(self) -> None:
        await asyncio.sleep(0)
        await super().aclose()


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def clients(
    capacity: int = 2, clock: Clock | None = None
) -> tuple[PinnedClients, list[httpx.AsyncClient]]:
    made: list[httpx.AsyncClient] = []

    def make() -> httpx.AsyncClient:
        made.append(YieldingClient(verify=verifying_context()))
        return made[-1]

    pinned = PinnedClients(make, capacity=capacity, clock=clock or Clock())
    return pinned, made


async def test_one_client_per_host_until_the_capacity() -> None:
    pinned, made = clients()
    for host in ("a", "b", "a", "b"):
        async with pinned.lease(host):
            pass
    assert len(made) == 2 and not any(c.is_closed for c in made)
    async with pinned.lease("c"):
        pass
    # "a" was used least recently: let go and closed; "b" and "c" stay open
    assert [c.is_closed for c in made] == [True, False, False]
    await pinned.close()
    assert all(c.is_closed for c in made)


async def test_a_client_let_go_while_in_use_closes_when_its_request_ends() -> None:
    pinned, _ = clients()
    async with pinned.lease("a") as first:
        async with pinned.lease("b"):
            pass
        async with pinned.lease("c"):
            pass
        assert not first.is_closed and len(pinned) == 2
    assert first.is_closed
    async with pinned.lease("a") as again:  # a new client for the host
        assert again is not first and not again.is_closed
    await pinned.close()


async def test_a_host_idle_past_the_keep_alive_is_let_go_at_the_next_lease() -> None:
    clock = Clock()
    pinned, made = clients(capacity=8, clock=clock)
    async with pinned.lease("a"):
        pass
    clock.now = 1.0
    async with pinned.lease("b"):
        pass
    clock.now = 2.5  # "a" idle 2.5 s, "b" 1.5 s
    async with pinned.lease("c"):
        pass
    assert [c.is_closed for c in made] == [True, False, False] and len(pinned) == 2
    await pinned.close()


async def test_a_lease_is_never_handed_a_client_closed_while_it_waited() -> None:
    # One host at a time: each new lease lets the last one go, and closing it gives the
    # loop a turn in which the next new lease lets this one go. None may be closed while
    # its own lease still holds it.
    pinned, _ = clients(capacity=1)

    async def deliver(host: str) -> bool:
        async with pinned.lease(host) as client:
            await asyncio.sleep(0)
            return not client.is_closed

    assert all(await asyncio.gather(*(deliver(h) for h in "abcdefgh")))
    await pinned.close()


async def test_after_close_a_lease_gets_a_client_closed_when_it_ends() -> None:
    pinned, made = clients()
    await pinned.close()
    async with pinned.lease("a") as client:
        assert not client.is_closed
    assert client.is_closed and len(pinned) == 0 and len(made) == 1


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from("abcde"), min_size=1, max_size=30))
def test_the_held_clients_are_the_most_recently_used_hosts(hosts: list[str]) -> None:
    async def run() -> None:
        pinned, made = clients()
        by_host: dict[str, httpx.AsyncClient] = {}
        for host in hosts:
            async with pinned.lease(host) as client:
                by_host[host] = client
        recent = list(dict.fromkeys(reversed(hosts)))[:2]
        assert len(pinned) == len(recent)
        assert {h for h, c in by_host.items() if not c.is_closed} == set(recent)
        assert sum(not c.is_closed for c in made) == len(recent)
        await pinned.close()
        assert all(c.is_closed for c in made)

    asyncio.run(run())


def test_a_capacity_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        PinnedClients(lambda: httpx.AsyncClient(verify=verifying_context()), capacity=0)
