"""Design ideas on a booking: what the customer (or the artist) has in mind, in words and
optionally one reference image.

Rules:
- the booking's customer or artist adds ideas while it is pending or confirmed (designs are
  settled before the session); admins read them, they do not add them;
- a description of up to 2,000 characters, plain text; an image, when given, is the
  author's own finished upload made for an idea (private: only the booking's parties and
  admins see it, through short-lived signed URLs), used once;
- at most ``MAX_IDEAS_PER_BOOKING`` ideas on a booking;
- the author or an admin edits (the description) and removes an idea;
- adding an idea is a change of the booking: its version moves on and the other party
  hears ``booking.idea_added`` through the outbox.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import NewType
from uuid import UUID

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.errors import BookingActionNotAllowedError, InvalidIdeaError
from booking_domain.bookings.status import BookingStatus
from booking_domain.media import Upload, Variant
from booking_domain.shared.errors import FieldError, InvalidTransitionError, PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.time import require_aware

IdeaId = NewType("IdeaId", UUID)

MAX_IDEA_DESCRIPTION = 2000
MAX_IDEAS_PER_BOOKING = 50
OPEN_FOR_IDEAS = frozenset({BookingStatus.PENDING, BookingStatus.CONFIRMED})


def check_idea_text(text: str) -> str:
    require_clean_text(multi_line=[("description", text)])
    cleaned = text.strip()
    if not 1 <= len(cleaned) <= MAX_IDEA_DESCRIPTION:
        detail = f"1 to {MAX_IDEA_DESCRIPTION} characters."
        raise InvalidIdeaError(errors=(FieldError("description", detail),))
    return cleaned


def may_add_ideas(booking: Booking, actor: Actor) -> None:
    """The booking's customer or artist, while the booking is pending or confirmed."""
    if booking.role_of(actor) not in (Role.CUSTOMER, Role.ARTIST):
        raise BookingActionNotAllowedError("Only the booking's customer and artist add ideas.")
    if booking.status not in OPEN_FOR_IDEAS:
        raise InvalidTransitionError(f"A {booking.status} booking takes no more ideas.")


@dataclass(frozen=True, slots=True)
class Idea:
    id: IdeaId
    booking_id: UUID
    author_id: UserId
    description: str
    upload_id: UUID | None
    images: tuple[Variant, ...]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def create(
        cls, booking: Booking, author: Actor, text: str, image: Upload | None, now: datetime
    ) -> Idea:
        now = require_aware(now, "now")
        may_add_ideas(booking, author)
        return cls(
            IdeaId(new_uuid7(int(now.timestamp() * 1000))),
            booking.id,
            author.user_id,
            check_idea_text(text),
            None if image is None else image.id,
            () if image is None else image.variants,
            now,
            now,
        )

    def ensure_editable_by(self, actor: Actor) -> None:
        """The author or an admin (the caller already sees the booking)."""
        if not (actor.is_admin or actor.user_id == self.author_id):
            raise PermissionDeniedError("Only the idea's author or an admin changes it.")

    def changed(self, actor: Actor, text: str, now: datetime) -> Idea:
        self.ensure_editable_by(actor)
        return dataclasses.replace(
            self, description=check_idea_text(text), updated_at=require_aware(now, "now")
        )
