from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.artist_card_view import ArtistCardView


T = TypeVar("T", bound="RecommendationView")


@_attrs_define
class RecommendationView:
    """
    Attributes:
        artist (ArtistCardView):
        reason (str):
        style (str):
    """

    artist: ArtistCardView
    reason: str
    style: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist = self.artist.to_dict()

        reason = self.reason

        style = self.style

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artist": artist,
                "reason": reason,
                "style": style,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.artist_card_view import ArtistCardView  # noqa: PLC0415

        d = dict(src_dict)
        artist = ArtistCardView.from_dict(d.pop("artist"))

        reason = d.pop("reason")

        style = d.pop("style")

        recommendation_view = cls(
            artist=artist,
            reason=reason,
            style=style,
        )

        recommendation_view.additional_properties = d
        return recommendation_view

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
