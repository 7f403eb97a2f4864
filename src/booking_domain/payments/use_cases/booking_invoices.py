"""``ListBookingInvoices``: a booking's deposit and balance invoices, oldest first, for the
booking's parties and admins (to anyone else the booking does not exist), with whether its
artist may ask for the balance now (``balance.balance_due``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.bookings import BookingNotFoundError
from booking_domain.payments.balance import balance_due
from booking_domain.payments.invoices import DepositInvoice
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import BookingId
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class BookingInvoices:
    invoices: tuple[DepositInvoice, ...]  # oldest first, deposits and balances
    balance_due: bool  # the viewer is the booking's artist (or an admin) and may invoice it


class ListBookingInvoices(UseCase[PaymentsDeps]):
    async def __call__(self, actor: Actor, booking_id: BookingId) -> BookingInvoices:
        async with self._deps.uow(read_only=True) as uow:
            booking = await uow.bookings.get(booking_id)
            role = None if booking is None else booking.role_of(actor)
            if booking is None or role is None:
                raise BookingNotFoundError()
            invoices = tuple(sorted(await uow.invoices.for_booking(booking_id),
                                    key=lambda i: i.created_at))  # fmt: skip
        may_invoice = role is not Role.CUSTOMER and balance_due(booking, invoices)
        return BookingInvoices(invoices, balance_due=may_invoice)
