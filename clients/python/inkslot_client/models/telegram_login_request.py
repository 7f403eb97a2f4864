from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TelegramLoginRequest")


@_attrs_define
class TelegramLoginRequest:
    """
    Attributes:
        auth_date (int): Unix time of the login
        first_name (str):
        hash_ (str):
        id (int): The Telegram user id
        last_name (str | Unset):
        photo_url (str | Unset):
        username (str | Unset):
    """

    auth_date: int
    first_name: str
    hash_: str
    id: int
    last_name: str | Unset = UNSET
    photo_url: str | Unset = UNSET
    username: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auth_date = self.auth_date

        first_name = self.first_name

        hash_ = self.hash_

        id = self.id

        last_name: str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        photo_url: str | Unset
        if isinstance(self.photo_url, Unset):
            photo_url = UNSET
        else:
            photo_url = self.photo_url

        username: str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auth_date": auth_date,
                "first_name": first_name,
                "hash": hash_,
                "id": id,
            }
        )
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if photo_url is not UNSET:
            field_dict["photo_url"] = photo_url
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auth_date = d.pop("auth_date")

        first_name = d.pop("first_name")

        hash_ = d.pop("hash")

        id = d.pop("id")

        def _parse_last_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_photo_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        photo_url = _parse_photo_url(d.pop("photo_url", UNSET))

        def _parse_username(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        telegram_login_request = cls(
            auth_date=auth_date,
            first_name=first_name,
            hash_=hash_,
            id=id,
            last_name=last_name,
            photo_url=photo_url,
            username=username,
        )

        telegram_login_request.additional_properties = d
        return telegram_login_request

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
