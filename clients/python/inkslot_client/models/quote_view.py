from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money_dto import MoneyDto


T = TypeVar("T", bound="QuoteView")


@_attrs_define
class QuoteView:
    """
    Attributes:
        created_at (datetime.datetime):
        deposit (MoneyDto):
        expires_at (datetime.datetime):
        gap_days (int):
        id (UUID):
        note (str):
        price_max (MoneyDto):
        price_min (MoneyDto):
        request_id (UUID):
        revision (int):
        session_minutes (int):
        sessions (int):
        state (str):
        project_id (None | Unset | UUID):
    """

    created_at: datetime.datetime
    deposit: MoneyDto
    expires_at: datetime.datetime
    gap_days: int
    id: UUID
    note: str
    price_max: MoneyDto
    price_min: MoneyDto
    request_id: UUID
    revision: int
    session_minutes: int
    sessions: int
    state: str
    project_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        deposit = self.deposit.to_dict()

        expires_at = self.expires_at.isoformat()

        gap_days = self.gap_days

        id = str(self.id)

        note = self.note

        price_max = self.price_max.to_dict()

        price_min = self.price_min.to_dict()

        request_id = str(self.request_id)

        revision = self.revision

        session_minutes = self.session_minutes

        sessions = self.sessions

        state = self.state

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "deposit": deposit,
                "expiresAt": expires_at,
                "gapDays": gap_days,
                "id": id,
                "note": note,
                "priceMax": price_max,
                "priceMin": price_min,
                "requestId": request_id,
                "revision": revision,
                "sessionMinutes": session_minutes,
                "sessions": sessions,
                "state": state,
            }
        )
        if project_id is not UNSET:
            field_dict["projectId"] = project_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_dto import MoneyDto  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        deposit = MoneyDto.from_dict(d.pop("deposit"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        gap_days = d.pop("gapDays")

        id = UUID(d.pop("id"))

        note = d.pop("note")

        price_max = MoneyDto.from_dict(d.pop("priceMax"))

        price_min = MoneyDto.from_dict(d.pop("priceMin"))

        request_id = UUID(d.pop("requestId"))

        revision = d.pop("revision")

        session_minutes = d.pop("sessionMinutes")

        sessions = d.pop("sessions")

        state = d.pop("state")

        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("projectId", UNSET))

        quote_view = cls(
            created_at=created_at,
            deposit=deposit,
            expires_at=expires_at,
            gap_days=gap_days,
            id=id,
            note=note,
            price_max=price_max,
            price_min=price_min,
            request_id=request_id,
            revision=revision,
            session_minutes=session_minutes,
            sessions=sessions,
            state=state,
            project_id=project_id,
        )

        quote_view.additional_properties = d
        return quote_view

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
