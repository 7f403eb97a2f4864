"""A strict fake of Twilio's Messages API (``adapters.notifications.sms_twilio``), an ASGI
app for ``serving()``, and Twilio's signing of status callbacks (``signed_callback``).

``POST /2010-04-01/Accounts/{AccountSid}/Messages.json`` with HTTP Basic auth (the Account
SID and its Auth Token, or an API key's SID and secret: else 401 ``20003``; another
account's path: 404 ``20404``), ``Content-Type: application/x-www-form-urlencoded`` (else
400), and a form: ``To`` in E.164 (else 400 ``21211``; one of ``unsubscribed``: 400
``21610``; one of ``landlines``: 400 ``21614``), ``From`` or ``MessagingServiceSid``
(``MG`` + 32 hex; else 400 ``21603`` / ``21704``), a ``Body`` of 1-1,600 characters (else
400 ``21602`` / ``21617``), an optional ``StatusCallback`` (an http(s) URL, else 400
``21609``). A message is recorded and answered 201 with Twilio's JSON (``sid`` ``SM`` + 32
hex, ``status`` ``queued``). Errors are Twilio's JSON: ``{"code", "message", "more_info",
"status"}``.
Failures to script: ``fail_next(count, status)`` (500, 503, 429: answered before anything
else is looked at) and ``delay`` (seconds before any answer).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any
from urllib.parse import parse_qsl

from tests.support.http_servers import serving
from tests.support.json_fakes import ScriptedJsonFake

__all__ = [
    "ACCOUNT_SID",
    "API_KEY_SECRET",
    "API_KEY_SID",
    "AUTH_TOKEN",
    "FakeTwilio",
    "TwilioSms",
    "serving",
    "signed_callback",
]

ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "twilio-test-token-5e0d77a1c9"
API_KEY_SID = "SK" + "fedcba9876543210" * 2
API_KEY_SECRET = "twilio-test-key-secret-81f2"
E164 = re.compile(r"\+[1-9][0-9]{7,14}")
SERVICE_SID = re.compile(r"MG[0-9a-f]{32}")
MAX_BODY = 1600


@dataclass(frozen=True)
class TwilioSms:
    sid: str
    to: str
    body: str
    from_: str | None
    messaging_service_sid: str | None
    status_callback: str | None
    form: dict[str, str]  # what came on the wire, to check which fields were sent


@dataclass
class FakeTwilio(ScriptedJsonFake):
    account_sid: str = ACCOUNT_SID
    auth_token: str = AUTH_TOKEN
    api_keys: dict[str, str] = field(default_factory=lambda: {API_KEY_SID: API_KEY_SECRET})
    unsubscribed: set[str] = field(default_factory=set)
    landlines: set[str] = field(default_factory=set)
    sent: list[TwilioSms] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/2010-04-01/Accounts/{self.account_sid}/Messages.json"

    def failed(self, status: int) -> tuple[int, dict[str, Any]]:
        return _error(status, 20429 if status == 429 else 20500, "Service unavailable")

    def answer(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, Any]]:
        if not self._authenticated(headers.get("authorization", "")):
            return _error(401, 20003, "Authenticate")
        if method != "POST" or path != self.path:
            return _error(404, 20404, "The requested resource was not found")
        if headers.get("content-type", "").split(";")[0] != "application/x-www-form-urlencoded":
            return _error(400, 20001, "Unsupported content type")
        return self._accept(dict(parse_qsl(body.decode(), keep_blank_values=True)))

    def _authenticated(self, authorization: str) -> bool:
        scheme, _, encoded = authorization.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            user, _, password = base64.b64decode(encoded).decode().partition(":")
        except ValueError:
            return False
        known = {self.account_sid: self.auth_token, **self.api_keys}
        return user in known and hmac.compare_digest(known[user], password)

    def _accept(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        to, text = form.get("To", ""), form.get("Body", "")
        sender, service = form.get("From"), form.get("MessagingServiceSid")
        callback = form.get("StatusCallback")
        if not to:
            return _error(400, 21604, "A 'To' phone number is required.")
        if not E164.fullmatch(to):
            return _error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        if to in self.unsubscribed:
            return _error(400, 21610, "Attempt to send to unsubscribed recipient")
        if to in self.landlines:
            return _error(400, 21614, f"'To' number {to} is not a valid mobile number")
        if service is not None and not SERVICE_SID.fullmatch(service):
            return _error(400, 21704, "The Messaging Service Sid is invalid")
        if not sender and service is None:
            return _error(400, 21603, "A 'From' phone number is required.")
        if not text:
            return _error(400, 21602, "Message body is required.")
        if len(text) > MAX_BODY:
            return _error(400, 21617, "The concatenated message body exceeds 1600 characters.")
        if callback is not None and not callback.startswith(("http://", "https://")):
            return _error(400, 21609, "Invalid StatusCallback")
        sms = TwilioSms("SM" + secrets.token_hex(16), to, text, sender, service, callback, form)
        self.sent.append(sms)
        return 201, self._resource(sms)

    def _resource(self, sms: TwilioSms) -> dict[str, Any]:
        now = formatdate(usegmt=True)
        return {
            "account_sid": self.account_sid, "api_version": "2010-04-01", "body": sms.body,
            "date_created": now, "date_sent": None, "date_updated": now,
            "direction": "outbound-api", "error_code": None, "error_message": None,
            "from": sms.from_, "messaging_service_sid": sms.messaging_service_sid,
            "num_media": "0", "num_segments": "1", "price": None, "price_unit": None,
            "sid": sms.sid, "status": "queued", "to": sms.to,
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sms.sid}.json",
        }  # fmt: skip


def _error(status: int, code: int, message: str) -> tuple[int, dict[str, Any]]:
    return status, {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


def signed_callback(
    url: str,
    sid: str,
    status: str,
    *,
    token: str = AUTH_TOKEN,
    error_code: str | None = None,
    account_sid: str = ACCOUNT_SID,
) -> tuple[dict[str, str], str]:
    """The form Twilio posts to a ``StatusCallback`` and its ``X-Twilio-Signature``, made
    here from Twilio's documented algorithm (not the adapter's code): HMAC-SHA1 with the Auth
    Token over the URL followed by every parameter's name and value, sorted by name."""
    form = {
        "AccountSid": account_sid, "ApiVersion": "2010-04-01", "From": "+15005550006",
        "MessageSid": sid, "MessageStatus": status, "SmsSid": sid, "SmsStatus": status,
        "To": "+97688112233",
    }  # fmt: skip
    if error_code is not None:
        form["ErrorCode"] = error_code
    return form, sign(url, form, token)


def sign(url: str, form: Mapping[str, str], token: str = AUTH_TOKEN) -> str:
    data = url + "".join(f"{name}{form[name]}" for name in sorted(form))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()
