"""Pagination, the same for every list: 1-based ``page``, ``page_size`` from 1 to 100."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from booking_domain.shared.errors import FieldError, InvalidInputError

T = TypeVar("T")
MAX_PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class PageRequest:
    page: int = 1
    page_size: int = 20

    def __post_init__(self) -> None:
        errors = []
        if self.page < 1:
            errors.append(FieldError("page", "Pages start at 1.", "out_of_range"))
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
