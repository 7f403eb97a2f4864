from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TelegramChatLinkView")


@_attrs_define
class TelegramChatLinkView:
    """
    Attributes:
        command (str):
        expires_at (datetime.datetime):
        token (str):
        url (None | str):
    """

    command: str
    expires_at: datetime.datetime
    token: str
    url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        command = self.command

        expires_at = self.expires_at.isoformat()

        token = self.token

        url: None | str
        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "command": command,
                "expiresAt": expires_at,
                "token": token,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        command = d.pop("command")

        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        token = d.pop("token")

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        telegram_chat_link_view = cls(
            command=command,
            expires_at=expires_at,
            token=token,
            url=url,
        )

        telegram_chat_link_view.additional_properties = d
        return telegram_chat_link_view

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
