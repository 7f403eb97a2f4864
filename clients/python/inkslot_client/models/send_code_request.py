from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.send_code_request_locale_type_0 import SendCodeRequestLocaleType0
from ..models.send_code_request_purpose import SendCodeRequestPurpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="SendCodeRequest")


@_attrs_define
class SendCodeRequest:
    """
    Attributes:
        phone (str): A mobile number; national ones are read in the platform's region
        locale (SendCodeRequestLocaleType0 | Unset):
        purpose (SendCodeRequestPurpose | Unset):  Default: SendCodeRequestPurpose.SIGN_IN.
    """

    phone: str
    locale: SendCodeRequestLocaleType0 | Unset = UNSET
    purpose: SendCodeRequestPurpose | Unset = SendCodeRequestPurpose.SIGN_IN
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone = self.phone

        locale: str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale.value

        purpose: str | Unset = UNSET
        if not isinstance(self.purpose, Unset):
            purpose = self.purpose.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "phone": phone,
            }
        )
        if locale is not UNSET:
            field_dict["locale"] = locale
        if purpose is not UNSET:
            field_dict["purpose"] = purpose

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone = d.pop("phone")

        def _parse_locale(data: object) -> SendCodeRequestLocaleType0 | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            locale_type_0 = SendCodeRequestLocaleType0(data)

            return locale_type_0

        locale = _parse_locale(d.pop("locale", UNSET))

        _purpose = d.pop("purpose", UNSET)
        purpose: SendCodeRequestPurpose | Unset
        if isinstance(_purpose, Unset):
            purpose = UNSET
        else:
            purpose = SendCodeRequestPurpose(_purpose)

        send_code_request = cls(
            phone=phone,
            locale=locale,
            purpose=purpose,
        )

        send_code_request.additional_properties = d
        return send_code_request

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
