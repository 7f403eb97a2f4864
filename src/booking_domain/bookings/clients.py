"""An artist's clients: the people an artist books who have no account.

A client record belongs to one artist (nobody else sees or books it), holds a name, a phone
number (E.164) and optionally an email, and never signs in. It is what a walk-in or a phone
booking is for when the person is no customer of the platform (docs/product.md, "4.
Bookings").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NewType
from uuid import UUID

from booking_domain.accounts import checked_name, e164, email_problem, normalize_email
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.ids import ArtistId, UserId, new_uuid7
from booking_domain.shared.time import require_aware

ClientId = NewType("ClientId", UUID)


@dataclass(frozen=True, slots=True)
class Client:
    """One person an artist books without an account: the artist's own record."""

    id: ClientId
    artist_id: ArtistId
    name: str
    phone: str  # E.164
    email: str | None  # normalised
    created_at: datetime


@dataclass(frozen=True, slots=True)
class BookedFor:
    """Whom a booking is for: a customer's account or an artist's client record, never
    both and never neither."""

    customer_id: UserId | None = None
    client_id: ClientId | None = None

    def __post_init__(self) -> None:
        if (self.customer_id is None) == (self.client_id is None):
            raise ValueError("A booking is for one customer or one client.")


def new_client(
    *,
    artist_id: ArtistId,
    name: str,
    phone: str,
    email: str | None,
    now: datetime,
    client_id: ClientId | None = None,
) -> Client:
    """A client record of ``artist_id``: a name (1-100 characters of text), a phone number
    (stored in E.164) and an optional email (stored normalised); ``InvalidInputError`` with
    every problem otherwise."""
    errors: list[FieldError] = []
    cleaned = checked_name(name, errors, missing="Enter the client's name.")
    number = e164(phone)
    if number is None:
        errors.append(
            FieldError("phone", "Enter a phone number such as +976 8811 2233.", "invalid_phone")
        )
    address = None if email is None or not email.strip() else normalize_email(email)
    if address is not None and (problem := email_problem(address)) is not None:
        errors.append(problem)
    if errors or number is None:
        raise InvalidInputError(errors=tuple(errors))
    now = require_aware(now, "now")
    return Client(
        id=client_id or ClientId(new_uuid7(int(now.timestamp() * 1000))),
        artist_id=artist_id,
        name=cleaned,
        phone=number,
        email=address,
        created_at=now,
    )
