from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.form_summary_view import FormSummaryView


T = TypeVar("T", bound="ConsentRequirementView")


@_attrs_define
class ConsentRequirementView:
    """
    Attributes:
        form (FormSummaryView | None):
        form_id (None | UUID):
        required (bool):
        since (datetime.datetime | None):
    """

    form: FormSummaryView | None
    form_id: None | UUID
    required: bool
    since: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.form_summary_view import FormSummaryView  # noqa: PLC0415

        form: dict[str, Any] | None
        if isinstance(self.form, FormSummaryView):
            form = self.form.to_dict()
        else:
            form = self.form

        form_id: None | str
        if isinstance(self.form_id, UUID):
            form_id = str(self.form_id)
        else:
            form_id = self.form_id

        required = self.required

        since: None | str
        if isinstance(self.since, datetime.datetime):
            since = self.since.isoformat()
        else:
            since = self.since

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "form": form,
                "formId": form_id,
                "required": required,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_summary_view import FormSummaryView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_form(data: object) -> FormSummaryView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                form_type_0 = FormSummaryView.from_dict(data)

                return form_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FormSummaryView | None, data)

        form = _parse_form(d.pop("form"))

        def _parse_form_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                form_id_type_0 = UUID(data)

                return form_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        form_id = _parse_form_id(d.pop("formId"))

        required = d.pop("required")

        def _parse_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.datetime.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        since = _parse_since(d.pop("since"))

        consent_requirement_view = cls(
            form=form,
            form_id=form_id,
            required=required,
            since=since,
        )

        consent_requirement_view.additional_properties = d
        return consent_requirement_view

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
