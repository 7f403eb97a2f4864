from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokensView")


@_attrs_define
class TokensView:
    """
    Attributes:
        access_token (str):
        access_token_expires_at (datetime.datetime):
        refresh_token (str):
        refresh_token_expires_at (datetime.datetime):
        token_type (str | Unset):  Default: 'Bearer'.
    """

    access_token: str
    access_token_expires_at: datetime.datetime
    refresh_token: str
    refresh_token_expires_at: datetime.datetime
    token_type: str | Unset = "Bearer"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        access_token_expires_at = self.access_token_expires_at.isoformat()

        refresh_token = self.refresh_token

        refresh_token_expires_at = self.refresh_token_expires_at.isoformat()

        token_type = self.token_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accessToken": access_token,
                "accessTokenExpiresAt": access_token_expires_at,
                "refreshToken": refresh_token,
                "refreshTokenExpiresAt": refresh_token_expires_at,
            }
        )
        if token_type is not UNSET:
            field_dict["tokenType"] = token_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("accessToken")

        access_token_expires_at = datetime.datetime.fromisoformat(d.pop("accessTokenExpiresAt"))

        refresh_token = d.pop("refreshToken")

        refresh_token_expires_at = datetime.datetime.fromisoformat(d.pop("refreshTokenExpiresAt"))

        token_type = d.pop("tokenType", UNSET)

        tokens_view = cls(
            access_token=access_token,
            access_token_expires_at=access_token_expires_at,
            refresh_token=refresh_token,
            refresh_token_expires_at=refresh_token_expires_at,
            token_type=token_type,
        )

        tokens_view.additional_properties = d
        return tokens_view

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
