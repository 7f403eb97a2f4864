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

from booking_domain.commissions import RequestId
from booking_domain.commissions.use_cases import CommissionUseCases
from booking_domain.media import UploadId
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
from entrypoints.http.problem_docs import CHANGES, READS
from entrypoints.http.wire import PageNumber, PageSize

CommissionsDep = NamedDependency[CommissionUseCases]


class RequestsController(SignedIn, context="commissions", raises=CHANGES):
    path = "/requests"
    tags = ["requests"]

    @post(status_code=HTTP_201_CREATED, summary="Send an artist a tattoo request (customers)")
    async def send(
        self, data: JSONBody[SendRequestBody], actor: Caller, commissions: CommissionsDep
    ) -> RequestDetailView:
        return RequestDetailView.of(await commissions.send_request(actor, data.command()))

    @get("/{request_id:uuid}", summary="A tattoo request (its parties, admins)")
    async def read(
        self, request_id: FromPath[UUID], actor: Caller, commissions: CommissionsDep
    ) -> RequestDetailView:
        return RequestDetailView.of(await commissions.get_request(actor, RequestId(request_id)))

    @post(
        "/{request_id:uuid}/accept",
        status_code=HTTP_200_OK,
        summary="Accept an open request, with a message (its artist)",
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

    @get("/{request_id:uuid}/messages", summary="A request's thread, oldest first")
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


class MyRequestsController(SignedIn, context="commissions", raises=READS):
    path = "/me"
    tags = ["requests"]

    @get("/requests", summary="The tattoo requests you sent, newest first")
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
