"""What a review change tells the world: ``review.created|updated|replied|hidden|restored``,
subject ``review/<id>``, numbered by the review's version; heard by the booking's customer
and artist (and admins)."""

from __future__ import annotations

from booking_domain.reviews.reviews import Review, ReviewChange, ReviewEvent
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.ids import new_uuid7
from booking_domain.shared.outbox import EventId, JsonValue, OutboxEvent, subject_of
from booking_domain.shared.time import utc_text

REVIEW = "review"
REVIEW_EVENT_TYPES = frozenset(
    f"review.{c}" for c in ("created", "updated", "replied", "hidden", "restored")
)


def review_outbox_event(event: ReviewEvent) -> OutboxEvent:
    r = event.review
    return OutboxEvent(
        id=EventId(new_uuid7(int(event.at.timestamp() * 1000))),
        type=f"review.{event.change.value}",
        occurred_at=event.at,
        subject=subject_of(REVIEW, r.id),
        sequence=r.version,
        data={
            "review": review_data(r),
            "change": {
                "kind": event.change.value,
                "reason": event.reason,
                "actor": {"userId": str(event.actor.user_id), "role": event.actor.role.value},
            },
        },
        audience=(r.customer_id, r.artist_user_id),
    )


# Admins' acts on reviews, which the audit trail keeps (the parties' own are in the outbox).
AUDITED_CHANGES = frozenset({ReviewChange.HIDDEN, ReviewChange.RESTORED})


def review_audit_entry(event: ReviewEvent) -> AuditEntry:
    """A review hidden or restored: whether it was hidden around it, and the reason."""
    after: dict[str, JsonValue] = {"hidden": event.review.hidden, "reason": event.reason}
    return audit_entry(
        f"review.{event.change.value}",
        subject_of(REVIEW, event.review.id),
        event.at,
        actor=event.actor,
        before={"hidden": not event.review.hidden},
        after=after,
    )


def review_data(r: Review) -> dict[str, JsonValue]:
    return {
        "id": str(r.id),
        "bookingId": str(r.booking_id),
        "artistId": str(r.artist_id),
        "customerId": str(r.customer_id),
        "rating": r.rating,
        "text": r.text,
        "reply": None
        if r.reply is None
        else {"text": r.reply.text, "repliedAt": utc_text(r.reply.replied_at)},
        "hidden": r.hidden,
        "createdAt": utc_text(r.created_at),
        "updatedAt": utc_text(r.updated_at),
        "version": r.version,
    }
