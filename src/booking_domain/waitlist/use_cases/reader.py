"""Offering freed times: the waitlist's reader of the outbox (docs/waitlist.md, "Offers").

One reader at a time (across processes: ``WaitlistFeedPosition.claim``) follows the feed
from its position, handed only the booking events that free time (``FREEING_EVENT_TYPES``,
chosen by the storage). For each, in order:

1. when the freed booking was an offer still open, its entry ends as the booking did
   (``lapsed``, ``declined`` or ``withdrawn``), and the time's chain of offers is the
   offer's (the statistics count a time once);
2. unless the artist turned the waitlist off, the reader (holding the artist's calendar
   since before step 1: the lock every writer of it takes first) walks the waiting entries
   whose dates meet the freed time, first come first served, and offers each the earliest
   start of its service that fits in the freed time and is bookable now
   (``offering.offer_start``):
   the offer is a booking made by the bookings' own path (``place_offer``), so the
   exclusion constraint keeps the time from being held twice. What an offer leaves free
   goes on to the next entry, up to ``MAX_OFFERS`` offers of one freed time.

A batch is one transaction with the position's advance: a crash repeats a batch at most,
and a repeated batch finds the entries it offered no longer waiting. When the batch came
back short, the position moves to the feed's tail as read before it, so events of other
types are looked at once, and an idle reader costs the tail's one index read.

Each freed time is handled in a savepoint of its own: when handling it fails (a storage
refusal, a bug, data no rule expected), what it did is undone and it is tried again, up to
``ATTEMPTS`` times in all (a clash of a drawn booking reference, or a deadlock, passes);
one that keeps failing is logged with its event and passed over, so that it never holds
up the freed times after it (a batch that failed whole would be read again every second,
and fail again, for ever).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from booking_domain.bookings import FREEING_EVENT_TYPES, place_offer
from booking_domain.catalog import deposit_payable
from booking_domain.scheduling import SchedulingContext
from booking_domain.shared.errors import DomainError, ServiceUnavailableError
from booking_domain.shared.ids import BookingId, ServiceId
from booking_domain.shared.outbox import OutboxEvent
from booking_domain.shared.ports import FeedItem
from booking_domain.shared.time import Interval
from booking_domain.shared.use_case import UseCase, in_batches
from booking_domain.waitlist.entries import EntryStatus, MakeOffer, Settle, WaitlistEntry, apply
from booking_domain.waitlist.offering import FreedTime, freed_time, offer_start, settlement
from booking_domain.waitlist.ports import WaitlistUnitOfWork
from booking_domain.waitlist.recording import record_entry
from booking_domain.waitlist.settings import WaitlistSettings
from booking_domain.waitlist.use_cases.deps import WaitlistDeps

BATCH = 100
MAX_OFFERS = 5  # offers of one freed time (each takes part of it)
CANDIDATES = 50  # waiting entries looked at for one freed time
ATTEMPTS = 3  # tries of one freed time, each in a savepoint, before it is passed over
DAY = timedelta(days=1)
_log = logging.getLogger("inkslot.waitlist")


class OfferFreedTimes(UseCase[WaitlistDeps]):
    """Follow the feed to its end; returns how many offers were made (0 also when another
    reader is at work)."""

    async def __call__(self, *, batch_size: int = BATCH) -> int:
        return await in_batches(self._one_batch, batch_size)

    async def _one_batch(self, batch_size: int) -> tuple[int, bool]:
        async with self._deps.uow() as uow:
            turn = await uow.waitlist_position.claim()
            if turn is None:
                return 0, False
            tail = await self._deps.feed.tail()
            if tail is None or (turn.after is not None and tail <= turn.after):
                return 0, False
            feed = self._deps.feed
            items = await feed.read(turn.after, limit=batch_size, types=FREEING_EVENT_TYPES)
            now = self._deps.clock.now()
            made = 0
            for item in items:
                made += await self._follow_alone(uow, item, now)
            full = len(items) == batch_size
            last = items[-1].cursor if full else max([tail, *(i.cursor for i in items)])
            await uow.waitlist_position.advance(last)
            await uow.commit()
        return made, full

    async def _follow_alone(self, uow: WaitlistUnitOfWork, item: FeedItem, now: datetime) -> int:
        """``_follow`` in a savepoint, tried again when it fails, passed over (logged)
        when it keeps failing. The storage gone away is no failure of this freed time: the
        batch fails whole and is read again."""
        event = item.event
        for attempt in range(1, ATTEMPTS + 1):
            try:
                async with uow.savepoint():
                    return await self._follow(uow, event, now)
            except ServiceUnavailableError:
                raise
            except Exception as failure:
                if attempt == ATTEMPTS:
                    _log.error(
                        "waitlist: passed over the freed time of event %s (%s, cursor %s) "
                        "after %d failed attempts",
                        event.id, event.type, item.cursor, ATTEMPTS, exc_info=failure,
                    )  # fmt: skip
                else:
                    _log.warning(
                        "waitlist: the freed time of event %s failed (%s); trying again",
                        event.id, type(failure).__name__,
                    )  # fmt: skip
        return 0

    async def _follow(self, uow: WaitlistUnitOfWork, event: OutboxEvent, now: datetime) -> int:
        freed = freed_time(event)
        if freed is None:
            return 0
        # The artist's calendar first, as every writer of it takes it (an account's deletion
        # takes it, then the leaver's entries): only then the offer's entry.
        await uow.bookings.hold_calendar(freed.artist_id)
        chain = await self._settle(uow, event, freed, now)
        stored = await uow.waitlist_settings.get(freed.artist_id)
        settings = stored or WaitlistSettings.of_artist(freed.artist_id)
        if not settings.enabled:
            return 0
        return await self._offer(uow, freed, chain, settings.hold, now)

    @staticmethod
    async def _settle(
        uow: WaitlistUnitOfWork, event: OutboxEvent, freed: FreedTime, now: datetime
    ) -> BookingId:
        """Close the open offer the freed booking was, if any; the chain the time is in: an
        offer that ended unaccepted passes its time on (the figures count it once), while
        the freeing of an accepted offer's booking (cancelled or moved later) is a new
        freed time."""
        entry = await uow.waitlist.of_offer(freed.booking_id, for_update=True)
        if entry is None or entry.offer is None or entry.status is EntryStatus.ACCEPTED:
            return freed.booking_id
        outcome = settlement(event)
        if entry.status is EntryStatus.OFFERED and outcome is not None:
            settled, change = apply(entry, Settle(outcome), now)
            await record_entry(uow, settled, change, None, now)
        return entry.offer.freed_by

    async def _offer(
        self,
        uow: WaitlistUnitOfWork,
        freed: FreedTime,
        chain: BookingId,
        hold: timedelta,
        now: datetime,
    ) -> int:
        if freed.span.end <= now:
            return 0
        waiting = await uow.waitlist.candidates(freed.artist_id, freed.span, now, limit=CANDIDATES)
        contexts: dict[ServiceId, SchedulingContext | None] = {}
        made = 0
        for entry in waiting:
            if made == MAX_OFFERS:
                break
            payable = self._deps.deposit_currencies
            start = await self._start_for(uow, entry, freed, now, contexts, payable)
            if start is None:
                continue
            booking = await place_offer(
                uow, customer_id=entry.customer_id, artist_id=entry.artist_id,
                service_id=entry.service_id, start=start, now=now, hold=hold,
                reference=self._deps.new_reference(),
            )  # fmt: skip
            offer = MakeOffer(booking.id, booking.start, now + hold, chain)
            offered, change = apply(entry, offer, now)
            await record_entry(uow, offered, change, None, now)
            contexts.clear()  # the new booking is busy time for the next entry
            made += 1
        return made

    @staticmethod
    async def _start_for(
        uow: WaitlistUnitOfWork,
        entry: WaitlistEntry,
        freed: FreedTime,
        now: datetime,
        contexts: dict[ServiceId, SchedulingContext | None],
        payable: frozenset[str],
    ) -> datetime | None:
        """The start ``entry`` can be offered, or None (its service no longer offered, the
        artist no longer bookable, its deposit in a currency the payment gateway does not
        take, or nothing fits)."""
        if entry.service_id not in contexts:
            window = Interval(freed.span.start - DAY, freed.span.end + 2 * DAY)
            contexts[entry.service_id] = await uow.scheduling.context(
                freed.artist_id, entry.service_id, window, now
            )
        context = contexts[entry.service_id]
        if context is None or not context.artist.is_bookable or not context.service.active:
            return None
        if not deposit_payable(context.service.deposit_amount, payable):
            return None  # an accepted offer would wait for a deposit nobody could pay
        try:
            return offer_start(
                service=context.service, policy=context.artist.policy,
                schedule=context.schedule, busy=context.busy, freed=freed.span,
                window=entry.window, now=now,
            )  # fmt: skip
        except DomainError:  # stored data the rules refuse: this entry is passed over
            return None
