"""``inkslot sandbox pay`` pays a balance invoice as it pays a deposit: a real ``inkslot
serve`` of the local profile with its demo data, the CLI as a separate process on the same
database (what ``make run`` and docs/payments.md's balance walk do)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from adapters.postgres.database import psycopg_url
from tests.support.demo_data import DemoSeeding, demo_passwords_in, demo_server
from tests.support.postgres import TestServer
from tests.support.server import ServerProcess

pytestmark = pytest.mark.serial


def _pay_with_cli(server: ServerProcess, invoice_id: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "entrypoints.cli", "sandbox", "pay", invoice_id],
        env=dict(server.env), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert f"invoice {invoice_id} paid" in run.stdout


def _check(client: httpx.Client, invoice_id: str, customer: dict[str, str]) -> dict[str, Any]:
    """The customer's "I have paid" (the CLI's callback goes to the configured public URL,
    which this test's random port is not): the provider's check records the payment."""
    checked = client.post(f"/api/v1/payments/{invoice_id}/check", headers=customer)
    assert checked.status_code == 200, checked.text
    return dict(checked.json())


def _session_done(database_url: str, booking_id: str) -> None:
    """The session took place: the appointment is moved into the past (the server's clock is
    the real one, and a fresh booking lies days ahead)."""
    start = datetime.now(UTC) - timedelta(hours=5)
    end = start + timedelta(hours=4)
    with psycopg.connect(psycopg_url(database_url)) as conn:
        conn.execute(
            "UPDATE bookings SET starts_at = %s, ends_at = %s, blocked = tstzrange(%s, %s)"
            " WHERE id = %s",
            (start, end, start, end, booking_id),
        )


def test_the_cli_pays_a_balance_invoice(
    pg_server: TestServer, demo_seed: DemoSeeding, tmp_path: Path
) -> None:
    with demo_server(pg_server, demo_seed.result(), tmp_path / "server") as server:
        passwords = demo_passwords_in(server.log_path.read_text())
        with httpx.Client(base_url=server.base_url, timeout=30) as client:

            def login(who: str) -> dict[str, str]:
                body = {"email": f"{who}@inkslot.local", "password": passwords[who]}
                answer = client.post("/api/v1/auth/login", json=body)
                assert answer.status_code == 200, answer.text
                return {"authorization": f"Bearer {answer.json()['tokens']['accessToken']}"}

            customer, artist = login("customer"), login("artist")
            artists = client.get("/api/v1/artists", params={"q": "saraa"}).json()["items"]
            artist_id = next(a["id"] for a in artists if a["displayName"] == "Saraa Ink")
            services = client.get(f"/api/v1/artists/{artist_id}/services").json()
            services = services["items"] if isinstance(services, dict) else services
            service_id = next(s["id"] for s in services if s["name"] == "Half-day session")
            now = datetime.now(UTC)
            slots = client.get(
                f"/api/v1/artists/{artist_id}/slots",
                params={"serviceId": service_id, "limit": 1,
                        "from": (now + timedelta(days=2)).strftime("%Y-%m-%dT00:00:00Z"),
                        "to": (now + timedelta(days=30)).strftime("%Y-%m-%dT00:00:00Z")},
            ).json()  # fmt: skip
            body = {"artistId": artist_id, "serviceId": service_id,
                    "start": slots["items"][0]["start"]}  # fmt: skip
            booking_id = client.post("/api/v1/bookings", json=body, headers=customer).json()["id"]
            approved = client.patch(
                f"/api/v1/bookings/{booking_id}", json={"status": "confirmed"}, headers=artist
            )
            assert approved.status_code == 200, approved.text
            deposit = client.post(
                f"/api/v1/bookings/{booking_id}/deposit-invoice", headers=customer
            ).json()
            _pay_with_cli(server, deposit["invoiceId"])
            assert _check(client, deposit["invoiceId"], customer)["bookingStatus"] == "confirmed"

            assert server.database_url is not None
            _session_done(server.database_url, booking_id)
            done = client.patch(
                f"/api/v1/bookings/{booking_id}", json={"status": "completed"}, headers=artist
            )
            assert done.status_code == 200, done.text
            made = client.post(
                f"/api/v1/bookings/{booking_id}/balance-invoice",
                json={"adjustment": 5_000_000, "adjustmentReason": "extra colour"},
                headers=artist,
            )
            assert made.status_code == 201, made.text
            balance = made.json()
            assert (balance["kind"], balance["amount"]) == ("balance", 55_000_000)
            _pay_with_cli(server, balance["invoiceId"])
            paid = _check(client, balance["invoiceId"], customer)
            assert (paid["status"], paid["paidInFull"]) == ("paid", True)
            booking = client.get(f"/api/v1/bookings/{booking_id}", headers=customer).json()
            assert (booking["amountPaid"], booking["paidInFull"]) == (65_000_000, True)
