from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_view import AccountView


T = TypeVar("T", bound="OwedView")


@_attrs_define
class OwedView:
    """
    Attributes:
        account (AccountView):
        artist_id (UUID):
        artist_name (str):
        email (None | str):
    """

    account: AccountView
    artist_id: UUID
    artist_name: str
    email: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        artist_id = str(self.artist_id)

        artist_name = self.artist_name

        email: None | str
        email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "artistId": artist_id,
                "artistName": artist_name,
                "email": email,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_view import AccountView  # noqa: PLC0415

        d = dict(src_dict)
        account = AccountView.from_dict(d.pop("account"))

        artist_id = UUID(d.pop("artistId"))

        artist_name = d.pop("artistName")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        owed_view = cls(
            account=account,
            artist_id=artist_id,
            artist_name=artist_name,
            email=email,
        )

        owed_view.additional_properties = d
        return owed_view

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
