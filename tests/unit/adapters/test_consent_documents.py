"""The signed copy's maker: every label in both languages, the HTML keeps what people wrote
as text, and the PDF is made whatever the text (Mongolian, scripts the font lacks, very
long words)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.consent_documents.documents import FileConsentDocuments
from adapters.consent_documents.labels import DOCUMENTS, LABELS
from booking_domain.bookings import Booking
from booking_domain.consent import (
    CheckId,
    ConsentDocument,
    ConsentRequirement,
    DraftAnswer,
    DraftSignature,
    IdDocument,
    Sign,
    apply,
)
from booking_domain.testing import artist, booking_at, customer
from booking_domain.testing.builders import ARTIST_ID
from booking_domain.testing.consent import FORM_ID, T0, a_form

START = T0 + timedelta(days=2)


def a_document(name: str, words: str, locale: str = "en") -> ConsentDocument:
    booking: Booking = booking_at(START, now=T0)
    form = a_form(locale)
    answers = (
        DraftAnswer("q1", True, words),
        DraftAnswer("q2", "1990-04-30"),
        DraftAnswer("q4", words),
    )
    draft = DraftSignature(FORM_ID, 1, answers, name, True, True)
    requirement = ConsentRequirement(ARTIST_ID, FORM_ID, T0, T0)
    signed = apply(
        None, Sign(draft, requirement, form, T0.date(), "::1", words), customer(), booking, T0
    )
    checked = apply(signed.consent, CheckId(IdDocument.PASSPORT, True), artist(), booking, T0)
    return ConsentDocument(
        checked.consent, booking.reference, "Bold <Ink>", START, "Asia/Ulaanbaatar"
    )


def test_every_label_has_both_languages() -> None:
    for english, mongolian in (*LABELS.values(), *DOCUMENTS.values()):
        assert english and mongolian and english != mongolian


def test_the_html_copy_shows_what_people_wrote_as_text() -> None:
    hostile = '<script>alert(1)</script>" onload="x'
    page = FileConsentDocuments().html(a_document(hostile, hostile))
    assert "<script>" not in page and 'onload="x' not in page
    assert "&lt;script&gt;" in page and "Bold &lt;Ink&gt;" in page


@settings(max_examples=15, deadline=None)
@given(
    name=st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=2, max_size=60
    ).filter(lambda n: len(" ".join(n.split())) >= 2),
    words=st.sampled_from(["Өөрийн үүргээ ойлгосон", "🙂 emoji", "漢字", "x" * 400, "a\nb\tc"]),
    locale=st.sampled_from(["en", "mn"]),
)
def test_a_pdf_is_made_whatever_the_text(name: str, words: str, locale: str) -> None:
    made = FileConsentDocuments().pdf(a_document(name, words, locale))
    assert made.startswith(b"%PDF-") and made.rstrip().endswith(b"%%EOF")
    assert b"DejaVuSans" in made  # the embedded Unicode font


def test_the_mongolian_copy_is_in_mongolian() -> None:
    document = a_document("Саруул", "тийм", "mn")
    page = FileConsentDocuments().html(dataclasses.replace(document, artist_name="Бат"))
    assert "Гарын үсэг" in page and "Signature" not in page
