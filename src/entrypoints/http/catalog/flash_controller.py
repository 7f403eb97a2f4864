"""``/api/v1/artists/{id}/flash`` (an artist's flash sheet: public once approved) and
``/api/v1/me/flash`` (the signed-in artist puts designs on it, changes and removes them)."""

from __future__ import annotations

from uuid import UUID

from litestar import delete, get, patch, post
from litestar.params import FromPath, JSONBody

from booking_domain.catalog import (
    ArtistNotFoundError,
    DepositCurrencyNotPayableError,
    FlashDesignId,
    FlashDesignNotFoundError,
    InvalidScheduleError,
)
from booking_domain.catalog.errors import FlashSheetFullError, InvalidFlashDesignError
from booking_domain.media import UploadNotFoundError, UploadNotReadyError
from booking_domain.shared import (
    ArtistId,
    InvalidInputError,
    Page,
    PageRequest,
    PermissionDeniedError,
)
from entrypoints.http.caller import Caller, MaybeCaller
from entrypoints.http.catalog.controller import CatalogDep
from entrypoints.http.catalog.flash_dto import (
    FlashDesignChange,
    FlashDesignRequest,
    FlashDesignView,
    FlashSheetPage,
)
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import PageNumber, PageSize, given

# Putting a design up (CreateFlashDesign): not an artist, the design or a size refused
# (its text, its service's fields, a deposit's shape and amounts), no profile of the
# caller's, the sheet full, the upload not theirs, not ready or not for a portfolio, a
# deposit the gateway cannot take. Changing one: unknown, removed or another's (404), the
# title or tags refused; taking one off: the same 404. Reading a sheet: the artist unknown
# or hidden.
CREATE_RAISES = raises_exactly(
    PermissionDeniedError, InvalidFlashDesignError, InvalidInputError, InvalidScheduleError,
    ArtistNotFoundError, FlashSheetFullError,
    UploadNotFoundError, UploadNotReadyError,
    DepositCurrencyNotPayableError,
)  # fmt: skip
CHANGE_RAISES = raises_exactly(FlashDesignNotFoundError, InvalidFlashDesignError, InvalidInputError)
REMOVE_RAISES = raises_exactly(FlashDesignNotFoundError)
SHEET_RAISES = raises_exactly(ArtistNotFoundError)


class FlashController(SignedIn, context="catalog"):
    path = "/me/flash"
    tags = ["flash"]

    @post(
        summary="Put a design on your flash sheet: an upload (purpose portfolio) and sizes",
        opt=CREATE_RAISES,
    )
    async def create(
        self, data: JSONBody[FlashDesignRequest], actor: Caller, catalog: CatalogDep
    ) -> FlashDesignView:
        return FlashDesignView.of(await catalog.create_flash_design(actor, data.fields()))

    @patch("/{design_id:uuid}", summary="Change a design's title or tags", opt=CHANGE_RAISES)
    async def change(
        self,
        design_id: FromPath[UUID],
        data: JSONBody[FlashDesignChange],
        actor: Caller,
        catalog: CatalogDep,
    ) -> FlashDesignView:
        changed = await catalog.update_flash_design(
            actor, FlashDesignId(design_id), title=given(data.title), tags=given(data.tags)
        )
        return FlashDesignView.of(changed)

    @delete(
        "/{design_id:uuid}",
        summary="Take a design off your sheet (its sizes stop)",
        opt=REMOVE_RAISES,
    )
    async def remove(self, design_id: FromPath[UUID], actor: Caller, catalog: CatalogDep) -> None:
        await catalog.remove_flash_design(actor, FlashDesignId(design_id))


class ArtistFlashController(Public, context="catalog"):
    path = "/artists/{artist_id:uuid}/flash"
    tags = ["flash"]

    @get(
        summary="An artist's flash sheet: designs, their sizes, whether one-offs are taken",
        opt=SHEET_RAISES,
    )
    async def sheet(
        self,
        artist_id: FromPath[UUID],
        maybe_actor: MaybeCaller,
        catalog: CatalogDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> FlashSheetPage:
        found = await catalog.list_flash_sheet(maybe_actor, ArtistId(artist_id))
        whole = Page.of_whole(found, PageRequest(page, page_size))
        return FlashSheetPage.of(whole, FlashDesignView.of)
