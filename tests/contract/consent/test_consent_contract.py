# ruff: noqa: RUF001 (Mongolian Cyrillic in the expected texts)
"""Consent storage on every adapter: a form is kept with each of its versions (the words as
published, read back whole), the artist's requirement is put and removed, a booking's
consent is kept once (a second is refused by the storage), read back whole, its ID check
written; bookings' ``ConsentGate`` answers from them; ``unsigned`` names the bookings whose
customer is to be asked; the purge takes only consents past their retention."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from uuid import uuid4

import pytest

from booking_domain.bookings import Booking, ConsentStanding
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.consent import (
    ConsentAlreadySignedError,
    ConsentId,
    DateRange,
    Disclosure,
    DraftAnswer,
    DraftForm,
    DraftQuestion,
    DraftSignature,
    FormStatus,
    IdDocument,
    QuestionKind,
)
from booking_domain.consent.use_cases import ConsentUseCases
from booking_domain.shared import Actor
from booking_domain.shared.pages import PageRequest
from tests.contract.outbox.test_outbox_contract import everything, feed_of
from tests.support.bootstrap import build_app
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
SESSION = START.replace(hour=10) + timedelta(days=2)
FORM = DraftForm(
    "Consent to be tattooed",
    "mn",
    "Шивээс бол насан туршийн.\nI understand.",
    (
        DraftQuestion(QuestionKind.HEALTH, disclosure=Disclosure.LATEX),
        DraftQuestion(QuestionKind.DATE, "Date of birth", dates=DateRange.PAST),
        DraftQuestion(QuestionKind.TEXT, "Anything else?", required=False),
    ),
)


async def _booked(
    uow_factory: AnyUnitOfWorkFactory,
) -> tuple[ConsentUseCases, Actor, Actor, Booking]:
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    app = build_app(uow_factory)
    made = await app.bookings.create_booking(
        customer, BookingRequest(artist.id, artist.service.id, SESSION)
    )
    return app.bundles.consent, artist.actor, customer, made.booking


async def test_forms_requirements_consents_and_the_gate(uow_factory: AnyUnitOfWorkFactory) -> None:
    consent, artist, customer, booking = await _booked(uow_factory)
    made = await consent.create_form(artist, booking.artist_id, FORM)
    revised = await consent.revise_form(artist, made.form.id, dataclasses.replace(FORM, title="v2"))
    assert (revised.form.version, revised.versions) == (2, (1, 2))
    first = await consent.get_form_version(artist, made.form.id, 1)
    assert first.content == made.form.content  # versions never change
    assert first.content.questions[0].prompt == "Та латекст харшилтай юу?"

    async with uow_factory() as uow:
        assert await uow.consent_gate.standing(booking) is ConsentStanding.NOT_REQUIRED
        assert await uow.consents.unsigned([booking.id]) == frozenset()
    await consent.set_requirement(artist, booking.artist_id, made.form.id)
    async with uow_factory() as uow:
        assert await uow.consent_gate.standing(booking) is ConsentStanding.UNSIGNED
        assert await uow.consents.unsigned([booking.id]) == {booking.id}

    shown = await consent.get_booking_consent(customer, booking.id)
    assert shown.form is not None and shown.can_sign
    answers = (DraftAnswer("q1", True, "latex gloves"), DraftAnswer("q2", "1990-04-30"))
    draft = DraftSignature(made.form.id, 2, answers, "Ада Лавлейс", True, True)
    signed = await consent.sign(customer, booking.id, draft, address="::1", user_agent="Test\x00UA")
    assert signed.signature.user_agent == "Test UA"

    async with uow_factory() as uow:
        stored = await uow.consents.get(booking.id)
        assert stored == signed  # read back whole: words, answers, signature
        assert await uow.consent_gate.standing(booking) is ConsentStanding.ID_UNCHECKED
        assert await uow.consents.unsigned([booking.id]) == frozenset()
        with pytest.raises(ConsentAlreadySignedError):
            await uow.consents.add(dataclasses.replace(signed, id=ConsentId(uuid4())))
    checked = await consent.check_id(
        artist, booking.id, document=IdDocument.NATIONAL_ID, shows_adult=True
    )
    async with uow_factory(read_only=True) as uow:
        assert await uow.consents.get(booking.id) == checked
        assert await uow.consent_gate.standing(booking) is ConsentStanding.READY
        mine = await uow.consents.of_customer(customer.user_id, PageRequest(1, 20))
        assert [c.booking_id for c in mine.items] == [booking.id] and mine.total == 1


async def test_retired_forms_stay_readable_and_the_purge_keeps_the_young(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    consent, artist, customer, booking = await _booked(uow_factory)
    made = await consent.create_form(artist, booking.artist_id, FORM)
    other = await consent.create_form(artist, booking.artist_id, FORM)
    await consent.set_requirement(artist, booking.artist_id, made.form.id)
    answers = (DraftAnswer("q1", False), DraftAnswer("q2", "1990-04-30"))
    draft = DraftSignature(made.form.id, 1, answers, "Ada", True, True)
    signed = await consent.sign(customer, booking.id, draft, address="", user_agent=None)
    retired = await consent.retire_form(artist, other.form.id)
    assert retired.form.status is FormStatus.RETIRED
    assert [f.id for f in await consent.list_forms(artist, booking.artist_id)] == [made.form.id]
    assert (await consent.get_form(artist, other.form.id)).form.status is FormStatus.RETIRED

    async with uow_factory() as uow:
        assert await uow.consents.purge(signed.purge_after - timedelta(seconds=1), limit=10) == 0
        assert await uow.consents.purge(signed.purge_after, limit=10) == 1
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.consents.get(booking.id) is None
        kept = await uow.consent_requirements.get(booking.artist_id)
        assert kept is not None and kept.form_id == made.form.id


async def test_each_step_goes_out_as_one_event_in_order(uow_factory: AnyUnitOfWorkFactory) -> None:
    consent, artist, customer, booking = await _booked(uow_factory)
    made = await consent.create_form(artist, booking.artist_id, FORM)
    await consent.set_requirement(artist, booking.artist_id, made.form.id)
    feed = feed_of(uow_factory)
    start = await feed.tail()
    answers = (DraftAnswer("q1", False), DraftAnswer("q2", "1990-04-30"))
    draft = DraftSignature(made.form.id, 1, answers, "Ada", True, True)
    signed = await consent.sign(customer, booking.id, draft, address="", user_agent=None)
    await consent.check_id(artist, booking.id, document=IdDocument.PASSPORT, shows_adult=True)
    events = [i.event for i in await everything(feed, start)]
    assert [(e.type, e.sequence, e.subject) for e in events] == [
        ("consent.signed", 1, f"consent/{signed.id}"),
        ("consent.id_checked", 2, f"consent/{signed.id}"),
    ]
    assert events[0].audience == (customer.user_id, artist.user_id)
    published = events[0].data["consent"]
    assert isinstance(published, dict) and "answers" not in published  # behind the API only


async def test_a_signed_copy_keeps_the_confirmations_as_they_were_shown(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """Inkslot may reword its fixed confirmations; a consent signed before keeps the words
    its signer confirmed (here: words no version of Inkslot shows today)."""
    consent, artist, customer, booking = await _booked(uow_factory)
    made = await consent.create_form(artist, booking.artist_id, FORM)
    await consent.set_requirement(artist, booking.artist_id, made.form.id)
    answers = (DraftAnswer("q1", False), DraftAnswer("q2", "1990-04-30"))
    draft = DraftSignature(made.form.id, 1, answers, "Ada", True, True)
    signed = await consent.sign(customer, booking.id, draft, address="", user_agent=None)
    assert signed.form.adult_text == made.form.content.adult_text  # as shown when signing
    async with uow_factory() as uow:
        await uow.consents.remove(booking.id)
        earlier = dataclasses.replace(signed.form, adult="I am 21.", acceptance="I agree.")
        await uow.consents.add(dataclasses.replace(signed, form=earlier))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        kept = await uow.consents.get(booking.id)
    assert kept is not None
    assert (kept.form.adult_text, kept.form.acceptance_text) == ("I am 21.", "I agree.")
