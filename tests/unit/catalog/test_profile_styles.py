"""An artist's styles: normalised, and bounded in count, in length and in all (the search
index row that carries them must stay under PostgreSQL's B-tree limit)."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.catalog.use_cases.profiles import (
    MAX_STYLE_LENGTH,
    MAX_STYLES,
    MAX_STYLES_LENGTH,
    normalised_styles,
    styles_fit,
)

# Any letters, four-byte ones included: the bound is about bytes in the index.
style = st.text(st.characters(categories=["Ll", "Lu", "Lo", "So", "Zs"]), max_size=60)
BTREE_LIMIT = 2704  # bytes in one B-tree entry (PostgreSQL, 8 kB pages)


@given(st.lists(style, max_size=30))
def test_styles_fit_exactly_when_each_bound_holds(raw: list[str]) -> None:
    styles = normalised_styles(tuple(raw))
    expected = (
        len(styles) <= MAX_STYLES
        and max(map(len, styles), default=0) <= MAX_STYLE_LENGTH
        and len("".join(styles)) <= MAX_STYLES_LENGTH
    )
    assert styles_fit(styles) is expected


@given(st.lists(style, max_size=30))
def test_normalised_styles_are_trimmed_lower_case_and_distinct(raw: list[str]) -> None:
    styles = normalised_styles(tuple(raw))
    assert len(set(styles)) == len(styles)
    assert all(s and s == s.strip().lower() for s in styles)
    assert normalised_styles(styles) == styles


@given(st.lists(style, max_size=30))
def test_styles_that_fit_stay_far_below_the_index_entry_limit(raw: list[str]) -> None:
    styles = normalised_styles(tuple(raw))
    if styles_fit(styles):
        # Each array element costs a 4-byte length; 200 bytes cover the header and the
        # other columns the entry carries (rating, counts, place, ids).
        size = sum(len(s.encode()) + 4 for s in styles) + 200
        assert size < BTREE_LIMIT


def test_the_largest_styles_of_four_byte_letters_fit_under_the_limit() -> None:
    # 400 different four-byte letters (CJK extension B): nothing for compression to take.
    letters = random.Random(14).sample(range(0x20000, 0x2A6D0), MAX_STYLES_LENGTH)
    size = MAX_STYLES_LENGTH // MAX_STYLES
    widest = tuple("".join(map(chr, letters[n : n + size])) for n in range(0, len(letters), size))
    assert len(widest) == MAX_STYLES
    assert styles_fit(widest)
    assert sum(len(s.encode()) + 4 for s in widest) + 200 < BTREE_LIMIT
    assert not styles_fit((*widest[:-1], widest[-1] + "x"))
