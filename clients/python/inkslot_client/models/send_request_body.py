from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.send_request_body_colour import SendRequestBodyColour
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.budget_dto import BudgetDto
    from ..models.placement_dto import PlacementDto


T = TypeVar("T", bound="SendRequestBody")


@_attrs_define
class SendRequestBody:
    """
    Attributes:
        artist_id (UUID):
        budget (BudgetDto):
        colour (SendRequestBodyColour):
        first_tattoo (bool):
        idea (str):
        placement (PlacementDto):
        size_cm (int):
        age_confirmed (bool | Unset):  Default: False.
        preferred_dates (list[datetime.date] | Unset):
        upload_ids (list[UUID] | Unset):
    """

    artist_id: UUID
    budget: BudgetDto
    colour: SendRequestBodyColour
    first_tattoo: bool
    idea: str
    placement: PlacementDto
    size_cm: int
    age_confirmed: bool | Unset = False
    preferred_dates: list[datetime.date] | Unset = UNSET
    upload_ids: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        budget = self.budget.to_dict()

        colour = self.colour.value

        first_tattoo = self.first_tattoo

        idea = self.idea

        placement = self.placement.to_dict()

        size_cm = self.size_cm

        age_confirmed = self.age_confirmed

        preferred_dates: list[str] | Unset = UNSET
        if not isinstance(self.preferred_dates, Unset):
            preferred_dates = []
            for preferred_dates_item_data in self.preferred_dates:
                preferred_dates_item = preferred_dates_item_data.isoformat()
                preferred_dates.append(preferred_dates_item)

        upload_ids: list[str] | Unset = UNSET
        if not isinstance(self.upload_ids, Unset):
            upload_ids = []
            for upload_ids_item_data in self.upload_ids:
                upload_ids_item = str(upload_ids_item_data)
                upload_ids.append(upload_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "budget": budget,
                "colour": colour,
                "firstTattoo": first_tattoo,
                "idea": idea,
                "placement": placement,
                "sizeCm": size_cm,
            }
        )
        if age_confirmed is not UNSET:
            field_dict["ageConfirmed"] = age_confirmed
        if preferred_dates is not UNSET:
            field_dict["preferredDates"] = preferred_dates
        if upload_ids is not UNSET:
            field_dict["uploadIds"] = upload_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_dto import BudgetDto  # noqa: PLC0415
        from ..models.placement_dto import PlacementDto  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        budget = BudgetDto.from_dict(d.pop("budget"))

        colour = SendRequestBodyColour(d.pop("colour"))

        first_tattoo = d.pop("firstTattoo")

        idea = d.pop("idea")

        placement = PlacementDto.from_dict(d.pop("placement"))

        size_cm = d.pop("sizeCm")

        age_confirmed = d.pop("ageConfirmed", UNSET)

        _preferred_dates = d.pop("preferredDates", UNSET)
        preferred_dates: list[datetime.date] | Unset = UNSET
        if _preferred_dates is not UNSET:
            preferred_dates = []
            for preferred_dates_item_data in _preferred_dates:
                preferred_dates_item = datetime.date.fromisoformat(preferred_dates_item_data)

                preferred_dates.append(preferred_dates_item)

        _upload_ids = d.pop("uploadIds", UNSET)
        upload_ids: list[UUID] | Unset = UNSET
        if _upload_ids is not UNSET:
            upload_ids = []
            for upload_ids_item_data in _upload_ids:
                upload_ids_item = UUID(upload_ids_item_data)

                upload_ids.append(upload_ids_item)

        send_request_body = cls(
            artist_id=artist_id,
            budget=budget,
            colour=colour,
            first_tattoo=first_tattoo,
            idea=idea,
            placement=placement,
            size_cm=size_cm,
            age_confirmed=age_confirmed,
            preferred_dates=preferred_dates,
            upload_ids=upload_ids,
        )

        send_request_body.additional_properties = d
        return send_request_body

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
