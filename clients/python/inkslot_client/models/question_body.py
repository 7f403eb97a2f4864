from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.question_body_dates import QuestionBodyDates
from ..models.question_body_disclosure_type_1 import QuestionBodyDisclosureType1
from ..models.question_body_disclosure_type_2_type_1 import QuestionBodyDisclosureType2Type1
from ..models.question_body_disclosure_type_3_type_1 import QuestionBodyDisclosureType3Type1
from ..models.question_body_kind import QuestionBodyKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="QuestionBody")


@_attrs_define
class QuestionBody:
    """
    Attributes:
        kind (QuestionBodyKind):
        dates (QuestionBodyDates | Unset):  Default: QuestionBodyDates.ANY.
        disclosure (None | QuestionBodyDisclosureType1 | QuestionBodyDisclosureType2Type1 |
            QuestionBodyDisclosureType3Type1 | Unset):
        prompt (str | Unset):  Default: ''.
        required (bool | Unset):  Default: True.
    """

    kind: QuestionBodyKind
    dates: QuestionBodyDates | Unset = QuestionBodyDates.ANY
    disclosure: (
        None | QuestionBodyDisclosureType1 | QuestionBodyDisclosureType2Type1 | QuestionBodyDisclosureType3Type1 | Unset
    ) = UNSET
    prompt: str | Unset = ""
    required: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        dates: str | Unset = UNSET
        if not isinstance(self.dates, Unset):
            dates = self.dates.value

        disclosure: None | str | Unset
        if isinstance(self.disclosure, Unset):
            disclosure = UNSET
        elif isinstance(self.disclosure, QuestionBodyDisclosureType1):
            disclosure = self.disclosure.value
        elif isinstance(self.disclosure, QuestionBodyDisclosureType2Type1):
            disclosure = self.disclosure.value
        elif isinstance(self.disclosure, QuestionBodyDisclosureType3Type1):
            disclosure = self.disclosure.value
        else:
            disclosure = self.disclosure

        prompt = self.prompt

        required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
            }
        )
        if dates is not UNSET:
            field_dict["dates"] = dates
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = QuestionBodyKind(d.pop("kind"))

        _dates = d.pop("dates", UNSET)
        dates: QuestionBodyDates | Unset
        if isinstance(_dates, Unset):
            dates = UNSET
        else:
            dates = QuestionBodyDates(_dates)

        def _parse_disclosure(
            data: object,
        ) -> (
            None
            | QuestionBodyDisclosureType1
            | QuestionBodyDisclosureType2Type1
            | QuestionBodyDisclosureType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disclosure_type_1 = QuestionBodyDisclosureType1(data)

                return disclosure_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disclosure_type_2_type_1 = QuestionBodyDisclosureType2Type1(data)

                return disclosure_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disclosure_type_3_type_1 = QuestionBodyDisclosureType3Type1(data)

                return disclosure_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | QuestionBodyDisclosureType1
                | QuestionBodyDisclosureType2Type1
                | QuestionBodyDisclosureType3Type1
                | Unset,
                data,
            )

        disclosure = _parse_disclosure(d.pop("disclosure", UNSET))

        prompt = d.pop("prompt", UNSET)

        required = d.pop("required", UNSET)

        question_body = cls(
            kind=kind,
            dates=dates,
            disclosure=disclosure,
            prompt=prompt,
            required=required,
        )

        question_body.additional_properties = d
        return question_body

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
