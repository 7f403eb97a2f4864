from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deposit_dto import DepositDto
    from ..models.money_dto import MoneyDto


T = TypeVar("T", bound="FlashVariantRequest")


@_attrs_define
class FlashVariantRequest:
    """
    Attributes:
        duration_minutes (int):
        price (MoneyDto):
        size_label (str):
        deposit (DepositDto | None | Unset):
        size_cm (int | None | Unset):
    """

    duration_minutes: int
    price: MoneyDto
    size_label: str
    deposit: DepositDto | None | Unset = UNSET
    size_cm: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.deposit_dto import DepositDto  # noqa: PLC0415

        duration_minutes = self.duration_minutes

        price = self.price.to_dict()

        size_label = self.size_label

        deposit: dict[str, Any] | None | Unset
        if isinstance(self.deposit, Unset):
            deposit = UNSET
        elif isinstance(self.deposit, DepositDto):
            deposit = self.deposit.to_dict()
        else:
            deposit = self.deposit

        size_cm: int | None | Unset
        if isinstance(self.size_cm, Unset):
            size_cm = UNSET
        else:
            size_cm = self.size_cm

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "durationMinutes": duration_minutes,
                "price": price,
                "sizeLabel": size_label,
            }
        )
        if deposit is not UNSET:
            field_dict["deposit"] = deposit
        if size_cm is not UNSET:
            field_dict["sizeCm"] = size_cm

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deposit_dto import DepositDto  # noqa: PLC0415
        from ..models.money_dto import MoneyDto  # noqa: PLC0415

        d = dict(src_dict)
        duration_minutes = d.pop("durationMinutes")

        price = MoneyDto.from_dict(d.pop("price"))

        size_label = d.pop("sizeLabel")

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

        def _parse_size_cm(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size_cm = _parse_size_cm(d.pop("sizeCm", UNSET))

        flash_variant_request = cls(
            duration_minutes=duration_minutes,
            price=price,
            size_label=size_label,
            deposit=deposit,
            size_cm=size_cm,
        )

        flash_variant_request.additional_properties = d
        return flash_variant_request

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
