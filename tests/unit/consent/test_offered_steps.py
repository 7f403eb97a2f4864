"""What a screen offers ahead of the tap agrees with what the step itself takes: the ID
check is offered (``can_check_id``) exactly when ``apply`` would record an ID that shows 18
or older, and what completing waits for (``consent_lack``) is exactly the refusal
``require_consent`` gives."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import (
    Booking,
    BookingStatus,
    ConsentStanding,
    consent_lack,
    require_consent,
)
from booking_domain.consent import (
    CheckId,
    Consent,
    ConsentRequirement,
    DraftSignature,
    IdDocument,
    Sign,
    apply,
    can_check_id,
)
from booking_domain.shared import DomainError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId
from booking_domain.testing import admin, artist, booking_at, customer
from booking_domain.testing.builders import ARTIST_ID
from booking_domain.testing.consent import FORM_ID, T0, a_form, good_answers

START = T0 + timedelta(days=2)
STRANGER = Actor(UserId(UUID(int=77)), Role.ARTIST)
IMPOSTOR = Actor(artist().user_id, Role.CUSTOMER)


def _signed(booking_status: BookingStatus, checked: bool) -> tuple[Booking, Consent]:
    booking = booking_at(START, now=T0)
    form = a_form()
    draft = DraftSignature(FORM_ID, form.version, good_answers(form), "Ada Lovelace", True, True)
    requirement = ConsentRequirement(ARTIST_ID, FORM_ID, T0, T0)
    action = Sign(draft, requirement, form, date(2026, 3, 2), "203.0.113.9", "UA")
    consent = apply(None, action, customer(), booking, T0).consent
    if checked:
        consent = apply(consent, CheckId(IdDocument.PASSPORT, True), artist(), booking, T0).consent
    return dataclasses.replace(booking, status=booking_status), consent


@given(
    status=st.sampled_from(BookingStatus),
    signed=st.booleans(),
    checked=st.booleans(),
    actor=st.sampled_from([customer(), artist(), admin(), STRANGER, IMPOSTOR]),
    document=st.sampled_from(IdDocument),
)
def test_the_id_check_is_offered_exactly_when_it_would_be_taken(
    status: BookingStatus, signed: bool, checked: bool, actor: Actor, document: IdDocument
) -> None:
    booking, consent = _signed(status, checked)
    shown = consent if signed else None
    offered = can_check_id(shown, booking, actor)
    try:
        apply(shown, CheckId(document, True), actor, booking, T0 + timedelta(hours=1))
    except DomainError:
        assert not offered
    else:
        assert offered


@given(standing=st.sampled_from(ConsentStanding))
def test_what_completing_waits_for_is_the_refusal_it_gets(standing: ConsentStanding) -> None:
    lack = consent_lack(standing)
    if lack is None:
        require_consent(standing)  # nothing refused
        return
    with pytest.raises(type(lack)) as refused:
        require_consent(standing)
    assert refused.value.message == lack.message
