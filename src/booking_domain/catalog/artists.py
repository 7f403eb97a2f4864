"""Artist profiles: who may be found and booked, and who may change what.

Rules (docs/product.md, "1. People and roles"):
- an artist user has at most one profile; it starts ``draft``;
- the owner submits it (``draft`` or ``rejected`` -> ``pending``); an admin approves or
  rejects a pending profile with a note; an admin suspends and reinstates an approved one;
- only an approved, unsuspended profile is public and bookable; its owner and admins always
  see it; to anyone else it does not exist (404, so ids reveal nothing);
- the owner or an admin edits a profile and its scheduling policy.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from booking_domain.catalog.errors import ArtistNotFoundError
from booking_domain.catalog.policy import SchedulingPolicy
from booking_domain.media import Variant
from booking_domain.shared.errors import (
    FieldError,
    InvalidInputError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, StudioId, UserId


class ArtistStatus(StrEnum):
    """Where a profile is in its review: only an approved one can be public."""

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


def mean_rating(review_count: int, rating_total: int) -> float | None:
    """The mean of the visible reviews' stars, to 2 decimals (None: no review)."""
    if review_count <= 0:
        return None
    return round(rating_total / review_count, 2)


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
    avatar: tuple[Variant, ...] = ()  # image variants from a finished avatar upload
    cover: tuple[Variant, ...] = ()  # and from a cover upload
    # The running rating, kept by the reviews context (never written by the catalogue):
    # how many visible reviews, and their stars in all.
    review_count: int = 0
    rating_total: int = 0
    # The origins of the artist's own website that may embed their booking page
    # (``embedding.embed_origins``: normalised, at most five).
    embed_origins: tuple[str, ...] = ()

    @property
    def rating(self) -> float | None:
        return mean_rating(self.review_count, self.rating_total)

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

    def edited(self, actor: Actor, now: datetime, **changes: Any) -> ArtistProfile:
        self.ensure_editable_by(actor)
        return dataclasses.replace(self, updated_at=now, **changes)

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


def _require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise PermissionDeniedError()
