"""Recording a payout (admins): the artist's account in the order's currency, held until
the commit, takes the payout's entry (``payouts.payouts``), and the trail keeps who
recorded it. Two admins paying the same account at once are entered one after the other:
the second finds the balance the first left. A retry under the same ``Idempotency-Key``
that raced the first request finds its payout once the lock is its own."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.bookings import IdempotencyKeyReusedError
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.payouts.ledger import Entry, enter
from booking_domain.payouts.payouts import PayoutOrder, check_order, payout_entry
from booking_domain.payouts.ports import PayoutLedger
from booking_domain.payouts.published import payout_audit_entry
from booking_domain.payouts.use_cases.deps import PayoutsDeps
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class RecordedPayout:
    entry: Entry
    created: bool  # False: the entry an earlier request under the same key recorded


class RecordPayout(UseCase[PayoutsDeps]):
    async def __call__(
        self, actor: Actor, artist_id: ArtistId, order: PayoutOrder
    ) -> RecordedPayout:
        if not actor.is_admin:
            raise PermissionDeniedError()
        check_order(order)
        async with self._deps.uow() as uow:
            if await uow.artists.get(artist_id) is None:
                raise ArtistNotFoundError()
            ledger = uow.payout_ledger
            earlier = await _recorded(ledger, order, actor, artist_id)
            if earlier is not None:
                return earlier
            account = await ledger.account(artist_id, order.currency, for_update=True)
            # Again under the lock: a retry that raced the first request finds its payout.
            earlier = await _recorded(ledger, order, actor, artist_id)
            if earlier is not None:
                return earlier
            now = self._deps.clock.now()
            after, (entry,) = enter(account, [payout_entry(account, order, actor.user_id, now)])
            await ledger.save(after, [entry])
            await uow.audit.record(payout_audit_entry(entry, after, actor, now))
            await uow.commit()
        return RecordedPayout(entry, created=True)


async def _recorded(
    ledger: PayoutLedger, order: PayoutOrder, actor: Actor, artist_id: ArtistId
) -> RecordedPayout | None:
    """The payout an earlier request under the order's ``Idempotency-Key`` recorded (None:
    none, or no key); ``IdempotencyKeyReusedError`` when it was another payout."""
    retry_key = order.retry_key(actor.user_id)
    earlier = None if retry_key is None else await ledger.keyed(retry_key)
    if earlier is None:
        return None
    if not order.asked_for(earlier, artist_id):
        raise IdempotencyKeyReusedError()
    return RecordedPayout(earlier, created=False)
