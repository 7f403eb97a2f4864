"""An artist's services: the owner or an admin writes; anyone reads the active services of a
public artist (the owner and admins also see inactive ones)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.errors import ServiceNotFoundError
from booking_domain.catalog.loading import load_artist, load_editable_artist
from booking_domain.catalog.services import (
    Deposit,
    FixedDeposit,
    PercentageDeposit,
    Service,
    require_payable_deposit,
)
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.shared.currencies import require_known_currency
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, ServiceId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class DepositChoice:
    """Exactly one of ``amount`` (minor units) or ``percent`` (whole percent, 1-100)."""

    amount: int | None = None
    percent: int | None = None


@dataclass(frozen=True, slots=True)
class ServiceFields:
    """Service fields a client may set; ``None`` keeps the current value on update.
    ``deposit`` uses ``clear_deposit`` to remove one (None alone means "unchanged")."""

    name: str | None = None
    duration: timedelta | None = None
    buffer_before: timedelta | None = None
    buffer_after: timedelta | None = None
    price: Money | None = None
    deposit: DepositChoice | None = None
    clear_deposit: bool = False
    needs_approval: bool | None = None
    active: bool | None = None


def _check_deposit_choice(values: ServiceFields) -> None:
    """Refused before anything else is looked at, as a malformed field."""
    choice = values.deposit
    if choice is not None and (choice.amount is None) == (choice.percent is None):
        raise InvalidInputError(
            errors=(FieldError("deposit", "Give either amount or percent.", "invalid"),)
        )


def _deposit(choice: DepositChoice, currency: str) -> Deposit:
    if choice.amount is not None:
        return FixedDeposit(Money(choice.amount, currency))
    return PercentageDeposit.percent(choice.percent or 0)


def service_changes(values: ServiceFields, currency: str) -> dict[str, Any]:
    """The changes ``values`` make; ``currency`` is the price's after them (a fixed deposit
    is in the price's currency)."""
    if values.price is not None:
        require_known_currency(values.price.currency, "price.currency")
    changes = {
        name: getattr(values, name)
        for name in (
            "duration",
            "buffer_before",
            "buffer_after",
            "price",
            "needs_approval",
            "active",
        )
        if getattr(values, name) is not None
    }
    if values.name is not None:
        require_clean_text([("name", values.name)])
        name = " ".join(values.name.split())
        if not 1 <= len(name) <= 120:
            raise InvalidInputError(
                errors=(FieldError("name", "Use 1 to 120 characters.", "length"),)
            )
        changes["name"] = name
    if values.deposit is not None:
        changes["deposit"] = _deposit(values.deposit, currency)
    elif values.clear_deposit:
        changes["deposit"] = None
    return changes


def _offers_terms(values: ServiceFields) -> bool:
    """The change sets the price or the deposit, or offers the service again: the deposit
    it then asks must be payable. Any other change (a name, a duration, taking it off offer)
    is let through, so an artist can still tidy a service made before the rule; bookings of
    it are refused at creation meanwhile."""
    return values.price is not None or values.deposit is not None or bool(values.active)


def _privileged(actor: Actor | None, artist: ArtistProfile) -> bool:
    return actor is not None and (actor.is_admin or artist.is_owned_by(actor))


class AddService(UseCase[CatalogDeps]):
    async def __call__(self, actor: Actor, artist_id: ArtistId, values: ServiceFields) -> Service:
        _check_deposit_choice(values)
        missing = [
            FieldError(field, "Required.", "required")
            for field, value in (
                ("name", values.name),
                ("durationMinutes", values.duration),
                ("price", values.price),
            )
            if value is None
        ]
        if missing or values.price is None:
            raise InvalidInputError(errors=tuple(missing))
        async with self._deps.uow() as uow:
            await load_editable_artist(uow.artists, actor, artist_id)
            changes = service_changes(values, values.price.currency)
            service = Service(id=ServiceId(new_uuid7()), artist_id=artist_id, **changes)
            require_payable_deposit(service, self._deps.deposit_currencies)
            await uow.services.add(service)
            await uow.commit()
        return service


class UpdateService(UseCase[CatalogDeps]):
    async def __call__(
        self, actor: Actor, artist_id: ArtistId, service_id: ServiceId, values: ServiceFields
    ) -> Service:
        _check_deposit_choice(values)
        async with self._deps.uow() as uow:
            await load_editable_artist(uow.artists, actor, artist_id)
            service = await uow.services.get(service_id)
            if service is None or service.artist_id != artist_id:
                raise ServiceNotFoundError()
            service.ensure_editable()
            currency = (values.price or service.price).currency
            updated = replace(service, **service_changes(values, currency))  # re-checked
            if _offers_terms(values):
                require_payable_deposit(updated, self._deps.deposit_currencies)
            await uow.services.update(updated)
            await uow.commit()
        return updated


class ListServices(UseCase[CatalogDeps]):
    async def __call__(self, actor: Actor | None, artist_id: ArtistId) -> tuple[Service, ...]:
        async with self._deps.uow(read_only=True) as uow:
            artist = await load_artist(uow.artists, artist_id)
            artist.ensure_visible_to(actor)
            return await uow.services.list_for_artist(
                artist_id, include_inactive=_privileged(actor, artist)
            )


class GetService(UseCase[CatalogDeps]):
    async def __call__(
        self, actor: Actor | None, artist_id: ArtistId, service_id: ServiceId
    ) -> Service:
        async with self._deps.uow(read_only=True) as uow:
            artist = await load_artist(uow.artists, artist_id)
            artist.ensure_visible_to(actor)
            service = await uow.services.get(service_id)
        visible = service is not None and (service.active or _privileged(actor, artist))
        if service is None or service.artist_id != artist_id or not visible:
            raise ServiceNotFoundError()
        return service
