"""The webhook sender: one pooled httpx client, Standard Webhooks signatures, and the SSRF
guard at the moment of sending.

Each attempt signs ``{id}.{timestamp}.{body}`` with the endpoint's secret (the
``standardwebhooks`` package) and POSTs the body with ``webhook-id``, ``webhook-timestamp``
and ``webhook-signature``. Unless private targets are allowed, the host name is resolved
here, every address it resolves to must be public (``booking_domain.webhooks.targets``),
and the request goes to the address that was checked (the ``Host`` header and TLS server
name stay the host's), so a DNS answer that changes between check and connect cannot
redirect it. Redirects are never followed. Of the answer only its status counts. The body is
read and dropped, up to ``DRAIN_BYTES`` within ``DRAIN_SECONDS``, so the connection goes back
to its pool for the next delivery (an unread body closes it); a longer or slower body is
left, and its connection closed. A connection made with a host's TLS server name is pooled
for that host alone (``PinnedClients``).

What registers is what this sender can send to: ``refusal`` reads a URL with httpx's
parser, the one ``send`` uses, and resolves its host the same way, so a host httpx cannot
read (``0177.0.0.1``, full-width digits) or a name resolving to a private address is
refused at registration; at delivery it is a permanent failure, recorded like any other.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import socket
import ssl
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook

from adapters.tls import verifying_context
from adapters.webhooks.pinned import PinnedClients
from booking_domain.shared import JsonValue
from booking_domain.webhooks import AttemptOutcome, is_public_address
from booking_domain.webhooks.ports import WebhookSender

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
DRAIN_BYTES = 64 * 1024
DRAIN_SECONDS = 1.0
# httpx's pool sizes; an idle connection is dropped after 2 s, before the 5 s after which
# common servers (Node, Apache) close theirs, so a delivery rarely finds one closed under it.
LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=2.0)
# A host's own pool (``https`` outside the local profile): the round sends eight at a time;
# an idle host's pool is let go after ``pinned.IDLE_SECONDS``, as long as this expiry.
PINNED_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=8, keepalive_expiry=2.0)
USER_AGENT = "Inkslot-Webhooks/1"


IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[IpAddress]]]
REFUSED_ADDRESS = "refused: the host resolves to a private, local or special-purpose address"


class RefusedTargetError(Exception):
    """The URL's host resolves to an address deliveries may not reach."""


class HttpWebhookSender(WebhookSender):
    def __init__(
        self,
        *,
        allow_private_targets: bool,
        timeout: httpx.Timeout = TIMEOUT,
        resolve: Resolver | None = None,
        drain_seconds: float = DRAIN_SECONDS,
        verify: ssl.SSLContext | None = None,
    ) -> None:
        self._allow_private = allow_private_targets
        self._drain_seconds = drain_seconds
        context = verify or verifying_context()

        def client(limits: httpx.Limits) -> httpx.AsyncClient:
            return httpx.AsyncClient(
                timeout=timeout, follow_redirects=False, verify=context, limits=limits
            )

        self._client = client(LIMITS)
        self._pinned = PinnedClients(lambda: client(PINNED_LIMITS))
        self._resolve = resolve or _resolve

    async def refusal(self, url: str) -> str | None:
        return await url_refusal(url, allow_private=self._allow_private, resolve=self._resolve)

    async def close(self) -> None:
        await self._client.aclose()
        await self._pinned.close()

    async def send(
        self, url: str, *, secret: str, message_id: str, body: Mapping[str, JsonValue]
    ) -> AttemptOutcome:
        payload = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
        now = datetime.now(UTC)
        headers = {
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            "webhook-id": message_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": Webhook(secret).sign(message_id, now, payload),
        }
        try:
            target, extensions = await self._target(_readable(httpx.URL(url)), headers)
            status = await self._post(target, payload.encode(), headers, extensions)
        except RefusedTargetError as exc:
            return AttemptOutcome(None, str(exc), permanent=True)
        except httpx.InvalidURL as exc:
            return AttemptOutcome(None, f"refused: not a URL to send to ({exc})", permanent=True)
        except httpx.TimeoutException:
            return AttemptOutcome(None, "timed out")
        except (httpx.HTTPError, OSError, ValueError) as exc:
            return AttemptOutcome(None, f"could not connect ({type(exc).__name__})")
        error = None if 200 <= status < 300 else f"answered {status}"
        return AttemptOutcome(status, error)

    async def _post(
        self, target: httpx.URL, body: bytes, headers: dict[str, str], extensions: dict[str, Any]
    ) -> int:
        """The status of the answer. Outside the local profile an ``https`` request goes to
        the checked address with the host's name as its TLS server name, and a pool knows a
        connection by address alone: two hosts on one address (a shared CDN) would share
        one, and the second's certificate would never be checked. Such a request goes
        through its host's own client, whose connections all carry that host's name; every
        other request through the shared one."""
        host = extensions.get("sni_hostname")
        if host is None:
            return await self._post_kept(self._client, target, body, headers, extensions)
        async with self._pinned.lease(host) as client:
            return await self._post_kept(client, target, body, headers, extensions)

    async def _post_kept(
        self,
        client: httpx.AsyncClient,
        target: httpx.URL,
        body: bytes,
        headers: dict[str, str],
        extensions: dict[str, Any],
    ) -> int:
        """A kept connection that the receiver closed while idle fails before any answer:
        the request is made once more, on a new connection. httpx cannot tell that from a
        receiver that hangs up after reading a request without answering it, which then
        gets it twice, with the same ``webhook-id`` (a delivery is at least once)."""

        async def once() -> int:
            async with client.stream(
                "POST", target, content=body, headers=headers, extensions=extensions
            ) as response:
                await _drain(response, self._drain_seconds)
                return response.status_code

        try:
            return await once()
        except httpx.RemoteProtocolError:
            return await once()

    async def _target(
        self, url: httpx.URL, headers: dict[str, str]
    ) -> tuple[httpx.URL, dict[str, Any]]:
        return await guarded_target(
            url, headers, allow_private=self._allow_private, resolve=self._resolve
        )


async def _drain(response: httpx.Response, seconds: float) -> None:
    """Read and drop the answer's body, so its connection goes back to the pool; a body over
    ``DRAIN_BYTES``, slower than ``seconds``, or broken off is left (the status is what the
    attempt records, whatever the body does), and its connection is closed."""
    read = 0
    with contextlib.suppress(TimeoutError, httpx.HTTPError, OSError):
        async with asyncio.timeout(seconds):
            async for chunk in response.aiter_raw():
                read += len(chunk)
                if read > DRAIN_BYTES:
                    return


# The guard itself, shared with every other outbound request to a URL a user gave
# (external calendars' feeds: adapters/calendars/fetch.py).


async def url_refusal(url: str, *, allow_private: bool, resolve: Resolver) -> str | None:
    """Why a request to ``url`` would be refused, by httpx's reading of it and (unless
    private targets are allowed) the addresses its host resolves to now; or None."""
    try:
        parsed = _readable(httpx.URL(url))
    except httpx.InvalidURL as exc:
        return f"Not a URL deliveries can be sent to: {exc}."
    except RefusedTargetError:
        return "Not a host name deliveries can reach (an empty or too long label)."
    if allow_private:
        return None
    addresses = await resolve(parsed.host, _port(parsed))
    if not all(is_public_address(a) for a in addresses):
        return "The host resolves to a private, local or special-purpose address."
    return None


async def guarded_target(
    url: httpx.URL, headers: dict[str, str], *, allow_private: bool, resolve: Resolver
) -> tuple[httpx.URL, dict[str, Any]]:
    """Where to send a request for ``url``: unless private targets are allowed, the host's
    first address once every address it resolves to is public (``RefusedTargetError``
    otherwise), with ``headers`` given the ``Host`` and the TLS server name kept the
    host's, so a DNS answer that changes between check and connect cannot redirect it."""
    if allow_private:
        return url, {}
    host = url.host
    addresses = await resolve(host, _port(url))
    if not addresses or not all(is_public_address(a) for a in addresses):
        raise RefusedTargetError(REFUSED_ADDRESS)
    headers["host"] = url.netloc.decode("ascii")
    extensions: dict[str, Any] = {"sni_hostname": host} if url.scheme == "https" else {}
    return url.copy_with(host=str(addresses[0])), extensions


def readable_url(url: str) -> httpx.URL:
    """``url`` parsed as the guard reads it (``httpx.InvalidURL`` or ``RefusedTargetError``
    when it cannot be sent to)."""
    return _readable(httpx.URL(url))


def system_resolver() -> Resolver:
    """The resolver the guard uses unless given another: the system's, via the event loop."""
    return _resolve


def _readable(url: httpx.URL) -> httpx.URL:
    """``url`` when the resolver can take its host: a label empty or over 63 characters
    (``a..b``) passes httpx's parser but not the system resolver's IDNA encoding."""
    try:
        url.host.encode("idna")
    except UnicodeError:
        raise RefusedTargetError("refused: not a host name to send to") from None
    return url


def _port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


async def _resolve(host: str, port: int) -> list[IpAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return []
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
