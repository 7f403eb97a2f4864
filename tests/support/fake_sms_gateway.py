"""A strict fake of the generic JSON SMS gateway (``adapters.notifications.sms_http``), an
ASGI app for ``serving()``.

``POST /v1/messages`` with ``Authorization: Bearer <key>`` (else 401), ``Content-Type:
application/json`` (else 415), an ``Idempotency-Key`` header (else 400) and a JSON object:
``to`` in E.164 (else 422 ``INVALID_NUMBER``), a non-empty ``text`` of at most 1,600
characters (else 422 ``INVALID_TEXT``), a ``reference`` string, an optional ``from`` of 1-11
characters (else 400). A new key sends the message and answers 202 ``{"id", "status"}``; a
repeat of a key answers what the first request got and sends nothing, unless its body
differs (409 ``IDEMPOTENCY_KEY_REUSED``).
Failures to script: ``fail_next(count, status)`` (500, 429, ...: answered before anything
else is looked at) and ``delay`` (seconds before any answer).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from tests.support.http_servers import serving
from tests.support.json_fakes import ScriptedJsonFake

__all__ = ["API_KEY", "PATH", "FakeSmsGateway", "SentSms", "serving"]

API_KEY = "sms-test-key-4f1c2b9e"
PATH = "/v1/messages"
E164 = re.compile(r"\+[1-9][0-9]{7,14}")
MAX_TEXT = 1600


@dataclass(frozen=True)
class SentSms:
    id: str
    to: str
    text: str
    reference: str
    idempotency_key: str
    body: dict[str, Any]  # what came on the wire, to check which fields were sent


@dataclass
class FakeSmsGateway(ScriptedJsonFake):
    api_key: str = API_KEY
    sent: list[SentSms] = field(default_factory=list)
    _answers: dict[str, tuple[bytes, int, dict[str, Any]]] = field(default_factory=dict)

    def failed(self, status: int) -> tuple[int, dict[str, Any]]:
        return status, {"code": "BUSY" if status == 429 else "INTERNAL"}

    def answer(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, Any]]:
        if (method, path) != ("POST", PATH):
            return 404, {"code": "NOT_FOUND"}
        if headers.get("authorization") != f"Bearer {self.api_key}":
            return 401, {"code": "UNAUTHORIZED"}
        if headers.get("content-type", "").split(";")[0] != "application/json":
            return 415, {"code": "UNSUPPORTED_MEDIA_TYPE"}
        key = headers.get("idempotency-key", "")
        if not key:
            return 400, {"code": "IDEMPOTENCY_KEY_MISSING"}
        if key in self._answers:
            first_body, status, answer = self._answers[key]
            if first_body != body:
                return 409, {"code": "IDEMPOTENCY_KEY_REUSED"}
            return status, answer
        status, answer = self._accept(key, body)
        self._answers[key] = (body, status, answer)
        return status, answer

    def _accept(self, key: str, body: bytes) -> tuple[int, dict[str, Any]]:
        try:
            data = json.loads(body)
        except ValueError:
            return 400, {"code": "INVALID_JSON"}
        if not isinstance(data, dict) or not isinstance(data.get("reference"), str):
            return 400, {"code": "INVALID_REQUEST"}
        sender = data.get("from")
        if "from" in data and not (isinstance(sender, str) and 1 <= len(sender) <= 11):
            return 400, {"code": "INVALID_SENDER"}
        to, text = data.get("to"), data.get("text")
        if not isinstance(to, str) or not E164.fullmatch(to):
            return 422, {"code": "INVALID_NUMBER"}
        if not isinstance(text, str) or not 1 <= len(text) <= MAX_TEXT:
            return 422, {"code": "INVALID_TEXT"}
        sms = SentSms(f"sms_{len(self.sent) + 1}", to, text, data["reference"], key, data)
        self.sent.append(sms)
        return 202, {"id": sms.id, "status": "queued"}
