from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deposit_dto import DepositDto
    from ..models.money_dto import MoneyDto


T = TypeVar("T", bound="ServiceRequest")


@_attrs_define
class ServiceRequest:
    """
    Attributes:
        active (bool | Unset):
        buffer_after_minutes (int | Unset):
        buffer_before_minutes (int | Unset):
        deposit (DepositDto | None | Unset):
        duration_minutes (int | Unset):
        name (str | Unset):
        price (MoneyDto | Unset):
        requires_approval (bool | Unset):
    """

    active: bool | Unset = UNSET
    buffer_after_minutes: int | Unset = UNSET
    buffer_before_minutes: int | Unset = UNSET
    deposit: DepositDto | None | Unset = UNSET
    duration_minutes: int | Unset = UNSET
    name: str | Unset = UNSET
    price: MoneyDto | Unset = UNSET
    requires_approval: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.deposit_dto import DepositDto  # noqa: PLC0415

        active: bool | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        buffer_after_minutes: int | Unset
        if isinstance(self.buffer_after_minutes, Unset):
            buffer_after_minutes = UNSET
        else:
            buffer_after_minutes = self.buffer_after_minutes

        buffer_before_minutes: int | Unset
        if isinstance(self.buffer_before_minutes, Unset):
            buffer_before_minutes = UNSET
        else:
            buffer_before_minutes = self.buffer_before_minutes

        deposit: dict[str, Any] | None | Unset
        if isinstance(self.deposit, Unset):
            deposit = UNSET
        elif isinstance(self.deposit, DepositDto):
            deposit = self.deposit.to_dict()
        else:
            deposit = self.deposit

        duration_minutes: int | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        requires_approval: bool | Unset
        if isinstance(self.requires_approval, Unset):
            requires_approval = UNSET
        else:
            requires_approval = self.requires_approval

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if buffer_after_minutes is not UNSET:
            field_dict["bufferAfterMinutes"] = buffer_after_minutes
        if buffer_before_minutes is not UNSET:
            field_dict["bufferBeforeMinutes"] = buffer_before_minutes
        if deposit is not UNSET:
            field_dict["deposit"] = deposit
        if duration_minutes is not UNSET:
            field_dict["durationMinutes"] = duration_minutes
        if name is not UNSET:
            field_dict["name"] = name
        if price is not UNSET:
            field_dict["price"] = price
        if requires_approval is not UNSET:
            field_dict["requiresApproval"] = requires_approval

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deposit_dto import DepositDto  # noqa: PLC0415
        from ..models.money_dto import MoneyDto  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_active(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_buffer_after_minutes(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        buffer_after_minutes = _parse_buffer_after_minutes(d.pop("bufferAfterMinutes", UNSET))

        def _parse_buffer_before_minutes(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        buffer_before_minutes = _parse_buffer_before_minutes(d.pop("bufferBeforeMinutes", UNSET))

        def _parse_deposit(data: object) -> DepositDto | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                deposit_type_0 = DepositDto.from_dict(data)

                return deposit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DepositDto | None | Unset, data)

        deposit = _parse_deposit(d.pop("deposit", UNSET))

        def _parse_duration_minutes(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("durationMinutes", UNSET))

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _price = d.pop("price", UNSET)
        price: MoneyDto | Unset
        if isinstance(_price, Unset):
            price = UNSET
        else:
            price = MoneyDto.from_dict(_price)

        def _parse_requires_approval(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        requires_approval = _parse_requires_approval(d.pop("requiresApproval", UNSET))

        service_request = cls(
            active=active,
            buffer_after_minutes=buffer_after_minutes,
            buffer_before_minutes=buffer_before_minutes,
            deposit=deposit,
            duration_minutes=duration_minutes,
            name=name,
            price=price,
            requires_approval=requires_approval,
        )

        service_request.additional_properties = d
        return service_request

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
