from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AdminUserView")


@_attrs_define
class AdminUserView:
    """
    Attributes:
        created_at (datetime.datetime):
        email (None | str):
        id (UUID):
        locale (str):
        name (str):
        phone (None | str):
        role (str):
        updated_at (datetime.datetime):
        email_verified (bool | Unset):  Default: False.
        has_password (bool | Unset):  Default: True.
        locked_until (datetime.datetime | None | Unset):
        pending_email (None | str | Unset):
        pending_phone (None | str | Unset):
        phone_verified (bool | Unset):  Default: False.
        suspended (bool | Unset):  Default: False.
    """

    created_at: datetime.datetime
    email: None | str
    id: UUID
    locale: str
    name: str
    phone: None | str
    role: str
    updated_at: datetime.datetime
    email_verified: bool | Unset = False
    has_password: bool | Unset = True
    locked_until: datetime.datetime | None | Unset = UNSET
    pending_email: None | str | Unset = UNSET
    pending_phone: None | str | Unset = UNSET
    phone_verified: bool | Unset = False
    suspended: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email: None | str
        email = self.email

        id = str(self.id)

        locale = self.locale

        name = self.name

        phone: None | str
        phone = self.phone

        role = self.role

        updated_at = self.updated_at.isoformat()

        email_verified = self.email_verified

        has_password = self.has_password

        locked_until: None | str | Unset
        if isinstance(self.locked_until, Unset):
            locked_until = UNSET
        elif isinstance(self.locked_until, datetime.datetime):
            locked_until = self.locked_until.isoformat()
        else:
            locked_until = self.locked_until

        pending_email: None | str | Unset
        if isinstance(self.pending_email, Unset):
            pending_email = UNSET
        else:
            pending_email = self.pending_email

        pending_phone: None | str | Unset
        if isinstance(self.pending_phone, Unset):
            pending_phone = UNSET
        else:
            pending_phone = self.pending_phone

        phone_verified = self.phone_verified

        suspended = self.suspended

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "email": email,
                "id": id,
                "locale": locale,
                "name": name,
                "phone": phone,
                "role": role,
                "updatedAt": updated_at,
            }
        )
        if email_verified is not UNSET:
            field_dict["emailVerified"] = email_verified
        if has_password is not UNSET:
            field_dict["hasPassword"] = has_password
        if locked_until is not UNSET:
            field_dict["lockedUntil"] = locked_until
        if pending_email is not UNSET:
            field_dict["pendingEmail"] = pending_email
        if pending_phone is not UNSET:
            field_dict["pendingPhone"] = pending_phone
        if phone_verified is not UNSET:
            field_dict["phoneVerified"] = phone_verified
        if suspended is not UNSET:
            field_dict["suspended"] = suspended

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        id = UUID(d.pop("id"))

        locale = d.pop("locale")

        name = d.pop("name")

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        role = d.pop("role")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        email_verified = d.pop("emailVerified", UNSET)

        has_password = d.pop("hasPassword", UNSET)

        def _parse_locked_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locked_until_type_0 = datetime.datetime.fromisoformat(data)

                return locked_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        locked_until = _parse_locked_until(d.pop("lockedUntil", UNSET))

        def _parse_pending_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pending_email = _parse_pending_email(d.pop("pendingEmail", UNSET))

        def _parse_pending_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pending_phone = _parse_pending_phone(d.pop("pendingPhone", UNSET))

        phone_verified = d.pop("phoneVerified", UNSET)

        suspended = d.pop("suspended", UNSET)

        admin_user_view = cls(
            created_at=created_at,
            email=email,
            id=id,
            locale=locale,
            name=name,
            phone=phone,
            role=role,
            updated_at=updated_at,
            email_verified=email_verified,
            has_password=has_password,
            locked_until=locked_until,
            pending_email=pending_email,
            pending_phone=pending_phone,
            phone_verified=phone_verified,
            suspended=suspended,
        )

        admin_user_view.additional_properties = d
        return admin_user_view

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
