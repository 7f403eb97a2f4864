"""Tattoo requests: ``POST /requests`` (a customer), ``GET /requests/{id}``, its thread
(``GET``/``POST /requests/{id}/messages``: its parties; admins read), the answers
(``POST /requests/{id}/accept``, ``/decline``: its artist; ``/withdraw``: its customer), and
each person's lists (``GET /me/requests``: a customer's own; ``GET /me/request-queue``: an
artist's, theirs to answer first). Strangers get 404 for a request."""

from __future__ import annotations

from uuid import UUID

from litestar import get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from booking_domain.catalog import ArtistNotFoundError
from booking_domain.commissions import RequestId
from booking_domain.commissions.errors import (
    AgeNotConfirmedError,
    InvalidRequestError,
    RequestActionNotAllowedError,
    RequestClosedError,
    RequestNotFoundError,
    RequestNotOpenError,
    TooManyRequestMessagesError,
)
from booking_domain.commissions.use_cases import CommissionUseCases
from booking_domain.media import (
    StorageUnavailableError,
    UploadId,
    UploadNotFoundError,
    UploadNotReadyError,
)
from booking_domain.shared.pages import PageRequest
from entrypoints.http.caller import Caller
from entrypoints.http.commissions.dto import (
    AnswerBody,
    MessageBody,
    RequestDetailView,
    RequestMessagePage,
    RequestMessageView,
    RequestPage,
    RequestSummaryView,
    SendRequestBody,
    WithdrawBody,
)
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import PageNumber, PageSize

# Sending a request (SendRequest): the details or the images refused, the artist unknown or
# not public, the sender not a customer or not an adult, an image not theirs or not a ready
# idea picture; the answer's picture links are signed by the store (as every answer with
# pictures: reading a request or its thread).
SEND_RAISES = raises_exactly(
    InvalidRequestError, ArtistNotFoundError, RequestActionNotAllowedError,
    AgeNotConfirmedError, UploadNotFoundError, UploadNotReadyError, StorageUnavailableError,
)  # fmt: skip
READ_RAISES = raises_exactly(RequestNotFoundError, StorageUnavailableError)
# Answering (AcceptRequest, DeclineRequest, WithdrawRequest): the request not seen, not the
# caller's step (or an admin's), no longer open, the message refused.
ANSWER_RAISES = raises_exactly(
    RequestNotFoundError, RequestActionNotAllowedError, RequestNotOpenError, InvalidRequestError
)
# Posting to the thread (PostRequestMessage): the text refused, the request not seen, an
# admin posting, the request closed or its thread full, the picture not the caller's or not
# ready.
POST_RAISES = raises_exactly(
    InvalidRequestError, RequestNotFoundError, RequestActionNotAllowedError,
    RequestClosedError, TooManyRequestMessagesError,
    UploadNotFoundError, UploadNotReadyError, StorageUnavailableError,
)  # fmt: skip
# One's own requests raise nothing; the queue is an artist's only.
MINE_RAISES = raises_exactly()
QUEUE_RAISES = raises_exactly(RequestActionNotAllowedError)

CommissionsDep = NamedDependency[CommissionUseCases]


class RequestsController(SignedIn, context="commissions"):
    path = "/requests"
    tags = ["requests"]

    @post(
        status_code=HTTP_201_CREATED,
        summary="Send an artist a tattoo request (customers)",
        opt=SEND_RAISES,
    )
    async def send(
        self, data: JSONBody[SendRequestBody], actor: Caller, commissions: CommissionsDep
    ) -> RequestDetailView:
        return RequestDetailView.of(await commissions.send_request(actor, data.command()))

    @get("/{request_id:uuid}", summary="A tattoo request (its parties, admins)", opt=READ_RAISES)
    async def read(
        self, request_id: FromPath[UUID], actor: Caller, commissions: CommissionsDep
    ) -> RequestDetailView:
        return RequestDetailView.of(await commissions.get_request(actor, RequestId(request_id)))

    @post(
        "/{request_id:uuid}/accept",
        status_code=HTTP_200_OK,
        summary="Accept an open request, with a message (its artist)",
        opt=ANSWER_RAISES,
    )
    async def accept(
        self,
        request_id: FromPath[UUID],
        data: JSONBody[AnswerBody],
        actor: Caller,
        commissions: CommissionsDep,
    ) -> RequestSummaryView:
        done = await commissions.accept_request(actor, RequestId(request_id), text=data.message)
        return RequestSummaryView.of(done)

    @post(
        "/{request_id:uuid}/decline",
        status_code=HTTP_200_OK,
        summary="Decline an open request, with a message (its artist)",
        opt=ANSWER_RAISES,
    )
    async def decline(
        self,
        request_id: FromPath[UUID],
        data: JSONBody[AnswerBody],
        actor: Caller,
        commissions: CommissionsDep,
    ) -> RequestSummaryView:
        done = await commissions.decline_request(actor, RequestId(request_id), text=data.message)
        return RequestSummaryView.of(done)

    @post(
        "/{request_id:uuid}/withdraw",
        status_code=HTTP_200_OK,
        summary="Withdraw an open request (its customer)",
        opt=ANSWER_RAISES,
    )
    async def withdraw(
        self,
        request_id: FromPath[UUID],
        data: JSONBody[WithdrawBody],
        actor: Caller,
        commissions: CommissionsDep,
    ) -> RequestSummaryView:
        done = await commissions.withdraw_request(actor, RequestId(request_id), text=data.message)
        return RequestSummaryView.of(done)

    @get(
        "/{request_id:uuid}/messages",
        summary="A request's thread, oldest first",
        opt=READ_RAISES,
    )
    async def messages(
        self,
        request_id: FromPath[UUID],
        actor: Caller,
        commissions: CommissionsDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> RequestMessagePage:
        found = await commissions.list_messages(
            actor, RequestId(request_id), PageRequest(page, page_size)
        )
        return RequestMessagePage.of(found, RequestMessageView.of)

    @post(
        "/{request_id:uuid}/messages",
        status_code=HTTP_201_CREATED,
        summary="Add to a request's thread: words and maybe a picture (its parties)",
        opt=POST_RAISES,
    )
    async def post_message(
        self,
        request_id: FromPath[UUID],
        data: JSONBody[MessageBody],
        actor: Caller,
        commissions: CommissionsDep,
    ) -> RequestMessageView:
        upload = None if data.upload_id is None else UploadId(data.upload_id)
        posted = await commissions.post_message(
            actor, RequestId(request_id), text=data.text, upload_id=upload
        )
        return RequestMessageView.of(posted)


class MyRequestsController(SignedIn, context="commissions"):
    path = "/me"
    tags = ["requests"]

    @get("/requests", summary="The tattoo requests you sent, newest first", opt=MINE_RAISES)
    async def mine(
        self,
        actor: Caller,
        commissions: CommissionsDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> RequestPage:
        found = await commissions.my_requests(actor, PageRequest(page, page_size))
        return RequestPage.of(found, RequestSummaryView.of)

    @get(
        "/request-queue",
        summary="An artist's open and accepted requests: yours to answer first, longest waiting",
        opt=QUEUE_RAISES,
    )
    async def queue(
        self,
        actor: Caller,
        commissions: CommissionsDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> RequestPage:
        found = await commissions.request_queue(actor, PageRequest(page, page_size))
        return RequestPage.of(found, RequestSummaryView.of)
