"""Twilio's delivery reports: ``POST /api/v1/sms/twilio/status``, the ``StatusCallback`` of
every text sent through Twilio (adapters/notifications/twilio_reports.py).

Twilio signs the form it posts (``X-Twilio-Signature``); the report is read from the raw
body, every parameter as it came (the signature covers them all, names Twilio adds later
included). A report signed by Twilio is answered 204 whether or not it named a text of ours
(Twilio retries anything else); an unsigned one is 403, a malformed one 422, and nothing is
recorded.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl

from litestar import post
from litestar.di import NamedDependency
from litestar.enums import RequestEncodingType
from litestar.params import Body, HeaderParameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from booking_domain.notifications import InvalidDeliveryReportError, UnsignedDeliveryReportError
from booking_domain.notifications.use_cases import NotificationUseCases
from entrypoints.http.caller import AnyRequest
from entrypoints.http.controllers import Public
from entrypoints.http.problem_docs import raises_exactly

NotificationsDep = NamedDependency[NotificationUseCases]

MAX_FIELDS = 100  # Twilio's status callbacks carry about a dozen
TwilioSignature = Annotated[
    str,
    HeaderParameter(
        name="X-Twilio-Signature",
        description="base64(HMAC-SHA1(Auth Token, URL + sorted parameters))",
    ),
]
StatusForm = Annotated[
    dict[str, str],
    Body(
        media_type=RequestEncodingType.URL_ENCODED,
        description="MessageSid, MessageStatus, ErrorCode and whatever else Twilio sends",
    ),
]


# A delivery report: unsigned (or signed wrongly), or not a report.
REPORT_RAISES = raises_exactly(UnsignedDeliveryReportError, InvalidDeliveryReportError)


class SmsStatusController(
    Public,
    context="notifications",
):
    path = "/sms/twilio/status"
    tags = ["notifications"]

    @post(
        status_code=HTTP_204_NO_CONTENT,
        summary="Twilio's delivery reports (for Twilio only)",
        opt=REPORT_RAISES,
    )
    async def report(
        self,
        request: AnyRequest,
        data: StatusForm,
        notifications: NotificationsDep,
        signature: TwilioSignature = "",
    ) -> None:
        """``data`` documents the form; the report is read from the body as it came."""
        del data
        await notifications.record_sms_delivery(_form(await request.body()), signature)


def _form(body: bytes) -> dict[str, str]:
    """The form's parameters; each name once (a repeated name is no Twilio report)."""
    try:
        pairs = parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=bool(body),
            max_num_fields=MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        raise InvalidDeliveryReportError() from None
    form = dict(pairs)
    if len(form) != len(pairs):
        raise InvalidDeliveryReportError()
    return form
