from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.deposit_view import DepositView
    from ..models.money_dto import MoneyDto


T = TypeVar("T", bound="CatalogServiceView")


@_attrs_define
class CatalogServiceView:
    """
    Attributes:
        active (bool):
        artist_id (UUID):
        buffer_after_minutes (int):
        buffer_before_minutes (int):
        deposit (DepositView | None):
        duration_minutes (int):
        id (UUID):
        name (str):
        price (MoneyDto):
        requires_approval (bool):
    """

    active: bool
    artist_id: UUID
    buffer_after_minutes: int
    buffer_before_minutes: int
    deposit: DepositView | None
    duration_minutes: int
    id: UUID
    name: str
    price: MoneyDto
    requires_approval: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.deposit_view import DepositView  # noqa: PLC0415

        active = self.active

        artist_id = str(self.artist_id)

        buffer_after_minutes = self.buffer_after_minutes

        buffer_before_minutes = self.buffer_before_minutes

        deposit: dict[str, Any] | None
        if isinstance(self.deposit, DepositView):
            deposit = self.deposit.to_dict()
        else:
            deposit = self.deposit

        duration_minutes = self.duration_minutes

        id = str(self.id)

        name = self.name

        price = self.price.to_dict()

        requires_approval = self.requires_approval

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "artistId": artist_id,
                "bufferAfterMinutes": buffer_after_minutes,
                "bufferBeforeMinutes": buffer_before_minutes,
                "deposit": deposit,
                "durationMinutes": duration_minutes,
                "id": id,
                "name": name,
                "price": price,
                "requiresApproval": requires_approval,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deposit_view import DepositView  # noqa: PLC0415
        from ..models.money_dto import MoneyDto  # noqa: PLC0415

        d = dict(src_dict)
        active = d.pop("active")

        artist_id = UUID(d.pop("artistId"))

        buffer_after_minutes = d.pop("bufferAfterMinutes")

        buffer_before_minutes = d.pop("bufferBeforeMinutes")

        def _parse_deposit(data: object) -> DepositView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                deposit_type_0 = DepositView.from_dict(data)

                return deposit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DepositView | None, data)

        deposit = _parse_deposit(d.pop("deposit"))

        duration_minutes = d.pop("durationMinutes")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        price = MoneyDto.from_dict(d.pop("price"))

        requires_approval = d.pop("requiresApproval")

        catalog_service_view = cls(
            active=active,
            artist_id=artist_id,
            buffer_after_minutes=buffer_after_minutes,
            buffer_before_minutes=buffer_before_minutes,
            deposit=deposit,
            duration_minutes=duration_minutes,
            id=id,
            name=name,
            price=price,
            requires_approval=requires_approval,
        )

        catalog_service_view.additional_properties = d
        return catalog_service_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
