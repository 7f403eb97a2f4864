from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verify_code_request_locale_type_0 import VerifyCodeRequestLocaleType0
from ..models.verify_code_request_role import VerifyCodeRequestRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="VerifyCodeRequest")


@_attrs_define
class VerifyCodeRequest:
    """
    Attributes:
        code (str): The 6 digits received
        phone (str): A mobile number; national ones are read in the platform's region
        locale (Unset | VerifyCodeRequestLocaleType0):
        name (str | Unset):
        role (VerifyCodeRequestRole | Unset):  Default: VerifyCodeRequestRole.CUSTOMER.
    """

    code: str
    phone: str
    locale: Unset | VerifyCodeRequestLocaleType0 = UNSET
    name: str | Unset = UNSET
    role: VerifyCodeRequestRole | Unset = VerifyCodeRequestRole.CUSTOMER
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        phone = self.phone

        locale: str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale.value

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "phone": phone,
            }
        )
        if locale is not UNSET:
            field_dict["locale"] = locale
        if name is not UNSET:
            field_dict["name"] = name
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        phone = d.pop("phone")

        def _parse_locale(data: object) -> Unset | VerifyCodeRequestLocaleType0:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            locale_type_0 = VerifyCodeRequestLocaleType0(data)

            return locale_type_0

        locale = _parse_locale(d.pop("locale", UNSET))

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _role = d.pop("role", UNSET)
        role: VerifyCodeRequestRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = VerifyCodeRequestRole(_role)

        verify_code_request = cls(
            code=code,
            phone=phone,
            locale=locale,
            name=name,
            role=role,
        )

        verify_code_request.additional_properties = d
        return verify_code_request

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
