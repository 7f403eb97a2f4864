from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent_answer_body import ConsentAnswerBody


T = TypeVar("T", bound="SignBody")


@_attrs_define
class SignBody:
    """
    Attributes:
        form_id (UUID):
        form_version (int):
        signed_name (str):
        accepted (bool | Unset):  Default: False.
        adult_confirmed (bool | Unset):  Default: False.
        answers (list[ConsentAnswerBody] | Unset):
    """

    form_id: UUID
    form_version: int
    signed_name: str
    accepted: bool | Unset = False
    adult_confirmed: bool | Unset = False
    answers: list[ConsentAnswerBody] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        form_id = str(self.form_id)

        form_version = self.form_version

        signed_name = self.signed_name

        accepted = self.accepted

        adult_confirmed = self.adult_confirmed

        answers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = []
            for answers_item_data in self.answers:
                answers_item = answers_item_data.to_dict()
                answers.append(answers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "formId": form_id,
                "formVersion": form_version,
                "signedName": signed_name,
            }
        )
        if accepted is not UNSET:
            field_dict["accepted"] = accepted
        if adult_confirmed is not UNSET:
            field_dict["adultConfirmed"] = adult_confirmed
        if answers is not UNSET:
            field_dict["answers"] = answers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_answer_body import ConsentAnswerBody  # noqa: PLC0415

        d = dict(src_dict)
        form_id = UUID(d.pop("formId"))

        form_version = d.pop("formVersion")

        signed_name = d.pop("signedName")

        accepted = d.pop("accepted", UNSET)

        adult_confirmed = d.pop("adultConfirmed", UNSET)

        _answers = d.pop("answers", UNSET)
        answers: list[ConsentAnswerBody] | Unset = UNSET
        if _answers is not UNSET:
            answers = []
            for answers_item_data in _answers:
                answers_item = ConsentAnswerBody.from_dict(answers_item_data)

                answers.append(answers_item)

        sign_body = cls(
            form_id=form_id,
            form_version=form_version,
            signed_name=signed_name,
            accepted=accepted,
            adult_confirmed=adult_confirmed,
            answers=answers,
        )

        sign_body.additional_properties = d
        return sign_body

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
