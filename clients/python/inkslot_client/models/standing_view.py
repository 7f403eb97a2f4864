from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.expiring_view import ExpiringView
    from ..models.program_view import ProgramView
    from ..models.tier_view import TierView


T = TypeVar("T", bound="StandingView")


@_attrs_define
class StandingView:
    """
    Attributes:
        account_id (UUID):
        balance (int):
        expiring (ExpiringView | None):
        next_tier (None | TierView):
        program (ProgramView):
        tier (None | TierView):
        tier_points (int):
        value (int):
    """

    account_id: UUID
    balance: int
    expiring: ExpiringView | None
    next_tier: None | TierView
    program: ProgramView
    tier: None | TierView
    tier_points: int
    value: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.expiring_view import ExpiringView  # noqa: PLC0415
        from ..models.tier_view import TierView  # noqa: PLC0415

        account_id = str(self.account_id)

        balance = self.balance

        expiring: dict[str, Any] | None
        if isinstance(self.expiring, ExpiringView):
            expiring = self.expiring.to_dict()
        else:
            expiring = self.expiring

        next_tier: dict[str, Any] | None
        if isinstance(self.next_tier, TierView):
            next_tier = self.next_tier.to_dict()
        else:
            next_tier = self.next_tier

        program = self.program.to_dict()

        tier: dict[str, Any] | None
        if isinstance(self.tier, TierView):
            tier = self.tier.to_dict()
        else:
            tier = self.tier

        tier_points = self.tier_points

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accountId": account_id,
                "balance": balance,
                "expiring": expiring,
                "nextTier": next_tier,
                "program": program,
                "tier": tier,
                "tierPoints": tier_points,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expiring_view import ExpiringView  # noqa: PLC0415
        from ..models.program_view import ProgramView  # noqa: PLC0415
        from ..models.tier_view import TierView  # noqa: PLC0415

        d = dict(src_dict)
        account_id = UUID(d.pop("accountId"))

        balance = d.pop("balance")

        def _parse_expiring(data: object) -> ExpiringView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                expiring_type_0 = ExpiringView.from_dict(data)

                return expiring_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExpiringView | None, data)

        expiring = _parse_expiring(d.pop("expiring"))

        def _parse_next_tier(data: object) -> None | TierView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_tier_type_0 = TierView.from_dict(data)

                return next_tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TierView, data)

        next_tier = _parse_next_tier(d.pop("nextTier"))

        program = ProgramView.from_dict(d.pop("program"))

        def _parse_tier(data: object) -> None | TierView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tier_type_0 = TierView.from_dict(data)

                return tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TierView, data)

        tier = _parse_tier(d.pop("tier"))

        tier_points = d.pop("tierPoints")

        value = d.pop("value")

        standing_view = cls(
            account_id=account_id,
            balance=balance,
            expiring=expiring,
            next_tier=next_tier,
            program=program,
            tier=tier,
            tier_points=tier_points,
            value=value,
        )

        standing_view.additional_properties = d
        return standing_view

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
