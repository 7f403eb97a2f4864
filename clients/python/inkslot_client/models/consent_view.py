from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.answer_view import AnswerView
    from ..models.form_content_view import FormContentView
    from ..models.id_check_view import IdCheckView
    from ..models.signature_view import SignatureView


T = TypeVar("T", bound="ConsentView")


@_attrs_define
class ConsentView:
    """
    Attributes:
        answers (list[AnswerView]):
        booking_id (UUID):
        created_at (datetime.datetime):
        form (FormContentView):
        form_id (UUID):
        form_version (int):
        id (UUID):
        id_check (IdCheckView | None):
        keep_until (datetime.datetime):
        signature (SignatureView):
        status (str):
        updated_at (datetime.datetime):
        version (int):
    """

    answers: list[AnswerView]
    booking_id: UUID
    created_at: datetime.datetime
    form: FormContentView
    form_id: UUID
    form_version: int
    id: UUID
    id_check: IdCheckView | None
    keep_until: datetime.datetime
    signature: SignatureView
    status: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.id_check_view import IdCheckView  # noqa: PLC0415

        answers = []
        for answers_item_data in self.answers:
            answers_item = answers_item_data.to_dict()
            answers.append(answers_item)

        booking_id = str(self.booking_id)

        created_at = self.created_at.isoformat()

        form = self.form.to_dict()

        form_id = str(self.form_id)

        form_version = self.form_version

        id = str(self.id)

        id_check: dict[str, Any] | None
        if isinstance(self.id_check, IdCheckView):
            id_check = self.id_check.to_dict()
        else:
            id_check = self.id_check

        keep_until = self.keep_until.isoformat()

        signature = self.signature.to_dict()

        status = self.status

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answers": answers,
                "bookingId": booking_id,
                "createdAt": created_at,
                "form": form,
                "formId": form_id,
                "formVersion": form_version,
                "id": id,
                "idCheck": id_check,
                "keepUntil": keep_until,
                "signature": signature,
                "status": status,
                "updatedAt": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_view import AnswerView  # noqa: PLC0415
        from ..models.form_content_view import FormContentView  # noqa: PLC0415
        from ..models.id_check_view import IdCheckView  # noqa: PLC0415
        from ..models.signature_view import SignatureView  # noqa: PLC0415

        d = dict(src_dict)
        answers = []
        _answers = d.pop("answers")
        for answers_item_data in _answers:
            answers_item = AnswerView.from_dict(answers_item_data)

            answers.append(answers_item)

        booking_id = UUID(d.pop("bookingId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        form = FormContentView.from_dict(d.pop("form"))

        form_id = UUID(d.pop("formId"))

        form_version = d.pop("formVersion")

        id = UUID(d.pop("id"))

        def _parse_id_check(data: object) -> IdCheckView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                id_check_type_0 = IdCheckView.from_dict(data)

                return id_check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdCheckView | None, data)

        id_check = _parse_id_check(d.pop("idCheck"))

        keep_until = datetime.datetime.fromisoformat(d.pop("keepUntil"))

        signature = SignatureView.from_dict(d.pop("signature"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        version = d.pop("version")

        consent_view = cls(
            answers=answers,
            booking_id=booking_id,
            created_at=created_at,
            form=form,
            form_id=form_id,
            form_version=form_version,
            id=id,
            id_check=id_check,
            keep_until=keep_until,
            signature=signature,
            status=status,
            updated_at=updated_at,
            version=version,
        )

        consent_view.additional_properties = d
        return consent_view

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
