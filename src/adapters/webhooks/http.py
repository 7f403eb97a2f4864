"""The webhook sender: one pooled httpx client, Standard Webhooks signatures, and the SSRF
guard at the moment of sending.

Each attempt signs ``{id}.{timestamp}.{body}`` with the endpoint's secret (the
``standardwebhooks`` package) and POSTs the body with ``webhook-id``, ``webhook-timestamp``
and ``webhook-signature``. Unless private targets are allowed, the host name is resolved
here, every address it resolves to must be public (``booking_domain.webhooks.targets``),
and the request goes to the address that was checked (the ``Host`` header and TLS server
name stay the host's), so a DNS answer that changes between check and connect cannot
redirect it. Redirects are never followed; the response body is never read.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook

from booking_domain.shared import JsonValue
from booking_domain.webhooks import AttemptOutcome, is_public_address
from booking_domain.webhooks.ports import WebhookSender

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
USER_AGENT = "Inkslot-Webhooks/1"


class RefusedTargetError(Exception):
    """The URL's host resolves to an address deliveries may not reach."""


class HttpWebhookSender(WebhookSender):
    def __init__(self, *, allow_private_targets: bool, timeout: httpx.Timeout = TIMEOUT) -> None:
        self._allow_private = allow_private_targets
        self._client = httpx.AsyncClient(timeout=timeout, follow_redirects=False)

    async def close(self) -> None:
        await self._client.aclose()

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
            target, extensions = await self._target(httpx.URL(url), headers)
            async with self._client.stream(
                "POST", target, content=payload.encode(), headers=headers, extensions=extensions
            ) as response:
                status = response.status_code
        except RefusedTargetError as exc:
            return AttemptOutcome(None, str(exc), permanent=True)
        except httpx.TimeoutException:
            return AttemptOutcome(None, "timed out")
        except (httpx.HTTPError, OSError, ValueError) as exc:
            return AttemptOutcome(None, f"could not connect ({type(exc).__name__})")
        error = None if 200 <= status < 300 else f"answered {status}"
        return AttemptOutcome(status, error)

    async def _target(
        self, url: httpx.URL, headers: dict[str, str]
    ) -> tuple[httpx.URL, dict[str, Any]]:
        if self._allow_private:
            return url, {}
        host = url.host
        addresses = await _resolve(host, url.port or (443 if url.scheme == "https" else 80))
        if not addresses or not all(is_public_address(a) for a in addresses):
            raise RefusedTargetError("refused: the host resolves to a private or local address")
        headers["host"] = url.netloc.decode("ascii")
        extensions: dict[str, Any] = {"sni_hostname": host} if url.scheme == "https" else {}
        return url.copy_with(host=str(addresses[0])), extensions


async def _resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return []
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
