from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.form_body_locale import FormBodyLocale
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.question_body import QuestionBody


T = TypeVar("T", bound="FormBody")


@_attrs_define
class FormBody:
    """
    Attributes:
        title (str):
        locale (FormBodyLocale | Unset):  Default: FormBodyLocale.EN.
        questions (list[QuestionBody] | Unset):
        statement (str | Unset):  Default: ''.
    """

    title: str
    locale: FormBodyLocale | Unset = FormBodyLocale.EN
    questions: list[QuestionBody] | Unset = UNSET
    statement: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        locale: str | Unset = UNSET
        if not isinstance(self.locale, Unset):
            locale = self.locale.value

        questions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.questions, Unset):
            questions = []
            for questions_item_data in self.questions:
                questions_item = questions_item_data.to_dict()
                questions.append(questions_item)

        statement = self.statement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
            }
        )
        if locale is not UNSET:
            field_dict["locale"] = locale
        if questions is not UNSET:
            field_dict["questions"] = questions
        if statement is not UNSET:
            field_dict["statement"] = statement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question_body import QuestionBody  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        _locale = d.pop("locale", UNSET)
        locale: FormBodyLocale | Unset
        if isinstance(_locale, Unset):
            locale = UNSET
        else:
            locale = FormBodyLocale(_locale)

        _questions = d.pop("questions", UNSET)
        questions: list[QuestionBody] | Unset = UNSET
        if _questions is not UNSET:
            questions = []
            for questions_item_data in _questions:
                questions_item = QuestionBody.from_dict(questions_item_data)

                questions.append(questions_item)

        statement = d.pop("statement", UNSET)

        form_body = cls(
            title=title,
            locale=locale,
            questions=questions,
            statement=statement,
        )

        form_body.additional_properties = d
        return form_body

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
