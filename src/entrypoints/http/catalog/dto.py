"""Wire formats of artists, studios and services."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Self
from uuid import UUID

from msgspec import UNSET, Meta, UnsetType

from booking_domain.catalog import ArtistProfile, FixedDeposit, PortfolioImage, Service, Studio
from booking_domain.catalog.use_cases import (
    ArtistImageLinks,
    Coordinates,
    DepositChoice,
    ProfileFields,
    ServiceFields,
    StudioFields,
    StudioMembers,
)
from booking_domain.shared import StudioId
from entrypoints.http.wire import Dto, MoneyDto, PageView, View, given, minutes_of

Text200 = Annotated[str, Meta(max_length=200)]
Minutes = Annotated[int, Meta(ge=0, le=1440)]


class Location(Dto, frozen=True):
    lat: float
    lng: float

    def coordinates(self) -> Coordinates:
        return (self.lat, self.lng)


def _coordinates(location: Location | UnsetType) -> Coordinates | None:
    return None if isinstance(location, UnsetType) else location.coordinates()


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
    studio_id: UUID | UnsetType | None = UNSET  # null: leave the studio
    # The whole list of the origins that may embed the booking page ([]: none).
    embed_origins: (
        Annotated[list[Annotated[str, Meta(max_length=200)]], Meta(max_length=20)] | UnsetType
    ) = UNSET

    def fields(self) -> ProfileFields:
        styles, studio_id = given(self.styles), given(self.studio_id)
        origins = given(self.embed_origins)
        return ProfileFields(
            display_name=given(self.display_name),
            bio=given(self.bio),
            styles=None if styles is None else tuple(styles),
            city=given(self.city),
            location=_coordinates(self.location),
            instagram=given(self.instagram),
            studio_id=None if studio_id is None else StudioId(studio_id),
            time_zone=given(self.time_zone),
            leave_studio=self.studio_id is None,
            embed_origins=None if origins is None else tuple(origins),
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


class ArtistImageView(View, frozen=True):
    name: str
    url: str
    width: int
    height: int

    @classmethod
    def of(cls, image: PortfolioImage) -> Self:
        return cls(image.name, image.url, image.width, image.height)


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
    rating: float | None  # the mean of the visible reviews' stars (None: no review yet)
    review_count: int
    settings: SettingsView
    embed_origins: list[str]  # the origins whose pages may embed the booking page
    created_at: datetime
    updated_at: datetime
    # Public image URLs; left out where another context answers with the profile (the
    # scheduling settings change).
    avatar: list[ArtistImageView] | UnsetType = UNSET
    cover: list[ArtistImageView] | UnsetType = UNSET

    @classmethod
    def of(cls, a: ArtistProfile, images: ArtistImageLinks | None = None) -> ArtistView:
        p = a.policy
        pictures: dict[str, list[ArtistImageView]] = {}
        if images is not None:
            pictures["avatar"] = [ArtistImageView.of(i) for i in images.avatar]
            pictures["cover"] = [ArtistImageView.of(i) for i in images.cover]
        return cls(
            id=a.id,
            user_id=a.user_id,
            display_name=a.display_name,
            bio=a.bio,
            styles=list(a.styles),
            city=a.city,
            location=Location(a.location.lat, a.location.lng) if a.location else None,
            time_zone=a.time_zone,
            instagram=a.instagram,
            studio_id=a.studio_id,
            status=a.status.value,
            suspended=a.suspended,
            bookable=a.is_bookable,
            review_note=a.review_note,
            rating=a.rating,
            review_count=a.review_count,
            settings=SettingsView(
                minutes_of(p.slot_step),
                minutes_of(p.minimum_notice),
                p.horizon.days,
                minutes_of(p.deposit_hold),
                minutes_of(p.approval_hold),
                minutes_of(p.free_cancellation_notice),
                p.daily_cap,
            ),
            embed_origins=list(a.embed_origins),
            created_at=a.created_at,
            updated_at=a.updated_at,
            **pictures,
        )


class ArtistPage(PageView[ArtistView], frozen=True):
    items: list[ArtistView]


class ArtistImageRequest(Dto, frozen=True):
    upload_id: UUID | None  # null clears the image


class StudioRequest(Dto, frozen=True):
    name: Text200 | UnsetType = UNSET
    address: Text200 | UnsetType = UNSET
    city: Text200 | UnsetType = UNSET
    location: Location | UnsetType = UNSET

    def fields(self) -> StudioFields:
        return StudioFields(
            name=given(self.name),
            address=given(self.address),
            city=given(self.city),
            location=_coordinates(self.location),
        )


class StudioMemberView(View, frozen=True):
    """An artist of a studio, as anyone sees them: the public summary of the profile."""

    id: UUID
    display_name: str
    styles: list[str]
    city: str | None
    rating: float | None
    review_count: int

    @classmethod
    def of(cls, a: ArtistProfile) -> StudioMemberView:
        return cls(a.id, a.display_name, list(a.styles), a.city, a.rating, a.review_count)


class StudioView(View, frozen=True):
    id: UUID
    name: str
    address: str
    city: str
    location: Location | None
    owner_user_id: UUID | None
    created_at: datetime
    updated_at: datetime
    # Its public artists, by name; left out of the answers to creating and editing a studio.
    members: list[StudioMemberView] | UnsetType = UNSET

    @classmethod
    def of(cls, s: Studio, members: tuple[ArtistProfile, ...] | None = None) -> StudioView:
        location = Location(s.location.lat, s.location.lng) if s.location else None
        shown = UNSET if members is None else [StudioMemberView.of(a) for a in members]
        return cls(
            s.id, s.name, s.address, s.city, location, s.owner_user_id, s.created_at,
            s.updated_at, shown,
        )  # fmt: skip

    @classmethod
    def with_members(cls, found: StudioMembers) -> StudioView:
        return cls.of(found.studio, found.members)


class StudioPage(PageView[StudioView], frozen=True):
    items: list[StudioView]


class DepositDto(Dto, frozen=True):
    """Exactly one of ``amount`` (minor units, the price's currency) or ``percent``."""

    amount: Annotated[int, Meta(ge=1)] | None = None
    percent: Annotated[int, Meta(ge=1, le=100)] | None = None


def _minutes(value: int | UnsetType) -> timedelta | None:
    minutes = given(value)
    return None if minutes is None else timedelta(minutes=minutes)


class ServiceRequest(Dto, frozen=True):
    name: Text200 | UnsetType = UNSET
    duration_minutes: Annotated[int, Meta(ge=1, le=1440)] | UnsetType = UNSET
    buffer_before_minutes: Minutes | UnsetType = UNSET
    buffer_after_minutes: Minutes | UnsetType = UNSET
    price: MoneyDto | UnsetType = UNSET
    deposit: DepositDto | UnsetType | None = UNSET
    requires_approval: bool | UnsetType = UNSET
    active: bool | UnsetType = UNSET

    def fields(self) -> ServiceFields:
        deposit, price = given(self.deposit), given(self.price)
        return ServiceFields(
            name=given(self.name),
            duration=_minutes(self.duration_minutes),
            buffer_before=_minutes(self.buffer_before_minutes),
            buffer_after=_minutes(self.buffer_after_minutes),
            price=None if price is None else price.money(),
            deposit=None if deposit is None else DepositChoice(deposit.amount, deposit.percent),
            clear_deposit=self.deposit is None,
            needs_approval=given(self.requires_approval),
            active=given(self.active),
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
            id=s.id,
            artist_id=s.artist_id,
            name=s.name,
            duration_minutes=minutes_of(s.duration),
            buffer_before_minutes=minutes_of(s.buffer_before),
            buffer_after_minutes=minutes_of(s.buffer_after),
            price=MoneyDto.of(s.price),
            deposit=deposit,
            requires_approval=s.needs_approval,
            active=s.active,
        )


class ServicePage(PageView[ServiceView], frozen=True):
    items: list[ServiceView]
