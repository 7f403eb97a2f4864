"""The waitlist on the wire."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from uuid import UUID

from msgspec import Meta

from booking_domain.bookings import Booking
from booking_domain.shared.ids import ArtistId, ServiceId
from booking_domain.waitlist import MAX_HOLD, MIN_HOLD, WaitlistFigures, WaitlistSettings
from booking_domain.waitlist.use_cases import (
    EntryView,
    JoinWaitlist,
    OfferAnswered,
    SettingsChange,
)
from entrypoints.http.wire import Dto, PageView, View, minutes_of, utc

_MINUTE = dt.timedelta(minutes=1)


class JoinBody(Dto, frozen=True):
    """A service of the artist's and a range of the artist's local dates (ISO 8601 dates)."""

    service_id: UUID
    first_date: dt.date
    last_date: dt.date

    def command(self, artist_id: UUID) -> JoinWaitlist:
        return JoinWaitlist(
            ArtistId(artist_id), ServiceId(self.service_id), self.first_date, self.last_date
        )


class OfferView(View, frozen=True):
    booking_id: UUID
    start: dt.datetime
    until: dt.datetime  # the hold's end: answer before it
    made_at: dt.datetime
    answered_at: dt.datetime | None


class EntryDto(View, frozen=True):
    id: UUID
    artist_id: UUID
    service_id: UUID
    first_date: dt.date
    last_date: dt.date
    # waiting, offered, accepted, declined, lapsed, withdrawn, left, or expired (a waiting
    # entry whose last date is over)
    status: str
    offer: OfferView | None
    joined_at: dt.datetime
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, view: EntryView) -> EntryDto:
        e, o = view.entry, view.entry.offer
        offer = None
        if o is not None:
            answered = None if o.answered_at is None else utc(o.answered_at)
            offer = OfferView(o.booking_id, utc(o.start), utc(o.until), utc(o.made_at), answered)
        return cls(
            id=e.id, artist_id=e.artist_id, service_id=e.service_id, first_date=e.dates.first,
            last_date=e.dates.last, status=view.state.value, offer=offer,
            joined_at=utc(e.joined_at), updated_at=utc(e.updated_at), version=e.version,
        )  # fmt: skip


class EntryPage(PageView[EntryDto], frozen=True):
    pass


class OfferBookingView(View, frozen=True):
    """The offer's booking after the answer (the whole booking: ``GET /bookings/{id}``)."""

    booking_id: UUID
    reference: str
    status: str
    start: dt.datetime
    end: dt.datetime
    hold_expires_at: dt.datetime | None
    deposit_amount: int
    currency: str
    requires_approval: bool

    @classmethod
    def of(cls, b: Booking) -> OfferBookingView:
        hold = None if b.hold_expires_at is None else utc(b.hold_expires_at)
        return cls(
            b.id, b.reference, b.status.value, utc(b.start), utc(b.end), hold,
            b.deposit.amount, b.deposit.currency, b.requires_approval,
        )  # fmt: skip


class AnsweredView(View, frozen=True):
    entry: EntryDto
    booking: OfferBookingView

    @classmethod
    def of(cls, answered: OfferAnswered) -> AnsweredView:
        entry = EntryDto.of(EntryView(answered.entry, answered.state))
        return cls(entry, OfferBookingView.of(answered.booking))


HoldMinutes = Annotated[
    int, Meta(ge=MIN_HOLD // _MINUTE, le=MAX_HOLD // _MINUTE, description="Whole minutes")
]


class SettingsBody(Dto, frozen=True):
    enabled: bool | None = None
    hold_minutes: HoldMinutes | None = None

    def change(self) -> SettingsChange:
        return SettingsChange(self.enabled, self.hold_minutes)


class SettingsView(View, frozen=True):
    artist_id: UUID
    enabled: bool
    hold_minutes: int
    updated_at: dt.datetime | None  # null: never set, the defaults

    @classmethod
    def of(cls, s: WaitlistSettings) -> SettingsView:
        updated = None if s.updated_at is None else utc(s.updated_at)
        return cls(s.artist_id, s.enabled, minutes_of(s.hold), updated)


class StatsView(View, frozen=True):
    days: int
    waiting: int
    offers: int
    accepted: int
    declined: int
    lapsed: int
    withdrawn: int
    open: int
    slots: int
    filled: int
    fill_rate_percent: int | None

    @classmethod
    def of(cls, days: int, f: WaitlistFigures) -> StatsView:
        return cls(
            days, f.waiting, f.offers, f.accepted, f.declined, f.lapsed, f.withdrawn, f.open,
            f.slots, f.filled, f.fill_rate_percent,
        )  # fmt: skip
