"""The generated Python client (clients/python, ``inkslot_client``) against a real
``inkslot serve`` with the demo data, its sync and its async functions: a new customer signs
up, finds the demo artist, reads free slots, books with an Idempotency-Key, the artist
approves, the deposit is paid in the sandbox, the booking is confirmed; refusals are read as
typed problems (docs/clients.md)."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from typing import Any, TypeVar

import pytest
from inkslot_client import AuthenticatedClient, Client
from inkslot_client.api.artists import (
    artists_artist_id_services_list_services,
    artists_artist_id_slots_slots,
)
from inkslot_client.api.auth import auth_login_login, auth_register_register
from inkslot_client.api.bookings import (
    bookings_booking_id_change_status,
    bookings_booking_id_read,
    bookings_create,
)
from inkslot_client.api.payments import bookings_booking_id_deposit_invoice_request_invoice
from inkslot_client.api.sandbox import sandbox_invoices_invoice_id_pay_pay
from inkslot_client.api.search import artists_search_artists
from inkslot_client.models import (
    ChangeStatusRequest,
    ChangeStatusRequestStatus,
    CreateBookingRequest,
    LoginRequest,
    Problem,
    RegisterRequest,
    RegisterRequestRole,
)
from inkslot_client.types import Response
from scripts.clients import CLIENTS, DOCUMENT

from tests.clients.conftest import DemoApi

pytestmark = pytest.mark.serial

T = TypeVar("T")
PASSWORD = "a long enough passphrase 42"


def answer(response: Response[T | Problem], status: HTTPStatus = HTTPStatus.OK) -> T:
    """The typed answer, after checking the status (a problem's body in the message)."""
    assert response.status_code == status, response.content
    parsed = response.parsed
    assert parsed is not None and not isinstance(parsed, Problem), response.content
    return parsed


def problem(response: Response[Any], status: HTTPStatus) -> Problem:
    assert response.status_code == status, response.content
    assert isinstance(response.parsed, Problem), response.content
    return response.parsed


def sign_up(api: DemoApi) -> AuthenticatedClient:
    """A new customer, signed in: the client sends its access token as a bearer token."""
    request = RegisterRequest(
        email=f"py-{uuid.uuid4().hex[:12]}@example.com",
        password=PASSWORD,
        name="Python Walker",
        role=RegisterRequestRole.CUSTOMER,
    )
    with Client(base_url=api.url) as anonymous:
        joined = answer(
            auth_register_register.sync_detailed(client=anonymous, body=request),
            HTTPStatus.CREATED,
        )
    return AuthenticatedClient(base_url=api.url, token=joined.tokens.access_token)


def sign_in_artist(api: DemoApi) -> AuthenticatedClient:
    with Client(base_url=api.url) as anonymous:
        session = answer(
            auth_login_login.sync_detailed(
                client=anonymous,
                body=LoginRequest(email=api.artist_email, password=api.artist_password),
            )
        )
    return AuthenticatedClient(base_url=api.url, token=session.tokens.access_token)


def test_a_new_customer_books_and_pays_the_deposit_with_the_sync_client(
    clients_server: DemoApi,
) -> None:
    customer, artist = sign_up(clients_server), sign_in_artist(clients_server)
    with customer, artist:
        found = answer(artists_search_artists.sync_detailed(client=customer, q="saraa"))
        saraa = next(a for a in found.items if a.display_name == "Saraa Ink")
        services = answer(
            artists_artist_id_services_list_services.sync_detailed(saraa.id, client=customer)
        )
        session = next(s for s in services.items if s.name == "Half-day session")
        assert session.deposit is not None and session.requires_approval
        now = datetime.now(UTC)
        slots = answer(
            artists_artist_id_slots_slots.sync_detailed(
                saraa.id,
                client=customer,
                service_id=session.id,
                from_=now + timedelta(days=2),
                to=now + timedelta(days=30),
                limit=1,
            )
        )
        start = slots.items[0].start

        key = str(uuid.uuid4())
        request = CreateBookingRequest(artist_id=saraa.id, service_id=session.id, start=start)
        booking = answer(
            bookings_create.sync_detailed(client=customer, body=request, idempotency_key=key),
            HTTPStatus.CREATED,
        )
        assert (booking.status, booking.waiting_for) == ("pending", ["approval", "deposit"])
        again = bookings_create.sync_detailed(client=customer, body=request, idempotency_key=key)
        assert answer(again, HTTPStatus.CREATED).id == booking.id
        assert again.headers["Idempotent-Replayed"] == "true"

        approve = ChangeStatusRequest(status=ChangeStatusRequestStatus.CONFIRMED)
        approved = answer(
            bookings_booking_id_change_status.sync_detailed(booking.id, client=artist, body=approve)
        )
        assert (approved.status, approved.approved) == ("pending", True)
        invoice = answer(
            bookings_booking_id_deposit_invoice_request_invoice.sync_detailed(
                booking.id, client=customer, body=None
            ),
            HTTPStatus.CREATED,
        )
        assert invoice.amount == session.deposit.due.amount
        with Client(base_url=clients_server.url) as anonymous:
            paid = answer(
                sandbox_invoices_invoice_id_pay_pay.sync_detailed(
                    invoice.invoice_id, client=anonymous
                )
            )
        assert paid.payment_id

        confirmed = answer(bookings_booking_id_read.sync_detailed(booking.id, client=customer))
        assert (confirmed.status, confirmed.payment_status) == ("confirmed", "paid")


@pytest.mark.anyio
async def test_the_async_client_books_once_for_two_requests_with_one_key(
    clients_server: DemoApi,
) -> None:
    customer = sign_up(clients_server)
    async with customer:
        found = answer(await artists_search_artists.asyncio_detailed(client=customer, q="saraa"))
        saraa = next(a for a in found.items if a.display_name == "Saraa Ink")
        services = answer(
            await artists_artist_id_services_list_services.asyncio_detailed(
                saraa.id, client=customer
            )
        )
        small = next(s for s in services.items if s.name.startswith("Small tattoo"))
        now = datetime.now(UTC)
        slots = answer(
            await artists_artist_id_slots_slots.asyncio_detailed(
                saraa.id,
                client=customer,
                service_id=small.id,
                from_=now + timedelta(days=2),
                to=now + timedelta(days=30),
                limit=1,
            )
        )
        request = CreateBookingRequest(
            artist_id=saraa.id, service_id=small.id, start=slots.items[0].start
        )
        key = str(uuid.uuid4())
        first, second = await asyncio.gather(
            *(
                bookings_create.asyncio_detailed(client=customer, body=request, idempotency_key=key)
                for _ in range(2)
            )
        )
        booked = {answer(first, HTTPStatus.CREATED).id, answer(second, HTTPStatus.CREATED).id}
        assert len(booked) == 1, "two requests with one key made one booking"
        replayed = [r.headers.get("Idempotent-Replayed") for r in (first, second)]
        assert replayed.count("true") == 1, replayed
        # No deposit and no approval for the small piece: confirmed at once.
        assert answer(first, HTTPStatus.CREATED).status == "confirmed"

        missing = await bookings_booking_id_read.asyncio_detailed(uuid.uuid4(), client=customer)
        assert problem(missing, HTTPStatus.NOT_FOUND).code == "booking_not_found"


def test_refusals_are_typed_problems(clients_server: DemoApi) -> None:
    with Client(base_url=clients_server.url) as anonymous:
        weak = RegisterRequest(
            email=f"py-{uuid.uuid4().hex[:12]}@example.com",
            password="short",
            name="Weak",
            role=RegisterRequestRole.CUSTOMER,
        )
        refused = problem(
            auth_register_register.sync_detailed(client=anonymous, body=weak),
            HTTPStatus.UNPROCESSABLE_ENTITY,
        )
        assert refused.code == "invalid_input"
        assert isinstance(refused.errors, list)
        assert "password" in [field.field for field in refused.errors], refused

    with AuthenticatedClient(base_url=clients_server.url, token="not-a-token") as forged:
        read = bookings_booking_id_read.sync_detailed(uuid.uuid4(), client=forged)
        unauthorised = problem(read, HTTPStatus.UNAUTHORIZED)
        assert unauthorised.code == "invalid_token"
        assert unauthorised.request_id == read.headers["X-Request-Id"]


def test_the_server_serves_the_document_the_clients_were_made_from(
    clients_server: DemoApi,
) -> None:
    """The committed document is the one a server of the local profile serves (the sandbox's
    bank app included, which a production server leaves out)."""
    with Client(base_url=clients_server.url) as anonymous:
        served = anonymous.get_httpx_client().get("/schema/openapi.json")
    assert served.status_code == HTTPStatus.OK
    committed = json.loads((CLIENTS / DOCUMENT).read_text("utf-8"))
    assert served.json() == committed
