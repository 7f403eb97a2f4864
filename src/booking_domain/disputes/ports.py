"""What disputes need from storage: the disputes and their evidence, beside the bookings they
are about and the uploads evidence pictures come from. Every adapter passes the contract
suite in ``tests/contract/disputes``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from booking_domain.bookings import HasBookings
from booking_domain.disputes.dispute import Dispute, DisputeStatus
from booking_domain.disputes.evidence import DisputeMessage
from booking_domain.media import HasUploads
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.ids import BookingId, DisputeId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox, UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class DisputeFilter:
    """Admins' list: by status and by when the dispute was opened (``[opened_from,
    opened_before)``); newest first."""

    status: DisputeStatus | None = None
    opened_from: datetime | None = None
    opened_before: datetime | None = None


class DisputeRepository(Protocol):
    async def add(self, dispute: Dispute) -> None:
        """Raises ``DisputeAlreadyExistsError`` when the booking has a dispute (one per
        booking, whoever opens first)."""
        ...

    async def get(self, dispute_id: DisputeId, *, for_update: bool = False) -> Dispute | None: ...

    async def for_booking(self, booking_id: BookingId) -> Dispute | None: ...

    async def update(self, dispute: Dispute) -> None: ...

    async def list(self, where: DisputeFilter, page: PageRequest) -> Page[Dispute]:
        """Newest opened first (ties by id, newest first); the total counted as
        ``Page.counted`` says."""
        ...


class DisputeMessageRepository(Protocol):
    async def add(self, message: DisputeMessage) -> None: ...

    async def of_dispute(self, dispute_id: DisputeId) -> tuple[DisputeMessage, ...]:
        """Oldest first."""
        ...


@dataclass(frozen=True, slots=True)
class ChargebackPosition:
    after: str | None  # the feed cursor of the last event looked at; None: none yet


class ChargebackCursor(Protocol):
    """Where the chargebacks' follower is in the outbox's feed (``use_cases.chargebacks``)."""

    async def claim(self) -> ChargebackPosition | None:
        """Take the follower's turn for this unit of work (None: another one has it)."""
        ...

    async def advance(self, cursor: str) -> None:
        """Forward only (``ConflictError`` rather than move back)."""
        ...


class DisputesUnitOfWork(UnitOfWork, HasBookings, HasUploads, HasOutbox, HasAudit, Protocol):
    @property
    def disputes(self) -> DisputeRepository: ...

    @property
    def dispute_messages(self) -> DisputeMessageRepository: ...

    @property
    def chargeback_cursor(self) -> ChargebackCursor: ...


DisputesUnitOfWorkFactory = UnitOfWorkFactory[DisputesUnitOfWork]
