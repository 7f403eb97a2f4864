"""Artist profiles and studios: who may be found and booked, and who may change what.

Rules (PRODUCT.md, People and roles):
- an artist user has at most one profile; it starts ``draft``;
- the owner submits it (``draft`` or ``rejected`` -> ``pending``); an admin approves or
  rejects a pending profile with a note; an admin suspends and reinstates an approved one;
- only an approved, unsuspended profile is public and bookable; its owner and admins always
  see it; to anyone else it does not exist (404, so ids reveal nothing);
- the owner or an admin edits a profile and its scheduling policy;
- a studio is created by an admin or by an artist (who then owns it); its owner or an admin
  edits it; studios are public.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from booking_domain.accounts import Actor, Role
from booking_domain.availability import DateOverride, Schedule, WeeklyRule, format_clock
from booking_domain.errors import (
    ArtistNotFoundError,
    FieldError,
    InvalidInputError,
    InvalidTransitionError,
    OverlappingAvailabilityError,
    PermissionDeniedError,
)
from booking_domain.ids import ArtistId, StudioId, UserId
from booking_domain.policy import SchedulingPolicy


class ArtistStatus(StrEnum):
    DRAFT = "draft"
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class GeoPoint:
    lat: float
    lng: float

    def __post_init__(self) -> None:
        errors = []
        if not -90 <= self.lat <= 90:
            errors.append(FieldError("location.lat", "Latitude is -90 to 90.", "out_of_range"))
        if not -180 <= self.lng <= 180:
            errors.append(FieldError("location.lng", "Longitude is -180 to 180.", "out_of_range"))
        if errors:
            raise InvalidInputError(errors=tuple(errors))


@dataclass(frozen=True, slots=True)
class ArtistProfile:
    id: ArtistId
    user_id: UserId
    display_name: str
    time_zone: str
    policy: SchedulingPolicy
    created_at: datetime
    updated_at: datetime
    bio: str = ""
    styles: tuple[str, ...] = ()
    city: str | None = None
    location: GeoPoint | None = None
    instagram: str | None = None
    studio_id: StudioId | None = None
    status: ArtistStatus = ArtistStatus.DRAFT
    suspended: bool = False
    review_note: str | None = None

    @property
    def is_bookable(self) -> bool:
        """Public and bookable: approved and not suspended."""
        return self.status is ArtistStatus.APPROVED and not self.suspended

    def is_owned_by(self, actor: Actor) -> bool:
        return actor.role is Role.ARTIST and actor.user_id == self.user_id

    def visible_to(self, actor: Actor | None) -> bool:
        if self.is_bookable:
            return True
        return actor is not None and (actor.is_admin or self.is_owned_by(actor))

    def ensure_visible_to(self, actor: Actor | None) -> None:
        if not self.visible_to(actor):
            raise ArtistNotFoundError()

    def ensure_editable_by(self, actor: Actor) -> None:
        """Owner or admin; a stranger learns nothing (404 unless the profile is public)."""
        if actor.is_admin or self.is_owned_by(actor):
            return
        if self.visible_to(actor):
            raise PermissionDeniedError()
        raise ArtistNotFoundError()

    def edited(self, actor: Actor, now: datetime, **changes: object) -> ArtistProfile:
        self.ensure_editable_by(actor)
        return dataclasses.replace(self, updated_at=now, **changes)  # type: ignore[arg-type]

    def submitted(self, actor: Actor, now: datetime) -> ArtistProfile:
        if not self.is_owned_by(actor):
            self.ensure_editable_by(actor)
            raise PermissionDeniedError("Only the artist submits their own profile.")
        if self.status not in (ArtistStatus.DRAFT, ArtistStatus.REJECTED):
            raise InvalidTransitionError(f"A {self.status} profile cannot be submitted.")
        return dataclasses.replace(self, status=ArtistStatus.PENDING, updated_at=now)

    def reviewed(
        self, actor: Actor, now: datetime, *, approved: bool, note: str | None
    ) -> ArtistProfile:
        _require_admin(actor)
        if self.status is not ArtistStatus.PENDING:
            raise InvalidTransitionError(f"A {self.status} profile is not awaiting review.")
        status = ArtistStatus.APPROVED if approved else ArtistStatus.REJECTED
        return dataclasses.replace(self, status=status, review_note=note, updated_at=now)

    def with_suspension(self, actor: Actor, now: datetime, *, suspended: bool) -> ArtistProfile:
        _require_admin(actor)
        if self.status is not ArtistStatus.APPROVED:
            raise InvalidTransitionError("Only approved profiles are suspended or reinstated.")
        if self.suspended == suspended:
            raise InvalidTransitionError(
                "The profile is already suspended."
                if suspended
                else "The profile is not suspended."
            )
        return dataclasses.replace(self, suspended=suspended, updated_at=now)


@dataclass(frozen=True, slots=True)
class Studio:
    id: StudioId
    name: str
    address: str
    city: str
    created_at: datetime
    updated_at: datetime
    location: GeoPoint | None = None
    owner_user_id: UserId | None = None

    def ensure_editable_by(self, actor: Actor) -> None:
        if actor.is_admin or (
            self.owner_user_id is not None and actor.user_id == self.owner_user_id
        ):
            return
        raise PermissionDeniedError()

    def edited(self, actor: Actor, now: datetime, **changes: object) -> Studio:
        self.ensure_editable_by(actor)
        return dataclasses.replace(self, updated_at=now, **changes)  # type: ignore[arg-type]


def ensure_may_create_studio(actor: Actor) -> None:
    if actor.role not in (Role.ADMIN, Role.ARTIST):
        raise PermissionDeniedError("Studios are created by admins and artists.")


def _require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise PermissionDeniedError()


@dataclass(frozen=True, slots=True)
class StoredRule:
    """A weekly rule as an artist keeps it: with an id, so it can be removed."""

    id: UUID
    artist_id: ArtistId
    rule: WeeklyRule
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StoredOverride:
    """A date override as an artist keeps it (at most one per local date)."""

    id: UUID
    artist_id: ArtistId
    override: DateOverride
    created_at: datetime


def ensure_rule_fits(existing: Iterable[StoredRule], new: WeeklyRule) -> None:
    """Rules of one day may touch (09:00-12:00 and 12:00-17:00) but never overlap: an
    overlap is almost always a typo, and silently merging it would hide that."""
    for stored in existing:
        rule = stored.rule
        if (
            rule.day == new.day
            and rule.start_minute < new.end_minute
            and new.start_minute < rule.end_minute
        ):
            window = f"{format_clock(rule.start_minute)}-{format_clock(rule.end_minute)}"
            raise OverlappingAvailabilityError(f"It overlaps {window} on the same day.")


def schedule_of(rules: Iterable[StoredRule], overrides: Iterable[StoredOverride]) -> Schedule:
    return Schedule(tuple(r.rule for r in rules), tuple(o.override for o in overrides))
