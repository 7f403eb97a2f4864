"""Consent forms under concurrency: revisions of one form racing each other each publish
the next version (none is told the form does not exist), and a signature racing a revision
never lands on a version that was replaced before it was signed: it waits for the revision
and is told the form changed (docs/consent.md, "Signing")."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from adapters.postgres.database import Database
from booking_domain.consent import (
    ConsentFormChangedError,
    DraftAnswer,
    DraftSignature,
    Publish,
    apply_form,
)
from tests.contract.consent.test_consent_contract import FORM, _booked
from tests.support.builders import START, TEST_SECRETS
from tests.support.storage import (
    AnyUnitOfWorkFactory,
    PostgresUnits,
    postgres_units,
)

pytestmark = pytest.mark.anyio
ANSWERS = (DraftAnswer("q1", False), DraftAnswer("q2", "1990-04-30"))


async def test_concurrent_revisions_of_one_form_each_publish_a_version(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    consent, artist, _, booking = await _booked(uow_factory)
    made = await consent.create_form(artist, booking.artist_id, FORM)
    revise = consent.revise_form
    results = await asyncio.gather(
        *(revise(artist, made.form.id, dataclasses.replace(FORM, title=f"v{n}")) for n in range(4)),
        consent.set_requirement(artist, booking.artist_id, made.form.id),
        return_exceptions=True,
    )
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert (await consent.get_form(artist, made.form.id)).versions == (1, 2, 3, 4, 5)


@pytest.fixture
async def postgres(database_url: str) -> AsyncIterator[PostgresUnits]:
    database = Database(database_url, min_size=1, max_size=4)
    await database.open()
    try:
        yield postgres_units(database, secrets=TEST_SECRETS)
    finally:
        await database.close()


async def _until_a_lock_is_awaited(factory: PostgresUnits) -> bool:
    """Polls PostgreSQL (a process to watch, not time to wait for) until some session waits
    for a lock; False if none does within a few seconds."""
    for _ in range(300):
        async with factory.database.pool.connection() as conn:
            row = await (
                await conn.execute("SELECT count(*) AS n FROM pg_locks WHERE NOT granted")
            ).fetchone()
        if row is not None and row["n"]:
            return True
        await asyncio.sleep(0.01)
    return False


async def test_a_signature_racing_a_revision_waits_and_is_told_the_form_changed(
    postgres: PostgresUnits,
) -> None:
    consent, artist, customer, booking = await _booked(postgres)
    made = await consent.create_form(artist, booking.artist_id, FORM)
    await consent.set_requirement(artist, booking.artist_id, made.form.id)
    shown = DraftSignature(made.form.id, 1, ANSWERS, "Ada Lovelace", True, True)
    async with postgres() as uow:  # the artist's revision, in flight
        form = await uow.consent_forms.get(made.form.id, for_update=True)
        assert form is not None
        now = START + timedelta(minutes=1)
        change = apply_form(form, Publish(FORM), artist, now, required=True)
        assert change.published is not None
        await uow.consent_forms.publish(change.form, change.published)
        signing = asyncio.create_task(
            consent.sign(customer, booking.id, shown, address="", user_agent=None)
        )
        waited = await _until_a_lock_is_awaited(postgres)
        await uow.commit()
    outcome = (await asyncio.gather(signing, return_exceptions=True))[0]
    assert waited, f"the signature did not wait for the revision: {outcome!r}"
    assert isinstance(outcome, ConsentFormChangedError)
