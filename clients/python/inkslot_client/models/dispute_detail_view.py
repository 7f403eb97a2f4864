from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dispute_summary_view import DisputeSummaryView
    from ..models.evidence_view import EvidenceView
    from ..models.money_dto import MoneyDto


T = TypeVar("T", bound="DisputeDetailView")


@_attrs_define
class DisputeDetailView:
    """
    Attributes:
        booking_status (str):
        dispute (DisputeSummaryView):
        evidence (list[EvidenceView]):
        payment_status (str):
        refundable (MoneyDto):
    """

    booking_status: str
    dispute: DisputeSummaryView
    evidence: list[EvidenceView]
    payment_status: str
    refundable: MoneyDto
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        booking_status = self.booking_status

        dispute = self.dispute.to_dict()

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        payment_status = self.payment_status

        refundable = self.refundable.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bookingStatus": booking_status,
                "dispute": dispute,
                "evidence": evidence,
                "paymentStatus": payment_status,
                "refundable": refundable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dispute_summary_view import DisputeSummaryView  # noqa: PLC0415
        from ..models.evidence_view import EvidenceView  # noqa: PLC0415
        from ..models.money_dto import MoneyDto  # noqa: PLC0415

        d = dict(src_dict)
        booking_status = d.pop("bookingStatus")

        dispute = DisputeSummaryView.from_dict(d.pop("dispute"))

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = EvidenceView.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        payment_status = d.pop("paymentStatus")

        refundable = MoneyDto.from_dict(d.pop("refundable"))

        dispute_detail_view = cls(
            booking_status=booking_status,
            dispute=dispute,
            evidence=evidence,
            payment_status=payment_status,
            refundable=refundable,
        )

        dispute_detail_view.additional_properties = d
        return dispute_detail_view

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
