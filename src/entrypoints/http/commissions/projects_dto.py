"""Quotes and projects on the wire."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from uuid import UUID

from msgspec import Meta

from booking_domain.bookings import Booking
from booking_domain.commissions import (
    MAX_GAP_DAYS,
    MAX_NOTE,
    MAX_SESSION_MINUTES,
    MAX_SESSIONS,
    DraftTerms,
    ProjectSession,
    QuoteState,
)
from booking_domain.commissions.use_cases import (
    MAX_REASON,
    ProjectStarted,
    ProjectView,
    QuoteEntry,
    SessionStarts,
)
from booking_domain.shared.money import Money
from entrypoints.http.wire import Dto, MoneyDto, PageView, View, utc

Amount = Annotated[int, Meta(ge=0, le=10**12)]
Instant = Annotated[dt.datetime, Meta(tz=True, description="ISO 8601 with a UTC offset")]


class QuoteBody(Dto, frozen=True):
    """The artist's terms: amounts in minor units, whole units of the currency."""

    sessions: Annotated[int, Meta(ge=1, le=MAX_SESSIONS)]
    session_minutes: Annotated[int, Meta(ge=1, le=MAX_SESSION_MINUTES)]
    price_min: Amount
    price_max: Amount
    expires_at: Instant
    deposit: Amount = 0
    currency: Annotated[str, Meta(pattern=r"^[A-Z]{3}$")] = "MNT"
    gap_days: Annotated[int, Meta(ge=0, le=MAX_GAP_DAYS)] = 0
    note: Annotated[str, Meta(max_length=MAX_NOTE)] = ""

    def draft(self) -> DraftTerms:
        return DraftTerms(
            self.sessions, self.session_minutes, self.price_min, self.price_max, self.deposit,
            self.currency, self.gap_days, self.expires_at, self.note,
        )  # fmt: skip


class StartBody(Dto, frozen=True):
    start: Instant  # the session's start, one the artist offers for its length


class CancelProjectBody(Dto, frozen=True):
    reason: Annotated[str, Meta(max_length=MAX_REASON)] | None = None


class QuoteView(View, frozen=True):
    id: UUID
    request_id: UUID
    revision: int
    state: str  # offered | accepted | superseded | expired (as read now)
    sessions: int
    session_minutes: int
    price_min: MoneyDto
    price_max: MoneyDto  # the same as priceMin for a fixed price
    deposit: MoneyDto
    gap_days: int
    expires_at: dt.datetime
    note: str
    created_at: dt.datetime
    project_id: UUID | None = None  # the project an accepted quote started

    @classmethod
    def of(cls, entry: QuoteEntry) -> QuoteView:
        q, t = entry.quote, entry.quote.terms
        return cls(
            id=q.id, request_id=q.request_id, revision=q.revision, state=entry.state.value,
            sessions=t.sessions, session_minutes=int(t.session_length.total_seconds()) // 60,
            price_min=MoneyDto.of(t.price_min), price_max=MoneyDto.of(t.price_max),
            deposit=MoneyDto.of(t.deposit), gap_days=t.gap.days,
            expires_at=utc(t.expires_at), note=t.note, created_at=utc(q.created_at),
            project_id=entry.project_id,
        )  # fmt: skip


class SessionView(View, frozen=True):
    booking_id: UUID
    start: dt.datetime
    status: str  # the booking's
    holds_deposit: bool  # the session the project's deposit is paid with
    closes: bool  # the session that fills the plan: the deposit is credited to its price

    @classmethod
    def of(cls, s: ProjectSession) -> SessionView:
        return cls(s.booking_id, utc(s.start), s.status.value, s.holds_deposit, s.closes)


class ProjectDetailView(View, frozen=True):
    id: UUID
    request_id: UUID
    quote_id: UUID
    artist_id: UUID
    customer_id: UUID
    state: str  # active | completed | cancelled
    sessions_planned: int
    sessions_booked: int  # not cancelled
    sessions_completed: int
    session_minutes: int
    gap_days: int
    price_min: MoneyDto
    price_max: MoneyDto
    deposit: MoneyDto
    deposit_held: bool
    deposit_credited: bool  # the closing session is completed
    sessions: list[SessionView]
    created_at: dt.datetime

    @classmethod
    def of(cls, seen: ProjectView) -> ProjectDetailView:
        p, t, done = seen.project, seen.project.terms, seen.progress
        return cls(
            id=p.id, request_id=p.request_id, quote_id=p.quote_id, artist_id=p.artist_id,
            customer_id=p.customer_id, state=done.state.value, sessions_planned=done.planned,
            sessions_booked=done.booked, sessions_completed=done.completed,
            session_minutes=int(t.session_length.total_seconds()) // 60, gap_days=t.gap.days,
            price_min=MoneyDto.of(t.price_min), price_max=MoneyDto.of(t.price_max),
            deposit=MoneyDto.of(t.deposit), deposit_held=done.deposit_held,
            deposit_credited=done.deposit_credited,
            sessions=[SessionView.of(s) for s in seen.sessions], created_at=utc(p.created_at),
        )  # fmt: skip


class BookedSessionView(View, frozen=True):
    """The session's booking: pay its deposit (if any) through the booking's deposit
    invoice, as for any booking."""

    booking_id: UUID
    reference: str
    status: str
    start: dt.datetime
    end: dt.datetime
    price: MoneyDto  # its share, the deposit on top (held) or off (credited)
    deposit: MoneyDto  # what this booking asks now (zero: none)
    hold_expires_at: dt.datetime | None

    @classmethod
    def of(cls, b: Booking) -> BookedSessionView:
        # (a session's booking always keeps its price; zero stands in for older bookings)
        price = b.price if b.price is not None else Money.zero(b.deposit.currency)
        hold = None if b.hold_expires_at is None else utc(b.hold_expires_at)
        return cls(
            b.id, b.reference, b.status.value, utc(b.start), utc(b.end), MoneyDto.of(price),
            MoneyDto.of(b.deposit), hold,
        )  # fmt: skip


class ProjectStartedView(View, frozen=True):
    quote: QuoteView
    project: ProjectDetailView
    booking: BookedSessionView  # the first session

    @classmethod
    def of(cls, started: ProjectStarted) -> ProjectStartedView:
        accepted = QuoteEntry(started.quote, QuoteState.ACCEPTED, started.project.project.id)
        quote = QuoteView.of(accepted)
        return cls(
            quote, ProjectDetailView.of(started.project), BookedSessionView.of(started.booking)
        )


class QuoteList(View, frozen=True):
    items: list[QuoteView]


class ProjectPage(PageView[ProjectDetailView], frozen=True):
    items: list[ProjectDetailView]


class SessionStartsView(View, frozen=True):
    """Free starts for a session, earliest first (UTC). ``nextFrom`` is set when there are
    more in the range: ask again with ``from=nextFrom`` (and the same ``to``)."""

    items: list[dt.datetime]
    next_from: dt.datetime | None = None

    @classmethod
    def of(cls, found: SessionStarts) -> SessionStartsView:
        following = None if found.next_from is None else utc(found.next_from)
        return cls([utc(s) for s in found.starts], following)
