"""``/api/v1/artists/{id}/flash`` (an artist's flash sheet: public once approved) and
``/api/v1/me/flash`` (the signed-in artist puts designs on it, changes and removes them)."""

from __future__ import annotations

from uuid import UUID

from litestar import delete, get, patch, post
from litestar.params import FromPath, JSONBody

from booking_domain.catalog import FlashDesignId
from booking_domain.shared import ArtistId, Page, PageRequest
from entrypoints.http.caller import Caller, MaybeCaller
from entrypoints.http.catalog.controller import CatalogDep
from entrypoints.http.catalog.flash_dto import (
    FlashDesignChange,
    FlashDesignRequest,
    FlashDesignView,
    FlashSheetPage,
)
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.problem_docs import CHANGES, READS
from entrypoints.http.wire import PageNumber, PageSize, given


class FlashController(SignedIn, context="catalog", raises=CHANGES):
    path = "/me/flash"
    tags = ["flash"]

    @post(summary="Put a design on your flash sheet: an upload (purpose portfolio) and sizes")
    async def create(
        self, data: JSONBody[FlashDesignRequest], actor: Caller, catalog: CatalogDep
    ) -> FlashDesignView:
        return FlashDesignView.of(await catalog.create_flash_design(actor, data.fields()))

    @patch("/{design_id:uuid}", summary="Change a design's title or tags")
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

    @delete("/{design_id:uuid}", summary="Take a design off your sheet (its sizes stop)")
    async def remove(self, design_id: FromPath[UUID], actor: Caller, catalog: CatalogDep) -> None:
        await catalog.remove_flash_design(actor, FlashDesignId(design_id))


class ArtistFlashController(Public, context="catalog", raises=READS):
    path = "/artists/{artist_id:uuid}/flash"
    tags = ["flash"]

    @get(summary="An artist's flash sheet: designs, their sizes, whether one-offs are taken")
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
