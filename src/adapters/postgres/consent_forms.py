"""PostgreSQL consent forms and their versions, and the artists' requirements.

A form is read with its current version's words in one statement (a join on its
version)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from psycopg.types.json import Jsonb
from sqlalchemy import and_, bindparam, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.consent import (
    consent_form_versions,
    consent_forms,
    consent_requirements,
)
from booking_domain.consent import (
    ConsentForm,
    ConsentFormRepository,
    ConsentRequirement,
    ConsentRequirementRepository,
    FormId,
    FormStatus,
    FormVersion,
)
from booking_domain.consent.codec import form_json, form_of
from booking_domain.consent.questions import FormContent
from booking_domain.shared.ids import ArtistId, UserId

_F = consent_forms.c
_V = consent_form_versions.c
_R = consent_requirements.c

_F_INSERT = Statement(
    lambda: insert(consent_forms).values({c.name: bindparam(c.name) for c in consent_forms.c})
)
_V_INSERT = Statement(
    lambda: insert(consent_form_versions).values(
        {c.name: bindparam(c.name) for c in consent_form_versions.c}
    )
)
_F_UPDATE = Statement(
    lambda: (
        update(consent_forms)
        .where(_F.id == bindparam("id"))
        .values({n: bindparam(n) for n in ("version", "status", "updated_at")})
    )
)


def _with_content() -> Any:
    """A form with its current version's words."""
    current = and_(_V.form_id == _F.id, _V.version == _F.version)
    return select(
        consent_forms, _V.title, _V.locale, _V.statement, _V.questions, _V.published_at
    ).join(consent_form_versions, current)


_F_GET = Statement(lambda: _with_content().where(_F.id == bindparam("id")))
# The form's row alone: locked with its version joined, a writer that waited for another's
# publication would re-check the join against the old version's row and find no form.
_F_LOCK = Statement(lambda: select(_F.id).where(_F.id == bindparam("id")).with_for_update())
_F_OF_ARTIST = Statement(
    lambda: (
        _with_content().where(_F.artist_id == bindparam("artist_id")).order_by(_F.created_at, _F.id)
    )
)
_V_GET = Statement(
    lambda: select(consent_form_versions).where(
        _V.form_id == bindparam("form_id"), _V.version == bindparam("version")
    )
)
_V_ALL = Statement(
    lambda: (
        select(consent_form_versions).where(_V.form_id == bindparam("form_id")).order_by(_V.version)
    )
)


def _content(row: Mapping[str, Any]) -> FormContent:
    return form_of(row)


def _form(row: Mapping[str, Any]) -> ConsentForm:
    return ConsentForm(
        id=FormId(row["id"]), artist_id=ArtistId(row["artist_id"]),
        artist_user_id=UserId(row["artist_user_id"]), version=row["version"],
        content=_content(row), status=FormStatus(row["status"]),
        created_at=row["created_at"], updated_at=row["updated_at"],
    )  # fmt: skip


def _version(row: Mapping[str, Any]) -> FormVersion:
    return FormVersion(FormId(row["form_id"]), row["version"], _content(row), row["published_at"])


def _version_row(v: FormVersion) -> dict[str, Any]:
    words = form_json(v.content)
    return {
        "form_id": v.form_id, "version": v.version, "title": v.content.title,
        "locale": v.content.locale, "statement": v.content.statement,
        "questions": Jsonb(words["questions"]), "published_at": v.published_at,
    }  # fmt: skip


class PostgresConsentFormRepository(OnConnection, ConsentFormRepository):
    async def add(self, form: ConsentForm, version: FormVersion) -> None:
        await self._conn.execute(_F_INSERT.text, {
            "id": form.id, "artist_id": form.artist_id, "artist_user_id": form.artist_user_id,
            "version": form.version, "status": form.status.value,
            "created_at": form.created_at, "updated_at": form.updated_at,
        })  # fmt: skip
        await self._conn.execute(_V_INSERT.text, _version_row(version))

    async def publish(self, form: ConsentForm, version: FormVersion) -> None:
        await self._conn.execute(_V_INSERT.text, _version_row(version))
        await self.update(form)

    async def update(self, form: ConsentForm) -> None:
        params = {"id": form.id, "version": form.version, "status": form.status.value,
                  "updated_at": form.updated_at}  # fmt: skip
        await self._conn.execute(_F_UPDATE.text, params)

    async def get(self, form_id: FormId, *, for_update: bool = False) -> ConsentForm | None:
        if for_update:  # lock first, then read what the holder before committed
            await self._conn.execute(_F_LOCK.text, {"id": form_id})
        row = await (await self._conn.execute(_F_GET.text, {"id": form_id})).fetchone()
        return None if row is None else _form(row)

    async def version(self, form_id: FormId, version: int) -> FormVersion | None:
        params = {"form_id": form_id, "version": version}
        row = await (await self._conn.execute(_V_GET.text, params)).fetchone()
        return None if row is None else _version(row)

    async def versions(self, form_id: FormId) -> tuple[FormVersion, ...]:
        rows = await (await self._conn.execute(_V_ALL.text, {"form_id": form_id})).fetchall()
        return tuple(_version(r) for r in rows)

    async def of_artist(
        self, artist_id: ArtistId, *, retired: bool = False
    ) -> tuple[ConsentForm, ...]:
        rows = await (
            await self._conn.execute(_F_OF_ARTIST.text, {"artist_id": artist_id})
        ).fetchall()
        found = tuple(_form(r) for r in rows)
        return found if retired else tuple(f for f in found if f.status is FormStatus.ACTIVE)


_R_GET = Statement(
    lambda: select(consent_requirements).where(_R.artist_id == bindparam("artist_id"))
)
_R_PUT = Statement(
    lambda: (
        pg_insert(consent_requirements)
        .values({c.name: bindparam(c.name) for c in consent_requirements.c})
        .on_conflict_do_update(
            index_elements=[_R.artist_id],
            set_={n: bindparam(n) for n in ("form_id", "since", "updated_at")},
        )
    )
)
_R_REMOVE = Statement(
    lambda: delete(consent_requirements).where(_R.artist_id == bindparam("artist_id"))
)


def _requirement(row: Mapping[str, Any]) -> ConsentRequirement:
    return ConsentRequirement(
        ArtistId(row["artist_id"]), FormId(row["form_id"]), row["since"], row["updated_at"]
    )


class PostgresConsentRequirementRepository(OnConnection, ConsentRequirementRepository):
    async def get(self, artist_id: ArtistId) -> ConsentRequirement | None:
        row = await (await self._conn.execute(_R_GET.text, {"artist_id": artist_id})).fetchone()
        return None if row is None else _requirement(row)

    async def put(self, requirement: ConsentRequirement) -> None:
        params = {"artist_id": requirement.artist_id, "form_id": requirement.form_id,
                  "since": requirement.since, "updated_at": requirement.updated_at}  # fmt: skip
        await self._conn.execute(_R_PUT.text, params)

    async def remove(self, artist_id: ArtistId) -> None:
        await self._conn.execute(_R_REMOVE.text, {"artist_id": artist_id})
