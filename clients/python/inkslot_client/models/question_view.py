from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QuestionView")


@_attrs_define
class QuestionView:
    """
    Attributes:
        dates (str):
        disclosure (None | str):
        key (str):
        kind (str):
        prompt (str):
        required (bool):
    """

    dates: str
    disclosure: None | str
    key: str
    kind: str
    prompt: str
    required: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dates = self.dates

        disclosure: None | str
        disclosure = self.disclosure

        key = self.key

        kind = self.kind

        prompt = self.prompt

        required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dates": dates,
                "disclosure": disclosure,
                "key": key,
                "kind": kind,
                "prompt": prompt,
                "required": required,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dates = d.pop("dates")

        def _parse_disclosure(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disclosure = _parse_disclosure(d.pop("disclosure"))

        key = d.pop("key")

        kind = d.pop("kind")

        prompt = d.pop("prompt")

        required = d.pop("required")

        question_view = cls(
            dates=dates,
            disclosure=disclosure,
            key=key,
            kind=kind,
            prompt=prompt,
            required=required,
        )

        question_view.additional_properties = d
        return question_view

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
