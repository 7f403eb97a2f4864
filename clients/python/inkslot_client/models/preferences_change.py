from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PreferencesChange")


@_attrs_define
class PreferencesChange:
    """
    Attributes:
        email (bool | Unset):
        in_app (bool | Unset):
        sms (bool | Unset):
        telegram (bool | Unset):
    """

    email: bool | Unset = UNSET
    in_app: bool | Unset = UNSET
    sms: bool | Unset = UNSET
    telegram: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email: bool | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        in_app: bool | Unset
        if isinstance(self.in_app, Unset):
            in_app = UNSET
        else:
            in_app = self.in_app

        sms: bool | Unset
        if isinstance(self.sms, Unset):
            sms = UNSET
        else:
            sms = self.sms

        telegram: bool | Unset
        if isinstance(self.telegram, Unset):
            telegram = UNSET
        else:
            telegram = self.telegram

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if in_app is not UNSET:
            field_dict["inApp"] = in_app
        if sms is not UNSET:
            field_dict["sms"] = sms
        if telegram is not UNSET:
            field_dict["telegram"] = telegram

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_email(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_in_app(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        in_app = _parse_in_app(d.pop("inApp", UNSET))

        def _parse_sms(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        sms = _parse_sms(d.pop("sms", UNSET))

        def _parse_telegram(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        telegram = _parse_telegram(d.pop("telegram", UNSET))

        preferences_change = cls(
            email=email,
            in_app=in_app,
            sms=sms,
            telegram=telegram,
        )

        preferences_change.additional_properties = d
        return preferences_change

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
