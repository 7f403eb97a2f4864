"""Pagination, the same for every list: 1-based ``page``, ``page_size`` from 1 to 100."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from booking_domain.shared.errors import FieldError, InvalidInputError

T = TypeVar("T")
MAX_PAGE_SIZE = 100
# Offset pagination reads and skips every row before the page: deeper than this, narrow the
# list with its filters instead (the offset also stays far inside PostgreSQL's bigint).
MAX_PAGE = 100_000


@dataclass(frozen=True, slots=True)
class PageRequest:
    page: int = 1
    page_size: int = 20

    def __post_init__(self) -> None:
        errors = []
        if not 1 <= self.page <= MAX_PAGE:
            errors.append(FieldError("page", f"Use 1 to {MAX_PAGE}.", "out_of_range"))
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            errors.append(FieldError("pageSize", f"Use 1 to {MAX_PAGE_SIZE}.", "out_of_range"))
        if errors:
            raise InvalidInputError(errors=tuple(errors))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    total: int
    request: PageRequest
