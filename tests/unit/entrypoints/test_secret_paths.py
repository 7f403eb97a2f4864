"""A path's secret segment (a feed's or a booking link's token) never reaches a log line;
every other path is logged as it is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from entrypoints.http.secret_paths import SECRET_PREFIXES, loggable_path

TOKENS = st.text(st.sampled_from("abcXYZ019-_."), min_size=8, max_size=40)


@given(
    prefix=st.sampled_from(SECRET_PREFIXES),
    token=TOKENS,
    tail=st.sampled_from(["", "/slot-views", "/x/y"]),
)
def test_a_token_after_a_secret_prefix_is_never_logged(prefix: str, token: str, tail: str) -> None:
    logged = loggable_path(prefix + token + tail)
    assert logged == prefix + "<secret>" + tail
    assert token not in (logged or "").removeprefix(prefix).removesuffix(tail)


def test_known_paths() -> None:
    assert loggable_path("/cal/abc123.ics") == "/cal/<secret>"
    assert loggable_path("/book/Tk3n") == "/book/<secret>"
    assert loggable_path("/api/v1/booking-links/Tk3n/slot-views") == (
        "/api/v1/booking-links/<secret>/slot-views"
    )


@given(st.text(min_size=1).map(lambda t: "/" + t))
def test_other_paths_are_logged_as_they_are(path: str) -> None:
    if not path.startswith(SECRET_PREFIXES):
        assert loggable_path(path) == path
