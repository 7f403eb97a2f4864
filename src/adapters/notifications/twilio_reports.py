"""Twilio's status callbacks: the delivery reports it posts to a text's ``StatusCallback``.

Twilio posts form data (``MessageSid``, ``MessageStatus``, ``ErrorCode`` when the text was
not delivered, and more) and signs it: ``X-Twilio-Signature`` is
base64(HMAC-SHA1(Auth Token, the full URL it posted to + each POST parameter's name and
value, sorted by name, concatenated)). The URL is the one the sends gave as
``StatusCallback``: this reader is given the same one, not the request's (a proxy in front
may change the scheme or the host). The signature is compared in constant time.

Statuses: ``queued``, ``sent``, ``delivered``, ``undelivered`` and ``failed`` as they are;
``accepted``, ``scheduled`` and ``sending`` are ``queued`` (not yet with the carrier);
``canceled`` is ``failed``. Any other (``read`` of a WhatsApp message, an inbound text's
``received``) is not followed: nothing is recorded.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping

from booking_domain.notifications.delivery import DeliveryReport, DeliveryStatus
from booking_domain.notifications.delivery import SmsDeliveryReports as SmsDeliveryReportsPort
from booking_domain.notifications.errors import (
    InvalidDeliveryReportError,
    UnsignedDeliveryReportError,
)

_MESSAGE_SID = re.compile(r"(SM|MM)[0-9a-f]{32}")
_ERROR_CODE = re.compile(r"[0-9]{1,10}")
_STATUSES = {
    **{s.value: s for s in DeliveryStatus},
    "accepted": DeliveryStatus.QUEUED,
    "scheduled": DeliveryStatus.QUEUED,
    "sending": DeliveryStatus.QUEUED,
    "canceled": DeliveryStatus.FAILED,
}


def twilio_signature(auth_token: str, url: str, params: Mapping[str, str]) -> str:
    """What Twilio puts in ``X-Twilio-Signature`` for a form POST of ``params`` to ``url``."""
    signed = url + "".join(name + params[name] for name in sorted(params))
    digest = hmac.new(auth_token.encode(), signed.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


class TwilioDeliveryReports(SmsDeliveryReportsPort):
    """Reads the callbacks Twilio posts to ``callback_url``, signed with ``auth_token``."""

    def __init__(self, auth_token: str, callback_url: str) -> None:
        self._auth_token = auth_token
        self._callback_url = callback_url

    def __repr__(self) -> str:  # never the token
        return f"TwilioDeliveryReports({self._callback_url!r})"

    def read(self, params: Mapping[str, str], signature: str) -> DeliveryReport | None:
        expected = twilio_signature(self._auth_token, self._callback_url, params)
        if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
            raise UnsignedDeliveryReportError()
        sid = params.get("MessageSid", "")
        if not _MESSAGE_SID.fullmatch(sid):
            raise InvalidDeliveryReportError()
        named = params.get("MessageStatus", "").strip().lower()
        if not named:
            raise InvalidDeliveryReportError()
        status = _STATUSES.get(named)
        if status is None:
            return None
        code = params.get("ErrorCode", "").strip()
        return DeliveryReport(sid, status, code if _ERROR_CODE.fullmatch(code) else None)
