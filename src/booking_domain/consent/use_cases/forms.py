"""An artist's consent forms: create, list, read (with a version), publish a new version,
retire (``booking_domain.consent.forms`` has the rules). Reads: the artist and admins;
changes: the artist."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog import load_editable_artist
from booking_domain.consent.errors import ConsentFormNotFoundError
from booking_domain.consent.forms import (
    ConsentForm,
    FormAction,
    FormId,
    FormVersion,
    Publish,
    Retire,
    apply_form,
    create_form,
)
from booking_domain.consent.ports import ConsentUnitOfWork
from booking_domain.consent.questions import DraftForm
from booking_domain.consent.use_cases.deps import ConsentDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class FormDetail:
    form: ConsentForm
    versions: tuple[int, ...]  # every version's number, oldest first
    required: bool  # the form its artist requires now


async def load_form(
    uow: ConsentUnitOfWork, form_id: FormId, actor: Actor, *, for_update: bool = False
) -> ConsentForm:
    """The form if ``actor`` is its artist or an admin; to anyone else it does not exist."""
    form = await uow.consent_forms.get(form_id, for_update=for_update)
    if form is None:
        raise ConsentFormNotFoundError()
    form.ensure_visible_to(actor)
    return form


async def _required(uow: ConsentUnitOfWork, form: ConsentForm) -> bool:
    requirement = await uow.consent_requirements.get(form.artist_id)
    return requirement is not None and requirement.form_id == form.id


class CreateConsentForm(UseCase[ConsentDeps]):
    async def __call__(self, actor: Actor, artist_id: ArtistId, draft: DraftForm) -> FormDetail:
        async with self._deps.uow() as uow:
            artist = await load_editable_artist(uow.artists, actor, artist_id)
            active = len(await uow.consent_forms.of_artist(artist.id))
            made = create_form(artist, actor, draft, self._deps.clock.now(), active=active)
            await uow.consent_forms.add(made.form, made.form.current)
            await uow.commit()
        return FormDetail(made.form, (1,), required=False)


class ListConsentForms(UseCase[ConsentDeps]):
    """The artist's active forms, oldest first (at most ``MAX_FORMS``: not paged)."""

    async def __call__(self, actor: Actor, artist_id: ArtistId) -> tuple[ConsentForm, ...]:
        async with self._deps.uow(read_only=True) as uow:
            artist = await load_editable_artist(uow.artists, actor, artist_id)
            return await uow.consent_forms.of_artist(artist.id)


class GetConsentForm(UseCase[ConsentDeps]):
    async def __call__(self, actor: Actor, form_id: FormId) -> FormDetail:
        async with self._deps.uow(read_only=True) as uow:
            form = await load_form(uow, form_id, actor)
            versions = await uow.consent_forms.versions(form.id)
            return FormDetail(form, tuple(v.version for v in versions), await _required(uow, form))


class GetFormVersion(UseCase[ConsentDeps]):
    """One version of a form, retired forms' included (signed consents refer to them)."""

    async def __call__(self, actor: Actor, form_id: FormId, version: int) -> FormVersion:
        async with self._deps.uow(read_only=True) as uow:
            form = await load_form(uow, form_id, actor)
            found = await uow.consent_forms.version(form.id, version)
        if found is None:
            raise ConsentFormNotFoundError("This form has no such version.")
        return found


class _ChangeForm(UseCase[ConsentDeps]):
    async def _change(self, actor: Actor, form_id: FormId, action: FormAction) -> FormDetail:
        async with self._deps.uow() as uow:
            form = await load_form(uow, form_id, actor, for_update=True)
            required = await _required(uow, form)
            done = apply_form(form, action, actor, self._deps.clock.now(), required=required)
            if done.published is not None:
                await uow.consent_forms.publish(done.form, done.published)
            else:
                await uow.consent_forms.update(done.form)
            versions = await uow.consent_forms.versions(form.id)
            await uow.commit()
        return FormDetail(done.form, tuple(v.version for v in versions), required)


class ReviseConsentForm(_ChangeForm):
    """Publish the form's next version (earlier versions stay as they were)."""

    async def __call__(self, actor: Actor, form_id: FormId, draft: DraftForm) -> FormDetail:
        return await self._change(actor, form_id, Publish(draft))


class RetireConsentForm(_ChangeForm):
    async def __call__(self, actor: Actor, form_id: FormId) -> FormDetail:
        return await self._change(actor, form_id, Retire())
