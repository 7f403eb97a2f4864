"""Loyalty: the platform's program (``GET /loyalty-program``: anyone, once set; ``PUT
/admin/loyalty-program``: admins), an artist's own (``GET``/``PUT
/artists/{id}/loyalty-program``: anyone reads it while it is on and the artist public; the
artist and admins always, and they set it), and one's own points (``GET /me/loyalty``,
``GET /me/loyalty/{programId}/entries``). Redeeming is a field of the invoice requests
(payments)."""

from __future__ import annotations

from uuid import UUID

from litestar import get, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from booking_domain.catalog import ArtistNotFoundError
from booking_domain.loyalty import (
    InvalidProgramError,
    ProgramActionNotAllowedError,
    ProgramId,
    ProgramNotFoundError,
)
from booking_domain.loyalty.use_cases import LoyaltyUseCases
from booking_domain.shared import (
    ArtistId,
    ConcurrentUpdateError,
    ConflictError,
    PageRequest,
    PermissionDeniedError,
)
from entrypoints.http.caller import Caller, MaybeCaller
from entrypoints.http.controllers import AdminOnly, Public, SignedIn
from entrypoints.http.loyalty.dto import (
    EntryPage,
    EntryView,
    LoyaltyView,
    ProgramBody,
    ProgramView,
    StandingView,
)
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import PageNumber, PageSize

LoyaltyDep = NamedDependency[LoyaltyUseCases]


# The platform's program: not set yet.
PLATFORM_READ_RAISES = raises_exactly(ProgramNotFoundError)
# Setting it (admins): not theirs to set, the rates refused, a change that lost a race
# (or two first programs at once: conflict).
PLATFORM_SET_RAISES = raises_exactly(
    ProgramActionNotAllowedError, InvalidProgramError, ConcurrentUpdateError, ConflictError
)
# An artist's program: the artist not there (or hidden), no program (or off).
ARTIST_READ_RAISES = raises_exactly(ArtistNotFoundError, ProgramNotFoundError)
# Setting it: not the owner (nor an admin), the rates refused, a lost race.
ARTIST_SET_RAISES = raises_exactly(
    ArtistNotFoundError,
    PermissionDeniedError,
    InvalidProgramError,
    ConcurrentUpdateError,
    ConflictError,
)
# Your points: nothing to refuse.
MINE_RAISES = raises_exactly()
# Your entries in one program: no such program.
ENTRIES_RAISES = raises_exactly(ProgramNotFoundError)


class PlatformProgramController(Public, context="loyalty"):
    path = "/loyalty-program"
    tags = ["loyalty"]

    @get(
        summary="The platform's loyalty program and its rates (anyone, once set)",
        opt=PLATFORM_READ_RAISES,
    )
    async def read(self, loyalty: LoyaltyDep) -> ProgramView:
        return ProgramView.of(await loyalty.get_platform_program())


class AdminProgramController(AdminOnly, context="loyalty"):
    path = "/admin/loyalty-program"
    tags = ["admin", "loyalty"]

    @put(
        summary="Turn the platform's loyalty program on or off and set its rates (admins)",
        opt=PLATFORM_SET_RAISES,
    )
    async def set_program(
        self, data: JSONBody[ProgramBody], actor: Caller, loyalty: LoyaltyDep
    ) -> ProgramView:
        return ProgramView.of(await loyalty.set_platform_program(actor, data.settings()))


class ArtistProgramController(Public, context="loyalty"):
    path = "/artists/{artist_id:uuid}/loyalty-program"
    tags = ["loyalty"]

    @get(
        summary="An artist's own loyalty program (anyone while it is on; the artist always)",
        opt=ARTIST_READ_RAISES,
    )
    async def read(
        self, artist_id: FromPath[UUID], maybe_actor: MaybeCaller, loyalty: LoyaltyDep
    ) -> ProgramView:
        return ProgramView.of(await loyalty.get_artist_program(maybe_actor, ArtistId(artist_id)))


class ArtistProgramSettingsController(SignedIn, context="loyalty"):
    path = "/artists/{artist_id:uuid}/loyalty-program"
    tags = ["loyalty"]

    @put(
        summary="Turn an artist's own loyalty program on or off and set its rates",
        opt=ARTIST_SET_RAISES,
    )
    async def set_program(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ProgramBody],
        actor: Caller,
        loyalty: LoyaltyDep,
    ) -> ProgramView:
        program = await loyalty.set_artist_program(actor, ArtistId(artist_id), data.settings())
        return ProgramView.of(program)


class MyLoyaltyController(SignedIn, context="loyalty"):
    path = "/me/loyalty"
    tags = ["loyalty"]

    @get(summary="Your points: each program's balance, tier and next expiry", opt=MINE_RAISES)
    async def mine(self, actor: Caller, loyalty: LoyaltyDep) -> LoyaltyView:
        standings = await loyalty.my_loyalty(actor)
        return LoyaltyView([StandingView.of(s) for s in standings])

    @get(
        "/{program_id:uuid}/entries",
        summary="Your entries in one program, newest first",
        opt=ENTRIES_RAISES,
    )
    async def entries(
        self,
        program_id: FromPath[UUID],
        actor: Caller,
        loyalty: LoyaltyDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> EntryPage:
        found = await loyalty.my_entries(actor, ProgramId(program_id), PageRequest(page, page_size))
        return EntryPage.of(found, EntryView.of)
