"""What every catalogue use case is given."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from booking_domain.accounts import KeyedDigest
from booking_domain.catalog.links import fresh_token
from booking_domain.catalog.ports import CatalogUnitOfWorkFactory
from booking_domain.media import MediaStores
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class CatalogDeps:
    uow: CatalogUnitOfWorkFactory
    clock: Clock
    stores: MediaStores  # where portfolio images live (their URLs; removal with the item)
    digest: KeyedDigest  # what booking link tokens are stored and found as
    # The currencies the payment gateway takes (its port's ``currencies``, given by the
    # wiring): a deposit in any other could never be paid.
    deposit_currencies: frozenset[str]
    link_base_url: str = ""  # where booking link pages live: <link_base_url>/book/<token>
    new_link_token: Callable[[], str] = fresh_token
