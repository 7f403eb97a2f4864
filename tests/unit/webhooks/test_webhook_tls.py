"""The webhook sender over real TLS: a delivery pinned to a checked address (the host's name
only in the TLS server name) keeps its connection for the next delivery to the same host,
and never hands it to another host's delivery, whose certificate is checked on a connection
of its own."""

from __future__ import annotations

import httpx
import pytest

from adapters.webhooks.http import HttpWebhookSender
from tests.support.tls_receivers import tls_receiver

pytestmark = pytest.mark.anyio


async def post(sender: HttpWebhookSender, url: str, host: str) -> int:
    """A delivery as the guard sends it outside the local profile: to the address, with
    the host's name as the TLS server name and in ``Host``."""
    headers = {"host": host}
    return await sender._post(httpx.URL(url), b"{}", headers, {"sni_hostname": host})


async def test_deliveries_to_one_https_host_share_one_verified_connection() -> None:
    with tls_receiver(("hooks.example.com",)) as receiver:
        sender = HttpWebhookSender(allow_private_targets=False, verify=receiver.trusting)
        try:
            statuses = [await post(sender, receiver.url, "hooks.example.com") for _ in range(5)]
        finally:
            await sender.close()
    assert statuses == [204] * 5
    assert len(receiver.requests) == 5
    assert {port for port, _ in receiver.requests} == {receiver.requests[0][0]}
    assert {name for _, name in receiver.requests} == {"hooks.example.com"}


async def test_two_hosts_on_one_address_each_keep_a_connection_of_their_own() -> None:
    names = ("a.example.com", "b.example.com")
    with tls_receiver(names) as receiver:
        sender = HttpWebhookSender(allow_private_targets=False, verify=receiver.trusting)
        try:
            for host in names * 3:
                assert await post(sender, receiver.url, host) == 204
        finally:
            await sender.close()
    ports = [port for port, _ in receiver.requests]
    assert len(set(ports)) == 2, ports
    for port, name in receiver.requests:
        assert name == names[ports.index(port) % 2], receiver.requests


async def test_a_kept_connection_never_carries_another_hosts_delivery() -> None:
    # The receiver has a certificate for the first host only: the second host's delivery to
    # the same address must make its own handshake, and refuse what it is shown.
    with tls_receiver(("hooks.example.com",)) as receiver:
        sender = HttpWebhookSender(allow_private_targets=False, verify=receiver.trusting)
        try:
            assert await post(sender, receiver.url, "hooks.example.com") == 204
            with pytest.raises(httpx.ConnectError, match="certificate"):
                await post(sender, receiver.url, "other.example.com")
            assert await post(sender, receiver.url, "hooks.example.com") == 204
        finally:
            await sender.close()
    assert [name for _, name in receiver.requests] == ["hooks.example.com"] * 2
    assert len({port for port, _ in receiver.requests}) == 1
