from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_entry_view_after_type_0 import AuditEntryViewAfterType0
    from ..models.audit_entry_view_before_type_0 import AuditEntryViewBeforeType0


T = TypeVar("T", bound="AuditEntryView")


@_attrs_define
class AuditEntryView:
    """
    Attributes:
        action (str):
        actor_id (None | UUID):
        actor_role (None | str):
        after (AuditEntryViewAfterType0 | None):
        at (datetime.datetime):
        before (AuditEntryViewBeforeType0 | None):
        id (UUID):
        request_id (None | str):
        target (str):
    """

    action: str
    actor_id: None | UUID
    actor_role: None | str
    after: AuditEntryViewAfterType0 | None
    at: datetime.datetime
    before: AuditEntryViewBeforeType0 | None
    id: UUID
    request_id: None | str
    target: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_entry_view_after_type_0 import AuditEntryViewAfterType0  # noqa: PLC0415
        from ..models.audit_entry_view_before_type_0 import AuditEntryViewBeforeType0  # noqa: PLC0415

        action = self.action

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_role: None | str
        actor_role = self.actor_role

        after: dict[str, Any] | None
        if isinstance(self.after, AuditEntryViewAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        at = self.at.isoformat()

        before: dict[str, Any] | None
        if isinstance(self.before, AuditEntryViewBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        id = str(self.id)

        request_id: None | str
        request_id = self.request_id

        target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actorId": actor_id,
                "actorRole": actor_role,
                "after": after,
                "at": at,
                "before": before,
                "id": id,
                "requestId": request_id,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_view_after_type_0 import AuditEntryViewAfterType0  # noqa: PLC0415
        from ..models.audit_entry_view_before_type_0 import AuditEntryViewBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actorId"))

        def _parse_actor_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_role = _parse_actor_role(d.pop("actorRole"))

        def _parse_after(data: object) -> AuditEntryViewAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEntryViewAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryViewAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_before(data: object) -> AuditEntryViewBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEntryViewBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryViewBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        id = UUID(d.pop("id"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("requestId"))

        target = d.pop("target")

        audit_entry_view = cls(
            action=action,
            actor_id=actor_id,
            actor_role=actor_role,
            after=after,
            at=at,
            before=before,
            id=id,
            request_id=request_id,
            target=target,
        )

        audit_entry_view.additional_properties = d
        return audit_entry_view

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
