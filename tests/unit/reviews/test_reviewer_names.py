"""How a public review names its writer (``reviewer_name``): the first word and the last
word's initial, never the rest of the name; nothing for no name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.reviews import reviewer_name

words = st.text(st.characters(categories=["L"]), min_size=1, max_size=12)


@given(st.lists(words, min_size=2, max_size=5))
def test_a_longer_name_shows_its_first_word_and_an_initial(parts: list[str]) -> None:
    shown = reviewer_name("  ".join(parts))
    assert shown == f"{parts[0]} {parts[-1][0]}."
    for hidden in parts[1:]:
        assert hidden not in shown.split()[1:] or len(hidden) == 1


def test_one_word_and_no_name() -> None:
    assert reviewer_name("Ada") == "Ada"
    assert reviewer_name("Бат-Эрдэнэ Дорж") == "Бат-Эрдэнэ Д."
    assert reviewer_name("   ") == reviewer_name(None) == ""
