"""What the platform sent about a booking, as the booking's people may see it: to whom
(the recipient's part: customer or artist), on which channel, what (the message's kind),
when, and what became of it (sent, and a text's delivery; failed; skipped, with the reason)
(docs/notifications.md, "Messages sent about a booking").

Never the message itself (its links carry tokens, its codes are secrets) and never a whole
address: an email shows its first letter and its domain (``d***@example.com``), a phone its
country code and last two digits (``+976 ** ** 12``). The address is the recipient's now
(a message keeps none of its own: it is rendered when sent).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from booking_domain.bookings import Booking
from booking_domain.notifications.delivery import DeliveryStatus
from booking_domain.notifications.facts import Recipient
from booking_domain.notifications.notifications import (
    Notification,
    NotificationId,
    NotificationStatus,
)
from booking_domain.notifications.rules import Channel, Party
from booking_domain.shared.identity import Actor, Role

MASK: Final = "***"
# ITU calling codes one or two digits long (the rest are three): a prefix code, so the
# first digits of an E.164 number say how long its country code is.
_ONE_DIGIT: Final = frozenset("17")
_TWO_DIGITS: Final = frozenset(
    {
        *("20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44"),
        *("45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58"),
        *("60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91"),
        *("92", "93", "94", "95", "98"),
    }
)
_SHOWN_DIGITS: Final = 2  # a phone's last digits shown
MAX_MESSAGES: Final = 500  # a booking's messages read at most (oldest first)


def masked_email(address: str) -> str:
    """``d***@example.com``: the first character of the mailbox and the domain; ``***`` for
    anything that is not ``mailbox@domain``."""
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        return MASK
    return f"{local[0]}{MASK}@{domain}"


def masked_phone(number: str) -> str:
    """``+976 ** ** 12``: an E.164 number's country code and its last two digits; ``***``
    for anything that is not ``+`` and digits, or too short to hide anything."""
    digits = number[1:]
    if not number.startswith("+") or not digits.isascii() or not digits.isdigit():
        return MASK
    if digits[0] in _ONE_DIGIT:
        code = digits[:1]
    elif digits[:2] in _TWO_DIGITS:
        code = digits[:2]
    else:
        code = digits[:3]
    national = digits[len(code) :]
    if len(national) <= 2 * _SHOWN_DIGITS:
        return f"+{code} {MASK}"
    return f"+{code} ** ** {national[-_SHOWN_DIGITS:]}"


@dataclass(frozen=True, slots=True)
class SentMessage:
    """One message about a booking as its people see it. ``at``: when it was sent, failed or
    skipped (its last change), or, pending, when it is due; ``reason``: why it was skipped
    (``SkipReason``), or the provider's code of a text it could not deliver; ``address``:
    masked (None for the in-app inbox and Telegram, which name no address)."""

    id: NotificationId
    kind: str
    channel: Channel
    party: Party
    status: NotificationStatus
    at: datetime
    reason: str | None
    delivery: DeliveryStatus | None
    address: str | None


def address_of(channel: Channel, recipient: Recipient | None) -> str | None:
    """The recipient's address on ``channel``, masked; None where the channel has none or
    the recipient is gone or has none."""
    if recipient is None:
        return None
    if channel is Channel.EMAIL and recipient.email:
        return masked_email(recipient.email)
    if channel is Channel.SMS and recipient.phone:
        return masked_phone(recipient.phone)
    return None


def sent_message(notification: Notification, recipient: Recipient | None) -> SentMessage:
    """``notification`` as :class:`SentMessage` (nothing of its body, data or raw error)."""
    n = notification
    if n.status is NotificationStatus.SKIPPED and n.skip_reason is not None:
        reason: str | None = n.skip_reason.value
    else:
        reason = n.delivery_error  # a provider's code, e.g. Twilio's "30003", or None
    at = n.send_at if n.status is NotificationStatus.PENDING else n.updated_at
    return SentMessage(
        id=n.id,
        kind=n.kind,
        channel=n.channel,
        party=n.party,
        status=n.status,
        at=at,
        reason=reason,
        delivery=n.delivery_status,
        address=address_of(n.channel, recipient),
    )


def messages_for(
    actor: Actor, booking: Booking, notifications: Sequence[Notification]
) -> tuple[Notification, ...]:
    """Which of a booking's messages ``actor`` (one the booking is visible to) sees: all of
    them, to the booking's artist and admins; to anyone else (its customer) those sent to
    their own account only."""
    if actor.is_admin or (actor.role is Role.ARTIST and actor.user_id == booking.artist_user_id):
        return tuple(notifications)
    return tuple(n for n in notifications if n.recipient_id == actor.user_id)
