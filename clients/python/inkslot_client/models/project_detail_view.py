from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_dto import MoneyDto
    from ..models.project_session_view import ProjectSessionView


T = TypeVar("T", bound="ProjectDetailView")


@_attrs_define
class ProjectDetailView:
    """
    Attributes:
        artist_id (UUID):
        created_at (datetime.datetime):
        customer_id (UUID):
        deposit (MoneyDto):
        deposit_credited (bool):
        deposit_held (bool):
        gap_days (int):
        id (UUID):
        price_max (MoneyDto):
        price_min (MoneyDto):
        quote_id (UUID):
        request_id (UUID):
        session_minutes (int):
        sessions (list[ProjectSessionView]):
        sessions_booked (int):
        sessions_completed (int):
        sessions_planned (int):
        state (str):
    """

    artist_id: UUID
    created_at: datetime.datetime
    customer_id: UUID
    deposit: MoneyDto
    deposit_credited: bool
    deposit_held: bool
    gap_days: int
    id: UUID
    price_max: MoneyDto
    price_min: MoneyDto
    quote_id: UUID
    request_id: UUID
    session_minutes: int
    sessions: list[ProjectSessionView]
    sessions_booked: int
    sessions_completed: int
    sessions_planned: int
    state: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        created_at = self.created_at.isoformat()

        customer_id = str(self.customer_id)

        deposit = self.deposit.to_dict()

        deposit_credited = self.deposit_credited

        deposit_held = self.deposit_held

        gap_days = self.gap_days

        id = str(self.id)

        price_max = self.price_max.to_dict()

        price_min = self.price_min.to_dict()

        quote_id = str(self.quote_id)

        request_id = str(self.request_id)

        session_minutes = self.session_minutes

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        sessions_booked = self.sessions_booked

        sessions_completed = self.sessions_completed

        sessions_planned = self.sessions_planned

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "createdAt": created_at,
                "customerId": customer_id,
                "deposit": deposit,
                "depositCredited": deposit_credited,
                "depositHeld": deposit_held,
                "gapDays": gap_days,
                "id": id,
                "priceMax": price_max,
                "priceMin": price_min,
                "quoteId": quote_id,
                "requestId": request_id,
                "sessionMinutes": session_minutes,
                "sessions": sessions,
                "sessionsBooked": sessions_booked,
                "sessionsCompleted": sessions_completed,
                "sessionsPlanned": sessions_planned,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_dto import MoneyDto  # noqa: PLC0415
        from ..models.project_session_view import ProjectSessionView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        customer_id = UUID(d.pop("customerId"))

        deposit = MoneyDto.from_dict(d.pop("deposit"))

        deposit_credited = d.pop("depositCredited")

        deposit_held = d.pop("depositHeld")

        gap_days = d.pop("gapDays")

        id = UUID(d.pop("id"))

        price_max = MoneyDto.from_dict(d.pop("priceMax"))

        price_min = MoneyDto.from_dict(d.pop("priceMin"))

        quote_id = UUID(d.pop("quoteId"))

        request_id = UUID(d.pop("requestId"))

        session_minutes = d.pop("sessionMinutes")

        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = ProjectSessionView.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        sessions_booked = d.pop("sessionsBooked")

        sessions_completed = d.pop("sessionsCompleted")

        sessions_planned = d.pop("sessionsPlanned")

        state = d.pop("state")

        project_detail_view = cls(
            artist_id=artist_id,
            created_at=created_at,
            customer_id=customer_id,
            deposit=deposit,
            deposit_credited=deposit_credited,
            deposit_held=deposit_held,
            gap_days=gap_days,
            id=id,
            price_max=price_max,
            price_min=price_min,
            quote_id=quote_id,
            request_id=request_id,
            session_minutes=session_minutes,
            sessions=sessions,
            sessions_booked=sessions_booked,
            sessions_completed=sessions_completed,
            sessions_planned=sessions_planned,
            state=state,
        )

        project_detail_view.additional_properties = d
        return project_detail_view

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
