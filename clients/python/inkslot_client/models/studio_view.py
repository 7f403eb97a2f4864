from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.location import Location
    from ..models.studio_member_view import StudioMemberView


T = TypeVar("T", bound="StudioView")


@_attrs_define
class StudioView:
    """
    Attributes:
        address (str):
        city (str):
        created_at (datetime.datetime):
        id (UUID):
        location (Location | None):
        name (str):
        owner_user_id (None | UUID):
        updated_at (datetime.datetime):
        members (list[StudioMemberView] | Unset):
    """

    address: str
    city: str
    created_at: datetime.datetime
    id: UUID
    location: Location | None
    name: str
    owner_user_id: None | UUID
    updated_at: datetime.datetime
    members: list[StudioMemberView] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location  # noqa: PLC0415

        address = self.address

        city = self.city

        created_at = self.created_at.isoformat()

        id = str(self.id)

        location: dict[str, Any] | None
        if isinstance(self.location, Location):
            location = self.location.to_dict()
        else:
            location = self.location

        name = self.name

        owner_user_id: None | str
        if isinstance(self.owner_user_id, UUID):
            owner_user_id = str(self.owner_user_id)
        else:
            owner_user_id = self.owner_user_id

        updated_at = self.updated_at.isoformat()

        members: list[dict[str, Any]] | Unset
        if isinstance(self.members, Unset):
            members = UNSET
        else:
            members = []
            for members_type_0_item_data in self.members:
                members_type_0_item = members_type_0_item_data.to_dict()
                members.append(members_type_0_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "city": city,
                "createdAt": created_at,
                "id": id,
                "location": location,
                "name": name,
                "ownerUserId": owner_user_id,
                "updatedAt": updated_at,
            }
        )
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location  # noqa: PLC0415
        from ..models.studio_member_view import StudioMemberView  # noqa: PLC0415

        d = dict(src_dict)
        address = d.pop("address")

        city = d.pop("city")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = UUID(d.pop("id"))

        def _parse_location(data: object) -> Location | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                location_type_0 = Location.from_dict(data)

                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Location | None, data)

        location = _parse_location(d.pop("location"))

        name = d.pop("name")

        def _parse_owner_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_user_id_type_0 = UUID(data)

                return owner_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_user_id = _parse_owner_user_id(d.pop("ownerUserId"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_members(data: object) -> list[StudioMemberView] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            members_type_0 = []
            _members_type_0 = data
            for members_type_0_item_data in _members_type_0:
                members_type_0_item = StudioMemberView.from_dict(members_type_0_item_data)

                members_type_0.append(members_type_0_item)

            return members_type_0

        members = _parse_members(d.pop("members", UNSET))

        studio_view = cls(
            address=address,
            city=city,
            created_at=created_at,
            id=id,
            location=location,
            name=name,
            owner_user_id=owner_user_id,
            updated_at=updated_at,
            members=members,
        )

        studio_view.additional_properties = d
        return studio_view

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
