"""``/api/v1/bookings/{id}/ideas`` and ``/api/v1/ideas/{id}``: design ideas on a booking.
The booking's parties add them; whoever sees the booking reads them; the author or an admin
edits and removes them. Strangers are told nothing exists."""

from __future__ import annotations

from uuid import UUID

from litestar import delete, get, patch, post
from litestar.params import FromPath, JSONBody

from booking_domain.bookings import BookingActionNotAllowedError, BookingNotFoundError
from booking_domain.bookings.errors import IdeaNotFoundError, InvalidIdeaError, TooManyIdeasError
from booking_domain.bookings.ideas import IdeaId
from booking_domain.media import (
    StorageUnavailableError,
    UploadId,
    UploadNotFoundError,
    UploadNotReadyError,
)
from booking_domain.shared import (
    BookingId,
    ConcurrentUpdateError,
    InvalidInputError,
    InvalidTransitionError,
    Page,
    PageRequest,
    PermissionDeniedError,
)
from entrypoints.http.bookings.controller import BookingsDep
from entrypoints.http.bookings.ideas_dto import IdeaChange, IdeaPage, IdeaRequest, IdeaView
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import PageNumber, PageSize

# Adding one (AddIdea): the text refused, the booking not seen, the caller not its customer
# or artist or the booking closed to ideas, the upload not theirs or not a ready idea image,
# the booking full of ideas, a concurrent change of the booking; the image links signed by
# the storage (as in every answer with ideas).
ADD_RAISES = raises_exactly(
    InvalidInputError, InvalidIdeaError,
    BookingNotFoundError, BookingActionNotAllowedError, InvalidTransitionError,
    UploadNotFoundError, UploadNotReadyError, TooManyIdeasError,
    ConcurrentUpdateError, StorageUnavailableError,
)  # fmt: skip
# Listing (ListIdeas): the booking not seen, the links signed.
LIST_RAISES = raises_exactly(BookingNotFoundError, StorageUnavailableError)
# Changing one (UpdateIdea): the idea not seen, the caller not its author or an admin, the
# text refused, the links signed. Removing one (DeleteIdea): the same, less the text (the
# storage's failure to delete the image is left behind, not answered).
CHANGE_RAISES = raises_exactly(
    IdeaNotFoundError, PermissionDeniedError, InvalidInputError, InvalidIdeaError,
    StorageUnavailableError,
)  # fmt: skip
REMOVE_RAISES = raises_exactly(IdeaNotFoundError, PermissionDeniedError)


class BookingIdeasController(SignedIn, context="bookings"):
    path = "/bookings/{booking_id:uuid}/ideas"
    tags = ["bookings"]

    @post(
        summary="Add an idea (the booking's customer or artist, while pending or confirmed)",
        opt=ADD_RAISES,
    )
    async def add(
        self,
        booking_id: FromPath[UUID],
        data: JSONBody[IdeaRequest],
        actor: Caller,
        bookings: BookingsDep,
    ) -> IdeaView:
        upload = None if data.upload_id is None else UploadId(data.upload_id)
        added = await bookings.add_idea(
            actor, BookingId(booking_id), description=data.description, upload_id=upload
        )
        return IdeaView.of(added)

    @get(summary="The booking's ideas, oldest first (image URLs valid 5 minutes)", opt=LIST_RAISES)
    async def list_ideas(
        self,
        booking_id: FromPath[UUID],
        actor: Caller,
        bookings: BookingsDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> IdeaPage:
        ideas = await bookings.list_ideas(actor, BookingId(booking_id))
        return IdeaPage.of(Page.of_whole(ideas, PageRequest(page, page_size)), IdeaView.of)


class IdeasController(SignedIn, context="bookings"):
    path = "/ideas"
    tags = ["bookings"]

    @patch(
        "/{idea_id:uuid}",
        summary="Change an idea's description (its author or an admin)",
        opt=CHANGE_RAISES,
    )
    async def change(
        self,
        idea_id: FromPath[UUID],
        data: JSONBody[IdeaChange],
        actor: Caller,
        bookings: BookingsDep,
    ) -> IdeaView:
        changed = await bookings.update_idea(actor, IdeaId(idea_id), description=data.description)
        return IdeaView.of(changed)

    @delete(
        "/{idea_id:uuid}",
        summary="Remove an idea and its image (its author or an admin)",
        opt=REMOVE_RAISES,
    )
    async def remove(self, idea_id: FromPath[UUID], actor: Caller, bookings: BookingsDep) -> None:
        await bookings.delete_idea(actor, IdeaId(idea_id))
