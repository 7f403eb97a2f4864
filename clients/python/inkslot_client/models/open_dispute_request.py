from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.open_dispute_request_on_behalf_of_type_1 import OpenDisputeRequestOnBehalfOfType1
from ..models.open_dispute_request_on_behalf_of_type_2_type_1 import OpenDisputeRequestOnBehalfOfType2Type1
from ..models.open_dispute_request_on_behalf_of_type_3_type_1 import OpenDisputeRequestOnBehalfOfType3Type1
from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenDisputeRequest")


@_attrs_define
class OpenDisputeRequest:
    """
    Attributes:
        booking_id (UUID):
        reason (str):
        on_behalf_of (None | OpenDisputeRequestOnBehalfOfType1 | OpenDisputeRequestOnBehalfOfType2Type1 |
            OpenDisputeRequestOnBehalfOfType3Type1 | Unset):
    """

    booking_id: UUID
    reason: str
    on_behalf_of: (
        None
        | OpenDisputeRequestOnBehalfOfType1
        | OpenDisputeRequestOnBehalfOfType2Type1
        | OpenDisputeRequestOnBehalfOfType3Type1
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        reason = self.reason

        on_behalf_of: None | str | Unset
        if isinstance(self.on_behalf_of, Unset):
            on_behalf_of = UNSET
        elif isinstance(self.on_behalf_of, OpenDisputeRequestOnBehalfOfType1):
            on_behalf_of = self.on_behalf_of.value
        elif isinstance(self.on_behalf_of, OpenDisputeRequestOnBehalfOfType2Type1):
            on_behalf_of = self.on_behalf_of.value
        elif isinstance(self.on_behalf_of, OpenDisputeRequestOnBehalfOfType3Type1):
            on_behalf_of = self.on_behalf_of.value
        else:
            on_behalf_of = self.on_behalf_of

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bookingId": booking_id,
                "reason": reason,
            }
        )
        if on_behalf_of is not UNSET:
            field_dict["onBehalfOf"] = on_behalf_of

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = UUID(d.pop("bookingId"))

        reason = d.pop("reason")

        def _parse_on_behalf_of(
            data: object,
        ) -> (
            None
            | OpenDisputeRequestOnBehalfOfType1
            | OpenDisputeRequestOnBehalfOfType2Type1
            | OpenDisputeRequestOnBehalfOfType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_behalf_of_type_1 = OpenDisputeRequestOnBehalfOfType1(data)

                return on_behalf_of_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_behalf_of_type_2_type_1 = OpenDisputeRequestOnBehalfOfType2Type1(data)

                return on_behalf_of_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_behalf_of_type_3_type_1 = OpenDisputeRequestOnBehalfOfType3Type1(data)

                return on_behalf_of_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | OpenDisputeRequestOnBehalfOfType1
                | OpenDisputeRequestOnBehalfOfType2Type1
                | OpenDisputeRequestOnBehalfOfType3Type1
                | Unset,
                data,
            )

        on_behalf_of = _parse_on_behalf_of(d.pop("onBehalfOf", UNSET))

        open_dispute_request = cls(
            booking_id=booking_id,
            reason=reason,
            on_behalf_of=on_behalf_of,
        )

        open_dispute_request.additional_properties = d
        return open_dispute_request

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
