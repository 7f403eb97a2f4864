"""The consent use cases on the in-memory adapters, through the production wiring: a
booking of an artist who requires a form is not completed until its customer signed and the
artist checked their photo ID (then it is); an admin resolving a dispute to completed is not
held; the customer is asked to sign once, the artist hears of the signature; the purge takes
a consent only once its retention ended."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.notifications.rendering import BabelRenderer
from booking_domain.bookings import BookingStatus, ConsentNotSignedError, IdNotCheckedError
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.consent import (
    RETENTION,
    ConsentFormChangedError,
    Disclosure,
    DraftAnswer,
    DraftForm,
    DraftQuestion,
    DraftSignature,
    FormId,
    IdDocument,
    QuestionKind,
)
from booking_domain.notifications import Channel
from booking_domain.notifications.facts import MessageFacts
from booking_domain.notifications.notifications import Notification
from booking_domain.notifications.rules import Party
from booking_domain.shared import Role
from tests.support.bootstrap import App, build_app
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.storage import InMemoryUnitOfWorkFactory
from tests.unit.adapters.test_notification_rendering import a_view

pytestmark = pytest.mark.anyio
SESSION = START + timedelta(days=2)
FORM = DraftForm(
    "Consent", "en", "", (DraftQuestion(QuestionKind.HEALTH, disclosure=Disclosure.DIABETES),)
)


async def _required(app: App) -> tuple[BookableArtist, FormId]:
    artist = await add_bookable_artist(app.uow)
    made = await app.bundles.consent.create_form(artist.actor, artist.id, FORM)
    await app.bundles.consent.set_requirement(artist.actor, artist.id, made.form.id)
    return artist, made.form.id


def _signature(form_id: FormId, version: int = 1) -> DraftSignature:
    return DraftSignature(form_id, version, (DraftAnswer("q1", False),), "Ada Lovelace", True, True)


def _planned(app: App) -> list[Notification]:
    assert isinstance(app.uow, InMemoryUnitOfWorkFactory)
    return list(app.uow.store.table("notifications").values())


async def test_completion_waits_for_the_signature_and_the_id_check() -> None:
    app = build_app()
    artist, form_id = await _required(app)
    customer = await add_user(app.uow)
    booked = await app.bookings.create_booking(
        customer, BookingRequest(artist.id, artist.service.id, SESSION)
    )
    booking = booked.booking
    app.clock.set(SESSION + timedelta(minutes=5))  # at the studio, the session begun
    with pytest.raises(ConsentNotSignedError):
        await app.bookings.change_status(artist.actor, booking.id, status=BookingStatus.COMPLETED)
    revised = await app.bundles.consent.revise_form(artist.actor, form_id, FORM)
    with pytest.raises(ConsentFormChangedError):  # signed on the form shown: version 1
        await app.bundles.consent.sign(
            customer, booking.id, _signature(form_id), address="", user_agent=None
        )
    await app.bundles.consent.sign(
        customer,
        booking.id,
        _signature(form_id, revised.form.version),
        address="::1",
        user_agent="UA",
    )
    with pytest.raises(IdNotCheckedError):
        await app.bookings.change_status(artist.actor, booking.id, status=BookingStatus.COMPLETED)
    await app.bundles.consent.check_id(
        artist.actor, booking.id, document=IdDocument.PASSPORT, shows_adult=True
    )
    done = await app.bookings.change_status(
        artist.actor, booking.id, status=BookingStatus.COMPLETED
    )
    assert done.status is BookingStatus.COMPLETED


async def test_an_admin_resolving_a_dispute_to_completed_is_not_held() -> None:
    app = build_app()
    artist, _ = await _required(app)
    customer = await add_user(app.uow)
    admin = await add_user(app.uow, Role.ADMIN)
    booking = (
        await app.bookings.create_booking(
            customer, BookingRequest(artist.id, artist.service.id, SESSION)
        )
    ).booking
    app.clock.set(SESSION + timedelta(hours=2))
    await app.bookings.change_status(artist.actor, booking.id, status=BookingStatus.NO_SHOW)
    disputes = app.bundles.disputes
    dispute = await disputes.open_dispute(customer, booking.id, reason="I was there")
    settled = await disputes.resolve_dispute(
        admin, dispute.id, outcome=BookingStatus.COMPLETED, refund_amount=0, note="It happened"
    )
    assert settled.id == dispute.id
    assert (await app.bookings.get_booking(admin, booking.id)).status is BookingStatus.COMPLETED


async def test_the_customer_is_asked_once_and_the_artist_hears_of_the_signature() -> None:
    app = build_app()
    artist, form_id = await _required(app)
    customer = await add_user(app.uow)
    booking = (
        await app.bookings.create_booking(
            customer, BookingRequest(artist.id, artist.service.id, SESSION)
        )
    ).booking
    await app.bundles.notifications.plan_notifications()
    asked = [n for n in _planned(app) if n.kind == "consent.requested"]
    assert {(n.recipient_id, n.channel) for n in asked} == {
        (customer.user_id, Channel.EMAIL), (customer.user_id, Channel.IN_APP),
    }  # fmt: skip
    await app.bundles.consent.sign(
        customer, booking.id, _signature(form_id), address="", user_agent=None
    )
    await app.bundles.notifications.plan_notifications()
    heard = [n for n in _planned(app) if n.kind == "consent.signed"]
    assert {(n.recipient_id, n.channel) for n in heard} == {
        (artist.user_id, Channel.EMAIL), (artist.user_id, Channel.IN_APP),
    }  # fmt: skip
    assert len([n for n in _planned(app) if n.kind == "consent.requested"]) == 2  # not again


@pytest.mark.parametrize("locale", ["en", "mn"])
def test_the_request_to_sign_links_to_the_form_in_both_languages(locale: str) -> None:
    facts = MessageFacts(
        kind="consent.requested", party=Party.CUSTOMER, channel=Channel.EMAIL, locale=locale,
        recipient_name="Ada", booking=a_view(), artist_name=None, note=None,
        reminder_offset=None,
    )  # fmt: skip
    rendered = BabelRenderer().render(facts)
    assert "https://app/b/1/consent" in rendered.text and "https://app/b/1/consent" in rendered.html
    english = "Sign the consent form"
    assert (english in rendered.title) is (locale == "en")


async def test_the_purge_waits_for_the_retention() -> None:
    app = build_app()
    artist, form_id = await _required(app)
    customer = await add_user(app.uow)
    booking = (
        await app.bookings.create_booking(
            customer, BookingRequest(artist.id, artist.service.id, SESSION)
        )
    ).booking
    await app.bundles.consent.sign(
        customer, booking.id, _signature(form_id), address="", user_agent=None
    )
    app.clock.set(SESSION + RETENTION - timedelta(seconds=1))
    assert await app.bundles.consent.purge() == 0
    app.clock.set(SESSION + RETENTION)
    assert await app.bundles.consent.purge() == 1
    assert (await app.bundles.consent.get_booking_consent(customer, booking.id)).consent is None
