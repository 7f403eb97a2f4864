"""An artist's aftercare settings on the wire (docs/aftercare.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from msgspec import Meta

from booking_domain.catalog import AftercareSettings
from booking_domain.catalog.aftercare import MAX_DELAY_MINUTES, MAX_TEXT_LENGTH, MAX_TOUCH_UP_DAYS
from booking_domain.catalog.use_cases import AftercareChoice
from entrypoints.http.wire import Dto, View, utc

DelayMinutes = Annotated[int, Meta(ge=0, le=MAX_DELAY_MINUTES)]


class AftercareRequest(Dto, frozen=True):
    """Every setting at once; ``text`` empty sends no aftercare message."""

    text: Annotated[str, Meta(max_length=MAX_TEXT_LENGTH)]
    aftercare_delay_minutes: DelayMinutes
    review_delay_minutes: DelayMinutes
    touch_up_days: Annotated[int, Meta(ge=0, le=MAX_TOUCH_UP_DAYS)]

    def choice(self) -> AftercareChoice:
        return AftercareChoice(
            text=self.text,
            aftercare_delay_minutes=self.aftercare_delay_minutes,
            review_delay_minutes=self.review_delay_minutes,
            touch_up_days=self.touch_up_days,
        )


class AftercareView(View, frozen=True):
    artist_id: UUID
    text: str
    aftercare_delay_minutes: int
    review_delay_minutes: int
    touch_up_days: int
    updated_at: datetime | None  # null: the defaults, never changed

    @classmethod
    def of(cls, s: AftercareSettings) -> AftercareView:
        return cls(
            artist_id=s.artist_id,
            text=s.text,
            aftercare_delay_minutes=s.aftercare_minutes,
            review_delay_minutes=s.review_minutes,
            touch_up_days=s.touch_up_days,
            updated_at=None if s.updated_at is None else utc(s.updated_at),
        )
