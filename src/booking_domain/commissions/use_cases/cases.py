"""Sending, reading and answering tattoo requests, and their threads (the house shape: open
the unit of work, load under lock, decide in the domain, save and record the event, commit;
signed links of pictures after the commit)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog import load_artist
from booking_domain.commissions.details import MAX_IMAGES, DraftDetails, check_details, local_today
from booking_domain.commissions.errors import InvalidRequestError, RequestActionNotAllowedError
from booking_domain.commissions.recording import record_change
from booking_domain.commissions.requests import (
    Accept,
    Action,
    Decline,
    PostMessage,
    RequestId,
    TattooRequest,
    Withdraw,
    apply,
    check_message_text,
    check_sender,
    send_request,
)
from booking_domain.commissions.use_cases.common import (
    MessageEntry,
    RequestView,
    entry,
    load_visible,
    view,
)
from booking_domain.commissions.use_cases.deps import CommissionsDeps
from booking_domain.media import UploadId, UploadPurpose, take_upload
from booking_domain.shared.errors import FieldError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase

# Reference pictures and thread pictures are the parties' own uploads made for ideas
# (private: seen by the two parties and admins through short-lived signed URLs).
PICTURES = UploadPurpose.IDEA


@dataclass(frozen=True, slots=True)
class SendRequestCommand:
    artist_id: ArtistId
    details: DraftDetails
    upload_ids: tuple[UploadId, ...]
    adult: bool  # the customer confirms they are 18 or older


def _check_uploads(upload_ids: tuple[UploadId, ...]) -> None:
    if len(upload_ids) > MAX_IMAGES or len(set(upload_ids)) != len(upload_ids):
        detail = f"At most {MAX_IMAGES} different images."
        raise InvalidRequestError(errors=(FieldError("uploadIds", detail, "too_many"),))


class SendRequest(UseCase[CommissionsDeps]):
    """A customer asks a public artist for a tattoo (``request.sent``)."""

    async def __call__(self, actor: Actor, command: SendRequestCommand) -> RequestView:
        _check_uploads(command.upload_ids)
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            artist = await load_artist(uow.artists, command.artist_id)
            check_sender(actor, artist, adult=command.adult)
            details = check_details(command.details, local_today(now, artist.time_zone))
            images = tuple(
                [
                    await take_upload(uow.uploads, upload_id, actor, PICTURES, now)
                    for upload_id in command.upload_ids
                ]
            )
            event = send_request(actor, artist, details, images, now, adult=command.adult)
            for image in images:
                await uow.uploads.update(image)
            await uow.tattoo_requests.add(event.request)
            await record_change(uow, event)
            await uow.commit()
        return await view(self._deps, event.request, actor)


class GetRequest(UseCase[CommissionsDeps]):
    async def __call__(self, actor: Actor, request_id: RequestId) -> RequestView:
        async with self._deps.uow(read_only=True) as uow:
            request = await load_visible(uow, actor, request_id)
        return await view(self._deps, request, actor)


class ListMyRequests(UseCase[CommissionsDeps]):
    """The requests the caller sent, newest first."""

    async def __call__(self, actor: Actor, page: PageRequest) -> Page[TattooRequest]:
        async with self._deps.uow(read_only=True) as uow:
            return await uow.tattoo_requests.of_customer(actor.user_id, page)


class RequestQueue(UseCase[CommissionsDeps]):
    """An artist's open and accepted requests, theirs to answer first."""

    async def __call__(self, actor: Actor, page: PageRequest) -> Page[TattooRequest]:
        if actor.role is not Role.ARTIST:
            raise RequestActionNotAllowedError("Only artists have a queue of tattoo requests.")
        async with self._deps.uow(read_only=True) as uow:
            return await uow.tattoo_requests.queue(actor.user_id, page)


class _Change(UseCase[CommissionsDeps]):
    async def _apply(self, actor: Actor, request_id: RequestId, action: Action) -> TattooRequest:
        async with self._deps.uow() as uow:
            request = await load_visible(uow, actor, request_id, for_update=True)
            event = apply(request, action, actor, self._deps.clock.now())
            await uow.tattoo_requests.update(event.request)
            await record_change(uow, event)
            await uow.commit()
        return event.request


class AcceptRequest(_Change):
    """The artist takes the request on, with a message (``request.accepted``)."""

    async def __call__(self, actor: Actor, request_id: RequestId, *, text: str) -> TattooRequest:
        return await self._apply(actor, request_id, Accept(text))


class DeclineRequest(_Change):
    """The artist turns the request down, with a message (``request.declined``)."""

    async def __call__(self, actor: Actor, request_id: RequestId, *, text: str) -> TattooRequest:
        return await self._apply(actor, request_id, Decline(text))


class WithdrawRequest(_Change):
    """The customer takes back an open request (``request.withdrawn``)."""

    async def __call__(
        self, actor: Actor, request_id: RequestId, *, text: str | None = None
    ) -> TattooRequest:
        return await self._apply(actor, request_id, Withdraw(text))


class PostRequestMessage(UseCase[CommissionsDeps]):
    """A party adds to the thread: words and maybe a picture of their own
    (``request.message_posted``)."""

    async def __call__(
        self, actor: Actor, request_id: RequestId, *, text: str, upload_id: UploadId | None
    ) -> MessageEntry:
        check_message_text(text)  # refused before anything is looked up
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            request = await load_visible(uow, actor, request_id, for_update=True)
            image = None
            if upload_id is not None and request.role_of(actor) is not Role.ADMIN:
                image = await take_upload(uow.uploads, upload_id, actor, PICTURES, now)
            event = apply(request, PostMessage(text, image), actor, now)
            if image is not None:
                await uow.uploads.update(image)
            await uow.tattoo_requests.update(event.request)
            await record_change(uow, event)
            await uow.commit()
        assert event.message is not None  # a posted message is the change
        return await entry(self._deps, event.message)


class ListRequestMessages(UseCase[CommissionsDeps]):
    """A request's thread, oldest first (its parties and admins)."""

    async def __call__(
        self, actor: Actor, request_id: RequestId, page: PageRequest
    ) -> Page[MessageEntry]:
        async with self._deps.uow(read_only=True) as uow:
            request = await load_visible(uow, actor, request_id)
            found = await uow.request_messages.of_request(request.id, page)
        entries = tuple([await entry(self._deps, m) for m in found.items])
        return Page(entries, found.total, found.request, found.total_exact)
