"""Evidence on a dispute: what each side has to say, in words and pictures.

Rules:
- a dispute is seen by the booking's customer, its artist and admins; to anyone else it
  does not exist (``dispute_role``);
- while the dispute is open, its parties and admins add messages: plain text of 1 to
  ``MAX_MESSAGE`` characters and, optionally, one image (the author's own finished upload
  made for evidence: private, seen through short-lived signed URLs like an idea's), used
  once; a resolved dispute takes no more evidence (the resolution is final);
- at most ``MAX_MESSAGES`` messages on a dispute; messages are never edited or removed
  (they are what the admin decided on).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NewType
from uuid import UUID

from booking_domain.bookings import Booking
from booking_domain.disputes.dispute import Dispute, DisputeStatus
from booking_domain.disputes.errors import (
    DisputeClosedError,
    DisputeNotFoundError,
    InvalidEvidenceError,
    TooMuchEvidenceError,
)
from booking_domain.media import Upload, Variant
from booking_domain.shared.errors import FieldError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import DisputeId, UserId, new_uuid7
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.time import require_aware

MessageId = NewType("MessageId", UUID)

MAX_MESSAGE = 4000
MAX_MESSAGES = 200


def dispute_role(booking: Booking, actor: Actor) -> Role:
    """The actor's part in the dispute on ``booking``: customer, artist or admin; anyone
    else gets ``DisputeNotFoundError`` (disputes are private to their parties)."""
    role = booking.role_of(actor)
    if role is None:
        raise DisputeNotFoundError()
    return role


def check_message_text(text: str) -> str:
    require_clean_text(multi_line=[("text", text)])
    cleaned = text.strip()
    if not 1 <= len(cleaned) <= MAX_MESSAGE:
        detail = f"1 to {MAX_MESSAGE} characters."
        raise InvalidEvidenceError(errors=(FieldError("text", detail),))
    return cleaned


@dataclass(frozen=True, slots=True)
class DisputeMessage:
    id: MessageId
    dispute_id: DisputeId
    author_id: UserId
    author_role: Role
    text: str
    upload_id: UUID | None
    images: tuple[Variant, ...]
    created_at: datetime


def add_evidence(
    dispute: Dispute,
    booking: Booking,
    actor: Actor,
    now: datetime,
    *,
    text: str,
    image: Upload | None,
    messages_so_far: int,
) -> DisputeMessage:
    """A party's or an admin's message on an open dispute (the rules above)."""
    now = require_aware(now, "now")
    role = dispute_role(booking, actor)
    cleaned = check_message_text(text)
    if dispute.status is not DisputeStatus.OPEN:
        raise DisputeClosedError()
    if messages_so_far >= MAX_MESSAGES:
        raise TooMuchEvidenceError()
    return DisputeMessage(
        MessageId(new_uuid7(int(now.timestamp() * 1000))),
        dispute.id,
        actor.user_id,
        role,
        cleaned,
        None if image is None else image.id,
        () if image is None else image.variants,
        now,
    )
