"""Consent forms under concurrency: revisions of one form racing each other each publish
the next version (none is told the form does not exist), and a signature racing a revision
never lands on a version that was replaced before it was signed: it waits for the revision
and is told the form changed (docs/consent.md, "Signing")."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta

import pytest

from booking_domain.consent import (
    ConsentFormChangedError,
    DraftAnswer,
    DraftSignature,
    Publish,
    apply_form,
)
from tests.contract.consent.test_consent_contract import FORM, _booked
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory, PostgresUnits, until_a_lock_is_awaited

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
        waited = await until_a_lock_is_awaited(postgres)
        await uow.commit()
    outcome = (await asyncio.gather(signing, return_exceptions=True))[0]
    assert waited, f"the signature did not wait for the revision: {outcome!r}"
    assert isinstance(outcome, ConsentFormChangedError)
