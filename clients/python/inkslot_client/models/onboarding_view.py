from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.payout_account_view import PayoutAccountView


T = TypeVar("T", bound="OnboardingView")


@_attrs_define
class OnboardingView:
    """
    Attributes:
        account (PayoutAccountView):
        url (str):
    """

    account: PayoutAccountView
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payout_account_view import PayoutAccountView  # noqa: PLC0415

        d = dict(src_dict)
        account = PayoutAccountView.from_dict(d.pop("account"))

        url = d.pop("url")

        onboarding_view = cls(
            account=account,
            url=url,
        )

        onboarding_view.additional_properties = d
        return onboarding_view

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
