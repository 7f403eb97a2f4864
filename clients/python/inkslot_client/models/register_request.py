from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.register_request_locale_type_0 import RegisterRequestLocaleType0
from ..models.register_request_role import RegisterRequestRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisterRequest")


@_attrs_define
class RegisterRequest:
    """
    Attributes:
        email (str): Email address (case-insensitive)
        name (str):
        password (str): At least 10 characters
        role (RegisterRequestRole):
        locale (RegisterRequestLocaleType0 | Unset):
    """

    email: str
    name: str
    password: str
    role: RegisterRequestRole
    locale: RegisterRequestLocaleType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        password = self.password

        role = self.role.value

        locale: str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "name": name,
                "password": password,
                "role": role,
            }
        )
        if locale is not UNSET:
            field_dict["locale"] = locale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        password = d.pop("password")

        role = RegisterRequestRole(d.pop("role"))

        def _parse_locale(data: object) -> RegisterRequestLocaleType0 | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            locale_type_0 = RegisterRequestLocaleType0(data)

            return locale_type_0

        locale = _parse_locale(d.pop("locale", UNSET))

        register_request = cls(
            email=email,
            name=name,
            password=password,
            role=role,
            locale=locale,
        )

        register_request.additional_properties = d
        return register_request

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
