"""The taste rule of recommendations: likes count 1, bookings 2; reasons in words."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.search import Taste
from booking_domain.search.recommendations import BOOKING_WEIGHT, TOP_STYLES

STYLES = st.sampled_from(["blackwork", "dotwork", "fine-line", "realism", "japanese", "color"])


@given(st.lists(STYLES), st.lists(STYLES))
def test_top_styles_are_the_best_scoring_at_most_five(liked: list[str], booked: list[str]) -> None:
    taste = Taste(Counter(liked), Counter(booked))
    top = taste.top_styles()
    assert len(top) <= TOP_STYLES and len(set(top)) == len(top)
    scores = [liked.count(s) + BOOKING_WEIGHT * booked.count(s) for s in top]
    assert scores == sorted(scores, reverse=True) and all(score > 0 for score in scores)
    left_out = (set(liked) | set(booked)) - set(top)
    assert all(taste.score(s) <= min(scores) for s in left_out)


def test_reasons_say_what_the_customer_did() -> None:
    taste = Taste(Counter({"blackwork": 3, "dotwork": 1}), Counter({"realism": 2}))
    assert taste.reason("blackwork") == "you liked 3 blackwork pieces"
    assert taste.reason("dotwork") == "you liked 1 dotwork piece"
    assert taste.reason("realism") == "you booked realism 2 times"
    assert taste.top_styles() == ("realism", "blackwork", "dotwork")
    assert taste.best_of(("dotwork", "blackwork")) == "blackwork"
    assert taste.best_of(("japanese",)) is None
