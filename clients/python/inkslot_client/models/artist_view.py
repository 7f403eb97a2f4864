from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.artist_image_view import ArtistImageView
    from ..models.catalog_settings_view import CatalogSettingsView
    from ..models.location import Location


T = TypeVar("T", bound="ArtistView")


@_attrs_define
class ArtistView:
    """
    Attributes:
        bio (str):
        bookable (bool):
        city (None | str):
        created_at (datetime.datetime):
        display_name (str):
        embed_origins (list[str]):
        id (UUID):
        instagram (None | str):
        location (Location | None):
        rating (float | None):
        review_count (int):
        review_note (None | str):
        settings (CatalogSettingsView):
        status (str):
        studio_id (None | UUID):
        styles (list[str]):
        suspended (bool):
        time_zone (str):
        updated_at (datetime.datetime):
        user_id (UUID):
        avatar (list[ArtistImageView] | Unset):
        cover (list[ArtistImageView] | Unset):
    """

    bio: str
    bookable: bool
    city: None | str
    created_at: datetime.datetime
    display_name: str
    embed_origins: list[str]
    id: UUID
    instagram: None | str
    location: Location | None
    rating: float | None
    review_count: int
    review_note: None | str
    settings: CatalogSettingsView
    status: str
    studio_id: None | UUID
    styles: list[str]
    suspended: bool
    time_zone: str
    updated_at: datetime.datetime
    user_id: UUID
    avatar: list[ArtistImageView] | Unset = UNSET
    cover: list[ArtistImageView] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location  # noqa: PLC0415

        bio = self.bio

        bookable = self.bookable

        city: None | str
        city = self.city

        created_at = self.created_at.isoformat()

        display_name = self.display_name

        embed_origins = self.embed_origins

        id = str(self.id)

        instagram: None | str
        instagram = self.instagram

        location: dict[str, Any] | None
        if isinstance(self.location, Location):
            location = self.location.to_dict()
        else:
            location = self.location

        rating: float | None
        rating = self.rating

        review_count = self.review_count

        review_note: None | str
        review_note = self.review_note

        settings = self.settings.to_dict()

        status = self.status

        studio_id: None | str
        if isinstance(self.studio_id, UUID):
            studio_id = str(self.studio_id)
        else:
            studio_id = self.studio_id

        styles = self.styles

        suspended = self.suspended

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        user_id = str(self.user_id)

        avatar: list[dict[str, Any]] | Unset
        if isinstance(self.avatar, Unset):
            avatar = UNSET
        else:
            avatar = []
            for avatar_type_0_item_data in self.avatar:
                avatar_type_0_item = avatar_type_0_item_data.to_dict()
                avatar.append(avatar_type_0_item)

        cover: list[dict[str, Any]] | Unset
        if isinstance(self.cover, Unset):
            cover = UNSET
        else:
            cover = []
            for cover_type_0_item_data in self.cover:
                cover_type_0_item = cover_type_0_item_data.to_dict()
                cover.append(cover_type_0_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bio": bio,
                "bookable": bookable,
                "city": city,
                "createdAt": created_at,
                "displayName": display_name,
                "embedOrigins": embed_origins,
                "id": id,
                "instagram": instagram,
                "location": location,
                "rating": rating,
                "reviewCount": review_count,
                "reviewNote": review_note,
                "settings": settings,
                "status": status,
                "studioId": studio_id,
                "styles": styles,
                "suspended": suspended,
                "timeZone": time_zone,
                "updatedAt": updated_at,
                "userId": user_id,
            }
        )
        if avatar is not UNSET:
            field_dict["avatar"] = avatar
        if cover is not UNSET:
            field_dict["cover"] = cover

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.artist_image_view import ArtistImageView  # noqa: PLC0415
        from ..models.catalog_settings_view import CatalogSettingsView  # noqa: PLC0415
        from ..models.location import Location  # noqa: PLC0415

        d = dict(src_dict)
        bio = d.pop("bio")

        bookable = d.pop("bookable")

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        display_name = d.pop("displayName")

        embed_origins = cast(list[str], d.pop("embedOrigins"))

        id = UUID(d.pop("id"))

        def _parse_instagram(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        instagram = _parse_instagram(d.pop("instagram"))

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

        def _parse_rating(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rating = _parse_rating(d.pop("rating"))

        review_count = d.pop("reviewCount")

        def _parse_review_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        review_note = _parse_review_note(d.pop("reviewNote"))

        settings = CatalogSettingsView.from_dict(d.pop("settings"))

        status = d.pop("status")

        def _parse_studio_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                studio_id_type_0 = UUID(data)

                return studio_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        studio_id = _parse_studio_id(d.pop("studioId"))

        styles = cast(list[str], d.pop("styles"))

        suspended = d.pop("suspended")

        time_zone = d.pop("timeZone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        user_id = UUID(d.pop("userId"))

        def _parse_avatar(data: object) -> list[ArtistImageView] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            avatar_type_0 = []
            _avatar_type_0 = data
            for avatar_type_0_item_data in _avatar_type_0:
                avatar_type_0_item = ArtistImageView.from_dict(avatar_type_0_item_data)

                avatar_type_0.append(avatar_type_0_item)

            return avatar_type_0

        avatar = _parse_avatar(d.pop("avatar", UNSET))

        def _parse_cover(data: object) -> list[ArtistImageView] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            cover_type_0 = []
            _cover_type_0 = data
            for cover_type_0_item_data in _cover_type_0:
                cover_type_0_item = ArtistImageView.from_dict(cover_type_0_item_data)

                cover_type_0.append(cover_type_0_item)

            return cover_type_0

        cover = _parse_cover(d.pop("cover", UNSET))

        artist_view = cls(
            bio=bio,
            bookable=bookable,
            city=city,
            created_at=created_at,
            display_name=display_name,
            embed_origins=embed_origins,
            id=id,
            instagram=instagram,
            location=location,
            rating=rating,
            review_count=review_count,
            review_note=review_note,
            settings=settings,
            status=status,
            studio_id=studio_id,
            styles=styles,
            suspended=suspended,
            time_zone=time_zone,
            updated_at=updated_at,
            user_id=user_id,
            avatar=avatar,
            cover=cover,
        )

        artist_view.additional_properties = d
        return artist_view

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
