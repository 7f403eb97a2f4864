"""``DeleteAccount``: the owner deletes their own account, proving it again (rules:
``accounts.leaving`` and ``privacy.leaving``; docs/privacy.md).

One transaction: the proof's code is spent, the upcoming bookings are cancelled (each with
its event and audit entry, so the other party is told and refunds are paid like every
refund, after the commit), an artist profile is withdrawn (its event takes it out of
search) and its external calendars are forgotten, the person's tattoo requests still in
play are closed (the other party is told) and what they wrote or uploaded on any request is
erased, an artist's quote notes included (``commissions.leaving``; the pictures' objects
are deleted after the commit), their active projects are cancelled (first: the order booking
a session locks in; their upcoming sessions are among the bookings cancelled), their
loyalty points are forfeited and an artist's own program turned off
(``loyalty.leave_loyalty``), their webhook endpoints are switched off
(``webhooks.leave_webhooks``), every session ends, the signed consents of the
cancelled bookings are deleted (sessions that never happen; docs/privacy.md), a linked
Telegram account is unlinked (and the chat with the Telegram bot, with any token to link
one), the account is anonymised and ``account.deleted`` recorded. The password is checked
before the transaction opens (argon2 is slow); a wrong one changes
nothing; a wrong code is counted against the code, as at sign-in, and changes nothing else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from booking_domain.accounts import (
    InvalidCodeError,
    PasswordProof,
    PhoneCodeProof,
    Proof,
    User,
    UserNotFoundError,
    anonymised,
    count_a_failure,
    deletion_audit,
    enter_code,
    refuse_a_locked_pair,
    require_proof_fits,
    sign_in_key,
    wrong_password,
)
from booking_domain.bookings import (
    UPCOMING,
    Booking,
    BookingFilter,
    cancel,
    record_change,
    upcoming_ids,
)
from booking_domain.catalog import ArtistChange, ArtistNotFoundError, change_profile
from booking_domain.commissions import (
    Leave,
    ProjectId,
    ProjectStatus,
    RequestId,
    RequestMessage,
    TattooRequest,
    apply,
    cancel_project,
    erased_message,
    erased_quote,
    erased_request,
    leavers_uploads,
)
from booking_domain.commissions import (
    record_change as record_request,
)
from booking_domain.loyalty import leave_loyalty
from booking_domain.media import MediaStores, StorageUnavailableError, Upload, variant_store
from booking_domain.privacy.leaving import ACCOUNT_DELETED_REASON, withdrawn
from booking_domain.privacy.ports import PrivacyUnitOfWork
from booking_domain.privacy.use_cases.deps import PrivacyDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.pages import MAX_PAGE_SIZE, Page, PageRequest
from booking_domain.shared.use_case import UseCase
from booking_domain.webhooks import leave_webhooks


@dataclass(frozen=True, slots=True)
class Deletion:
    user: User  # as it stays: anonymised
    cancelled: tuple[Booking, ...]


class DeleteAccount(UseCase[PrivacyDeps]):
    async def __call__(self, actor: Actor, proof: Proof | None, *, address: str = "") -> Deletion:
        """``proof``: None when the caller gave none (refused with what to give). A wrong
        password is a failed sign-in of (the account, ``address``), as when changing the
        password: a locked pair is refused before any password is checked."""
        s = self._deps
        async with s.uow(read_only=True) as uow:
            user = await uow.users.get(actor.user_id)
        if user is None:
            raise UserNotFoundError()
        require_proof_fits(user, proof)
        if isinstance(proof, PasswordProof):
            key = sign_in_key(user.sign_in_name, address)
            await refuse_a_locked_pair(s, key)
            stored = user.password_hash or ""
            if not await s.hasher.verify(stored, proof.password):
                await count_a_failure(s, key)
                raise wrong_password()
        async with s.uow() as uow:
            now = s.clock.now()
            current = await uow.users.get(actor.user_id)
            if current is None:
                raise UserNotFoundError()
            require_proof_fits(current, proof)
            if isinstance(proof, PhoneCodeProof):
                await self._spend_code(uow, current, proof, now)
            # Each project after its artist's calendar and before bookings: the order every
            # writer of a project takes them in (commissions/use_cases/sessions.py).
            await _cancel_projects(uow, current, now)
            cancelled = await _cancel_upcoming(uow, current, now)
            for booking in cancelled:  # sessions that never happen: nothing to keep
                await uow.consents.remove(booking.id)
            await _leave_waitlists(uow, current)
            artist = await uow.artists.get_by_user(current.id)
            await _withdraw_artist(uow, current, now)
            await leave_loyalty(uow, current.actor, None if artist is None else artist.id, now)
            await leave_webhooks(uow, current.id, now)  # nothing of theirs sent after
            await uow.refresh_tokens.revoke_user_sessions(current.id, now)
            await uow.api_keys.revoke_all(current.id, now)  # refused anyway: gone for good
            await uow.telegram.remove(current.id)
            await uow.telegram_chats.remove_user(current.id)  # no more Telegram messages
            await uow.chat_link_tokens.remove_user(current.id)
            after = anonymised(current, now)
            await uow.users.update(after)
            # After the account is anonymised: the requests' events name it as it stays.
            released = await _leave_requests(uow, after, now)
            await uow.audit.record(deletion_audit(current, after, now))
            await uow.commit()
        s.sessions.forget(current.id)
        await _delete_objects(s.stores, released)
        return Deletion(after, cancelled)

    async def _spend_code(
        self, uow: PrivacyUnitOfWork, user: User, proof: PhoneCodeProof, now: datetime
    ) -> None:
        """A live sign-in code to the account's own verified number, entered right."""
        number = self._deps.phones.mobile(proof.phone)
        if number is None or number != user.phone:
            raise InvalidCodeError()
        s = self._deps
        spent = await enter_code(uow, s.digest, s.codes, number, proof.code, now)
        await uow.phone_codes.save(spent)


async def _cancel_upcoming(
    uow: PrivacyUnitOfWork, user: User, now: datetime
) -> tuple[Booking, ...]:
    """Cancel, as the user, every booking of theirs that is upcoming (``privacy.leaving``)."""
    wanted = [BookingFilter(customer_id=user.id, statuses=UPCOMING, starts_from=now)]
    artist = await uow.artists.get_by_user(user.id)
    if artist is not None:
        # The calendar first, then the rows: the order creations take them in.
        await uow.bookings.hold_calendar(artist.id)
        wanted.append(BookingFilter(artist_id=artist.id, statuses=UPCOMING, starts_from=now))
    cancelled: list[Booking] = []
    for where in wanted:
        for booking_id in await upcoming_ids(uow.bookings, where, now):
            booking = await uow.bookings.get(booking_id, for_update=True)
            if booking is None or booking.status not in UPCOMING or booking.start <= now:
                continue
            of_artist = await uow.artists.get(booking.artist_id)
            if of_artist is None:  # bookings restrict deleting their artist; a guard
                raise ArtistNotFoundError()
            changed, entry = cancel(
                booking, user.actor, now, of_artist.policy, reason=ACCOUNT_DELETED_REASON
            )
            await record_change(uow, changed, entry)
            cancelled.append(changed)
    return tuple(cancelled)


async def _leave_waitlists(uow: PrivacyUnitOfWork, user: User) -> None:
    """The leaver's waitlist entries go (their offers were cancelled with their upcoming
    bookings: the times go to the next in line); a leaving artist's waitlist goes whole,
    entries and settings (docs/privacy.md, "The waitlist")."""
    await uow.waitlist.remove_of_customer(user.id)
    artist = await uow.artists.get_by_user(user.id)
    if artist is not None:
        await uow.waitlist.remove_of_artist(artist.id)


async def _withdraw_artist(uow: PrivacyUnitOfWork, user: User, now: datetime) -> None:
    artist = await uow.artists.get_by_user(user.id)
    if artist is not None:
        await change_profile(uow, user.actor, artist.id, withdrawn, ArtistChange.SUSPENDED, now)
        # External calendars' feed URLs are credentials to the leaver's other calendars:
        # forgotten with the account (and no longer fetched).
        for calendar in await uow.external_calendars.of_artist(artist.id):
            await uow.external_calendars.remove(calendar.id)
        # The aftercare text is the leaver's own words: forgotten too (no message after a
        # session is sent any more; a planned one is skipped as ``no_text``).
        await uow.aftercare.remove(artist.id)


async def _cancel_projects(uow: PrivacyUnitOfWork, user: User, now: datetime) -> None:
    """The person's active projects (as either party) cancelled by them, so that nothing
    more is booked on them; their upcoming sessions are bookings, cancelled right after
    with the person's other upcoming bookings (``privacy.leaving``)."""
    ids: list[tuple[ArtistId, ProjectId]] = []
    number = 1
    while True:  # ids first, read whole before any change (no page shifts under them)
        found = await uow.projects.of_party(user.id, PageRequest(number, MAX_PAGE_SIZE))
        ids.extend((p.artist_id, p.id) for p in found.items)
        if not found.has_next:
            break
        number += 1
    # Calendars in one order (by artist), each before its projects' rows.
    for artist_id, project_id in sorted(ids, key=lambda pair: (str(pair[0]), str(pair[1]))):
        await uow.bookings.hold_calendar(artist_id)
        project = await uow.projects.get(project_id, for_update=True)
        if project is not None and project.status is ProjectStatus.ACTIVE:
            await uow.projects.update(cancel_project(project, user.actor, now))


async def _every_id(
    pages: Callable[[PageRequest], Awaitable[Page[TattooRequest]]],
) -> list[RequestId]:
    """Ids first, read whole before any change (so no page shifts under the changes)."""
    ids: list[RequestId] = []
    number = 1
    while True:
        found = await pages(PageRequest(number, MAX_PAGE_SIZE))
        ids.extend(r.id for r in found.items)
        if not found.has_next:
            return ids
        number += 1


async def _thread(uow: PrivacyUnitOfWork, request_id: RequestId) -> tuple[RequestMessage, ...]:
    messages: list[RequestMessage] = []
    number = 1
    while True:
        found = await uow.request_messages.of_request(
            request_id, PageRequest(number, MAX_PAGE_SIZE)
        )
        messages.extend(found.items)
        if not found.has_next:
            return tuple(messages)
        number += 1


async def _leave_requests(uow: PrivacyUnitOfWork, user: User, now: datetime) -> tuple[Upload, ...]:
    """The person's tattoo requests (as customer or artist): those in play closed, their
    words and pictures erased from every one, an artist's quotes' notes too
    (``commissions.leaving``). Returns their
    uploads taken off the requests (records removed), whose objects go after the commit."""
    me = user.id
    ids = await _every_id(lambda r: uow.tattoo_requests.of_customer(me, r))
    ids += await _every_id(lambda r: uow.tattoo_requests.of_artist(me, r))
    released: list[Upload] = []
    for request_id in ids:
        request = await uow.tattoo_requests.get(request_id, for_update=True)
        if request is None:
            continue
        if not request.is_terminal:
            event = apply(request, Leave(), user.actor, now)
            await uow.tattoo_requests.update(event.request)
            await record_request(uow, event)
            request = event.request
        messages = await _thread(uow, request.id)
        taken = leavers_uploads(request, messages, me)
        await uow.tattoo_requests.forget(erased_request(request, me))
        for quote in await uow.quotes.of_request(request.id):
            erased = erased_quote(quote, me)
            if erased != quote:
                await uow.quotes.forget(erased)
        for message in messages:
            if message.author_id == me:
                await uow.request_messages.forget(erased_message(message))
        for upload_id in taken:
            upload = await uow.uploads.get(upload_id)
            if upload is not None and upload.owner_id == me:  # theirs only, by the rules
                await uow.uploads.remove(upload_id)
                released.append(upload)
    return tuple(released)


async def _delete_objects(stores: MediaStores, uploads: tuple[Upload, ...]) -> None:
    """The leaver's pictures: the original and every variant. A store that fails leaves an
    object without a record (R2's lifecycle rule on ``incoming/`` is the second net for
    originals); the account's deletion stands."""
    for upload in uploads:
        keys = [(stores.uploads, upload.key)]
        keys += [(variant_store(stores, upload), v.key) for v in upload.variants]
        for store, key in keys:
            with contextlib.suppress(StorageUnavailableError):
                await store.delete(key)
