"""What became of a text message after the provider took it: its delivery status.

An SMS provider reports the status of a text it accepted (by the reference it answered the
send with) as the text moves on: ``queued`` -> ``sent`` -> ``delivered``, or ends as
``undelivered`` or ``failed``. Reports come late, twice, or out of order, so a status only
moves forward: a later report of an earlier status changes nothing, and a final status
(``delivered``, ``undelivered``, ``failed``) is never replaced. The delivery status is the
provider's news about a text already ``sent``; it never changes the notification's own
status or its attempts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class DeliveryStatus(StrEnum):
    QUEUED = "queued"
    SENT = "sent"  # handed to the carrier
    DELIVERED = "delivered"  # the handset has it
    UNDELIVERED = "undelivered"  # the carrier could not deliver it
    FAILED = "failed"  # the provider could not send it

    @property
    def final(self) -> bool:
        return _RANK[self] == _FINAL


_FINAL = 2
_RANK = {
    DeliveryStatus.QUEUED: 0,
    DeliveryStatus.SENT: 1,
    DeliveryStatus.DELIVERED: _FINAL,
    DeliveryStatus.UNDELIVERED: _FINAL,
    DeliveryStatus.FAILED: _FINAL,
}


def moves_forward(current: DeliveryStatus | None, reported: DeliveryStatus) -> bool:
    """Whether ``reported`` replaces ``current``: only a later stage does (none yet: any)."""
    return current is None or _RANK[reported] > _RANK[current]


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    """A provider's report on one text: the reference it answered the send with, the status,
    and its error code when the text was not delivered (e.g. Twilio's ``30003``)."""

    reference: str
    status: DeliveryStatus
    error_code: str | None = None


class SmsDeliveryReports(Protocol):
    """Reads the delivery reports an SMS provider posts back (a status callback)."""

    def read(self, params: Mapping[str, str], signature: str) -> DeliveryReport | None:
        """The report in a callback's form ``params``, signed with ``signature``. None: a
        status this system does not follow (nothing to record). Raises
        ``UnsignedDeliveryReportError`` when the signature does not verify, and
        ``InvalidDeliveryReportError`` when a signed report is malformed."""
        ...
