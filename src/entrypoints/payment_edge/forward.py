"""QPay's callbacks through the edge, for a deployment whose API QPay cannot reach.

The API then makes its invoices with callback URLs on the edge
(``INKSLOT_PAYMENT_CALLBACK_BASE_URL=https://<edge>/v1/callbacks``), and the edge passes each
callback on to the API's own callback endpoint (``INKSLOT_PAYMENT_EDGE_FORWARD_URL``), the
invoice number in the path and the query as QPay sent it. The API believes nothing a
callback says (it asks the provider, through the edge, what was paid), so the edge adds no
signature; it only refuses what cannot be a callback of ours, so that it never relays
anything else:

- the number: 1 to 32 ASCII letters and digits (an invoice number, ``INK7K3M9Q02``);
- the query: at most ``MAX_QUERY`` bytes of printable ASCII.

QPay is answered ``SUCCESS`` (200, text/plain) when the API took the callback (200), and
``FAILED`` (502) when it could not be reached or answered otherwise, so that QPay may call
again. The query (it holds the invoice's callback token) is never logged.
"""

from __future__ import annotations

import logging
import re

import httpx

from adapters.tls import verifying_context

_log = logging.getLogger("inkslot.payment_edge")
NUMBER = re.compile(r"[A-Za-z0-9]{1,32}")
MAX_QUERY = 1024
TIMEOUT = 10.0


def forwardable(number: str, query: bytes) -> bool:
    """Whether a callback for ``number`` with ``query`` is one of ours to pass on."""
    return (
        NUMBER.fullmatch(number) is not None
        and len(query) <= MAX_QUERY
        and all(0x21 <= byte <= 0x7E for byte in query)
    )


class CallbackForwarder:
    def __init__(self, api_callback_url: str, client: httpx.AsyncClient | None = None) -> None:
        self._url = api_callback_url.rstrip("/")
        self._client = client or httpx.AsyncClient(
            timeout=TIMEOUT, follow_redirects=False, verify=verifying_context()
        )

    async def forward(self, number: str, query: bytes) -> bool:
        """Pass the callback on (``forwardable`` first); True when the API took it."""
        target = f"{self._url}/{number}" + (f"?{query.decode('ascii')}" if query else "")
        try:
            answer = await self._client.get(target)
        except httpx.HTTPError as error:
            _log.warning("could not pass on the callback of %s: %s", number, type(error).__name__)
            return False
        if answer.status_code != 200:
            _log.warning("the API answered the callback of %s with %s", number, answer.status_code)
            return False
        return True

    async def close(self) -> None:
        await self._client.aclose()
