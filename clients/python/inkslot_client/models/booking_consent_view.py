from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.consent_view import ConsentView
    from ..models.form_version_view import FormVersionView


T = TypeVar("T", bound="BookingConsentView")


@_attrs_define
class BookingConsentView:
    """
    Attributes:
        booking_id (UUID):
        can_sign (bool):
        consent (ConsentView | None):
        form (FormVersionView | None):
        standing (str):
        viewer_role (str):
    """

    booking_id: UUID
    can_sign: bool
    consent: ConsentView | None
    form: FormVersionView | None
    standing: str
    viewer_role: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.consent_view import ConsentView  # noqa: PLC0415
        from ..models.form_version_view import FormVersionView  # noqa: PLC0415

        booking_id = str(self.booking_id)

        can_sign = self.can_sign

        consent: dict[str, Any] | None
        if isinstance(self.consent, ConsentView):
            consent = self.consent.to_dict()
        else:
            consent = self.consent

        form: dict[str, Any] | None
        if isinstance(self.form, FormVersionView):
            form = self.form.to_dict()
        else:
            form = self.form

        standing = self.standing

        viewer_role = self.viewer_role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bookingId": booking_id,
                "canSign": can_sign,
                "consent": consent,
                "form": form,
                "standing": standing,
                "viewerRole": viewer_role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_view import ConsentView  # noqa: PLC0415
        from ..models.form_version_view import FormVersionView  # noqa: PLC0415

        d = dict(src_dict)
        booking_id = UUID(d.pop("bookingId"))

        can_sign = d.pop("canSign")

        def _parse_consent(data: object) -> ConsentView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consent_type_0 = ConsentView.from_dict(data)

                return consent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsentView | None, data)

        consent = _parse_consent(d.pop("consent"))

        def _parse_form(data: object) -> FormVersionView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                form_type_0 = FormVersionView.from_dict(data)

                return form_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FormVersionView | None, data)

        form = _parse_form(d.pop("form"))

        standing = d.pop("standing")

        viewer_role = d.pop("viewerRole")

        booking_consent_view = cls(
            booking_id=booking_id,
            can_sign=can_sign,
            consent=consent,
            form=form,
            standing=standing,
            viewer_role=viewer_role,
        )

        booking_consent_view.additional_properties = d
        return booking_consent_view

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
