"""An artist's aftercare settings (``/api/v1/artists/{id}/aftercare``: owner, admins)."""

from __future__ import annotations

from uuid import UUID

from litestar import get, put
from litestar.params import FromPath, JSONBody

from booking_domain.shared.ids import ArtistId
from entrypoints.http.caller import Caller
from entrypoints.http.catalog.aftercare_dto import AftercareRequest, AftercareView
from entrypoints.http.catalog.controller import CatalogDep
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import CHANGES


class AftercareController(SignedIn, context="catalog", raises=CHANGES):
    path = "/artists/{artist_id:uuid}/aftercare"
    tags = ["artists"]

    @get(summary="The aftercare text, its delays and the touch-up window (owner, admins)")
    async def read(
        self, artist_id: FromPath[UUID], actor: Caller, catalog: CatalogDep
    ) -> AftercareView:
        return AftercareView.of(await catalog.get_aftercare(actor, ArtistId(artist_id)))

    @put(summary="Set the aftercare text, its delays and the touch-up window (owner, admins)")
    async def choose(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[AftercareRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> AftercareView:
        chosen = await catalog.set_aftercare(actor, ArtistId(artist_id), data.choice())
        return AftercareView.of(chosen)
