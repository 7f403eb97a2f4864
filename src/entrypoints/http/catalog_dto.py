"""Wire formats of artists, studios, services, availability and slots."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from booking_domain.artists import ArtistProfile, GeoPoint, StoredOverride, StoredRule, Studio
from booking_domain.availability import LocalWindow, WeeklyRule, format_clock, parse_clock
from booking_domain.errors import FieldError, InvalidInputError
from booking_domain.ids import StudioId
from booking_domain.money import Money
from booking_domain.services import FixedDeposit, PercentageDeposit, Service
from booking_domain.use_cases.artists import PolicyFields, ProfileFields
from booking_domain.use_cases.catalog import Availability, FreeSlots, ServiceFields
from booking_domain.use_cases.studios import StudioFields
from entrypoints.http.dto import Dto, View

Clock = Annotated[
    str, Meta(pattern=r"^([01]\d|2[0-4]):[0-5]\d$", description="HH:MM, 24:00 allowed")
]
Minutes = Annotated[int, Meta(ge=0, le=1440)]
Text200 = Annotated[str, Meta(max_length=200)]


class Location(Dto, frozen=True):
    lat: float
    lng: float

    def point(self) -> GeoPoint:
        return GeoPoint(self.lat, self.lng)


class MoneyDto(msgspec.Struct, frozen=True):
    amount: Annotated[int, Meta(ge=0, le=10**12)]
    currency: Annotated[str, Meta(pattern=r"^[A-Z]{3}$")] = "MNT"

    def money(self) -> Money:
        return Money(self.amount, self.currency)

    @classmethod
    def of(cls, money: Money) -> MoneyDto:
        return cls(money.amount, money.currency)


def _unset(value: object) -> object:
    return None if value is UNSET else value


class ArtistRequest(Dto, frozen=True):
    display_name: Annotated[str, Meta(max_length=200)] | UnsetType = UNSET
    bio: Annotated[str, Meta(max_length=4000)] | UnsetType = UNSET
    styles: (
        Annotated[list[Annotated[str, Meta(max_length=60)]], Meta(max_length=50)] | UnsetType
    ) = UNSET
    city: Text200 | UnsetType = UNSET
    location: Location | UnsetType = UNSET
    time_zone: Annotated[str, Meta(max_length=64)] | UnsetType = UNSET
    instagram: Annotated[str, Meta(max_length=64)] | UnsetType = UNSET
    studio_id: UUID | UnsetType = UNSET

    def fields(self) -> ProfileFields:
        return ProfileFields(
            display_name=_unset(self.display_name),  # type: ignore[arg-type]
            bio=_unset(self.bio),  # type: ignore[arg-type]
            styles=None if self.styles is UNSET else tuple(self.styles),
            city=_unset(self.city),  # type: ignore[arg-type]
            location=None if self.location is UNSET else self.location.point(),
            instagram=_unset(self.instagram),  # type: ignore[arg-type]
            studio_id=None if self.studio_id is UNSET else StudioId(self.studio_id),
            time_zone=_unset(self.time_zone),  # type: ignore[arg-type]
        )


class SettingsRequest(Dto, frozen=True):
    slot_step_minutes: Annotated[int, Meta(ge=1, le=1440)] | UnsetType = UNSET
    minimum_notice_minutes: Annotated[int, Meta(ge=0, le=60 * 24 * 365)] | UnsetType = UNSET
    horizon_days: Annotated[int, Meta(ge=1, le=730)] | UnsetType = UNSET
    deposit_hold_minutes: Annotated[int, Meta(ge=1, le=60 * 24 * 7)] | UnsetType = UNSET
    approval_hold_minutes: Annotated[int, Meta(ge=1, le=60 * 24 * 30)] | UnsetType = UNSET
    free_cancellation_minutes: Annotated[int, Meta(ge=0, le=60 * 24 * 365)] | UnsetType = UNSET
    daily_cap: Annotated[int, Meta(ge=0, le=100)] | UnsetType = UNSET

    def fields(self) -> PolicyFields:
        def minutes(value: int | UnsetType) -> timedelta | None:
            return None if isinstance(value, UnsetType) else timedelta(minutes=value)

        return PolicyFields(
            slot_step=minutes(self.slot_step_minutes),
            minimum_notice=minutes(self.minimum_notice_minutes),
            horizon=None
            if isinstance(self.horizon_days, UnsetType)
            else timedelta(days=self.horizon_days),
            deposit_hold=minutes(self.deposit_hold_minutes),
            approval_hold=minutes(self.approval_hold_minutes),
            free_cancellation_notice=minutes(self.free_cancellation_minutes),
            daily_cap=None if isinstance(self.daily_cap, UnsetType) else self.daily_cap,
        )


class ApprovalRequest(Dto, frozen=True):
    approved: bool
    note: Annotated[str, Meta(max_length=2000)] | None = None


class SettingsView(View, frozen=True):
    slot_step_minutes: int
    minimum_notice_minutes: int
    horizon_days: int
    deposit_hold_minutes: int
    approval_hold_minutes: int
    free_cancellation_minutes: int
    daily_cap: int | None


def _minutes(value: timedelta) -> int:
    return int(value.total_seconds() // 60)


class ArtistView(View, frozen=True):
    id: UUID
    user_id: UUID
    display_name: str
    bio: str
    styles: list[str]
    city: str | None
    location: Location | None
    time_zone: str
    instagram: str | None
    studio_id: UUID | None
    status: str
    suspended: bool
    bookable: bool
    review_note: str | None
    settings: SettingsView
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, a: ArtistProfile) -> ArtistView:
        p = a.policy
        return cls(
            id=a.id, user_id=a.user_id, display_name=a.display_name, bio=a.bio,
            styles=list(a.styles), city=a.city,
            location=Location(a.location.lat, a.location.lng) if a.location else None,
            time_zone=a.time_zone, instagram=a.instagram, studio_id=a.studio_id,
            status=a.status.value, suspended=a.suspended, bookable=a.is_bookable,
            review_note=a.review_note,
            settings=SettingsView(
                _minutes(p.slot_step), _minutes(p.minimum_notice), p.horizon.days,
                _minutes(p.deposit_hold), _minutes(p.approval_hold),
                _minutes(p.free_cancellation_notice), p.daily_cap,
            ),
            created_at=a.created_at, updated_at=a.updated_at,
        )  # fmt: skip


class StudioRequest(Dto, frozen=True):
    name: Text200 | UnsetType = UNSET
    address: Text200 | UnsetType = UNSET
    city: Text200 | UnsetType = UNSET
    location: Location | UnsetType = UNSET

    def fields(self) -> StudioFields:
        return StudioFields(
            name=_unset(self.name),  # type: ignore[arg-type]
            address=_unset(self.address),  # type: ignore[arg-type]
            city=_unset(self.city),  # type: ignore[arg-type]
            location=None if self.location is UNSET else self.location.point(),
        )


class StudioView(View, frozen=True):
    id: UUID
    name: str
    address: str
    city: str
    location: Location | None
    owner_user_id: UUID | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, s: Studio) -> StudioView:
        location = Location(s.location.lat, s.location.lng) if s.location else None
        return cls(
            s.id, s.name, s.address, s.city, location, s.owner_user_id, s.created_at, s.updated_at
        )


class DepositDto(Dto, frozen=True):
    """Exactly one of ``amount`` (minor units, the price's currency) or ``percent``."""

    amount: Annotated[int, Meta(ge=1)] | None = None
    percent: Annotated[int, Meta(ge=1, le=100)] | None = None


class ServiceRequest(Dto, frozen=True):
    name: Text200 | UnsetType = UNSET
    duration_minutes: Annotated[int, Meta(ge=1, le=1440)] | UnsetType = UNSET
    buffer_before_minutes: Minutes | UnsetType = UNSET
    buffer_after_minutes: Minutes | UnsetType = UNSET
    price: MoneyDto | UnsetType = UNSET
    deposit: DepositDto | UnsetType | None = UNSET
    requires_approval: bool | UnsetType = UNSET
    active: bool | UnsetType = UNSET

    def fields(self, currency_if_unset: str = "MNT") -> ServiceFields:
        currency = (
            self.price.currency if not isinstance(self.price, UnsetType) else currency_if_unset
        )
        deposit: FixedDeposit | PercentageDeposit | None = None
        if isinstance(self.deposit, DepositDto):
            if (self.deposit.amount is None) == (self.deposit.percent is None):
                raise InvalidInputError(
                    errors=(FieldError("deposit", "Give either amount or percent.", "invalid"),)
                )
            if self.deposit.amount is not None:
                deposit = FixedDeposit(Money(self.deposit.amount, currency))
            else:
                deposit = PercentageDeposit.percent(self.deposit.percent or 0)

        def minutes(value: int | UnsetType) -> timedelta | None:
            return None if isinstance(value, UnsetType) else timedelta(minutes=value)

        return ServiceFields(
            name=_unset(self.name),  # type: ignore[arg-type]
            duration=minutes(self.duration_minutes),
            buffer_before=minutes(self.buffer_before_minutes),
            buffer_after=minutes(self.buffer_after_minutes),
            price=None if isinstance(self.price, UnsetType) else self.price.money(),
            deposit=deposit,
            clear_deposit=self.deposit is None,
            needs_approval=_unset(self.requires_approval),  # type: ignore[arg-type]
            active=_unset(self.active),  # type: ignore[arg-type]
        )


class DepositView(View, frozen=True, omit_defaults=True):
    due: MoneyDto
    amount: int | None = None
    percent: float | None = None


class ServiceView(View, frozen=True):
    id: UUID
    artist_id: UUID
    name: str
    duration_minutes: int
    buffer_before_minutes: int
    buffer_after_minutes: int
    price: MoneyDto
    deposit: DepositView | None
    requires_approval: bool
    active: bool

    @classmethod
    def of(cls, s: Service) -> ServiceView:
        deposit = None
        if s.deposit is not None:
            due = MoneyDto.of(s.deposit_amount)
            if isinstance(s.deposit, FixedDeposit):
                deposit = DepositView(due=due, amount=s.deposit.amount.amount)
            else:
                deposit = DepositView(due=due, percent=s.deposit.basis_points / 100)
        return cls(
            id=s.id, artist_id=s.artist_id, name=s.name, duration_minutes=_minutes(s.duration),
            buffer_before_minutes=_minutes(s.buffer_before),
            buffer_after_minutes=_minutes(s.buffer_after), price=MoneyDto.of(s.price),
            deposit=deposit, requires_approval=s.needs_approval, active=s.active,
        )  # fmt: skip


class WindowDto(Dto, frozen=True):
    start_time: Clock
    end_time: Clock

    def window(self) -> LocalWindow:
        return LocalWindow(parse_clock(self.start_time), parse_clock(self.end_time))


class RuleRequest(Dto, frozen=True):
    day: Annotated[int, Meta(ge=0, le=6, description="0 = Sunday .. 6 = Saturday")]
    start_time: Clock
    end_time: Clock
    artist_id: UUID | None = None  # admins name the artist; artists manage their own

    def rule(self) -> WeeklyRule:
        return WeeklyRule(self.day, parse_clock(self.start_time), parse_clock(self.end_time))


class OverrideRequest(Dto, frozen=True):
    date: date
    closed: bool = False
    windows: Annotated[list[WindowDto], Meta(max_length=24)] = msgspec.field(default_factory=list)
    artist_id: UUID | None = None

    def local_windows(self) -> tuple[LocalWindow, ...]:
        if self.closed == bool(self.windows):
            raise InvalidInputError(
                errors=(
                    FieldError(
                        "windows", "A closed day has no windows; an open one needs some.", "invalid"
                    ),
                )
            )
        return tuple(w.window() for w in self.windows)


class WindowView(View, frozen=True):
    start_time: str
    end_time: str


class RuleView(View, frozen=True):
    id: UUID
    artist_id: UUID
    day: int
    start_time: str
    end_time: str

    @classmethod
    def of(cls, r: StoredRule) -> RuleView:
        return cls(
            r.id,
            r.artist_id,
            r.rule.day,
            format_clock(r.rule.start_minute),
            format_clock(r.rule.end_minute),
        )


class OverrideView(View, frozen=True):
    id: UUID
    artist_id: UUID
    date: date
    closed: bool
    windows: list[WindowView]

    @classmethod
    def of(cls, o: StoredOverride) -> OverrideView:
        windows = [
            WindowView(format_clock(w.start_minute), format_clock(w.end_minute))
            for w in o.override.windows
        ]
        return cls(o.id, o.artist_id, o.override.on, o.override.closed, windows)


class AvailabilityView(View, frozen=True):
    artist_id: UUID
    time_zone: str
    rules: list[RuleView]
    overrides: list[OverrideView]

    @classmethod
    def of(cls, a: Availability) -> AvailabilityView:
        return cls(
            a.artist.id,
            a.artist.time_zone,
            [RuleView.of(r) for r in a.rules],
            [OverrideView.of(o) for o in a.overrides],
        )


class SlotView(View, frozen=True):
    start: datetime
    end: datetime
    local_start: datetime  # encoded with the artist's offset, e.g. 2026-03-09T09:00:00+08:00
    local_end: datetime


class SlotsView(View, frozen=True):
    artist_id: UUID
    service_id: UUID
    time_zone: str
    items: list[SlotView]

    @classmethod
    def of(cls, found: FreeSlots) -> SlotsView:
        zone = found.artist.policy.zone
        duration = found.service.duration
        items = []
        for start in found.starts:
            end = start + duration
            # msgspec writes aware datetimes in C; no per-slot isoformat in Python.
            items.append(SlotView(start, end, start.astimezone(zone), end.astimezone(zone)))
        return cls(found.artist.id, found.service.id, found.artist.time_zone, items)
