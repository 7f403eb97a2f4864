"""Disputes: ``POST /disputes`` (a party of the booking, or an admin on a party's behalf),
``GET /disputes/{id}`` and ``POST /disputes/{id}/messages`` (its parties and admins), and
admins' ``GET /admin/disputes`` and ``PATCH /admin/disputes/{id}`` (resolve, once)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar import get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_201_CREATED

from booking_domain.bookings import (
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingStatus,
    RefundOutOfRangeError,
)
from booking_domain.disputes import (
    DisputeAlreadyExistsError,
    DisputeClosedError,
    DisputeFilter,
    DisputeNotFoundError,
    DisputeStatus,
    DisputeWindowClosedError,
    InvalidEvidenceError,
    TooMuchEvidenceError,
)
from booking_domain.disputes.use_cases import DisputeUseCases
from booking_domain.media import UploadId, UploadNotFoundError, UploadNotReadyError
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    ConcurrentUpdateError,
    InvalidInputError,
    InvalidMoneyError,
    InvalidTransitionError,
    NaiveDatetimeError,
    PermissionDeniedError,
    Role,
    TimeOutOfRangeError,
)
from booking_domain.shared.ids import BookingId, DisputeId
from booking_domain.shared.pages import PageRequest
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import AdminOnly, SignedIn
from entrypoints.http.disputes.dto import (
    DisputeDetailView,
    DisputePage,
    DisputeStatusName,
    DisputeSummaryView,
    EvidenceRequest,
    EvidenceView,
    OpenDisputeRequest,
    ResolveRequest,
)
from entrypoints.http.problem_docs import raises_exactly

DisputesDep = NamedDependency[DisputeUseCases]


# Opening one (OpenDispute): the booking not the caller's, not a party's step, a reason
# refused, the window closed or the booking's state, one open already (or at once by
# another); a write that lost a race (concurrent_update, as on every change).
OPEN_RAISES = raises_exactly(
    BookingNotFoundError,
    BookingActionNotAllowedError,
    PermissionDeniedError,
    InvalidInputError,
    DisputeWindowClosedError,
    InvalidTransitionError,
    DisputeAlreadyExistsError,
    ConcurrentUpdateError,
)
# Reading one: not there, or not the caller's (the same 404).
READ_RAISES = raises_exactly(DisputeNotFoundError)
# Evidence: besides, the dispute closed, a message refused, too much evidence, an upload
# not there, not ready or used already.
EVIDENCE_RAISES = raises_exactly(
    DisputeNotFoundError,
    DisputeClosedError,
    InvalidEvidenceError,
    InvalidInputError,
    TooMuchEvidenceError,
    UploadNotFoundError,
    UploadNotReadyError,
    InvalidTransitionError,
    ConcurrentUpdateError,
)
# The admins' list: not an admin, a page out of bounds, the bounds of ``from`` and ``to``.
LIST_RAISES = raises_exactly(
    PermissionDeniedError, InvalidInputError, NaiveDatetimeError, TimeOutOfRangeError
)
# Resolving (admins): the dispute not there or closed, the note or amount refused, a refund
# past what was paid, the booking's state refuses it.
RESOLVE_RAISES = raises_exactly(
    PermissionDeniedError,
    DisputeNotFoundError,
    DisputeClosedError,
    InvalidInputError,
    InvalidMoneyError,
    RefundOutOfRangeError,
    BookingActionNotAllowedError,
    InvalidTransitionError,
    ConcurrentUpdateError,
)


class DisputesController(SignedIn, context="disputes"):
    path = "/disputes"
    tags = ["disputes"]

    @post(
        status_code=HTTP_201_CREATED,
        summary="Contest a closed booking (its parties, in 14 days, once)",
        opt=OPEN_RAISES,
    )
    async def open(
        self, data: JSONBody[OpenDisputeRequest], actor: Caller, disputes: DisputesDep
    ) -> DisputeSummaryView:
        party = None if data.on_behalf_of is None else Role(data.on_behalf_of)
        opened = await disputes.open_dispute(
            actor, BookingId(data.booking_id), reason=data.reason, on_behalf_of=party
        )
        return DisputeSummaryView.of(opened)

    @get(
        "/{dispute_id:uuid}",
        summary="A dispute with its evidence (its parties, admins)",
        opt=READ_RAISES,
    )
    async def read(
        self, dispute_id: FromPath[UUID], actor: Caller, disputes: DisputesDep
    ) -> DisputeDetailView:
        return DisputeDetailView.of(await disputes.get_dispute(actor, DisputeId(dispute_id)))

    @post(
        "/{dispute_id:uuid}/messages",
        status_code=HTTP_201_CREATED,
        summary="Add evidence to an open dispute: words and maybe a picture",
        opt=EVIDENCE_RAISES,
    )
    async def add_message(
        self,
        dispute_id: FromPath[UUID],
        data: JSONBody[EvidenceRequest],
        actor: Caller,
        disputes: DisputesDep,
    ) -> EvidenceView:
        upload = None if data.upload_id is None else UploadId(data.upload_id)
        added = await disputes.add_evidence(
            actor, DisputeId(dispute_id), text=data.text, upload_id=upload
        )
        return EvidenceView.of(added)


class AdminDisputesController(AdminOnly, context="disputes"):
    path = "/admin/disputes"
    tags = ["disputes", "admin"]

    @get(
        summary="Disputes, newest first: by status and when they were opened (admins)",
        opt=LIST_RAISES,
    )
    async def list_disputes(
        self,
        actor: Caller,
        disputes: DisputesDep,
        status: Annotated[DisputeStatusName | None, QueryParameter()] = None,
        opened_from: Annotated[datetime | None, QueryParameter(name="from")] = None,
        opened_before: Annotated[datetime | None, QueryParameter(name="to")] = None,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
    ) -> DisputePage:
        where = DisputeFilter(
            None if status is None else DisputeStatus(status), opened_from, opened_before
        )
        found = await disputes.list_disputes(actor, where, PageRequest(page, page_size))
        return DisputePage.of(found, DisputeSummaryView.of)

    @patch(
        "/{dispute_id:uuid}",
        summary="Resolve a dispute once: outcome, note and refund (admins)",
        opt=RESOLVE_RAISES,
    )
    async def resolve(
        self,
        dispute_id: FromPath[UUID],
        data: JSONBody[ResolveRequest],
        actor: Caller,
        disputes: DisputesDep,
    ) -> DisputeSummaryView:
        settled = await disputes.resolve_dispute(
            actor,
            DisputeId(dispute_id),
            outcome=BookingStatus(data.booking_status),
            refund_amount=data.refund_amount,
            note=data.resolution,
        )
        return DisputeSummaryView.of(settled)
