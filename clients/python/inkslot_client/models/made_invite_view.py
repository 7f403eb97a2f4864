from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.studio_invite_view import StudioInviteView


T = TypeVar("T", bound="MadeInviteView")


@_attrs_define
class MadeInviteView:
    """
    Attributes:
        invite (StudioInviteView):
        token (str):
        url (str):
    """

    invite: StudioInviteView
    token: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invite = self.invite.to_dict()

        token = self.token

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invite": invite,
                "token": token,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.studio_invite_view import StudioInviteView  # noqa: PLC0415

        d = dict(src_dict)
        invite = StudioInviteView.from_dict(d.pop("invite"))

        token = d.pop("token")

        url = d.pop("url")

        made_invite_view = cls(
            invite=invite,
            token=token,
            url=url,
        )

        made_invite_view.additional_properties = d
        return made_invite_view

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
