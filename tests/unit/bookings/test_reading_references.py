"""A reference is read as people type it back: every way of writing a real reference reads
as that reference, and nothing else reads as one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import new_booking_reference, read_booking_reference
from booking_domain.shared import InvalidInputError

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
references = st.text(ALPHABET, min_size=6, max_size=6).map(lambda s: f"INK-{s}")
separators = st.sampled_from(["-", " ", "", "\u2013", "\u2212", " - ", "_"])


@given(references, separators, st.booleans(), st.booleans())
def test_a_reference_reads_back_however_it_is_typed(
    reference: str, separator: str, lower: bool, prefixed: bool
) -> None:
    symbols = reference.removeprefix("INK-")
    typed = f"INK{separator}{symbols}" if prefixed else symbols
    typed = typed.lower() if lower else typed
    assert read_booking_reference(f" {typed} ") == reference


@given(references)
def test_full_width_and_cyrillic_look_alikes_read_as_latin(reference: str) -> None:
    full_width = "".join(chr(ord(c) + 0xFEE0) if c != "-" else "\uff0d" for c in reference)
    assert read_booking_reference(full_width) == reference
    twins = str.maketrans(
        "ABCEHKMPTX", "\u0410\u0412\u0421\u0415\u041d\u041a\u041c\u0420\u0422\u0425"
    )
    assert read_booking_reference(reference.translate(twins).lower()) == reference


def test_new_references_read_as_themselves() -> None:
    for _ in range(100):
        reference = new_booking_reference()
        assert read_booking_reference(reference) == reference


@given(st.text(max_size=60))
def test_anything_else_is_invalid_input_never_another_error(text: str) -> None:
    fields: tuple[str, ...] = ()
    read = ""
    try:
        read = read_booking_reference(text)
    except InvalidInputError as refused:
        fields = tuple(e.field for e in refused.errors)
    assert fields == ("reference",) or (
        read.startswith("INK-") and len(read) == 10 and all(c in ALPHABET for c in read[4:])
    )


@pytest.mark.parametrize(
    "text", ["", "INK-", "INK-0O1ILU", "INK-2345678", "x" * 41, "INK-\u04e8" * 2]
)
def test_what_is_no_reference_is_refused(text: str) -> None:
    with pytest.raises(InvalidInputError):
        read_booking_reference(text)
