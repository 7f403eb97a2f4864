"""The taste rule of recommendations: likes count 1, bookings 2 (the artist's styles and a
booked flash design's tags); artists match by their styles or their flash; reasons in words."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.search import Match, Taste
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


@given(
    st.lists(STYLES),
    st.lists(STYLES),
    st.lists(STYLES, max_size=3, unique=True),
    st.lists(STYLES, max_size=3, unique=True),
)
def test_an_artist_matches_by_the_best_top_style_of_theirs_or_of_their_flash(
    liked: list[str], booked: list[str], styles: list[str], flash: list[str]
) -> None:
    taste = Taste(Counter(liked), Counter(booked))
    top = taste.top_styles()
    match = taste.match(tuple(styles), tuple(flash))
    answered = [s for s in top if s in styles or s in flash]
    if not answered:
        assert match is None
        return
    assert match is not None and match.style == answered[0]
    # By flash only when none of the artist's own styles answers that style.
    assert match.flash == (match.style not in styles)
    # Without a flash sheet, the match is the artist's best style, as before.
    own = taste.match(tuple(styles))
    assert (own.style if own else None) == taste.best_of(tuple(styles))
    assert own is None or not own.flash


@given(st.lists(STYLES, min_size=1), st.lists(STYLES))
def test_a_booked_flash_designs_tags_weigh_as_a_booked_style(
    tags: list[str], liked: list[str]
) -> None:
    """Adapters count a booked design's tags into ``booked``: each tag then scores
    ``BOOKING_WEIGHT`` a booking, as the artist's styles do."""
    before = Taste(Counter(liked))
    after = Taste(Counter(liked), Counter(set(tags)))
    for tag in set(tags):
        assert after.score(tag) == before.score(tag) + BOOKING_WEIGHT


def test_flash_reasons_say_the_tag_and_what_it_is_like() -> None:
    taste = Taste(Counter({"old-school": 3}), Counter({"japanese": 1}))
    assert taste.match(("realism",), ("old-school", "japanese")) == Match("old-school", True)
    assert taste.match(("old-school",), ("old-school",)) == Match("old-school", False)
    assert (
        taste.reason("old-school", flash=True) == "flash tagged old-school, like pieces you liked"
    )
    assert taste.reason("japanese", flash=True) == "flash tagged japanese, like what you booked"
