"""Whether an artist requires a signed consent form, and which (``consent.forms.require``).
Read by the artist and admins; set by the artist."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog import load_editable_artist
from booking_domain.consent.errors import ConsentFormNotFoundError
from booking_domain.consent.forms import ConsentForm, ConsentRequirement, FormId, require
from booking_domain.consent.use_cases.deps import ConsentDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class RequirementView:
    requirement: ConsentRequirement | None
    form: ConsentForm | None  # the required form, as it is now


class GetConsentRequirement(UseCase[ConsentDeps]):
    async def __call__(self, actor: Actor, artist_id: ArtistId) -> RequirementView:
        async with self._deps.uow(read_only=True) as uow:
            artist = await load_editable_artist(uow.artists, actor, artist_id)
            requirement = await uow.consent_requirements.get(artist.id)
            form = None
            if requirement is not None:
                form = await uow.consent_forms.get(requirement.form_id)
        return RequirementView(requirement, form)


class SetConsentRequirement(UseCase[ConsentDeps]):
    """``form_id``: the form to require for the artist's bookings; None: none."""

    async def __call__(
        self, actor: Actor, artist_id: ArtistId, form_id: FormId | None
    ) -> RequirementView:
        async with self._deps.uow() as uow:
            artist = await load_editable_artist(uow.artists, actor, artist_id)
            form = None
            if form_id is not None:
                form = await uow.consent_forms.get(form_id, for_update=True)
                if form is None:
                    raise ConsentFormNotFoundError()
            current = await uow.consent_requirements.get(artist.id)
            after = require(artist, actor, form, current, self._deps.clock.now())
            if after is None:
                await uow.consent_requirements.remove(artist.id)
            else:
                await uow.consent_requirements.put(after)
            await uow.commit()
        return RequirementView(after, form)
