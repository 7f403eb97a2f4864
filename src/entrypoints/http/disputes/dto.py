"""Disputes on the wire."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from msgspec import Meta

from booking_domain.disputes import MAX_MESSAGE, Dispute
from booking_domain.disputes.use_cases import DisputeView, EvidenceEntry
from entrypoints.http.media import ImageView
from entrypoints.http.wire import Dto, MoneyDto, PageView, View, utc

Reason = Annotated[str, Meta(min_length=1, max_length=2000)]
Party = Literal["customer", "artist"]
Outcome = Literal["completed", "cancelled"]
DisputeStatusName = Literal["open", "resolved"]


class OpenDisputeRequest(Dto, frozen=True):
    booking_id: UUID
    reason: Reason
    on_behalf_of: Party | None = None  # admins: the party the dispute is opened for


class EvidenceRequest(Dto, frozen=True):
    text: Annotated[str, Meta(min_length=1, max_length=MAX_MESSAGE)]
    upload_id: UUID | None = None  # an upload made with purpose "evidence"


class ResolveRequest(Dto, frozen=True):
    resolution: Reason  # the note kept with the dispute and told to both parties
    refund_amount: Annotated[int, Meta(ge=0, le=10**12)]  # minor units of the deposit's currency
    booking_status: Outcome


class EvidenceView(View, frozen=True):
    id: UUID
    author_id: UUID
    author_role: str
    text: str
    images: list[ImageView]  # signed URLs, valid 5 minutes: ask again for fresh ones
    created_at: datetime

    @classmethod
    def of(cls, entry: EvidenceEntry) -> EvidenceView:
        m = entry.message
        images = [ImageView.of(link) for link in entry.images]
        return cls(m.id, m.author_id, m.author_role.value, m.text, images, utc(m.created_at))


class DisputeSummaryView(View, frozen=True):
    id: UUID
    booking_id: UUID
    status: str
    opened_by: UUID
    opened_by_role: str
    reason: str
    opened_at: datetime
    resolved_by: UUID | None
    resolved_at: datetime | None
    resolution: str | None
    refund: MoneyDto | None
    booking_status_after: str | None  # the outcome: completed or cancelled

    @classmethod
    def of(cls, d: Dispute) -> DisputeSummaryView:
        return cls(
            id=d.id,
            booking_id=d.booking_id,
            status=d.status.value,
            opened_by=d.opened_by,
            opened_by_role=d.opened_by_role.value,
            reason=d.reason,
            opened_at=utc(d.opened_at),
            resolved_by=d.resolved_by,
            resolved_at=None if d.resolved_at is None else utc(d.resolved_at),
            resolution=d.resolution_note,
            refund=None if d.refund is None else MoneyDto.of(d.refund),
            booking_status_after=None if d.outcome is None else d.outcome.value,
        )


class DisputeDetailView(View, frozen=True):
    dispute: DisputeSummaryView
    booking_status: str
    payment_status: str
    refundable: MoneyDto  # paid, not refunded and not owed back: a resolution's upper bound
    evidence: list[EvidenceView]

    @classmethod
    def of(cls, view: DisputeView) -> DisputeDetailView:
        b = view.booking
        return cls(
            DisputeSummaryView.of(view.dispute),
            b.status.value,
            b.payment_status.value,
            MoneyDto.of(b.refundable),
            [EvidenceView.of(e) for e in view.evidence],
        )


class DisputePage(PageView[DisputeSummaryView], frozen=True):
    items: list[DisputeSummaryView]
