from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.booked_session_view import BookedSessionView
    from ..models.project_detail_view import ProjectDetailView
    from ..models.quote_view import QuoteView


T = TypeVar("T", bound="ProjectStartedView")


@_attrs_define
class ProjectStartedView:
    """
    Attributes:
        booking (BookedSessionView):
        project (ProjectDetailView):
        quote (QuoteView):
    """

    booking: BookedSessionView
    project: ProjectDetailView
    quote: QuoteView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        booking = self.booking.to_dict()

        project = self.project.to_dict()

        quote = self.quote.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "booking": booking,
                "project": project,
                "quote": quote,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booked_session_view import BookedSessionView  # noqa: PLC0415
        from ..models.project_detail_view import ProjectDetailView  # noqa: PLC0415
        from ..models.quote_view import QuoteView  # noqa: PLC0415

        d = dict(src_dict)
        booking = BookedSessionView.from_dict(d.pop("booking"))

        project = ProjectDetailView.from_dict(d.pop("project"))

        quote = QuoteView.from_dict(d.pop("quote"))

        project_started_view = cls(
            booking=booking,
            project=project,
            quote=quote,
        )

        project_started_view.additional_properties = d
        return project_started_view

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
