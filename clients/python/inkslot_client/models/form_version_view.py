from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.form_content_view import FormContentView


T = TypeVar("T", bound="FormVersionView")


@_attrs_define
class FormVersionView:
    """
    Attributes:
        content (FormContentView):
        form_id (UUID):
        published_at (datetime.datetime):
        version (int):
    """

    content: FormContentView
    form_id: UUID
    published_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content.to_dict()

        form_id = str(self.form_id)

        published_at = self.published_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "formId": form_id,
                "publishedAt": published_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_content_view import FormContentView  # noqa: PLC0415

        d = dict(src_dict)
        content = FormContentView.from_dict(d.pop("content"))

        form_id = UUID(d.pop("formId"))

        published_at = datetime.datetime.fromisoformat(d.pop("publishedAt"))

        version = d.pop("version")

        form_version_view = cls(
            content=content,
            form_id=form_id,
            published_at=published_at,
            version=version,
        )

        form_version_view.additional_properties = d
        return form_version_view

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
