"""An artist's aftercare settings: what the customer is sent after a session, when, and how
long a free touch-up may be booked (docs/aftercare.md).

- ``text``: the artist's own aftercare instructions, plain text of at most 4,000
  characters (line breaks and tabs allowed, no other control characters), sent as written
  whatever the customer's language; empty: no aftercare message is sent.
- ``aftercare_delay``: how long after the session is completed the aftercare message goes
  (0 to 30 days, whole minutes; default at once).
- ``review_delay``: how long after completion the review request goes (0 to 30 days,
  whole minutes; default 3 days).
- ``touch_up_days``: how many days after the original session's start a free touch-up
  may take place (0 to 730; 0: no touch-ups; default 180).

Stored beside the profile (the catalogue, like the scheduling policy): bookings reads the
touch-up window, notifications the text and delays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.text import text_problem

MAX_TEXT_LENGTH = 4000
MAX_DELAY_MINUTES = 30 * 24 * 60
MAX_TOUCH_UP_DAYS = 730
DEFAULT_AFTERCARE_DELAY = timedelta(0)
DEFAULT_REVIEW_DELAY = timedelta(days=3)
DEFAULT_TOUCH_UP_DAYS = 180
# Each number's bounds, for forms that ask for it (the console reads them here).
AFTERCARE_BOUNDS = {
    "aftercare_delay_minutes": (0, MAX_DELAY_MINUTES),
    "review_delay_minutes": (0, MAX_DELAY_MINUTES),
    "touch_up_days": (0, MAX_TOUCH_UP_DAYS),
}


@dataclass(frozen=True, slots=True)
class AftercareSettings:
    artist_id: ArtistId
    text: str = ""
    aftercare_delay: timedelta = DEFAULT_AFTERCARE_DELAY
    review_delay: timedelta = DEFAULT_REVIEW_DELAY
    touch_up_days: int = DEFAULT_TOUCH_UP_DAYS
    updated_at: datetime | None = None  # None: the defaults, never changed

    @classmethod
    def chosen(
        cls,
        artist_id: ArtistId,
        *,
        text: str,
        aftercare_minutes: int,
        review_minutes: int,
        touch_up_days: int,
        now: datetime,
    ) -> AftercareSettings:
        """Validated settings (``InvalidInputError`` naming every field out of bounds).
        The text is kept as written, only its surrounding blank space dropped."""
        problems = _text_problems(text)
        for field, minutes in (
            ("aftercareDelayMinutes", aftercare_minutes),
            ("reviewDelayMinutes", review_minutes),
        ):
            if not 0 <= minutes <= MAX_DELAY_MINUTES:
                detail = f"From 0 to {MAX_DELAY_MINUTES} minutes (30 days)."
                problems.append(FieldError(field, detail, "out_of_range"))
        if not 0 <= touch_up_days <= MAX_TOUCH_UP_DAYS:
            detail = f"From 0 (no touch-ups) to {MAX_TOUCH_UP_DAYS} days."
            problems.append(FieldError("touchUpDays", detail, "out_of_range"))
        if problems:
            raise InvalidInputError(errors=tuple(problems))
        return cls(
            artist_id,
            text.strip(),
            timedelta(minutes=aftercare_minutes),
            timedelta(minutes=review_minutes),
            touch_up_days,
            now,
        )

    @property
    def has_text(self) -> bool:
        return bool(self.text)

    @property
    def offers_touch_ups(self) -> bool:
        return self.touch_up_days > 0

    @property
    def touch_up_window(self) -> timedelta:
        return timedelta(days=self.touch_up_days)

    @property
    def aftercare_minutes(self) -> int:
        return int(self.aftercare_delay.total_seconds()) // 60

    @property
    def review_minutes(self) -> int:
        return int(self.review_delay.total_seconds()) // 60


def _text_problems(text: str) -> list[FieldError]:
    problems = []
    if len(text) > MAX_TEXT_LENGTH:
        detail = f"At most {MAX_TEXT_LENGTH} characters."
        problems.append(FieldError("text", detail, "too_long"))
    if (problem := text_problem("text", text, multiline=True)) is not None:
        problems.append(problem)
    return problems
