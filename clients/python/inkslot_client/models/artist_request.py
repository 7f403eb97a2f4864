from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.location import Location


T = TypeVar("T", bound="ArtistRequest")


@_attrs_define
class ArtistRequest:
    """
    Attributes:
        bio (str | Unset):
        city (str | Unset):
        display_name (str | Unset):
        embed_origins (list[str] | Unset):
        instagram (str | Unset):
        location (Location | Unset):
        studio_id (None | Unset | UUID):
        styles (list[str] | Unset):
        time_zone (str | Unset):
    """

    bio: str | Unset = UNSET
    city: str | Unset = UNSET
    display_name: str | Unset = UNSET
    embed_origins: list[str] | Unset = UNSET
    instagram: str | Unset = UNSET
    location: Location | Unset = UNSET
    studio_id: None | Unset | UUID = UNSET
    styles: list[str] | Unset = UNSET
    time_zone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bio: str | Unset
        if isinstance(self.bio, Unset):
            bio = UNSET
        else:
            bio = self.bio

        city: str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        display_name: str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        embed_origins: list[str] | Unset
        if isinstance(self.embed_origins, Unset):
            embed_origins = UNSET
        else:
            embed_origins = self.embed_origins

        instagram: str | Unset
        if isinstance(self.instagram, Unset):
            instagram = UNSET
        else:
            instagram = self.instagram

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        studio_id: None | str | Unset
        if isinstance(self.studio_id, Unset):
            studio_id = UNSET
        elif isinstance(self.studio_id, UUID):
            studio_id = str(self.studio_id)
        else:
            studio_id = self.studio_id

        styles: list[str] | Unset
        if isinstance(self.styles, Unset):
            styles = UNSET
        else:
            styles = self.styles

        time_zone: str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bio is not UNSET:
            field_dict["bio"] = bio
        if city is not UNSET:
            field_dict["city"] = city
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if embed_origins is not UNSET:
            field_dict["embedOrigins"] = embed_origins
        if instagram is not UNSET:
            field_dict["instagram"] = instagram
        if location is not UNSET:
            field_dict["location"] = location
        if studio_id is not UNSET:
            field_dict["studioId"] = studio_id
        if styles is not UNSET:
            field_dict["styles"] = styles
        if time_zone is not UNSET:
            field_dict["timeZone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_bio(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        bio = _parse_bio(d.pop("bio", UNSET))

        def _parse_city(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_display_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        display_name = _parse_display_name(d.pop("displayName", UNSET))

        def _parse_embed_origins(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            embed_origins_type_0 = cast(list[str], data)

            return embed_origins_type_0

        embed_origins = _parse_embed_origins(d.pop("embedOrigins", UNSET))

        def _parse_instagram(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        instagram = _parse_instagram(d.pop("instagram", UNSET))

        _location = d.pop("location", UNSET)
        location: Location | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = Location.from_dict(_location)

        def _parse_studio_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                studio_id_type_0 = UUID(data)

                return studio_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        studio_id = _parse_studio_id(d.pop("studioId", UNSET))

        def _parse_styles(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            styles_type_0 = cast(list[str], data)

            return styles_type_0

        styles = _parse_styles(d.pop("styles", UNSET))

        def _parse_time_zone(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        time_zone = _parse_time_zone(d.pop("timeZone", UNSET))

        artist_request = cls(
            bio=bio,
            city=city,
            display_name=display_name,
            embed_origins=embed_origins,
            instagram=instagram,
            location=location,
            studio_id=studio_id,
            styles=styles,
            time_zone=time_zone,
        )

        artist_request.additional_properties = d
        return artist_request

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
