"""Text messages through a generic JSON SMS gateway over HTTP.

Wire: ``POST <url>`` with ``{"to": "+976...", "text": ..., "from": <sender id, left out when
none>, "reference": <key>}``, ``Authorization: Bearer <api key>`` and ``Idempotency-Key:
<key>`` (the gateway sends a key once; a repeat gets the first answer).

Contract (the ``SmsSender`` port): ``send`` never raises for the gateway's failures.
- 2xx: ``ok(reference=<the body's "id">)`` (``None`` when the body has none), a repeat of
  which reaches no one (the gateway drops a repeated key);
- 400, 404, 422 and other 4xx that a retry cannot change: failed, permanent;
- 401, 403: failed, transient, ``provider refused the key`` (an operator fixes the key, then
  the retries go through);
- 408, 425, 429, 5xx, timeouts, connection errors: failed, transient.
Neither the API key nor the text ever appears in an error or in the log.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import httpx

from adapters.notifications.sms_log import mask_number
from adapters.tls import verifying_context
from booking_domain.notifications.messages import SendOutcome, SmsMessage
from booking_domain.notifications.senders import SmsSender

_log = logging.getLogger("inkslot.notifications")

KEY_REFUSED = "provider refused the key"
_PERMANENT = {400, 404, 422}
_TRANSIENT_4XX = {401, 403, 408, 425, 429}
# A gateway's error code is quoted only when it looks like a code: free text could echo the
# message back.
_CODE = re.compile(r"[A-Za-z0-9_.-]{1,64}")


class HttpSmsSender(SmsSender):
    """An ``SmsSender`` on a JSON gateway. Give it a shared ``client`` or let it own one
    (closed by ``aclose()``)."""

    def __init__(
        self,
        url: str,
        api_key: str,
        *,
        sender_id: str | None = None,
        timeout: float = 10.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self._url = url
        self._api_key = api_key
        self._sender_id = sender_id
        self._timeout = timeout
        self._owns_client = client is None
        self._client = client or httpx.AsyncClient(timeout=timeout, verify=verifying_context())

    def __repr__(self) -> str:  # never the key
        return f"HttpSmsSender({self._url!r}, sender_id={self._sender_id!r})"

    async def send(self, message: SmsMessage) -> SendOutcome:
        body: dict[str, str] = {"to": message.to, "text": message.text, "reference": message.key}
        if self._sender_id is not None:
            body["from"] = self._sender_id
        headers = {
            "Authorization": f"Bearer {self._api_key}",
            "Idempotency-Key": message.key,
        }
        try:
            response = await self._client.post(
                self._url, json=body, headers=headers, timeout=self._timeout
            )
        except httpx.TimeoutException:
            return SendOutcome.failed("SMS gateway timed out")
        except httpx.TransportError as error:
            # The exception's text is not used: it may quote the request.
            return SendOutcome.failed(f"cannot reach the SMS gateway: {type(error).__name__}")
        outcome = self._outcome(response, message)
        _log.debug(
            "sms to %s: %s", mask_number(message.to), "sent" if outcome.sent else outcome.error
        )
        return outcome

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    def _outcome(self, response: httpx.Response, message: SmsMessage) -> SendOutcome:
        status = response.status_code
        if 200 <= status < 300:
            return SendOutcome.ok(reference=_field(response, "id"), repeat_reaches_no_one=True)
        if status in (401, 403):
            return SendOutcome.failed(KEY_REFUSED)
        code = _field(response, "code") or _field(response, "error")
        quotable = (
            code
            and _CODE.fullmatch(code)
            and self._api_key not in code
            and code not in message.text
        )
        detail = f" {code}" if quotable else ""
        text = f"SMS gateway answered {status}{detail}"
        if status in _PERMANENT:
            return SendOutcome.failed(text, permanent=True)
        if status in _TRANSIENT_4XX or status >= 500 or status < 400:
            return SendOutcome.failed(text)
        return SendOutcome.failed(text, permanent=True)  # another 4xx: the request is wrong


def _field(response: httpx.Response, name: str) -> str | None:
    try:
        data: Any = response.json()
    except ValueError:
        return None
    value = data.get(name) if isinstance(data, dict) else None
    return str(value) if isinstance(value, str | int) and value != "" else None
