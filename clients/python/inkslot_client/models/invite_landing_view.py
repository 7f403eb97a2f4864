from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.studio_view import StudioView


T = TypeVar("T", bound="InviteLandingView")


@_attrs_define
class InviteLandingView:
    """
    Attributes:
        expires_at (datetime.datetime):
        leaves_studio (None | StudioView):
        studio (StudioView):
    """

    expires_at: datetime.datetime
    leaves_studio: None | StudioView
    studio: StudioView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.studio_view import StudioView  # noqa: PLC0415

        expires_at = self.expires_at.isoformat()

        leaves_studio: dict[str, Any] | None
        if isinstance(self.leaves_studio, StudioView):
            leaves_studio = self.leaves_studio.to_dict()
        else:
            leaves_studio = self.leaves_studio

        studio = self.studio.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expiresAt": expires_at,
                "leavesStudio": leaves_studio,
                "studio": studio,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.studio_view import StudioView  # noqa: PLC0415

        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        def _parse_leaves_studio(data: object) -> None | StudioView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                leaves_studio_type_0 = StudioView.from_dict(data)

                return leaves_studio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StudioView, data)

        leaves_studio = _parse_leaves_studio(d.pop("leavesStudio"))

        studio = StudioView.from_dict(d.pop("studio"))

        invite_landing_view = cls(
            expires_at=expires_at,
            leaves_studio=leaves_studio,
            studio=studio,
        )

        invite_landing_view.additional_properties = d
        return invite_landing_view

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
