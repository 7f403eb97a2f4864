"""``ExportMyData``: everything the platform holds about the caller, as JSON records in
files (docs/privacy.md lists them). Only the caller's own data: the actor is the subject.

The records come a page at a time (``ExportPart``: a file's next records; a file's parts
come one after another, never interleaved), read in one read-only unit of work, so a long
history never sits in memory whole; the entrypoint packs them (a zip of JSON files)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from booking_domain.accounts import UserNotFoundError
from booking_domain.bookings import Booking, BookingFilter
from booking_domain.catalog import ArtistProfile
from booking_domain.commissions import Project, TattooRequest
from booking_domain.privacy.ports import PrivacyUnitOfWork
from booking_domain.privacy.records import record
from booking_domain.privacy.use_cases.deps import PrivacyDeps
from booking_domain.privacy.use_cases.export_loyalty import loyalty_records
from booking_domain.reviews import ReviewOrder
from booking_domain.shared.audit import AuditFilter
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import UserId
from booking_domain.shared.outbox import JsonValue, subject_of
from booking_domain.shared.pages import MAX_PAGE, MAX_PAGE_SIZE, Page, PageRequest
from booking_domain.shared.use_case import UseCase

BATCH = MAX_PAGE_SIZE
MAX_SESSIONS = 100


@dataclass(frozen=True, slots=True)
class ExportPart:
    file: str  # "bookings-as-customer.json"
    records: tuple[JsonValue, ...]


@dataclass(frozen=True, slots=True)
class DataExport:
    user_id: UserId
    made_at: datetime
    parts: AsyncIterator[ExportPart]


T = TypeVar("T")


async def _paged(
    pages: Callable[[PageRequest], Awaitable[Page[T]]],
) -> AsyncIterator[tuple[T, ...]]:
    """Every page's items in turn (up to ``MAX_PAGE`` pages of ``BATCH``)."""
    number = 1
    while True:
        page = await pages(PageRequest(number, BATCH))
        yield page.items
        if not page.has_next or number >= MAX_PAGE:
            return
        number += 1


class ExportMyData(UseCase[PrivacyDeps]):
    async def __call__(self, actor: Actor) -> DataExport:
        async with self._deps.uow(read_only=True) as uow:
            user = await uow.users.get(actor.user_id)
        if user is None or user.deleted_at is not None:
            raise UserNotFoundError()
        now = self._deps.clock.now()
        return DataExport(user.id, now, self._parts(user.id, now))

    async def _parts(self, user_id: UserId, now: datetime) -> AsyncIterator[ExportPart]:
        async with self._deps.uow(read_only=True) as uow:
            export = _Export(uow, user_id, now)
            async for part in export.parts():
                yield part


async def _booking(booking: Booking) -> tuple[JsonValue, ...]:
    return (record(booking),)


class _Export:
    def __init__(self, uow: PrivacyUnitOfWork, user_id: UserId, now: datetime) -> None:
        self._uow = uow
        self._user_id = user_id
        self._now = now

    async def parts(self) -> AsyncIterator[ExportPart]:
        uow, me = self._uow, self._user_id
        user = await uow.users.get(me)
        yield ExportPart("profile.json", (record(user),))
        sessions = await uow.sessions.live(me, self._now, limit=MAX_SESSIONS)
        yield ExportPart("sessions.json", tuple(record(s) for s in sessions))
        artist = await uow.artists.get_by_user(me)
        async for part in self._bookings(artist):
            yield part
        if artist is not None:
            async for part in self._artist(artist):
                yield part
        async for part in self._requests():
            yield part
        async for part in self._consents(artist):
            yield part
        async for part in self._rest(artist):
            yield part

    async def _rest(self, artist: ArtistProfile | None) -> AsyncIterator[ExportPart]:
        """The waitlist, uploads, the inbox, loyalty points and the audit trail."""
        uow, me = self._uow, self._user_id
        async for entries in _paged(lambda r: uow.waitlist.of_customer(me, r)):
            yield ExportPart("waitlist.json", tuple(record(e) for e in entries))
        async for part in self._uploads():
            yield part
        async for items in _paged(lambda r: uow.inbox.page(me, r, unread_only=False)):
            yield ExportPart("notifications.json", tuple(record(i) for i in items))
        chat = await uow.telegram_chats.of_user(me)  # the chat linked with the Telegram bot
        yield ExportPart("telegram-chat.json", () if chat is None else (record(chat),))
        async for file, records in loyalty_records(uow, me, artist):
            yield ExportPart(file, records)
        async for part in self._audit():
            yield part

    async def _bookings(self, artist: ArtistProfile | None) -> AsyncIterator[ExportPart]:
        """Each file whole in turn: the bookings of each role, then what hangs on them."""
        wheres = [("customer", BookingFilter(customer_id=self._user_id))]
        if artist is not None:
            wheres.append(("artist", BookingFilter(artist_id=artist.id)))
        files = [(f"bookings-as-{role}.json", [where], _booking) for role, where in wheres]
        every = [where for _, where in wheres]
        files.append(("payments.json", every, self._payments))
        files.append(("ideas.json", every, self._ideas))
        files.append(("reviews-written.json", every, self._review_written))
        for file, filters, read in files:
            for where in filters:
                async for part in self._each_booking(file, where, read):
                    yield part

    async def _each_booking(
        self,
        file: str,
        where: BookingFilter,
        read: Callable[[Booking], Awaitable[tuple[JsonValue, ...]]],
    ) -> AsyncIterator[ExportPart]:
        async for items in _paged(lambda r: self._uow.bookings.list(where, r)):
            found: list[JsonValue] = []
            for booking in items:
                found.extend(await read(booking))
            yield ExportPart(file, tuple(found))

    async def _payments(self, booking: Booking) -> tuple[JsonValue, ...]:
        uow = self._uow
        invoices = await uow.invoices.for_booking(booking.id)
        received = await uow.received_payments.for_booking(booking.id)
        refunds = await uow.refunds.for_booking(booking.id)
        if not (invoices or received or refunds):
            return ()
        return (
            {
                "bookingId": str(booking.id),
                "invoices": [record(i) for i in invoices],
                "payments": [record(p) for p in received],
                "refunds": [record(r) for r in refunds],
            },
        )

    async def _ideas(self, booking: Booking) -> tuple[JsonValue, ...]:
        ideas = await self._uow.ideas.for_booking(booking.id)
        return tuple(record(i) for i in ideas if i.author_id == self._user_id)

    async def _review_written(self, booking: Booking) -> tuple[JsonValue, ...]:
        if booking.customer_id != self._user_id:
            return ()
        review = await self._uow.reviews.for_booking(booking.id)
        return () if review is None else (record(review),)

    async def _artist(self, artist: ArtistProfile) -> AsyncIterator[ExportPart]:
        uow = self._uow
        services = await uow.services.list_for_artist(
            artist.id, include_inactive=True, include_flash=True
        )
        rules = await uow.availability.rules(artist.id)
        overrides = await uow.availability.overrides(artist.id)
        waitlist = await uow.waitlist_settings.get(artist.id)
        profile: JsonValue = {
            "profile": record(artist),
            "waitlistSettings": None if waitlist is None else record(waitlist),
            "services": [record(s) for s in services],
            "availability": [record(r) for r in rules],
            "dateOverrides": [record(o) for o in overrides],
            "aftercare": record(await uow.aftercare.get(artist.id)),
        }
        yield ExportPart("artist.json", (profile,))
        async for items in _paged(lambda r: uow.portfolio.page_for_artist(artist.id, r)):
            yield ExportPart("portfolio.json", tuple(record(i) for i in items))
        async for reviews in _paged(
            lambda r: uow.reviews.of_artist(artist.id, ReviewOrder.NEWEST, r, hidden=True)
        ):
            yield ExportPart("reviews-received.json", tuple(record(i) for i in reviews))

    async def _requests(self) -> AsyncIterator[ExportPart]:
        """The tattoo requests the user sent, then those sent to them (as an artist), each
        with its whole thread, its quotes and its project (if any): both parties see all
        of it."""
        uow, me = self._uow, self._user_id
        async for requests in _paged(lambda r: uow.tattoo_requests.of_customer(me, r)):
            yield ExportPart("requests-as-customer.json", await self._with_threads(requests))
        async for requests in _paged(lambda r: uow.tattoo_requests.of_artist(me, r)):
            yield ExportPart("requests-as-artist.json", await self._with_threads(requests))

    async def _consents(self, artist: ArtistProfile | None) -> AsyncIterator[ExportPart]:
        """The consents the user signed (the words as signed, the answers, the signature,
        the ID check); an artist's consent forms, each with every version."""
        uow, me = self._uow, self._user_id
        async for consents in _paged(lambda r: uow.consents.of_customer(me, r)):
            yield ExportPart("consents.json", tuple(record(c) for c in consents))
        if artist is None:
            return
        forms = []
        for form in await uow.consent_forms.of_artist(artist.id, retired=True):
            versions = await uow.consent_forms.versions(form.id)
            forms.append({"form": record(form), "versions": [record(v) for v in versions]})
        yield ExportPart("consent-forms.json", tuple(forms))

    async def _with_threads(self, requests: tuple[TattooRequest, ...]) -> tuple[JsonValue, ...]:
        return tuple([await self._request(i) for i in requests])

    async def _request(self, request: TattooRequest) -> JsonValue:
        uow = self._uow
        messages: list[JsonValue] = []
        async for items in _paged(lambda r: uow.request_messages.of_request(request.id, r)):
            messages.extend(record(m) for m in items)
        quotes = await uow.quotes.of_request(request.id)
        project = await uow.projects.of_request(request.id)
        return {
            "request": record(request),
            "messages": messages,
            "quotes": [record(q) for q in quotes],
            "project": None if project is None else await self._project(project),
        }

    async def _project(self, project: Project) -> JsonValue:
        """The project as stored, with its sessions: their bookings' ids, starts and
        statuses as they stand, and their parts in the deposit."""
        sessions = await self._uow.projects.sessions(project.id)
        stored = {f.name: getattr(project, f.name) for f in dataclasses.fields(project)}
        return record(stored | {"sessions": sessions})

    async def _uploads(self) -> AsyncIterator[ExportPart]:
        after = None
        while True:
            batch = await self._uow.uploads.of_owner(self._user_id, after=after, limit=BATCH)
            yield ExportPart("uploads.json", tuple(record(u) for u in batch))
            if len(batch) < BATCH:
                return
            after = batch[-1].id

    async def _audit(self) -> AsyncIterator[ExportPart]:
        """Entries of what the user did, then of what was done to their account."""
        for where in (
            AuditFilter(actor_id=self._user_id),
            AuditFilter(target=subject_of("user", self._user_id)),
        ):
            before = None
            while True:
                page = await self._uow.audit.list(where, before=before, limit=BATCH)
                yield ExportPart("audit.json", tuple(record(e) for e in page.items))
                if page.next_before is None:
                    break
                before = page.next_before
