"""What an artist profile's review and moderation tell the world: ``artist.submitted``,
``artist.approved``, ``artist.rejected``, ``artist.suspended``, ``artist.reinstated``.

Profiles keep no version, so the sequence of an artist's events is the outbox's own count
(``Outbox.next_sequence``); two admins acting at once on one profile cannot both record the
same number (the second gets ``ConcurrentUpdateError``).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, new_uuid7
from booking_domain.shared.outbox import EventId, JsonValue, OutboxEvent, subject_of
from booking_domain.shared.time import utc_text

ARTIST = "artist"


class ArtistChange(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"
    REINSTATED = "reinstated"


ARTIST_EVENT_TYPES = frozenset(f"artist.{change.value}" for change in ArtistChange)


def artist_subject(artist_id: ArtistId) -> str:
    return subject_of(ARTIST, artist_id)


def artist_outbox_event(
    artist: ArtistProfile, change: ArtistChange, actor: Actor, now: datetime, *, sequence: int
) -> OutboxEvent:
    return OutboxEvent(
        id=EventId(new_uuid7(int(now.timestamp() * 1000))),
        type=f"artist.{change.value}",
        occurred_at=now,
        subject=artist_subject(artist.id),
        sequence=sequence,
        data={
            "artist": {
                "id": str(artist.id),
                "userId": str(artist.user_id),
                "displayName": artist.display_name,
                "status": artist.status.value,
                "suspended": artist.suspended,
                "reviewNote": artist.review_note,
                "updatedAt": utc_text(artist.updated_at),
            },
            "change": {
                "kind": change.value,
                "actor": {"userId": str(actor.user_id), "role": actor.role.value},
            },
        },
        audience=(artist.user_id,),
    )


def _standing(artist: ArtistProfile) -> dict[str, JsonValue]:
    return {
        "status": artist.status.value,
        "suspended": artist.suspended,
        "reviewNote": artist.review_note,
    }


def artist_audit_entry(
    before: ArtistProfile, after: ArtistProfile, change: ArtistChange, actor: Actor, now: datetime
) -> AuditEntry:
    """The audit entry of a profile's review or suspension: its standing around it."""
    return audit_entry(
        f"artist.{change.value}",
        artist_subject(after.id),
        now,
        actor=actor,
        before=_standing(before),
        after=_standing(after),
    )
