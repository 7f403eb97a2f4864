"""Rows <-> catalogue values (artists with their policy, studios, services)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from adapters.postgres.media import variants_json, variants_of
from booking_domain.catalog import (
    ArtistProfile,
    ArtistStatus,
    FixedDeposit,
    FlashDesignId,
    FlashOffer,
    GeoPoint,
    PercentageDeposit,
    SchedulingPolicy,
    Service,
    Studio,
)
from booking_domain.shared import ArtistId, Money, ServiceId, StudioId, UserId

Row = Mapping[str, Any]


def _minutes(value: timedelta) -> int:
    return int(value.total_seconds() // 60)


def _point(row: Row, prefix: str = "") -> GeoPoint | None:
    lat, lng = row[prefix + "lat"], row[prefix + "lng"]
    return GeoPoint(lat, lng) if lat is not None and lng is not None else None


def artist_row(artist: ArtistProfile) -> dict[str, Any]:
    policy = artist.policy
    return {
        "id": artist.id,
        "user_id": artist.user_id,
        "display_name": artist.display_name,
        "bio": artist.bio,
        "styles": list(artist.styles),
        "city": artist.city,
        "lat": artist.location.lat if artist.location else None,
        "lng": artist.location.lng if artist.location else None,
        "instagram": artist.instagram,
        "studio_id": artist.studio_id,
        "time_zone": artist.time_zone,
        "status": artist.status.value,
        "suspended": artist.suspended,
        "review_note": artist.review_note,
        "avatar_images": variants_json(artist.avatar),
        "cover_images": variants_json(artist.cover),
        "slot_step_minutes": _minutes(policy.slot_step),
        "minimum_notice_minutes": _minutes(policy.minimum_notice),
        "horizon_days": policy.horizon.days,
        "deposit_hold_minutes": _minutes(policy.deposit_hold),
        "approval_hold_minutes": _minutes(policy.approval_hold),
        "free_cancellation_minutes": _minutes(policy.free_cancellation_notice),
        "daily_cap": policy.daily_cap,
        "embed_origins": list(artist.embed_origins),
        "created_at": artist.created_at,
        "updated_at": artist.updated_at,
    }


def artist_of(row: Row) -> ArtistProfile:
    policy = SchedulingPolicy(
        timezone=row["time_zone"],
        slot_step=timedelta(minutes=row["slot_step_minutes"]),
        minimum_notice=timedelta(minutes=row["minimum_notice_minutes"]),
        horizon=timedelta(days=row["horizon_days"]),
        deposit_hold=timedelta(minutes=row["deposit_hold_minutes"]),
        approval_hold=timedelta(minutes=row["approval_hold_minutes"]),
        free_cancellation_notice=timedelta(minutes=row["free_cancellation_minutes"]),
        daily_cap=row["daily_cap"],
    )
    return ArtistProfile(
        id=ArtistId(row["id"]),
        user_id=UserId(row["user_id"]),
        display_name=row["display_name"],
        time_zone=row["time_zone"],
        policy=policy,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        bio=row["bio"],
        styles=tuple(row["styles"]),
        city=row["city"],
        location=_point(row),
        instagram=row["instagram"],
        studio_id=StudioId(row["studio_id"]) if row["studio_id"] else None,
        status=ArtistStatus(row["status"]),
        suspended=row["suspended"],
        review_note=row["review_note"],
        review_count=row.get("review_count", 0),
        rating_total=row.get("rating_total", 0),
        avatar=variants_of(row["avatar_images"]),
        cover=variants_of(row["cover_images"]),
        embed_origins=tuple(row.get("embed_origins") or ()),
    )


def studio_row(studio: Studio) -> dict[str, Any]:
    return {
        "id": studio.id,
        "name": studio.name,
        "address": studio.address,
        "city": studio.city,
        "lat": studio.location.lat if studio.location else None,
        "lng": studio.location.lng if studio.location else None,
        "owner_user_id": studio.owner_user_id,
        "created_at": studio.created_at,
        "updated_at": studio.updated_at,
    }


def studio_of(row: Row) -> Studio:
    return Studio(
        id=StudioId(row["id"]),
        name=row["name"],
        address=row["address"],
        city=row["city"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        location=_point(row),
        owner_user_id=UserId(row["owner_user_id"]) if row["owner_user_id"] else None,
    )


def service_row(service: Service) -> dict[str, Any]:
    """Services carry no timestamps in the domain: the database stamps them. A flash size's
    taken mark is not written here (its design's claim writes it)."""
    flash = service.flash
    kind, value = "none", 0
    if isinstance(service.deposit, FixedDeposit):
        kind, value = "fixed", service.deposit.amount.amount
    elif isinstance(service.deposit, PercentageDeposit):
        kind, value = "percent", service.deposit.basis_points
    return {
        "id": service.id,
        "artist_id": service.artist_id,
        "name": service.name,
        "duration_minutes": _minutes(service.duration),
        "buffer_before_minutes": _minutes(service.buffer_before),
        "buffer_after_minutes": _minutes(service.buffer_after),
        "price_amount": service.price.amount,
        "currency": service.price.currency,
        "deposit_kind": kind,
        "deposit_value": value,
        "requires_approval": service.needs_approval,
        "active": service.active,
        "flash_design_id": flash.design_id if flash else None,
        "size_label": flash.size_label if flash else None,
        "size_cm": flash.size_cm if flash else None,
        "flash_one_off": flash.one_off if flash else False,
        "reserved": service.reserved,
    }


def service_of(row: Row, prefix: str = "") -> Service:
    currency = row[prefix + "currency"]
    kind, value = row[prefix + "deposit_kind"], row[prefix + "deposit_value"]
    deposit: FixedDeposit | PercentageDeposit | None = None
    if kind == "fixed":
        deposit = FixedDeposit(Money(value, currency))
    elif kind == "percent":
        deposit = PercentageDeposit(value)
    return Service(
        id=ServiceId(row[prefix + "id"]),
        artist_id=ArtistId(row[prefix + "artist_id"]),
        name=row[prefix + "name"],
        duration=timedelta(minutes=row[prefix + "duration_minutes"]),
        price=Money(row[prefix + "price_amount"], currency),
        deposit=deposit,
        buffer_before=timedelta(minutes=row[prefix + "buffer_before_minutes"]),
        buffer_after=timedelta(minutes=row[prefix + "buffer_after_minutes"]),
        needs_approval=row[prefix + "requires_approval"],
        active=row[prefix + "active"],
        flash=_flash_of(row, prefix),
        # (the scheduling reader's rows leave it out: booking never depends on it)
        reserved=bool(row.get(prefix + "reserved", False)),
    )


def _flash_of(row: Row, prefix: str) -> FlashOffer | None:
    design_id = row[prefix + "flash_design_id"]
    if design_id is None:
        return None
    return FlashOffer(
        FlashDesignId(design_id),
        row[prefix + "size_label"] or "",
        row[prefix + "size_cm"],
        one_off=row[prefix + "flash_one_off"],
        taken=row[prefix + "flash_taken"],
    )
