"""Opening, reading, adding evidence to and resolving disputes (the house shape: open the
unit of work, load under lock, decide in the domain, save, commit).

- Opening and resolving change the booking: its event (``booking.disputed``,
  ``booking.dispute_resolved``) goes through the outbox in the booking's own write, so both
  parties hear of it (notifications' rules) and webhooks see it.
- A resolution's refund is owed back on the booking (``refund_due``); the payments context
  pays it after the commit like every refund (``PlanRefunds`` then the ``PayRefund`` job:
  through the provider, or listed for manual settlement when the provider cannot refund).
- An admin opens a dispute on a party's behalf (``on_behalf_of``: the customer or the
  artist of the booking): the dispute records who contests it, the booking's event the admin
  who acted.
"""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.bookings import Booking, BookingStatus, load_visible, record_change
from booking_domain.disputes.dispute import (
    Dispute,
    open_dispute,
    resolution_audit_entry,
    resolve_dispute,
)
from booking_domain.disputes.errors import DisputeNotFoundError
from booking_domain.disputes.evidence import (
    DisputeMessage,
    add_evidence,
    check_message_text,
    dispute_role,
)
from booking_domain.disputes.ports import DisputeFilter, DisputesUnitOfWork
from booking_domain.disputes.use_cases.deps import DisputesDeps
from booking_domain.media import ImageLink, UploadId, UploadPurpose, private_links, take_upload
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import BookingId, DisputeId
from booking_domain.shared.money import Money
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.time import require_aware
from booking_domain.shared.use_case import UseCase

IMAGE_URL_SECONDS = 300


@dataclass(frozen=True, slots=True)
class EvidenceEntry:
    message: DisputeMessage
    images: tuple[ImageLink, ...]  # signed URLs, valid IMAGE_URL_SECONDS


@dataclass(frozen=True, slots=True)
class DisputeView:
    """A dispute with its booking's state and its evidence, oldest first."""

    dispute: Dispute
    booking: Booking
    evidence: tuple[EvidenceEntry, ...]


async def _entry(deps: DisputesDeps, message: DisputeMessage) -> EvidenceEntry:
    links = await private_links(deps.stores, message.images, IMAGE_URL_SECONDS)
    return EvidenceEntry(message, links)


async def _visible(
    uow: DisputesUnitOfWork, actor: Actor, dispute_id: DisputeId, *, for_update: bool = False
) -> tuple[Dispute, Booking]:
    """The dispute and its booking, if ``actor`` is a party or an admin (``dispute_role``);
    the booking is locked first when ``for_update`` (the order every booking change takes)."""
    dispute = await uow.disputes.get(dispute_id)
    if dispute is None:
        raise DisputeNotFoundError()
    booking = await uow.bookings.get(dispute.booking_id, for_update=for_update)
    if booking is None:
        raise DisputeNotFoundError()
    dispute_role(booking, actor)
    if for_update:
        dispute = await uow.disputes.get(dispute_id, for_update=True) or dispute
    return dispute, booking


class OpenDispute(UseCase[DisputesDeps]):
    """A party contests a closed booking, which becomes ``disputed``."""

    async def __call__(
        self, actor: Actor, booking_id: BookingId, *, reason: str, on_behalf_of: Role | None = None
    ) -> Dispute:
        async with self._deps.uow() as uow:
            booking = await load_visible(uow, booking_id, actor, for_update=True)
            dispute, changed, entry = open_dispute(
                booking, actor, self._deps.clock.now(), reason=reason, on_behalf_of=on_behalf_of
            )
            await uow.disputes.add(dispute)
            await record_change(uow, changed, entry)
            await uow.commit()
        return dispute


class GetDispute(UseCase[DisputesDeps]):
    async def __call__(self, actor: Actor, dispute_id: DisputeId) -> DisputeView:
        async with self._deps.uow(read_only=True) as uow:
            dispute, booking = await _visible(uow, actor, dispute_id)
            messages = await uow.dispute_messages.of_dispute(dispute.id)
        evidence = tuple([await _entry(self._deps, m) for m in messages])
        return DisputeView(dispute, booking, evidence)


class AddEvidence(UseCase[DisputesDeps]):
    """A party or an admin adds a message (and maybe a picture) to an open dispute."""

    async def __call__(
        self, actor: Actor, dispute_id: DisputeId, *, text: str, upload_id: UploadId | None
    ) -> EvidenceEntry:
        check_message_text(text)  # refused before anything is looked up
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            dispute, booking = await _visible(uow, actor, dispute_id, for_update=True)
            image = None
            if upload_id is not None:
                image = await take_upload(
                    uow.uploads, upload_id, actor, UploadPurpose.EVIDENCE, now
                )
            so_far = len(await uow.dispute_messages.of_dispute(dispute.id))
            message = add_evidence(
                dispute, booking, actor, now, text=text, image=image, messages_so_far=so_far
            )
            await uow.dispute_messages.add(message)
            if image is not None:
                await uow.uploads.update(image)
            await uow.commit()
        return await _entry(self._deps, message)


class ResolveDispute(UseCase[DisputesDeps]):
    """An admin settles the dispute once: the outcome, a note, and what is paid back."""

    async def __call__(
        self,
        actor: Actor,
        dispute_id: DisputeId,
        *,
        outcome: BookingStatus,
        refund_amount: int,
        note: str,
    ) -> Dispute:
        if not actor.is_admin:
            raise PermissionDeniedError("Only an admin resolves disputes.")
        async with self._deps.uow() as uow:
            dispute, booking = await _visible(uow, actor, dispute_id, for_update=True)
            refund = Money(refund_amount, booking.deposit.currency)
            settled, changed, entry = resolve_dispute(
                dispute,
                booking,
                actor,
                self._deps.clock.now(),
                outcome=outcome,
                refund=refund,
                note=note,
            )
            await uow.disputes.update(settled)
            await record_change(uow, changed, entry)
            await uow.audit.record(resolution_audit_entry(dispute, settled, actor))
            await uow.commit()
        return settled


class ListDisputes(UseCase[DisputesDeps]):
    """Admins' list, newest first, filtered by status and when they were opened."""

    async def __call__(
        self, actor: Actor, where: DisputeFilter, page: PageRequest
    ) -> Page[Dispute]:
        if not actor.is_admin:
            raise PermissionDeniedError("Only admins list disputes.")
        for moment, field in ((where.opened_from, "from"), (where.opened_before, "to")):
            if moment is not None:
                require_aware(moment, field)
        async with self._deps.uow(read_only=True) as uow:
            return await uow.disputes.list(where, page)
