"""Wire formats every context shares: msgspec bases (camelCase on the wire), the helper for
PATCH fields a client left out, the page envelope of every list, and money.

A DTO converts only what its own schema already guarantees valid (``Money`` from a
pattern-checked currency and a bounded amount, minutes to a ``timedelta``); anything that
can be refused is handed to the use case as plain values, and refused there. DTOs never
raise domain errors.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Generic, Self, TypeVar

import msgspec
from litestar.params import QueryParameter
from msgspec import Meta, UnsetType

from booking_domain.shared import MAX_PAGE, MAX_PAGE_SIZE, Money, Page

T = TypeVar("T")
D = TypeVar("D")


class Dto(msgspec.Struct, rename="camel", forbid_unknown_fields=True, frozen=True):
    """A request body: unknown fields are refused."""


class View(msgspec.Struct, rename="camel", frozen=True):
    """A response body."""


def given(value: T | UnsetType) -> T | None:
    """A PATCH field: its value, or None when the client left it out (the use case then
    keeps what is stored)."""
    return None if isinstance(value, UnsetType) else value


def utc(moment: datetime) -> datetime:
    """Times leave the API in UTC (``Z``)."""
    return moment.astimezone(UTC)


def minutes_of(value: timedelta) -> int:
    return int(value.total_seconds() // 60)


# The query parameters of a page of a list.
PageNumber = Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)]
PageSize = Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)]


class PageView(View, Generic[T], frozen=True):
    """One page of a list. Each list names its own page type and restates ``items`` with
    its item type, so the OpenAPI document names both (``UserPage`` of ``UserView``)."""

    items: list[T]
    total: int
    # False where a list stopped counting (more than 10,000 matches, or past the page asked
    # for): ``total`` is then a lower bound, and a next page exists.
    total_exact: bool
    page: int
    page_size: int

    @classmethod
    def of(cls, page: Page[D], view: Callable[[D], T]) -> Self:
        return cls(
            items=[view(item) for item in page.items],
            total=page.total,
            total_exact=page.total_exact,
            page=page.request.page,
            page_size=page.request.page_size,
        )


class MoneyDto(msgspec.Struct, frozen=True):
    amount: Annotated[int, Meta(ge=0, le=10**12)]
    currency: Annotated[str, Meta(pattern=r"^[A-Z]{3}$")] = "MNT"

    def money(self) -> Money:
        """Total over this schema: a bounded non-negative amount and three capitals."""
        return Money(self.amount, self.currency)

    @classmethod
    def of(cls, money: Money) -> MoneyDto:
        return cls(money.amount, money.currency)
