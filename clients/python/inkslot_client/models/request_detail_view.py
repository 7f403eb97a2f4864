from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.request_image_view import RequestImageView
    from ..models.request_summary_view import RequestSummaryView


T = TypeVar("T", bound="RequestDetailView")


@_attrs_define
class RequestDetailView:
    """
    Attributes:
        images (list[RequestImageView]):
        request (RequestSummaryView):
        viewer_role (str):
    """

    images: list[RequestImageView]
    request: RequestSummaryView
    viewer_role: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        request = self.request.to_dict()

        viewer_role = self.viewer_role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "images": images,
                "request": request,
                "viewerRole": viewer_role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.request_image_view import RequestImageView  # noqa: PLC0415
        from ..models.request_summary_view import RequestSummaryView  # noqa: PLC0415

        d = dict(src_dict)
        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = RequestImageView.from_dict(images_item_data)

            images.append(images_item)

        request = RequestSummaryView.from_dict(d.pop("request"))

        viewer_role = d.pop("viewerRole")

        request_detail_view = cls(
            images=images,
            request=request,
            viewer_role=viewer_role,
        )

        request_detail_view.additional_properties = d
        return request_detail_view

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
