"""Seeds an operator-sized marketplace for the admin lists.

    .venv/bin/python bench/seed_large.py --database-url postgresql://...   # into a migrated DB

100,000 users (85,000 customers, 15,000 artists and their profiles, admins), 100,000
bookings over the last 250 days and the next 60, 100,000 transactions (70,000 deposit
invoices, 30,000 refunds), 15,000 disputes and an audit trail of 300,000 entries, with
COPY; then VACUUM ANALYZE. ``bench/admin_lists.py`` calls :func:`seed` on the embedded
server. Every figure below is chosen so that each filter the benchmark measures has at
least 10,000 matches (page 500 of 20 is a full page).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]

import psycopg  # noqa: E402

from booking_domain.shared.ids import new_uuid7  # noqa: E402

USERS = 100_000
ARTISTS = 15_000
ADMINS = 10
BOOKINGS = 100_000
INVOICES = 70_000
REFUNDS = 30_000
DISPUTES = 15_000
AUDIT_PER_BOOKING = 3
SYLLABLES = ["bat", "bold", "erdene", "ulzii", "tsetseg", "naraa", "anu", "temuujin", "saraa",
             "gan", "oyun", "khan", "munkh", "enkh", "jargal", "tuya", "dorj", "suren"]  # fmt: skip
CITIES = ["Ulaanbaatar"] * 8 + ["Darkhan", "Erdenet"]
DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Seeded:
    admin_email: str
    admin_id: UUID
    artist_ids: list[UUID]
    customer_ids: list[UUID]
    booking_ids: list[UUID]


def _uuid(at: datetime) -> UUID:
    """A UUIDv7 of ``at`` (ids sort by time, as the application's do)."""
    return new_uuid7(int(at.timestamp() * 1000))


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES).title()} {rng.choice(SYLLABLES).title()}"


def _users(cur: psycopg.Cursor, rng: random.Random, now: datetime, password_hash: str) -> tuple[
    list[UUID], list[UUID], list[UUID]
]:  # fmt: skip
    customers, artists, admins = [], [], []
    with cur.copy(
        "COPY users (id, email, name, role, password_hash, locked_until, disabled, created_at,"
        " updated_at) FROM STDIN"
    ) as cp:
        for n in range(USERS):
            role = "admin" if n < ADMINS else "artist" if n < ADMINS + ARTISTS else "customer"
            made = now - timedelta(days=rng.uniform(0, 700))
            user = _uuid(made)
            {"admin": admins, "artist": artists, "customer": customers}[role].append(user)
            restricted = role != "admin" and rng.random() < 0.03
            locked = now + DAY * rng.randint(1, 30) if restricted and rng.random() < 0.7 else None
            disabled = restricted and locked is None
            email = "admin@bench.local" if n == 0 else f"{role}{n}@bench.local"
            cp.write_row((user, email, _name(rng), role, password_hash, locked, disabled, made,
                          made))  # fmt: skip
    return customers, artists, admins


def _artists(cur: psycopg.Cursor, rng: random.Random, now: datetime, users: list[UUID]) -> tuple[
    list[UUID], list[UUID]
]:  # fmt: skip
    """Profiles (85 % approved, 2 % of them suspended) and one service each."""
    artist_ids, services = [], []
    with cur.copy(
        "COPY artists (id, user_id, display_name, bio, styles, city, time_zone, status,"
        " suspended, review_note, created_at, updated_at) FROM STDIN"
    ) as cp:
        for user in users:
            made = now - timedelta(days=rng.uniform(0, 600))
            artist = _uuid(made)
            artist_ids.append(artist)
            status = rng.choices(["approved", "pending", "draft", "rejected"], [85, 8, 4, 3])[0]
            suspended = status == "approved" and rng.random() < 0.02
            note = "Portfolio too thin" if status == "rejected" else None
            cp.write_row((artist, user, _name(rng), "bench artist", "{blackwork}",
                          rng.choice(CITIES), "Asia/Ulaanbaatar", status, suspended, note, made,
                          made))  # fmt: skip
    with cur.copy(
        "COPY services (id, artist_id, name, duration_minutes, price_amount, currency) FROM STDIN"
    ) as cp:
        for artist in artist_ids:
            service = _uuid(now)
            services.append(service)
            cp.write_row((service, artist, "Session", 120, 300_000, "MNT"))
    return artist_ids, services


@dataclass(frozen=True, slots=True)
class _Booking:
    id: UUID
    artist_user: UUID
    customer: UUID
    start: datetime
    status: str
    payment: str


def _bookings(
    cur: psycopg.Cursor,
    rng: random.Random,
    now: datetime,
    artists: list[UUID],
    artist_users: list[UUID],
    services: list[UUID],
    customers: list[UUID],
) -> list[_Booking]:
    """Each artist's bookings are 52 days apart (give or take 20), from 250 days ago to 62
    days ahead, so active ones never overlap (the exclusion constraint); past ones mostly
    completed, future ones mostly confirmed."""
    made: list[_Booking] = []
    first = now - 250 * DAY
    with cur.copy(
        "COPY bookings (id, reference, artist_id, artist_user_id, customer_id, service_id,"
        " starts_at, ends_at, blocked, status, payment_status, requires_approval, approved,"
        " currency, deposit_amount, amount_paid, version, status_changed_at, created_at,"
        " updated_at) FROM STDIN"
    ) as cp:
        for n in range(BOOKINGS):
            a = n % len(artists)
            slot = n // len(artists)
            start = first + DAY * (slot * 52 + rng.uniform(-20, 20))
            start = start.replace(minute=0, second=0, microsecond=0)
            end = start + timedelta(hours=2)
            if start < now:
                status = rng.choices(["completed", "cancelled", "no_show"], [75, 20, 5])[0]
            else:
                status = rng.choices(["confirmed", "pending", "cancelled"], [70, 20, 10])[0]
            payment = rng.choices(["paid", "unpaid", "invoiced", "refunded"], [60, 25, 5, 10])[0]
            booked = min(start, now) - DAY * rng.uniform(1, 30)
            booking = _Booking(_uuid(booked), artist_users[a], rng.choice(customers),
                               start, status, payment)  # fmt: skip
            made.append(booking)
            paid = 60_000 if payment in ("paid", "refunded") else 0
            cp.write_row((booking.id, f"BEN-{n:06d}", artists[a], artist_users[a],
                          booking.customer, services[a], start, end,
                          f"[{start.isoformat()},{end.isoformat()})", status, payment, False,
                          True, "MNT", 60_000, paid, 3, booked, booked, booked))  # fmt: skip
    return made


def _transactions(
    cur: psycopg.Cursor, rng: random.Random, now: datetime, bookings: list[_Booking]
) -> None:
    """Deposit invoices on the first 70,000 bookings, refunds on the last 30,000."""
    with cur.copy(
        "COPY payment_invoices (id, booking_id, customer_id, artist_user_id, number, amount,"
        " currency, status, callback_token_hash, expires_at, provider_invoice_id, paid_at,"
        " cancel_due, created_at, updated_at) FROM STDIN"
    ) as cp:
        for n, b in enumerate(bookings[:INVOICES]):
            at = b.start - DAY * rng.uniform(1, 20)
            status = rng.choices(["paid", "cancelled", "failed", "open", "creating"],
                                 [70, 15, 5, 8, 2])[0]  # fmt: skip
            provider = None if status in ("creating", "failed") else f"qpay-{n}"
            paid_at = at + timedelta(minutes=3) if status == "paid" else None
            cp.write_row((_uuid(at), b.id, b.customer, b.artist_user, f"BEN{n:08d}01",
                          60_000, "MNT", status, "x", at + timedelta(minutes=15), provider,
                          paid_at, False, at, at))  # fmt: skip
    with cur.copy(
        "COPY refunds (id, booking_id, customer_id, artist_user_id, amount, currency, status,"
        " payment_id, method, reason, settled_at, created_at, updated_at) FROM STDIN"
    ) as cp:
        for n, b in enumerate(bookings[INVOICES : INVOICES + REFUNDS]):
            at = min(b.start, now) - DAY * rng.uniform(0, 5)
            status = rng.choices(["manual", "refunded", "settled", "pending"], [40, 40, 15, 5])[0]
            method = "p2p" if status in ("manual", "settled") else "card"
            reason = "bank-app payment" if method == "p2p" else ""
            settled = at + DAY if status in ("refunded", "settled") else None
            cp.write_row((_uuid(at), b.id, b.customer, b.artist_user, 60_000, "MNT", status,
                          f"pay-{n}", method, reason, settled, at, at))  # fmt: skip


def _disputes(
    cur: psycopg.Cursor, rng: random.Random, bookings: list[_Booking], admin: UUID
) -> None:
    past = [b for b in bookings if b.status == "completed"][:DISPUTES]
    with cur.copy(
        "COPY disputes (id, booking_id, opened_by, opened_by_role, reason, opened_at, status,"
        " resolved_by, resolved_at, resolution_note, refund_amount, refund_currency, outcome)"
        " FROM STDIN"
    ) as cp:
        for b in past:
            at = b.start + DAY * rng.uniform(1, 10)
            if rng.random() < 0.7:
                cp.write_row((_uuid(at), b.id, b.customer, "customer", "Not as agreed", at,
                              "open", None, None, None, None, None, None))  # fmt: skip
            else:
                cp.write_row((_uuid(at), b.id, b.customer, "customer", "Not as agreed", at,
                              "resolved", admin, at + DAY, "Settled", 0, "MNT",
                              "completed"))  # fmt: skip


def _audit(
    cur: psycopg.Cursor, rng: random.Random, bookings: list[_Booking], admins: list[UUID]
) -> None:
    """Three entries a booking (requested, a change, a payment), and an admin's act on one
    booking in fifty."""
    with cur.copy(
        "COPY audit_log (id, at, actor_id, actor_role, action, target, before, after,"
        " request_id) FROM STDIN"
    ) as cp:
        for n, b in enumerate(bookings):
            target = f"booking/{b.id}"
            at = b.start - DAY * 30
            steps = [("booking.requested", b.customer, "customer", None, "pending"),
                     ("booking.confirmed", b.artist_user, "artist", "pending", "confirmed"),
                     (f"booking.{b.status}", None, None, "confirmed", b.status)]  # fmt: skip
            if n % 50 == 0:
                steps[2] = ("booking.cancelled", rng.choice(admins), "admin", "confirmed",
                            "cancelled")  # fmt: skip
            for k, (action, actor, role, before, after) in enumerate(steps):
                moment = at + DAY * k * 5
                cp.write_row((_uuid(moment), moment, actor, role, action, target,
                              None if before is None else json.dumps({"status": before}),
                              json.dumps({"status": after}), f"req-{n}-{k}"))  # fmt: skip


def seed(url: str, *, password_hash: str, seed_value: int = 15) -> Seeded:
    rng = random.Random(seed_value)
    now = datetime.now(UTC)
    with psycopg.connect(url) as conn:
        cur = conn.cursor()
        customers, artist_users, admins = _users(cur, rng, now, password_hash)
        artists, services = _artists(cur, rng, now, artist_users)
        bookings = _bookings(cur, rng, now, artists, artist_users, services, customers)
        _transactions(cur, rng, now, bookings)
        _disputes(cur, rng, bookings, admins[0])
        _audit(cur, rng, bookings, admins)
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return Seeded("admin@bench.local", admins[0], artists, customers, [b.id for b in bookings])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--password", default="bench-admin-password-1")
    args = parser.parse_args()
    from argon2 import PasswordHasher

    seeded = seed(args.database_url, password_hash=PasswordHasher().hash(args.password))
    print(f"seeded: {USERS} users, {BOOKINGS} bookings, {INVOICES + REFUNDS} transactions,"
          f" {DISPUTES} disputes; admin {seeded.admin_email}")  # fmt: skip


if __name__ == "__main__":
    main()
