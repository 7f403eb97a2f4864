"""An artist's aftercare settings (``/api/v1/artists/{id}/aftercare``: owner, admins)."""

from __future__ import annotations

from uuid import UUID

from litestar import get, put
from litestar.params import FromPath, JSONBody

from booking_domain.catalog import ArtistNotFoundError
from booking_domain.shared import InvalidInputError
from booking_domain.shared.ids import ArtistId
from entrypoints.http.caller import Caller
from entrypoints.http.catalog.aftercare_dto import AftercareRequest, AftercareView
from entrypoints.http.catalog.controller import CatalogDep
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly

# Reading or setting the settings: anyone but the owner and admins is told the artist does
# not exist; setting refuses the text and the delays (AftercareSettings.chosen).
READ_RAISES = raises_exactly(ArtistNotFoundError)
SET_RAISES = raises_exactly(InvalidInputError, ArtistNotFoundError)


class AftercareController(SignedIn, context="catalog"):
    path = "/artists/{artist_id:uuid}/aftercare"
    tags = ["artists"]

    @get(
        summary="The aftercare text, its delays and the touch-up window (owner, admins)",
        opt=READ_RAISES,
    )
    async def read(
        self, artist_id: FromPath[UUID], actor: Caller, catalog: CatalogDep
    ) -> AftercareView:
        return AftercareView.of(await catalog.get_aftercare(actor, ArtistId(artist_id)))

    @put(
        summary="Set the aftercare text, its delays and the touch-up window (owner, admins)",
        opt=SET_RAISES,
    )
    async def choose(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[AftercareRequest],
        actor: Caller,
        catalog: CatalogDep,
    ) -> AftercareView:
        chosen = await catalog.set_aftercare(actor, ArtistId(artist_id), data.choice())
        return AftercareView.of(chosen)
