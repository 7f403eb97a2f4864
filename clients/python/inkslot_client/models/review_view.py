from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reply_view import ReplyView


T = TypeVar("T", bound="ReviewView")


@_attrs_define
class ReviewView:
    """
    Attributes:
        artist_id (UUID):
        booking_id (UUID):
        created_at (datetime.datetime):
        customer_id (UUID):
        editable_until (datetime.datetime):
        hidden (bool):
        id (UUID):
        rating (int):
        reply (None | ReplyView):
        text (str):
        updated_at (datetime.datetime):
        hidden_reason (str | Unset):
        reviewer_name (str | Unset):
    """

    artist_id: UUID
    booking_id: UUID
    created_at: datetime.datetime
    customer_id: UUID
    editable_until: datetime.datetime
    hidden: bool
    id: UUID
    rating: int
    reply: None | ReplyView
    text: str
    updated_at: datetime.datetime
    hidden_reason: str | Unset = UNSET
    reviewer_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reply_view import ReplyView  # noqa: PLC0415

        artist_id = str(self.artist_id)

        booking_id = str(self.booking_id)

        created_at = self.created_at.isoformat()

        customer_id = str(self.customer_id)

        editable_until = self.editable_until.isoformat()

        hidden = self.hidden

        id = str(self.id)

        rating = self.rating

        reply: dict[str, Any] | None
        if isinstance(self.reply, ReplyView):
            reply = self.reply.to_dict()
        else:
            reply = self.reply

        text = self.text

        updated_at = self.updated_at.isoformat()

        hidden_reason: str | Unset
        if isinstance(self.hidden_reason, Unset):
            hidden_reason = UNSET
        else:
            hidden_reason = self.hidden_reason

        reviewer_name: str | Unset
        if isinstance(self.reviewer_name, Unset):
            reviewer_name = UNSET
        else:
            reviewer_name = self.reviewer_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "bookingId": booking_id,
                "createdAt": created_at,
                "customerId": customer_id,
                "editableUntil": editable_until,
                "hidden": hidden,
                "id": id,
                "rating": rating,
                "reply": reply,
                "text": text,
                "updatedAt": updated_at,
            }
        )
        if hidden_reason is not UNSET:
            field_dict["hiddenReason"] = hidden_reason
        if reviewer_name is not UNSET:
            field_dict["reviewerName"] = reviewer_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reply_view import ReplyView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        booking_id = UUID(d.pop("bookingId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        customer_id = UUID(d.pop("customerId"))

        editable_until = datetime.datetime.fromisoformat(d.pop("editableUntil"))

        hidden = d.pop("hidden")

        id = UUID(d.pop("id"))

        rating = d.pop("rating")

        def _parse_reply(data: object) -> None | ReplyView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reply_type_0 = ReplyView.from_dict(data)

                return reply_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReplyView, data)

        reply = _parse_reply(d.pop("reply"))

        text = d.pop("text")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_hidden_reason(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        hidden_reason = _parse_hidden_reason(d.pop("hiddenReason", UNSET))

        def _parse_reviewer_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        reviewer_name = _parse_reviewer_name(d.pop("reviewerName", UNSET))

        review_view = cls(
            artist_id=artist_id,
            booking_id=booking_id,
            created_at=created_at,
            customer_id=customer_id,
            editable_until=editable_until,
            hidden=hidden,
            id=id,
            rating=rating,
            reply=reply,
            text=text,
            updated_at=updated_at,
            hidden_reason=hidden_reason,
            reviewer_name=reviewer_name,
        )

        review_view.additional_properties = d
        return review_view

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
