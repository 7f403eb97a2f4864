from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PreferencesView")


@_attrs_define
class PreferencesView:
    """
    Attributes:
        email (bool):
        in_app (bool):
        sms (bool):
        telegram (bool):
    """

    email: bool
    in_app: bool
    sms: bool
    telegram: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        in_app = self.in_app

        sms = self.sms

        telegram = self.telegram

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "inApp": in_app,
                "sms": sms,
                "telegram": telegram,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        in_app = d.pop("inApp")

        sms = d.pop("sms")

        telegram = d.pop("telegram")

        preferences_view = cls(
            email=email,
            in_app=in_app,
            sms=sms,
            telegram=telegram,
        )

        preferences_view.additional_properties = d
        return preferences_view

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
