from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.artist_image_view import ArtistImageView
    from ..models.money_dto import MoneyDto
    from ..models.next_slot_view import NextSlotView
    from ..models.thumbnail_view import ThumbnailView


T = TypeVar("T", bound="ArtistCardView")


@_attrs_define
class ArtistCardView:
    """
    Attributes:
        avatar (list[ArtistImageView]):
        bio (str):
        city (None | str):
        cover (list[ArtistImageView]):
        display_name (str):
        distance_km (float | None):
        id (UUID):
        lowest_price (MoneyDto | None):
        next_free_slot (NextSlotView | None):
        rating (float | None):
        review_count (int):
        studio_id (None | UUID):
        studio_name (None | str):
        styles (list[str]):
        thumbnails (list[ThumbnailView]):
    """

    avatar: list[ArtistImageView]
    bio: str
    city: None | str
    cover: list[ArtistImageView]
    display_name: str
    distance_km: float | None
    id: UUID
    lowest_price: MoneyDto | None
    next_free_slot: NextSlotView | None
    rating: float | None
    review_count: int
    studio_id: None | UUID
    studio_name: None | str
    styles: list[str]
    thumbnails: list[ThumbnailView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money_dto import MoneyDto  # noqa: PLC0415
        from ..models.next_slot_view import NextSlotView  # noqa: PLC0415

        avatar = []
        for avatar_item_data in self.avatar:
            avatar_item = avatar_item_data.to_dict()
            avatar.append(avatar_item)

        bio = self.bio

        city: None | str
        city = self.city

        cover = []
        for cover_item_data in self.cover:
            cover_item = cover_item_data.to_dict()
            cover.append(cover_item)

        display_name = self.display_name

        distance_km: float | None
        distance_km = self.distance_km

        id = str(self.id)

        lowest_price: dict[str, Any] | None
        if isinstance(self.lowest_price, MoneyDto):
            lowest_price = self.lowest_price.to_dict()
        else:
            lowest_price = self.lowest_price

        next_free_slot: dict[str, Any] | None
        if isinstance(self.next_free_slot, NextSlotView):
            next_free_slot = self.next_free_slot.to_dict()
        else:
            next_free_slot = self.next_free_slot

        rating: float | None
        rating = self.rating

        review_count = self.review_count

        studio_id: None | str
        if isinstance(self.studio_id, UUID):
            studio_id = str(self.studio_id)
        else:
            studio_id = self.studio_id

        studio_name: None | str
        studio_name = self.studio_name

        styles = self.styles

        thumbnails = []
        for thumbnails_item_data in self.thumbnails:
            thumbnails_item = thumbnails_item_data.to_dict()
            thumbnails.append(thumbnails_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "avatar": avatar,
                "bio": bio,
                "city": city,
                "cover": cover,
                "displayName": display_name,
                "distanceKm": distance_km,
                "id": id,
                "lowestPrice": lowest_price,
                "nextFreeSlot": next_free_slot,
                "rating": rating,
                "reviewCount": review_count,
                "studioId": studio_id,
                "studioName": studio_name,
                "styles": styles,
                "thumbnails": thumbnails,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.artist_image_view import ArtistImageView  # noqa: PLC0415
        from ..models.money_dto import MoneyDto  # noqa: PLC0415
        from ..models.next_slot_view import NextSlotView  # noqa: PLC0415
        from ..models.thumbnail_view import ThumbnailView  # noqa: PLC0415

        d = dict(src_dict)
        avatar = []
        _avatar = d.pop("avatar")
        for avatar_item_data in _avatar:
            avatar_item = ArtistImageView.from_dict(avatar_item_data)

            avatar.append(avatar_item)

        bio = d.pop("bio")

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        cover = []
        _cover = d.pop("cover")
        for cover_item_data in _cover:
            cover_item = ArtistImageView.from_dict(cover_item_data)

            cover.append(cover_item)

        display_name = d.pop("displayName")

        def _parse_distance_km(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        distance_km = _parse_distance_km(d.pop("distanceKm"))

        id = UUID(d.pop("id"))

        def _parse_lowest_price(data: object) -> MoneyDto | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                lowest_price_type_0 = MoneyDto.from_dict(data)

                return lowest_price_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyDto | None, data)

        lowest_price = _parse_lowest_price(d.pop("lowestPrice"))

        def _parse_next_free_slot(data: object) -> NextSlotView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_free_slot_type_0 = NextSlotView.from_dict(data)

                return next_free_slot_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextSlotView | None, data)

        next_free_slot = _parse_next_free_slot(d.pop("nextFreeSlot"))

        def _parse_rating(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rating = _parse_rating(d.pop("rating"))

        review_count = d.pop("reviewCount")

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

        def _parse_studio_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        studio_name = _parse_studio_name(d.pop("studioName"))

        styles = cast(list[str], d.pop("styles"))

        thumbnails = []
        _thumbnails = d.pop("thumbnails")
        for thumbnails_item_data in _thumbnails:
            thumbnails_item = ThumbnailView.from_dict(thumbnails_item_data)

            thumbnails.append(thumbnails_item)

        artist_card_view = cls(
            avatar=avatar,
            bio=bio,
            city=city,
            cover=cover,
            display_name=display_name,
            distance_km=distance_km,
            id=id,
            lowest_price=lowest_price,
            next_free_slot=next_free_slot,
            rating=rating,
            review_count=review_count,
            studio_id=studio_id,
            studio_name=studio_name,
            styles=styles,
            thumbnails=thumbnails,
        )

        artist_card_view.additional_properties = d
        return artist_card_view

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
