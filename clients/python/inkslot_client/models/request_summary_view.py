from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.budget_view import BudgetView
    from ..models.placement_view import PlacementView


T = TypeVar("T", bound="RequestSummaryView")


@_attrs_define
class RequestSummaryView:
    """
    Attributes:
        artist_id (UUID):
        budget (BudgetView):
        colour (str):
        created_at (datetime.datetime):
        customer_id (UUID):
        first_tattoo (bool):
        id (UUID):
        idea (str):
        image_count (int):
        message_count (int):
        placement (PlacementView):
        preferred_dates (list[datetime.date]):
        size_cm (int):
        status (str):
        turn (str):
        turn_since (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    artist_id: UUID
    budget: BudgetView
    colour: str
    created_at: datetime.datetime
    customer_id: UUID
    first_tattoo: bool
    id: UUID
    idea: str
    image_count: int
    message_count: int
    placement: PlacementView
    preferred_dates: list[datetime.date]
    size_cm: int
    status: str
    turn: str
    turn_since: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        budget = self.budget.to_dict()

        colour = self.colour

        created_at = self.created_at.isoformat()

        customer_id = str(self.customer_id)

        first_tattoo = self.first_tattoo

        id = str(self.id)

        idea = self.idea

        image_count = self.image_count

        message_count = self.message_count

        placement = self.placement.to_dict()

        preferred_dates = []
        for preferred_dates_item_data in self.preferred_dates:
            preferred_dates_item = preferred_dates_item_data.isoformat()
            preferred_dates.append(preferred_dates_item)

        size_cm = self.size_cm

        status = self.status

        turn = self.turn

        turn_since = self.turn_since.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "budget": budget,
                "colour": colour,
                "createdAt": created_at,
                "customerId": customer_id,
                "firstTattoo": first_tattoo,
                "id": id,
                "idea": idea,
                "imageCount": image_count,
                "messageCount": message_count,
                "placement": placement,
                "preferredDates": preferred_dates,
                "sizeCm": size_cm,
                "status": status,
                "turn": turn,
                "turnSince": turn_since,
                "updatedAt": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_view import BudgetView  # noqa: PLC0415
        from ..models.placement_view import PlacementView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        budget = BudgetView.from_dict(d.pop("budget"))

        colour = d.pop("colour")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        customer_id = UUID(d.pop("customerId"))

        first_tattoo = d.pop("firstTattoo")

        id = UUID(d.pop("id"))

        idea = d.pop("idea")

        image_count = d.pop("imageCount")

        message_count = d.pop("messageCount")

        placement = PlacementView.from_dict(d.pop("placement"))

        preferred_dates = []
        _preferred_dates = d.pop("preferredDates")
        for preferred_dates_item_data in _preferred_dates:
            preferred_dates_item = datetime.date.fromisoformat(preferred_dates_item_data)

            preferred_dates.append(preferred_dates_item)

        size_cm = d.pop("sizeCm")

        status = d.pop("status")

        turn = d.pop("turn")

        turn_since = datetime.datetime.fromisoformat(d.pop("turnSince"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        version = d.pop("version")

        request_summary_view = cls(
            artist_id=artist_id,
            budget=budget,
            colour=colour,
            created_at=created_at,
            customer_id=customer_id,
            first_tattoo=first_tattoo,
            id=id,
            idea=idea,
            image_count=image_count,
            message_count=message_count,
            placement=placement,
            preferred_dates=preferred_dates,
            size_cm=size_cm,
            status=status,
            turn=turn,
            turn_since=turn_since,
            updated_at=updated_at,
            version=version,
        )

        request_summary_view.additional_properties = d
        return request_summary_view

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
