"""In-memory waitlist entries, settings and the reader's feed position."""

from __future__ import annotations

from datetime import datetime

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.shared.errors import ConcurrentUpdateError, ConflictError
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.time import Interval
from booking_domain.waitlist import (
    LIVE,
    EntryId,
    EntryState,
    EntryStatus,
    ReaderTurn,
    WaitlistEntry,
    WaitlistEntryExistsError,
    WaitlistFeedPosition,
    WaitlistFigures,
    WaitlistRepository,
    WaitlistSettings,
    WaitlistSettingsRepository,
)


def _share_a_date(a: WaitlistEntry, b: WaitlistEntry) -> bool:
    return a.dates.first <= b.dates.last and b.dates.first <= a.dates.last


class InMemoryWaitlistSettingsRepository(
    TableRepository[ArtistId, WaitlistSettings], WaitlistSettingsRepository
):
    async def get(self, artist_id: ArtistId) -> WaitlistSettings | None:
        return self._rows.get(artist_id)

    async def put(self, settings: WaitlistSettings) -> None:
        self._rows.put(settings.artist_id, settings)

    def forget(self, artist_id: ArtistId) -> None:
        self._rows.delete(artist_id)


class InMemoryWaitlistRepository(TableRepository[EntryId, WaitlistEntry], WaitlistRepository):
    def __init__(
        self,
        entries: StagedTable[EntryId, WaitlistEntry],
        settings: InMemoryWaitlistSettingsRepository,
    ) -> None:
        super().__init__(entries)
        self._settings = settings

    async def add(self, entry: WaitlistEntry) -> None:
        for other in self._rows.values():
            same = other.customer_id == entry.customer_id and other.service_id == entry.service_id
            if same and other.status in LIVE and _share_a_date(other, entry):
                raise WaitlistEntryExistsError()
        self._rows.put(entry.id, entry)

    async def get(self, entry_id: EntryId, *, for_update: bool = False) -> WaitlistEntry | None:
        return self._rows.get(entry_id)

    async def of_offer(
        self, booking_id: BookingId, *, for_update: bool = False
    ) -> WaitlistEntry | None:
        return next(
            (e for e in self._rows.values() if e.offer and e.offer.booking_id == booking_id), None
        )

    async def update(self, entry: WaitlistEntry) -> None:
        stored = self._rows.get(entry.id)
        if stored is None or stored.version != entry.version - 1:
            raise ConcurrentUpdateError()
        self._rows.put(entry.id, entry)

    async def of_customer(self, customer_id: UserId, page: PageRequest) -> Page[WaitlistEntry]:
        found = [e for e in self._rows.values() if e.customer_id == customer_id]
        found.sort(key=lambda e: (e.joined_at, e.id), reverse=True)
        return Page.of_whole(tuple(found), page)

    async def hold_customer(self, customer_id: UserId) -> None:
        """Units of work that write run one at a time here: nothing to queue behind."""

    async def live_count(self, customer_id: UserId, now: datetime) -> int:
        return sum(
            1
            for e in self._rows.values()
            if e.customer_id == customer_id
            and e.state(now) in (EntryState.WAITING, EntryState.OFFERED)
        )

    async def candidates(
        self, artist_id: ArtistId, span: Interval, now: datetime, *, limit: int
    ) -> tuple[WaitlistEntry, ...]:
        found = [
            e
            for e in self._rows.values()
            if e.artist_id == artist_id
            and e.status is EntryStatus.WAITING
            and e.window.start < span.end
            and span.start < e.window.end
            and now < e.window.end
        ]
        found.sort(key=lambda e: (e.joined_at, e.id))
        return tuple(found[:limit])

    async def figures(self, artist_id: ArtistId, since: datetime, now: datetime) -> WaitlistFigures:
        mine = [e for e in self._rows.values() if e.artist_id == artist_id]
        made = [e for e in mine if e.offer is not None and since <= e.offer.made_at <= now]

        def count(status: EntryStatus) -> int:
            return sum(1 for e in made if e.status is status)

        waiting = [e for e in mine if e.status is EntryStatus.WAITING and now < e.window.end]
        accepted = {e.offer.freed_by for e in made if e.offer and e.status is EntryStatus.ACCEPTED}
        return WaitlistFigures(
            waiting=len(waiting),
            offers=len(made),
            accepted=count(EntryStatus.ACCEPTED),
            declined=count(EntryStatus.DECLINED),
            lapsed=count(EntryStatus.LAPSED),
            withdrawn=count(EntryStatus.WITHDRAWN),
            open=count(EntryStatus.OFFERED),
            slots=len({e.offer.freed_by for e in made if e.offer}),
            filled=len(accepted),
        )

    async def remove_of_customer(self, customer_id: UserId) -> int:
        return self._remove([e for e in self._rows.values() if e.customer_id == customer_id])

    async def remove_of_artist(self, artist_id: ArtistId) -> int:
        self._settings.forget(artist_id)
        return self._remove([e for e in self._rows.values() if e.artist_id == artist_id])

    def _remove(self, entries: list[WaitlistEntry]) -> int:
        for entry in entries:
            self._rows.delete(entry.id)
        return len(entries)


class InMemoryWaitlistFeedPosition(WaitlistFeedPosition):
    """Units of work that write run one at a time here, so the turn is always ours."""

    def __init__(self, table: StagedTable[str, str]) -> None:
        self._table = table

    async def claim(self) -> ReaderTurn | None:
        return ReaderTurn(self._table.get("offers"))

    async def advance(self, cursor: str) -> None:
        current = self._table.get("offers")
        if current is not None and cursor <= current:
            raise ConflictError("The waitlist's feed position would move backwards.")
        self._table.put("offers", cursor)
