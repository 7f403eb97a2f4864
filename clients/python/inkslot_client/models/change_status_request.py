from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_status_request_status import ChangeStatusRequestStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChangeStatusRequest")


@_attrs_define
class ChangeStatusRequest:
    """
    Attributes:
        status (ChangeStatusRequestStatus):
        reason (None | str | Unset):
        refund_amount (int | None | Unset):
    """

    status: ChangeStatusRequestStatus
    reason: None | str | Unset = UNSET
    refund_amount: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        refund_amount: int | None | Unset
        if isinstance(self.refund_amount, Unset):
            refund_amount = UNSET
        else:
            refund_amount = self.refund_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if refund_amount is not UNSET:
            field_dict["refundAmount"] = refund_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ChangeStatusRequestStatus(d.pop("status"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_refund_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        refund_amount = _parse_refund_amount(d.pop("refundAmount", UNSET))

        change_status_request = cls(
            status=status,
            reason=reason,
            refund_amount=refund_amount,
        )

        change_status_request.additional_properties = d
        return change_status_request

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
