"""The ledger (docs/payouts.md): an artist's own accounts and entries (``GET /me/ledger``,
``GET /me/ledger/entries``), any artist's for admins (``GET /admin/artists/{id}/ledger``,
``.../entries``), what the platform owes (``GET /admin/ledger/owed``, and as CSV for a round
of bank transfers, ``GET /admin/ledger/owed.csv``), and recording a payout (``POST
/admin/artists/{id}/payouts``)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Response, get, post
from litestar.di import NamedDependency
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, HeaderParameter, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from booking_domain.bookings import IdempotencyKeyReusedError
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.payouts import NothingToPayOutError, PayoutExceedsBalanceError
from booking_domain.payouts.use_cases import PayoutUseCases
from booking_domain.shared import (
    ArtistId,
    ConcurrentUpdateError,
    PageRequest,
    PermissionDeniedError,
)
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import AdminOnly, SignedIn
from entrypoints.http.payouts.dto import (
    LedgerEntryPage,
    LedgerEntryView,
    LedgerView,
    OwedPage,
    OwedView,
    PayoutBody,
    owed_csv,
    own_entry,
)
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import PageNumber, PageSize

PayoutsDep = NamedDependency[PayoutUseCases]
Currency = Annotated[
    str | None, QueryParameter(pattern=r"^[A-Z]{3}$", description="Only this currency")
]
IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(name="Idempotency-Key", description="Retrying with it answers the payout"),
]

# A ledger read: the caller has no artist profile (their own), or the artist is not there
# (an admin's read).
READ_RAISES = raises_exactly(ArtistNotFoundError)
# What is owed (admins): not an admin (the guard's twin).
OWED_RAISES = raises_exactly(PermissionDeniedError)
# A payout: no such artist, nothing owed or more than is owed, the key reused for another
# payout, a lost race for the account (retry), not an admin.
PAYOUT_RAISES = raises_exactly(
    ArtistNotFoundError, NothingToPayOutError, PayoutExceedsBalanceError,
    IdempotencyKeyReusedError, ConcurrentUpdateError, PermissionDeniedError,
)  # fmt: skip
CSV = "text/csv"


class MyLedgerController(SignedIn, context="payouts"):
    path = "/me/ledger"
    tags = ["payouts"]

    @get(summary="What the platform owes you: your account in each currency", opt=READ_RAISES)
    async def mine(self, actor: Caller, payouts: PayoutsDep) -> LedgerView:
        return LedgerView.of(await payouts.artist_ledger(actor))

    @get("/entries", summary="Your ledger's entries, newest first", opt=READ_RAISES)
    async def entries(
        self,
        actor: Caller,
        payouts: PayoutsDep,
        currency: Currency = None,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> LedgerEntryPage:
        found = await payouts.ledger_entries(actor, PageRequest(page, page_size), currency=currency)
        return LedgerEntryPage.of(found, own_entry)


class ArtistLedgerController(AdminOnly, context="payouts"):
    path = "/admin/artists/{artist_id:uuid}"
    tags = ["admin", "payouts"]

    @get("/ledger", summary="An artist's account in each currency (admins)", opt=READ_RAISES)
    async def ledger(
        self, artist_id: FromPath[UUID], actor: Caller, payouts: PayoutsDep
    ) -> LedgerView:
        return LedgerView.of(await payouts.artist_ledger(actor, ArtistId(artist_id)))

    @get("/ledger/entries", summary="An artist's ledger entries (admins)", opt=READ_RAISES)
    async def entries(
        self,
        artist_id: FromPath[UUID],
        actor: Caller,
        payouts: PayoutsDep,
        currency: Currency = None,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> LedgerEntryPage:
        found = await payouts.ledger_entries(
            actor, PageRequest(page, page_size), artist_id=ArtistId(artist_id), currency=currency
        )
        return LedgerEntryPage.of(found, LedgerEntryView.of)

    @post(
        "/payouts",
        summary="Record money paid to an artist (admins); no amount pays all that is owed",
        opt=PAYOUT_RAISES,
        responses={200: ResponseSpec(LedgerEntryView, description="The payout the key recorded")},
    )
    async def payout(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[PayoutBody],
        actor: Caller,
        payouts: PayoutsDep,
        idempotency_key: IdempotencyKey = None,
    ) -> Response[LedgerEntryView]:
        """201 with the payout's entry; 200 with the one an Idempotency-Key recorded."""
        made = await payouts.record_payout(actor, ArtistId(artist_id), data.order(idempotency_key))
        status = HTTP_201_CREATED if made.created else HTTP_200_OK
        return Response(LedgerEntryView.of(made.entry), status_code=status)


class OwedController(AdminOnly, context="payouts"):
    path = "/admin/ledger"
    tags = ["admin", "payouts"]

    @get(
        "/owed",
        summary="The accounts the platform owes money on, largest first per currency (admins)",
        opt=OWED_RAISES,
    )
    async def owed(
        self,
        actor: Caller,
        payouts: PayoutsDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> OwedPage:
        found = await payouts.amounts_owed(actor, PageRequest(page, page_size))
        return OwedPage.of(found, OwedView.of)

    @get(
        "/owed.csv",
        summary="What the platform owes, as CSV for a round of bank transfers (admins)",
        opt=OWED_RAISES,
        media_type=CSV,
        responses={
            200: ResponseSpec(str, description="CSV", media_type=CSV, generate_examples=False)
        },
    )
    async def owed_csv(self, actor: Caller, payouts: PayoutsDep) -> Response[bytes]:
        rows = await payouts.owed_export(actor)
        headers = {"Content-Disposition": 'attachment; filename="owed.csv"'}
        return Response(owed_csv(rows), media_type=CSV, headers=headers)
