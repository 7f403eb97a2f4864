from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_dto import MoneyDto


T = TypeVar("T", bound="DisputeSummaryView")


@_attrs_define
class DisputeSummaryView:
    """
    Attributes:
        booking_id (UUID):
        booking_status_after (None | str):
        id (UUID):
        opened_at (datetime.datetime):
        opened_by (UUID):
        opened_by_role (str):
        reason (str):
        refund (MoneyDto | None):
        resolution (None | str):
        resolved_at (datetime.datetime | None):
        resolved_by (None | UUID):
        status (str):
    """

    booking_id: UUID
    booking_status_after: None | str
    id: UUID
    opened_at: datetime.datetime
    opened_by: UUID
    opened_by_role: str
    reason: str
    refund: MoneyDto | None
    resolution: None | str
    resolved_at: datetime.datetime | None
    resolved_by: None | UUID
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money_dto import MoneyDto  # noqa: PLC0415

        booking_id = str(self.booking_id)

        booking_status_after: None | str
        booking_status_after = self.booking_status_after

        id = str(self.id)

        opened_at = self.opened_at.isoformat()

        opened_by = str(self.opened_by)

        opened_by_role = self.opened_by_role

        reason = self.reason

        refund: dict[str, Any] | None
        if isinstance(self.refund, MoneyDto):
            refund = self.refund.to_dict()
        else:
            refund = self.refund

        resolution: None | str
        resolution = self.resolution

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: None | str
        if isinstance(self.resolved_by, UUID):
            resolved_by = str(self.resolved_by)
        else:
            resolved_by = self.resolved_by

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bookingId": booking_id,
                "bookingStatusAfter": booking_status_after,
                "id": id,
                "openedAt": opened_at,
                "openedBy": opened_by,
                "openedByRole": opened_by_role,
                "reason": reason,
                "refund": refund,
                "resolution": resolution,
                "resolvedAt": resolved_at,
                "resolvedBy": resolved_by,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_dto import MoneyDto  # noqa: PLC0415

        d = dict(src_dict)
        booking_id = UUID(d.pop("bookingId"))

        def _parse_booking_status_after(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        booking_status_after = _parse_booking_status_after(d.pop("bookingStatusAfter"))

        id = UUID(d.pop("id"))

        opened_at = datetime.datetime.fromisoformat(d.pop("openedAt"))

        opened_by = UUID(d.pop("openedBy"))

        opened_by_role = d.pop("openedByRole")

        reason = d.pop("reason")

        def _parse_refund(data: object) -> MoneyDto | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                refund_type_0 = MoneyDto.from_dict(data)

                return refund_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyDto | None, data)

        refund = _parse_refund(d.pop("refund"))

        def _parse_resolution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution = _parse_resolution(d.pop("resolution"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolvedAt"))

        def _parse_resolved_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_by_type_0 = UUID(data)

                return resolved_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        resolved_by = _parse_resolved_by(d.pop("resolvedBy"))

        status = d.pop("status")

        dispute_summary_view = cls(
            booking_id=booking_id,
            booking_status_after=booking_status_after,
            id=id,
            opened_at=opened_at,
            opened_by=opened_by,
            opened_by_role=opened_by_role,
            reason=reason,
            refund=refund,
            resolution=resolution,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
            status=status,
        )

        dispute_summary_view.additional_properties = d
        return dispute_summary_view

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
