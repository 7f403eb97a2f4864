from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SettingsRequest")


@_attrs_define
class SettingsRequest:
    """
    Attributes:
        approval_hold_minutes (int | Unset):
        daily_cap (int | Unset):
        deposit_hold_minutes (int | Unset):
        free_cancellation_minutes (int | Unset):
        horizon_days (int | Unset):
        minimum_notice_minutes (int | Unset):
        slot_step_minutes (int | Unset):
    """

    approval_hold_minutes: int | Unset = UNSET
    daily_cap: int | Unset = UNSET
    deposit_hold_minutes: int | Unset = UNSET
    free_cancellation_minutes: int | Unset = UNSET
    horizon_days: int | Unset = UNSET
    minimum_notice_minutes: int | Unset = UNSET
    slot_step_minutes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval_hold_minutes: int | Unset
        if isinstance(self.approval_hold_minutes, Unset):
            approval_hold_minutes = UNSET
        else:
            approval_hold_minutes = self.approval_hold_minutes

        daily_cap: int | Unset
        if isinstance(self.daily_cap, Unset):
            daily_cap = UNSET
        else:
            daily_cap = self.daily_cap

        deposit_hold_minutes: int | Unset
        if isinstance(self.deposit_hold_minutes, Unset):
            deposit_hold_minutes = UNSET
        else:
            deposit_hold_minutes = self.deposit_hold_minutes

        free_cancellation_minutes: int | Unset
        if isinstance(self.free_cancellation_minutes, Unset):
            free_cancellation_minutes = UNSET
        else:
            free_cancellation_minutes = self.free_cancellation_minutes

        horizon_days: int | Unset
        if isinstance(self.horizon_days, Unset):
            horizon_days = UNSET
        else:
            horizon_days = self.horizon_days

        minimum_notice_minutes: int | Unset
        if isinstance(self.minimum_notice_minutes, Unset):
            minimum_notice_minutes = UNSET
        else:
            minimum_notice_minutes = self.minimum_notice_minutes

        slot_step_minutes: int | Unset
        if isinstance(self.slot_step_minutes, Unset):
            slot_step_minutes = UNSET
        else:
            slot_step_minutes = self.slot_step_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if approval_hold_minutes is not UNSET:
            field_dict["approvalHoldMinutes"] = approval_hold_minutes
        if daily_cap is not UNSET:
            field_dict["dailyCap"] = daily_cap
        if deposit_hold_minutes is not UNSET:
            field_dict["depositHoldMinutes"] = deposit_hold_minutes
        if free_cancellation_minutes is not UNSET:
            field_dict["freeCancellationMinutes"] = free_cancellation_minutes
        if horizon_days is not UNSET:
            field_dict["horizonDays"] = horizon_days
        if minimum_notice_minutes is not UNSET:
            field_dict["minimumNoticeMinutes"] = minimum_notice_minutes
        if slot_step_minutes is not UNSET:
            field_dict["slotStepMinutes"] = slot_step_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_approval_hold_minutes(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        approval_hold_minutes = _parse_approval_hold_minutes(d.pop("approvalHoldMinutes", UNSET))

        def _parse_daily_cap(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        daily_cap = _parse_daily_cap(d.pop("dailyCap", UNSET))

        def _parse_deposit_hold_minutes(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        deposit_hold_minutes = _parse_deposit_hold_minutes(d.pop("depositHoldMinutes", UNSET))

        def _parse_free_cancellation_minutes(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        free_cancellation_minutes = _parse_free_cancellation_minutes(d.pop("freeCancellationMinutes", UNSET))

        def _parse_horizon_days(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        horizon_days = _parse_horizon_days(d.pop("horizonDays", UNSET))

        def _parse_minimum_notice_minutes(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        minimum_notice_minutes = _parse_minimum_notice_minutes(d.pop("minimumNoticeMinutes", UNSET))

        def _parse_slot_step_minutes(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        slot_step_minutes = _parse_slot_step_minutes(d.pop("slotStepMinutes", UNSET))

        settings_request = cls(
            approval_hold_minutes=approval_hold_minutes,
            daily_cap=daily_cap,
            deposit_hold_minutes=deposit_hold_minutes,
            free_cancellation_minutes=free_cancellation_minutes,
            horizon_days=horizon_days,
            minimum_notice_minutes=minimum_notice_minutes,
            slot_step_minutes=slot_step_minutes,
        )

        settings_request.additional_properties = d
        return settings_request

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
