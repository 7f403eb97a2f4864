"""The feed fetcher: a GET of the feed's URL through the webhooks' SSRF guard, bounded.

The URL passes the webhook endpoints' rule (``booking_domain.webhooks.check_endpoint_url``:
https only, no credentials, no private or local address outside local use) and the
sender's guard (``adapters.webhooks.http``: httpx's reading of the URL, every address the
host resolves to public, the request sent to the address that was checked). Redirects are
followed (feeds move) up to ``MAX_REDIRECTS``, each hop through the same rule and guard.

Bounds: ``TIMEOUT`` per network step and ``DEADLINE`` for the whole download; the body is
streamed and the fetch fails once it passes ``MAX_FEED_BYTES``; reading it (CPU work) runs in
a thread, at most ``limit`` occurrences. Failures become ``FetchFailedError`` whose text never
holds the URL (it is a credential).
"""

from __future__ import annotations

import asyncio

import httpx

from adapters.calendars.ics import UnreadableFeedError, read_events
from adapters.tls import verifying_context
from adapters.webhooks.http import (
    RefusedTargetError,
    Resolver,
    guarded_target,
    readable_url,
    system_resolver,
    url_refusal,
)
from booking_domain.scheduling import FeedEvent, Interval
from booking_domain.scheduling.ports import CalendarFetcher, FetchFailedError
from booking_domain.webhooks import InvalidWebhookError, check_endpoint_url

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
DEADLINE = 30.0  # seconds for the whole download, however slowly the bytes trickle
MAX_FEED_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 3
USER_AGENT = "Inkslot-Calendars/1"


class HttpCalendarFetcher(CalendarFetcher):
    def __init__(
        self,
        *,
        allow_private_targets: bool,
        timeout: httpx.Timeout = TIMEOUT,
        max_bytes: int = MAX_FEED_BYTES,
        resolve: Resolver | None = None,
    ) -> None:
        self._allow_private = allow_private_targets
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._resolve = resolve or system_resolver()

    async def refusal(self, url: str) -> str | None:
        try:
            check_endpoint_url(url, allow_private=self._allow_private)
        except InvalidWebhookError as exc:
            return exc.errors[0].message if exc.errors else exc.message
        return await url_refusal(url, allow_private=self._allow_private, resolve=self._resolve)

    async def events(self, url: str, window: Interval, limit: int) -> list[FeedEvent]:
        try:
            async with asyncio.timeout(DEADLINE):
                body = await self._download(url)
        except TimeoutError:
            raise FetchFailedError("The feed took too long to answer.") from None
        try:
            return await asyncio.to_thread(read_events, body, window, limit)
        except UnreadableFeedError as exc:
            raise FetchFailedError(str(exc)) from None

    async def _download(self, url: str) -> bytes:
        async with httpx.AsyncClient(
            timeout=self._timeout, follow_redirects=False, verify=verifying_context()
        ) as client:
            for _ in range(MAX_REDIRECTS + 1):
                reason = await self.refusal(url)
                if reason is not None:
                    raise FetchFailedError(f"Refused: {reason}")
                response = await self._get(client, url)
                if isinstance(response, bytes):
                    return response
                url = response
        raise FetchFailedError("The feed redirects too many times.")

    async def _get(self, client: httpx.AsyncClient, url: str) -> bytes | str:
        """The body, or the URL a redirect points to."""
        # identity: a compressed body would be inflated a chunk at a time before the size
        # bound counts it (a 64 KiB chunk of zeros inflates to ~65 MB).
        headers = {
            "user-agent": USER_AGENT,
            "accept": "text/calendar, */*;q=0.5",
            "accept-encoding": "identity",
        }
        try:
            target, extensions = await guarded_target(
                readable_url(url), headers, allow_private=self._allow_private, resolve=self._resolve
            )
            async with client.stream("GET", target, headers=headers, extensions=extensions) as r:
                if r.is_redirect and "location" in r.headers:
                    return str(httpx.URL(url).join(r.headers["location"]))
                if r.status_code != 200:
                    raise FetchFailedError(f"The feed answered HTTP {r.status_code}.")
                return await self._body(r)
        except RefusedTargetError:
            raise FetchFailedError(
                "Refused: the host resolves to a private, local or special-purpose address."
            ) from None
        except httpx.InvalidURL:
            raise FetchFailedError("Refused: not a URL that can be fetched.") from None
        except httpx.TimeoutException:
            raise FetchFailedError("The feed took too long to answer.") from None
        except (httpx.HTTPError, OSError, ValueError) as exc:
            raise FetchFailedError(f"Could not connect ({type(exc).__name__}).") from None

    async def _body(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._max_bytes:
            raise FetchFailedError(self._too_large())
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self._max_bytes:
                raise FetchFailedError(self._too_large())
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_large(self) -> str:
        return f"The feed is larger than {self._max_bytes // (1024 * 1024) or 1} MB."
