"""Recording an entry's change in the caller's unit of work: the entry as it is now, and
the outbox event its customer (and admins) hear it by."""

from __future__ import annotations

from datetime import datetime

from booking_domain.shared.identity import Actor
from booking_domain.waitlist.entries import WaitlistChange, WaitlistEntry
from booking_domain.waitlist.ports import WaitlistUnitOfWork
from booking_domain.waitlist.published import waitlist_outbox_event


async def record_entry(
    uow: WaitlistUnitOfWork,
    entry: WaitlistEntry,
    change: WaitlistChange,
    actor: Actor | None,
    now: datetime,
) -> None:
    """Store the entry (added when it was just joined, else updated) and its event."""
    if change is WaitlistChange.JOINED:
        await uow.waitlist.add(entry)
    else:
        await uow.waitlist.update(entry)
    await uow.outbox.record(waitlist_outbox_event(entry, change, actor, now))
