"""The capped count every admin list holds to (``Page.counted``), checked on an adapter's
list with a known number of matches."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from booking_domain.shared import PageRequest
from booking_domain.shared.pages import Page

ListPage = Callable[[PageRequest], Awaitable[Page[Any]]]


async def assert_counts_capped(list_page: ListPage, matches: int) -> None:
    """Asks pages of 2 with counts capped below, at and above ``matches`` (at least 6), and
    holds each answer to the rule stated here apart from the domain's code: the count is
    exact up to the reach (the cap, or one row past the page when that lies deeper); past
    it, the total says one more than the reach; the next page shows either way."""
    assert matches >= 6
    last = (matches + 1) // 2
    asks = [
        (1, 1), (1, 3), (1, matches - 1), (1, matches), (1, matches + 5),
        (2, 1), (last - 1, 1), (last, 1), (last + 1, 1),
    ]  # fmt: skip
    for number, cap in asks:
        found = await list_page(PageRequest(number, 2, count_up_to=cap))
        offset = (number - 1) * 2
        reach = max(cap, offset + 3)
        ask = f"page {number}, counted up to {cap}"
        assert len(found.items) == max(0, min(2, matches - offset)), ask
        assert found.total_exact is (matches <= reach), ask
        assert found.total == (matches if matches <= reach else reach + 1), ask
        assert found.has_next is (offset + 2 < matches), ask
