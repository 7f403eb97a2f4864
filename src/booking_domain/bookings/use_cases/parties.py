"""Whom an artist books: an existing customer found by email or phone, or a client record
of the artist's own (made on first use, found again by its phone number).

Rules (docs/product.md, "4. Bookings"):
- only the artist whose calendar it is may name someone else, and that is checked before
  anything is looked up, so nobody else learns whether an email or a number is a
  customer's; the start is checked next, before the person (``create.py``), so an
  unbookable start answers alike for every email and number;
- a customer is found by exactly one of email (compared normalised) or phone (in E.164);
  an account that is no customer's, or a disabled one, is not found
  (``customer_not_found``). A phone finds only the account that proved the number by a
  code (one at most): anyone may type any number into their profile, and an unproven one
  would hand them someone else's booking and its deposit request;
- a client record needs a name and a phone number, an email optionally; a number the artist
  already has a record of books that record (as it is stored).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from booking_domain.accounts import PhoneNumbers, Role, User, e164, normalize_email
from booking_domain.bookings.clients import BookedFor, new_client
from booking_domain.bookings.creation import require_calendar_owner
from booking_domain.bookings.errors import CustomerNotFoundError
from booking_domain.bookings.ports import BookingsUnitOfWork
from booking_domain.scheduling import SchedulingContext
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor


@dataclass(frozen=True, slots=True)
class CustomerLookup:
    """An existing customer, by exactly one of ``email`` or ``phone``."""

    email: str | None = None
    phone: str | None = None

    def fingerprint(self) -> str:
        return f"customer:{self.email or ''}:{self.phone or ''}"


@dataclass(frozen=True, slots=True)
class ClientDetails:
    """A person without an account: the artist's client record to book (made if new)."""

    name: str
    phone: str
    email: str | None = None

    def fingerprint(self) -> str:
        return f"client:{self.name}:{self.phone}:{self.email or ''}"


Party = CustomerLookup | ClientDetails


def read_phone(phones: PhoneNumbers, party: Party) -> Party:
    """The party with its phone read as the platform reads numbers (``PhoneNumbers``: any
    valid number, national ones in the platform's region) and written in E.164, or
    ``InvalidInputError`` naming the field."""
    if party.phone is None:
        return party
    number = phones.contact(party.phone)
    if number is None:
        field = "phone" if isinstance(party, ClientDetails) else "customer.phone"
        detail = "Enter a phone number such as +976 8811 2233."
        raise InvalidInputError(errors=(FieldError(field, detail, "invalid_phone"),))
    return replace(party, phone=number)


async def resolve_party(
    uow: BookingsUnitOfWork, actor: Actor, context: SchedulingContext, party: Party, now: datetime
) -> BookedFor:
    """Whom ``actor`` (the calendar's artist, else refused) books: see the module rules."""
    require_calendar_owner(actor, context.artist.user_id)
    if isinstance(party, ClientDetails):
        record = new_client(
            artist_id=context.artist.id,
            name=party.name,
            phone=party.phone,
            email=party.email,
            now=now,
        )
        stored = await uow.clients.add(record)
        return BookedFor(client_id=stored.id)
    customer = await _customer(uow, party)
    if customer is None or customer.role is not Role.CUSTOMER or customer.disabled:
        raise CustomerNotFoundError()
    return BookedFor(customer_id=customer.id)


async def _customer(uow: BookingsUnitOfWork, lookup: CustomerLookup) -> User | None:
    if (lookup.email is None) == (lookup.phone is None):
        detail = "Give the customer's email or phone, one of them."
        raise InvalidInputError(errors=(FieldError("customer", detail, "one_of"),))
    if lookup.email is not None:
        return await uow.users.get_by_email(normalize_email(lookup.email))
    number = e164(lookup.phone or "")
    if number is None:
        detail = "Enter a phone number such as +976 8811 2233."
        raise InvalidInputError(errors=(FieldError("customer.phone", detail, "invalid_phone"),))
    return await uow.users.with_verified_phone(number)
