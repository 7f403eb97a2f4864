from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CatalogSettingsView")


@_attrs_define
class CatalogSettingsView:
    """
    Attributes:
        approval_hold_minutes (int):
        daily_cap (int | None):
        deposit_hold_minutes (int):
        free_cancellation_minutes (int):
        horizon_days (int):
        minimum_notice_minutes (int):
        slot_step_minutes (int):
    """

    approval_hold_minutes: int
    daily_cap: int | None
    deposit_hold_minutes: int
    free_cancellation_minutes: int
    horizon_days: int
    minimum_notice_minutes: int
    slot_step_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval_hold_minutes = self.approval_hold_minutes

        daily_cap: int | None
        daily_cap = self.daily_cap

        deposit_hold_minutes = self.deposit_hold_minutes

        free_cancellation_minutes = self.free_cancellation_minutes

        horizon_days = self.horizon_days

        minimum_notice_minutes = self.minimum_notice_minutes

        slot_step_minutes = self.slot_step_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approvalHoldMinutes": approval_hold_minutes,
                "dailyCap": daily_cap,
                "depositHoldMinutes": deposit_hold_minutes,
                "freeCancellationMinutes": free_cancellation_minutes,
                "horizonDays": horizon_days,
                "minimumNoticeMinutes": minimum_notice_minutes,
                "slotStepMinutes": slot_step_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approval_hold_minutes = d.pop("approvalHoldMinutes")

        def _parse_daily_cap(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        daily_cap = _parse_daily_cap(d.pop("dailyCap"))

        deposit_hold_minutes = d.pop("depositHoldMinutes")

        free_cancellation_minutes = d.pop("freeCancellationMinutes")

        horizon_days = d.pop("horizonDays")

        minimum_notice_minutes = d.pop("minimumNoticeMinutes")

        slot_step_minutes = d.pop("slotStepMinutes")

        catalog_settings_view = cls(
            approval_hold_minutes=approval_hold_minutes,
            daily_cap=daily_cap,
            deposit_hold_minutes=deposit_hold_minutes,
            free_cancellation_minutes=free_cancellation_minutes,
            horizon_days=horizon_days,
            minimum_notice_minutes=minimum_notice_minutes,
            slot_step_minutes=slot_step_minutes,
        )

        catalog_settings_view.additional_properties = d
        return catalog_settings_view

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
