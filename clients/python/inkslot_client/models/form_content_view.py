from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.question_view import QuestionView


T = TypeVar("T", bound="FormContentView")


@_attrs_define
class FormContentView:
    """
    Attributes:
        acceptance (str):
        adult_confirmation (str):
        locale (str):
        questions (list[QuestionView]):
        statement (str):
        title (str):
    """

    acceptance: str
    adult_confirmation: str
    locale: str
    questions: list[QuestionView]
    statement: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acceptance = self.acceptance

        adult_confirmation = self.adult_confirmation

        locale = self.locale

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        statement = self.statement

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acceptance": acceptance,
                "adultConfirmation": adult_confirmation,
                "locale": locale,
                "questions": questions,
                "statement": statement,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question_view import QuestionView  # noqa: PLC0415

        d = dict(src_dict)
        acceptance = d.pop("acceptance")

        adult_confirmation = d.pop("adultConfirmation")

        locale = d.pop("locale")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = QuestionView.from_dict(questions_item_data)

            questions.append(questions_item)

        statement = d.pop("statement")

        title = d.pop("title")

        form_content_view = cls(
            acceptance=acceptance,
            adult_confirmation=adult_confirmation,
            locale=locale,
            questions=questions,
            statement=statement,
            title=title,
        )

        form_content_view.additional_properties = d
        return form_content_view

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
