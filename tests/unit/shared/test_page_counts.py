"""A capped list's page (``Page.counted``): whatever the cap and the page, its total never
overstates the matches, is exact within the reach, and never hides or invents a next page."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.shared import PageRequest
from booking_domain.shared.pages import MAX_PAGE_SIZE, Page


@given(
    matches=st.integers(0, 50_000),
    number=st.integers(1, 3_000),
    size=st.integers(1, MAX_PAGE_SIZE),
    cap=st.integers(1, 20_000),
    counted_exactly=st.booleans(),
)
def test_a_capped_total_is_a_true_lower_bound_and_keeps_the_next_page(
    matches: int, number: int, size: int, cap: int, counted_exactly: bool
) -> None:
    request = PageRequest(number, size, count_up_to=cap)
    # An adapter reads at most count_limit matches, or counts them all: the same page.
    counted = matches if counted_exactly else min(matches, request.count_limit)
    page: Page[str] = Page.counted((), counted, request)
    offset = (number - 1) * size
    assert page.total <= matches
    assert page.total_exact is (matches <= max(cap, offset + size + 1))
    if page.total_exact:
        assert page.total == matches
    else:
        assert page.total > max(cap, offset + size + 1)
    assert page.has_next is (offset + size < matches)


def test_a_list_counts_ten_thousand_matches_exactly_by_default() -> None:
    assert Page.counted((), 10_000, PageRequest()).total_exact
    beyond: Page[str] = Page.counted((), 10_002, PageRequest())
    assert (beyond.total, beyond.total_exact) == (10_001, False)  # "more than 10,000"


def test_a_cap_below_one_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="count_up_to"):
        PageRequest(count_up_to=0)


@given(
    length=st.integers(0, 300),
    number=st.integers(1, 10),
    size=st.integers(1, MAX_PAGE_SIZE),
)
def test_pages_of_a_whole_list_cover_it_once_in_order(length: int, number: int, size: int) -> None:
    """``Page.of_whole``: the pages of a short list read whole, one after another, give each
    item once, in its order, with the exact total."""
    items = tuple(range(length))
    pages = [Page.of_whole(items, PageRequest(n, size)) for n in range(1, number + 1)]
    seen = [item for page in pages for item in page.items]
    assert seen == list(items[: number * size])
    assert all(p.total == length and p.total_exact for p in pages)
    assert pages[-1].has_next is (number * size < length)
