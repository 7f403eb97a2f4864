"""An artist's consent forms and requirement: ``/artists/{id}/consent-forms`` (list, create),
``/consent-forms/{id}`` (read, publish a new version with ``PUT``, retire with ``DELETE``),
``/consent-forms/{id}/versions/{n}``, ``/artists/{id}/consent-requirement`` (read, set).
The artist changes them; admins read; anyone else learns nothing (docs/consent.md)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, Parameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from booking_domain.catalog import ArtistNotFoundError
from booking_domain.consent import (
    ConsentActionNotAllowedError,
    ConsentFormInUseError,
    ConsentFormNotFoundError,
    ConsentFormRetiredError,
    FormId,
    InvalidConsentFormError,
    TooManyConsentFormsError,
)
from booking_domain.consent.use_cases import ConsentUseCases
from booking_domain.shared import ConcurrentUpdateError, PermissionDeniedError
from booking_domain.shared.ids import ArtistId
from entrypoints.http.caller import Caller
from entrypoints.http.consent.forms_dto import (
    ConsentRequirementView,
    FormBody,
    FormSummaryView,
    FormVersionView,
    FormView,
    RequirementBody,
)
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly

ConsentDep = NamedDependency[ConsentUseCases]
VersionNumber = Annotated[int, Parameter(ge=1, le=2**31 - 1)]


# Every one of an artist: no such artist, or not the owner (nor an admin).
OWNER = (ArtistNotFoundError, PermissionDeniedError)
ARTIST_READ_RAISES = raises_exactly(*OWNER)
# Making a form: besides, not theirs to make, its questions refused, too many forms; a
# write that lost a race (concurrent_update, as on every change).
CREATE_RAISES = raises_exactly(
    *OWNER,
    ConsentActionNotAllowedError,
    InvalidConsentFormError,
    TooManyConsentFormsError,
    ConcurrentUpdateError,
)
# Requiring one: besides, the form not there (or not the artist's) or retired.
REQUIRE_RAISES = raises_exactly(
    *OWNER,
    ConsentActionNotAllowedError,
    ConsentFormNotFoundError,
    ConsentFormRetiredError,
    ConcurrentUpdateError,
)
# A form or one version of it: not there, or not the caller's (the same 404).
FORM_READ_RAISES = raises_exactly(ConsentFormNotFoundError)
# Revising or retiring one: besides, not the owner's step, retired already, in use (a
# requirement names it), a revision's questions refused.
REVISE_RAISES = raises_exactly(
    ConsentFormNotFoundError,
    ConsentActionNotAllowedError,
    ConsentFormRetiredError,
    ConsentFormInUseError,
    InvalidConsentFormError,
    ConcurrentUpdateError,
)
RETIRE_RAISES = raises_exactly(
    ConsentFormNotFoundError,
    ConsentActionNotAllowedError,
    ConsentFormRetiredError,
    ConsentFormInUseError,
    ConcurrentUpdateError,
)


class ArtistConsentFormsController(SignedIn, context="consent"):
    path = "/artists/{artist_id:uuid}"
    tags = ["consent"]

    @get(
        "/consent-forms",
        summary="An artist's active consent forms (the artist, admins)",
        opt=ARTIST_READ_RAISES,
    )
    async def list_forms(
        self, artist_id: FromPath[UUID], actor: Caller, consent: ConsentDep
    ) -> list[FormSummaryView]:
        found = await consent.list_forms(actor, ArtistId(artist_id))
        return [FormSummaryView.of(f) for f in found]

    @post(
        "/consent-forms",
        status_code=HTTP_201_CREATED,
        summary="Write a consent form: its version 1 (the artist)",
        opt=CREATE_RAISES,
    )
    async def create(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[FormBody],
        actor: Caller,
        consent: ConsentDep,
    ) -> FormView:
        return FormView.of(await consent.create_form(actor, ArtistId(artist_id), data.draft()))

    @get(
        "/consent-requirement",
        summary="Whether the artist requires a consent form, and which",
        opt=ARTIST_READ_RAISES,
    )
    async def requirement(
        self, artist_id: FromPath[UUID], actor: Caller, consent: ConsentDep
    ) -> ConsentRequirementView:
        found = await consent.get_requirement(actor, ArtistId(artist_id))
        return ConsentRequirementView.of(found)

    @put(
        "/consent-requirement",
        status_code=HTTP_200_OK,
        summary="Require one of your consent forms for your bookings, or none (the artist)",
        opt=REQUIRE_RAISES,
    )
    async def set_requirement(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[RequirementBody],
        actor: Caller,
        consent: ConsentDep,
    ) -> ConsentRequirementView:
        form = None if data.form_id is None else FormId(data.form_id)
        done = await consent.set_requirement(actor, ArtistId(artist_id), form)
        return ConsentRequirementView.of(done)


class ConsentFormsController(SignedIn, context="consent"):
    path = "/consent-forms"
    tags = ["consent"]

    @get(
        "/{form_id:uuid}",
        summary="A consent form, its current version (the artist, admins)",
        opt=FORM_READ_RAISES,
    )
    async def read(self, form_id: FromPath[UUID], actor: Caller, consent: ConsentDep) -> FormView:
        return FormView.of(await consent.get_form(actor, FormId(form_id)))

    @put(
        "/{form_id:uuid}",
        status_code=HTTP_200_OK,
        summary="Publish a consent form's next version (the artist; earlier ones stay)",
        opt=REVISE_RAISES,
    )
    async def revise(
        self, form_id: FromPath[UUID], data: JSONBody[FormBody], actor: Caller, consent: ConsentDep
    ) -> FormView:
        return FormView.of(await consent.revise_form(actor, FormId(form_id), data.draft()))

    @delete(
        "/{form_id:uuid}",
        status_code=HTTP_200_OK,
        summary="Retire a consent form (the artist; its versions stay readable)",
        opt=RETIRE_RAISES,
    )
    async def retire(self, form_id: FromPath[UUID], actor: Caller, consent: ConsentDep) -> FormView:
        return FormView.of(await consent.retire_form(actor, FormId(form_id)))

    @get(
        "/{form_id:uuid}/versions/{version:int}",
        summary="One version of a consent form",
        opt=FORM_READ_RAISES,
    )
    async def version(
        self,
        form_id: FromPath[UUID],
        version: Annotated[int, Parameter(ge=1, le=2**31 - 1)],
        actor: Caller,
        consent: ConsentDep,
    ) -> FormVersionView:
        found = await consent.get_form_version(actor, FormId(form_id), version)
        return FormVersionView.of(found)
