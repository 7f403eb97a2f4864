"""Pagination, the same for every list: 1-based ``page``, ``page_size`` from 1 to 100, and a
``total`` of the matches: exact, or, for the lists that may match very many rows, exact up
to a reach and a lower bound past it (``Page.counted``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from booking_domain.shared.errors import FieldError, InvalidInputError

T = TypeVar("T")
MAX_PAGE_SIZE = 100
# Offset pagination reads and skips every row before the page: deeper than this, narrow the
# list with its filters instead (the offset also stays far inside PostgreSQL's bigint).
MAX_PAGE = 100_000
# How far a capped list counts its matches (at least past the page asked for): counting
# every one of 100,000 matches costs more than finding the page (docs/performance.md).
COUNT_UP_TO = 10_000


@dataclass(frozen=True, slots=True)
class PageRequest:
    page: int = 1
    page_size: int = 20
    count_up_to: int = COUNT_UP_TO  # lists that count capped: see ``count_reach``

    def __post_init__(self) -> None:
        errors = []
        if not 1 <= self.page <= MAX_PAGE:
            errors.append(FieldError("page", f"Use 1 to {MAX_PAGE}.", "out_of_range"))
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            errors.append(FieldError("pageSize", f"Use 1 to {MAX_PAGE_SIZE}.", "out_of_range"))
        if errors:
            raise InvalidInputError(errors=tuple(errors))
        if self.count_up_to < 1:
            raise ValueError("count_up_to must be at least 1")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def count_reach(self) -> int:
        """How many matches a capped list counts exactly: ``count_up_to``, or past the end
        of this page when it lies deeper, so that an inexact total still shows a next page."""
        return max(self.count_up_to, self.offset + self.page_size + 1)

    @property
    def count_limit(self) -> int:
        """How many matches a capped count reads at most: one past the reach, which tells
        "exactly the reach" from "more"."""
        return self.count_reach + 1


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """``total`` is the number of matches when ``total_exact``; otherwise a lower bound
    (more than ``request.count_reach`` match, and there is a page after this one)."""

    items: tuple[T, ...]
    total: int
    request: PageRequest
    total_exact: bool = True

    @classmethod
    def counted(cls, items: tuple[T, ...], matches: int, request: PageRequest) -> Page[T]:
        """A capped list's page: ``matches`` counted up to ``request.count_limit`` (an
        adapter may count every match; the page reports the same either way)."""
        total = min(matches, request.count_limit)
        return cls(items, total, request, total_exact=total <= request.count_reach)

    @classmethod
    def of_whole(cls, items: tuple[T, ...], request: PageRequest) -> Page[T]:
        """The page ``request`` asks for of a short list read whole (an artist's services,
        a booking's ideas), with the exact total."""
        return cls(items[request.offset : request.offset + request.page_size], len(items), request)

    @property
    def has_next(self) -> bool:
        return self.request.offset + self.request.page_size < self.total
