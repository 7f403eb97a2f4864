"""A review is signed with the reviewer's display name: the first name and the initial of
the last, never the whole name (the list is public)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.reviews import ANONYMOUS, reviewer_display_name


def test_a_display_name_is_the_first_name_and_the_last_initial() -> None:
    assert reviewer_display_name("Ada Lovelace") == "Ada L."
    assert reviewer_display_name("  Ada   King  Lovelace ") == "Ada L."
    assert reviewer_display_name("Батболд Дорж") == "Батболд Д."
    assert reviewer_display_name("Cher") == "Cher"
    assert reviewer_display_name("") == reviewer_display_name(None) == ANONYMOUS


@given(st.lists(st.text(min_size=1).filter(lambda w: not any(c.isspace() for c in w)),
                min_size=2, max_size=5))  # fmt: skip
def test_a_last_name_is_never_shown_whole(words: list[str]) -> None:
    shown = reviewer_display_name(" ".join(words))
    assert shown == f"{words[0]} {words[-1][0]}."
    assert len(shown) <= len(words[0]) + 3
