"""Changing bookings: status changes by the parties, and reschedules.

Rules (docs/product.md, "4. Bookings"; the domain decides who and when):
- ``confirmed`` is the artist's (or an admin's) approval of a request that needs it
  (``lifecycle.approve``): without a deposit the booking is confirmed at once; with one it
  stays ``pending`` awaiting the deposit under a fresh deposit hold, and the payment confirms
  it. A booking that needs no approval is confirmed by its payment, never by a PATCH.
  Confirming a size of a one-off flash design claims the design, or is refused with
  ``flash_design_taken`` (409) when another booking claimed it first;
- ``cancelled`` by any party; the refund follows the policy, except that an admin states it
  (``refund_amount``, minor units of the booking's currency); only a cancellation takes one;
- ``completed`` and ``no_show`` by the artist or an admin, once the appointment started;
  ``completed`` also waits for a signed consent and the ID check when the booking's artist
  requires one (``consent_gate``; docs/consent.md);
- ``pending`` and ``disputed`` are never PATCH targets (disputes have their own flow);
- a reschedule moves the booking to another start offered by the same rules as a new
  booking, the booking's own old time counting as free; stale holds overlapping the new time
  are expired first, in the same transaction; a new time another booking holds is
  ``slot_taken``. A suspended artist's bookings cannot move; a
  booking of a service no longer offered still can;
- strangers get ``booking_not_found`` whatever they try.
"""

from __future__ import annotations

from datetime import datetime

from booking_domain.bookings import lifecycle
from booking_domain.bookings.access import load_visible
from booking_domain.bookings.booking import Booking
from booking_domain.bookings.cancellation import CancellationQuote, quote_cancellation
from booking_domain.bookings.history import HistoryEntry
from booking_domain.bookings.ports import BookingsUnitOfWork
from booking_domain.bookings.recording import record_change
from booking_domain.bookings.status import BookingStatus
from booking_domain.bookings.touch_ups import check_touch_up_move
from booking_domain.bookings.use_cases.checks import (
    bookable_context,
    claim_flash,
    taken_is_a_conflict,
)
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.bookings.use_cases.holds import expire_stale_holds
from booking_domain.catalog import ArtistNotFoundError, SchedulingPolicy
from booking_domain.shared.errors import FieldError, InvalidInputError, InvalidTransitionError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId
from booking_domain.shared.money import Money
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.time import require_aware
from booking_domain.shared.use_case import UseCase

S = BookingStatus


async def _policy(uow: BookingsUnitOfWork, booking: Booking) -> SchedulingPolicy:
    artist = await uow.artists.get(booking.artist_id)
    if artist is None:  # bookings restrict the deletion of their artist; kept as a guard
        raise ArtistNotFoundError()
    return artist.policy


class ChangeBookingStatus(UseCase[BookingsDeps]):
    """``PATCH {status, reason}``: one lifecycle transition, chosen by the target status."""

    async def __call__(
        self,
        actor: Actor,
        booking_id: BookingId,
        *,
        status: BookingStatus,
        reason: str | None = None,
        refund_amount: int | None = None,
    ) -> Booking:
        if refund_amount is not None and status is not S.CANCELLED:
            raise InvalidInputError(
                errors=(FieldError("refundAmount", "Only a cancellation takes a refund."),)
            )
        require_clean_text(multi_line=[("reason", reason)])
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            changed = await change_booking_status(
                uow, actor, booking_id, status, now, reason=reason, refund_amount=refund_amount
            )
            await uow.commit()
        return changed


async def change_booking_status(
    uow: BookingsUnitOfWork,
    actor: Actor,
    booking_id: BookingId,
    status: BookingStatus,
    now: datetime,
    *,
    reason: str | None = None,
    refund_amount: int | None = None,
) -> Booking:
    """``ChangeBookingStatus``'s change in the caller's unit of work (the Telegram bot's
    buttons act through it): the booking as ``load_visible`` shows it to ``actor``, the
    transition the target status chooses, recorded; the caller commits."""
    booking = await load_visible(uow, booking_id, actor, for_update=True)
    changed, entry = await _transition(uow, booking, actor, now, status, reason, refund_amount)
    await record_change(uow, changed, entry)
    if changed.status is S.CONFIRMED and booking.status is not S.CONFIRMED:
        await claim_flash(uow, changed)  # a one-off flash design, claimed or refused
    return changed


async def _transition(
    uow: BookingsUnitOfWork,
    booking: Booking,
    actor: Actor,
    now: datetime,
    status: BookingStatus,
    reason: str | None,
    refund_amount: int | None,
) -> tuple[Booking, HistoryEntry]:
    if status is S.CONFIRMED:
        return lifecycle.approve(booking, actor, now, await _policy(uow, booking))
    if status is S.CANCELLED:
        refund = None
        if refund_amount is not None:
            refund = Money(refund_amount, booking.deposit.currency)
        policy = await _policy(uow, booking)
        return lifecycle.cancel(booking, actor, now, policy, reason=reason, refund=refund)
    if status is S.COMPLETED:
        # Only a completion asks: the one statement the consent rule costs.
        standing = await uow.consent_gate.standing(booking)
        return lifecycle.complete(booking, actor, now, standing)
    if status is S.NO_SHOW:
        return lifecycle.mark_no_show(booking, actor, now)
    raise InvalidTransitionError(f"A booking cannot be set to {status} this way.")


class QuoteCancellation(UseCase[BookingsDeps]):
    """What cancelling the booking now would give back and keep, and whether the asker may
    still move it (``quote_cancellation``), for a client to ask before cancelling. Strangers
    get 404 (``load_visible``); a booking past cancelling, 409."""

    async def __call__(self, actor: Actor, booking_id: BookingId) -> CancellationQuote:
        async with self._deps.uow(read_only=True) as uow:
            booking = await load_visible(uow, booking_id, actor)
            policy = await _policy(uow, booking)
        return quote_cancellation(booking, actor, self._deps.clock.now(), policy)


class RescheduleBooking(UseCase[BookingsDeps]):
    """Move a pending or confirmed booking to another offered start (see the module rules)."""

    async def __call__(self, actor: Actor, booking_id: BookingId, *, start: datetime) -> Booking:
        start = require_aware(start, "start")
        async with self._deps.uow() as uow:
            moved = await _move(uow, actor, booking_id, start, self._deps.clock.now())
            await uow.commit()
        return moved


async def _move(
    uow: BookingsUnitOfWork,
    actor: Actor,
    booking_id: BookingId,
    start: datetime,
    now: datetime,
    *,
    through_project: bool = False,
) -> Booking:
    # The calendar first, then the row: the order creations take them in.
    artist_id = (await load_visible(uow, booking_id, actor)).artist_id
    await uow.bookings.hold_calendar(artist_id)
    booking = await load_visible(uow, booking_id, actor, for_update=True)
    if booking.touch_up_of is not None:
        await _check_touch_up_move(uow, booking, start)
    context = await bookable_context(
        uow,
        booking.artist_id,
        booking.service_id,
        start,
        now,
        allow_inactive_service=True,
    )
    span = context.service.blocked_span(start)
    if context.has_expired_holds:
        await expire_stale_holds(uow, booking.artist_id, span, now, skip=booking.id)
    with taken_is_a_conflict():
        moved, entry = lifecycle.reschedule(
            booking,
            actor,
            now,
            new_start=start,
            service=context.service,
            policy=context.artist.policy,
            schedule=context.schedule,
            busy=context.busy,
            through_project=through_project,
        )
    await record_change(uow, moved, entry)
    return moved


async def _check_touch_up_move(uow: BookingsUnitOfWork, booking: Booking, start: datetime) -> None:
    """A touch-up moves only inside its original's window (two reads, for touch-ups only)."""
    assert booking.touch_up_of is not None
    original = await uow.bookings.get(booking.touch_up_of)
    if original is not None:
        settings = await uow.aftercare.get(original.artist_id)
        check_touch_up_move(original, settings, start)


async def move_session(
    uow: BookingsUnitOfWork, *, by: Actor, booking_id: BookingId, start: datetime, now: datetime
) -> Booking:
    """A session of a project moved by its project (commissions), whose order and gap it
    checked, in the caller's transaction, by every other rule of a reschedule (its status,
    the notice, the slot offered and free). The caller commits."""
    return await _move(
        uow, by, booking_id, require_aware(start, "start"), now, through_project=True
    )
