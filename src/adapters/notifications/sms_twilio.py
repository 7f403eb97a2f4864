"""Text messages through Twilio's Programmable Messaging API.

Wire: ``POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json``, form-encoded ``To``,
``From`` (a number or an alphanumeric sender) or ``MessagingServiceSid``, ``Body`` and, when
delivery reports are wanted, ``StatusCallback`` (the URL Twilio posts each status change
to: ``twilio_reports.TwilioDeliveryReports`` reads them). HTTP Basic auth: the Account SID
and its Auth Token, or an API key's SID and secret (the Account SID stays in the path).

Twilio has no idempotency key: ``message.key`` is not sent (nothing on Twilio's side would
honour it, and it is ours, not the recipient's). Each notification is sent by one job at a
time and recorded sent once, so a text is sent again only when an attempt failed without
an answer (a timeout after Twilio had taken it): the one case a duplicate can reach the
recipient.

Contract (the ``SmsSender`` port): ``send`` never raises for Twilio's failures.
- 201 (any 2xx): ``ok(reference=<the message's "sid">)``;
- 400 with Twilio's error ``code`` (21211 invalid ``To``, 21610 unsubscribed, 21614 not a
  mobile number, 21408 region not enabled, ...) and other 4xx that a retry cannot change:
  failed, permanent;
- 401, 403: failed, transient, ``provider refused the key`` (an operator fixes the
  credentials, then the retries go through), as the JSON gateway;
- 404 (no such account: a wrong Account SID or base URL), 408, 429, 5xx, timeouts,
  connection errors: failed, transient.
Only Twilio's numeric error code is quoted, never its ``message`` (which quotes the number).
Neither the token nor the text ever appears in an error or in the log.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from adapters.notifications.sms_http import KEY_REFUSED
from adapters.notifications.sms_log import mask_number
from adapters.tls import verifying_context
from booking_domain.notifications.messages import SendOutcome, SmsMessage
from booking_domain.notifications.senders import SmsSender

_log = logging.getLogger("inkslot.notifications")

TWILIO_API = "https://api.twilio.com"
_TRANSIENT_4XX = {401, 403, 404, 408, 425, 429}


class TwilioSmsSender(SmsSender):
    """An ``SmsSender`` on Twilio. Exactly one of ``sender`` (``From``) and
    ``messaging_service_sid``. ``key_sid``: authenticate with that API key, ``secret``
    being its secret; otherwise ``secret`` is the account's Auth Token. Give it a shared
    ``client`` or let it own one (closed by ``aclose()``)."""

    def __init__(
        self,
        account_sid: str,
        secret: str,
        *,
        key_sid: str | None = None,
        sender: str | None = None,
        messaging_service_sid: str | None = None,
        status_callback: str | None = None,
        base_url: str = TWILIO_API,
        timeout: float = 10.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        if (sender is None) == (messaging_service_sid is None):
            raise ValueError("Twilio sends from a number or a messaging service: exactly one")
        self._account_sid = account_sid
        self._auth = httpx.BasicAuth(key_sid or account_sid, secret)
        self._sender = sender
        self._messaging_service_sid = messaging_service_sid
        self._status_callback = status_callback
        self._url = f"{base_url.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self._timeout = timeout
        self._owns_client = client is None
        self._client = client or httpx.AsyncClient(timeout=timeout, verify=verifying_context())

    def __repr__(self) -> str:  # never the token or the key's secret
        return f"TwilioSmsSender({self._account_sid!r}, sender={self._sender!r})"

    async def send(self, message: SmsMessage) -> SendOutcome:
        form = {"To": message.to, "Body": message.text}
        if self._sender is not None:
            form["From"] = self._sender
        if self._messaging_service_sid is not None:
            form["MessagingServiceSid"] = self._messaging_service_sid
        if self._status_callback is not None:
            form["StatusCallback"] = self._status_callback
        try:
            response = await self._client.post(
                self._url, data=form, auth=self._auth, timeout=self._timeout
            )
        except httpx.TimeoutException:
            return SendOutcome.failed("Twilio timed out")
        except httpx.TransportError as error:
            # The exception's text is not used: it may quote the request.
            return SendOutcome.failed(f"cannot reach Twilio: {type(error).__name__}")
        outcome = _outcome(response)
        _log.debug(
            "sms to %s via Twilio: %s",
            mask_number(message.to),
            "sent" if outcome.sent else outcome.error,
        )
        return outcome

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()


def _outcome(response: httpx.Response) -> SendOutcome:
    status = response.status_code
    body = _json(response)
    if 200 <= status < 300:
        sid = body.get("sid")
        return SendOutcome.ok(reference=sid if isinstance(sid, str) and sid else None)
    if status in (401, 403):
        return SendOutcome.failed(KEY_REFUSED)
    code = body.get("code")
    # Only a number is quoted: Twilio's "message" names the recipient's number.
    detail = f" {code}" if isinstance(code, int) and not isinstance(code, bool) else ""
    text = f"Twilio answered {status}{detail}"
    if status in _TRANSIENT_4XX or status >= 500 or status < 400:
        return SendOutcome.failed(text)
    return SendOutcome.failed(text, permanent=True)  # 400 and the like: this text is refused


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data: Any = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
