"""Set-up for ``bench/bookings.py``: the embedded PostgreSQL, ``inkslot serve --workers 2`` on
it, and a catalogue written with straight SQL.

The catalogue: 200 approved artists in Asia/Ulaanbaatar (no DST), each with one 60-minute
service (no deposit, no approval: bookings confirm at once), weekly rules 08:00-20:00 every
day, four date overrides (two closed days, two short days) and 200 confirmed bookings in the
31 days the slot scenario reads (local days 2..33). Booking creation uses local days 35..88,
so creations never touch the slot scenario's range. One more "hot" artist takes the storm.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import psycopg

from adapters.postgres import migrate
from adapters.postgres.embedded import EmbeddedPostgres
from entrypoints.database import LOCAL_DATABASE, ensure_database
from serving import stop_server, wait_until_ready

__all__ = ["stop_server"]

PASSWORD = "violet-needle-harbour"
ZONE = ZoneInfo("Asia/Ulaanbaatar")
ARTISTS = 200
OPEN_HOURS = range(8, 20)  # one-hour starts 08:00 .. 19:00 local
HISTORY_DAYS = range(2, 33)  # the slot scenario reads [day 2, day 33): 31 days
HISTORY_PER_ARTIST = 200
CREATION_DAYS = range(35, 89)  # inside the 90-day horizon, clear of the history


@dataclass(frozen=True)
class ArtistRow:
    id: UUID
    user_id: UUID
    service_id: UUID


@dataclass(frozen=True)
class Catalogue:
    artists: list[ArtistRow]
    hot: ArtistRow
    today: date  # the artists' local date when seeded
    history_customer: UUID  # the customer of the seeded bookings

    def start(self, day: int, hour: int) -> datetime:
        return datetime.combine(self.today + timedelta(days=day), clock_time(hour), tzinfo=ZONE)

    def creation_slot(self, k: int) -> tuple[ArtistRow, datetime]:
        """The k-th free slot for creation, spread round-robin over the 200 artists."""
        artist = self.artists[k % len(self.artists)]
        j = (k // len(self.artists)) % (len(CREATION_DAYS) * len(OPEN_HOURS))
        day = CREATION_DAYS[j // len(OPEN_HOURS)]
        return artist, self.start(day, OPEN_HOURS[j % len(OPEN_HOURS)])

    @property
    def creation_capacity(self) -> int:
        return len(self.artists) * len(CREATION_DAYS) * len(OPEN_HOURS)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def start_postgres(
    data_dir: Path, settings: dict[str, str] | None = None
) -> tuple[EmbeddedPostgres, str]:
    """The embedded server as the local profile runs it (same settings, plus ``settings``:
    ``bench/bookings.py --statements`` loads pg_stat_statements), migrated."""
    server = EmbeddedPostgres(data_dir / "postgres", settings=settings)
    server.start()
    ensure_database(server.url(), LOCAL_DATABASE)
    url = server.url(LOCAL_DATABASE)
    migrate.upgrade(url)
    return server, url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _environment(data_dir: Path, database_url: str, extra_env: dict[str, str]) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")},
        "INKSLOT_DATA_DIR": str(data_dir),
        "INKSLOT_DATABASE_URL": database_url,
        "INKSLOT_SEED_DEMO_DATA": "false",
        # One client address registers every customer; tokens must outlive the run.
        "INKSLOT_AUTH_RATE_LIMIT_PER_MINUTE": "10000000",
        "INKSLOT_SIGN_UP_RATE_LIMIT_PER_HOUR": "10000000",
        "INKSLOT_ACCESS_TOKEN_MINUTES": "240",
        **extra_env,
    }


def start_server(
    data_dir: Path, database_url: str, port: int, workers: int, **extra_env: str
) -> subprocess.Popen:  # type: ignore[type-arg]
    env = _environment(data_dir, database_url, extra_env)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "entrypoints.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(data_dir / "server.log", "wb"),  # noqa: SIM115 - lives with the process
    )
    wait_until_ready(process, port)
    return process


def start_worker(data_dir: Path, database_url: str, number: int = 0) -> subprocess.Popen:  # type: ignore[type-arg]
    """``inkslot worker``, the job runner a production deployment runs beside the API (one
    or more: ``number`` tells their logs apart)."""
    log = "worker.log" if number == 0 else f"worker-{number + 1}.log"
    return subprocess.Popen(
        [sys.executable, "-m", "entrypoints.cli", "worker"],
        env=_environment(data_dir, database_url, {}),
        stdout=subprocess.DEVNULL,
        stderr=open(data_dir / log, "wb"),  # lives with the process
    )


def worker_pids(process: subprocess.Popen) -> list[int]:  # type: ignore[type-arg]
    """uvicorn's worker processes (children of the serving process)."""
    out = subprocess.run(
        ["pgrep", "-P", str(process.pid)], capture_output=True, text=True, check=False
    )
    children = [int(p) for p in out.stdout.split() if not _job_worker(int(p))]
    grandchildren: list[int] = []
    for child in children:
        more = subprocess.run(["pgrep", "-P", str(child)], capture_output=True, text=True)
        grandchildren += [int(p) for p in more.stdout.split() if not _job_worker(int(p))]
    return grandchildren or children


def _job_worker(pid: int) -> bool:
    """The job worker ``inkslot serve`` starts beside the API in the local profile: a child
    of the server, not one of its HTTP workers."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except FileNotFoundError:
        return False
    return b"entrypoints.cli" in command and b"worker" in command


def _post(url: str, body: dict[str, str]) -> dict[str, object]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())  # type: ignore[no-any-return]


def _patch(url: str, body: dict[str, str], token: str) -> None:
    headers = {"content-type": "application/json", "authorization": f"Bearer {token}"}
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers=headers, method="PATCH"
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()


def register_customers(
    base: str, count: int, *, phones: bool = False, database_url: str | None = None
) -> list[str]:
    """Access tokens of ``count`` new customers, registered through the API (``phones``:
    each with a mobile number of its own, proved as a code would prove it when
    ``database_url`` is given, so that texts are sent to them too: a number typed into a
    profile gets none)."""
    tag = f"{os.getpid()}-{int(time.time())}"
    first = random.Random(tag).randrange(1_000_000)

    def one(i: int) -> str:
        session = _post(
            base + "/api/v1/auth/register",
            {
                "email": f"bench-{tag}-{i}@example.com",
                "password": PASSWORD,
                "name": f"Customer {i}",
                "role": "customer",
            },
        )
        token = str(session["tokens"]["accessToken"])  # type: ignore[index]
        if phones:
            phone = f"+97699{(first + i) % 1_000_000:06d}"
            _patch(base + "/api/v1/me", {"phone": phone}, token)
        return token

    with ThreadPoolExecutor(8) as pool:
        tokens = list(pool.map(one, range(count)))
    if phones and database_url is not None:
        with psycopg.connect(database_url) as conn:
            conn.execute(
                "UPDATE users SET phone_verified = true WHERE email LIKE %s",
                (f"bench-{tag}-%",),
            )
    return tokens


def _users(conn: psycopg.Connection, count: int, role: str) -> list[UUID]:  # type: ignore[type-arg]
    ids = [uuid4() for _ in range(count)]
    with conn.cursor().copy("COPY users (id, email, name, role, password_hash) FROM STDIN") as cp:
        for user_id in ids:
            # Seeded accounts never log in: the hash is deliberately unusable.
            cp.write_row((user_id, f"{role}-{user_id.hex}@bench.local", role, role, "!"))
    return ids


def seed_catalogue(database_url: str, seed: int = 7) -> Catalogue:
    rng = random.Random(seed)
    today = datetime.now(ZONE).date()
    with psycopg.connect(database_url) as conn:
        users = _users(conn, ARTISTS + 1, "artist")
        (history_customer,) = _users(conn, 1, "customer")
        rows = [ArtistRow(uuid4(), user_id, uuid4()) for user_id in users]
        cur = conn.cursor()
        with cur.copy(
            "COPY artists (id, user_id, display_name, time_zone, status, city) FROM STDIN"
        ) as cp:
            for n, a in enumerate(rows):
                cp.write_row((a.id, a.user_id, f"Artist {n}", ZONE.key, "approved", "Ulaanbaatar"))
        with cur.copy(
            "COPY services (id, artist_id, name, duration_minutes, price_amount, currency)"
            " FROM STDIN"
        ) as cp:
            for a in rows:
                cp.write_row((a.service_id, a.id, "Flash tattoo, 1 h", 60, 15_000_000, "MNT"))
        with cur.copy(
            "COPY weekly_rules (id, artist_id, day, start_minute, end_minute) FROM STDIN"
        ) as cp:
            for a in rows:
                for day in range(7):
                    cp.write_row(
                        (uuid4(), a.id, day, OPEN_HOURS[0] * 60, (OPEN_HOURS[-1] + 1) * 60)
                    )
        catalogue = Catalogue(rows[:ARTISTS], rows[ARTISTS], today, history_customer)
        overrides: list[tuple[object, ...]] = []
        history: list[tuple[object, ...]] = []
        for n, a in enumerate(catalogue.artists):
            closed = set(rng.sample(list(HISTORY_DAYS), 2))
            short = set(rng.sample([d for d in HISTORY_DAYS if d not in closed], 2))
            for day in sorted(closed | short):
                windows = [] if day in closed else [[600, 960]]  # 10:00-16:00
                overrides.append((uuid4(), a.id, today + timedelta(days=day), json.dumps(windows)))
            candidates = [
                catalogue.start(day, hour)
                for day in HISTORY_DAYS
                if day not in closed
                for hour in (range(10, 16) if day in short else OPEN_HOURS)
            ]
            for k, start in enumerate(sorted(rng.sample(candidates, HISTORY_PER_ARTIST))):
                end = start + timedelta(hours=1)
                span = f"[{start.isoformat()},{end.isoformat()})"
                history.append(
                    (
                        uuid4(),
                        f"HIS-{n:03d}-{k:03d}",
                        a.id,
                        a.user_id,
                        history_customer,
                        a.service_id,
                        start,
                        end,
                        span,
                        "confirmed",
                        "unpaid",
                        False,
                        True,
                        "MNT",
                        0,
                        1,
                        start,
                    )
                )
        with cur.copy("COPY date_overrides (id, artist_id, on_date, windows) FROM STDIN") as cp:
            for row in overrides:
                cp.write_row(row)
        with cur.copy(
            "COPY bookings (id, reference, artist_id, artist_user_id, customer_id, service_id,"
            " starts_at, ends_at, blocked, status, payment_status, requires_approval,"
            " approved, currency, deposit_amount, version, status_changed_at) FROM STDIN"
        ) as cp:
            for row in history:
                cp.write_row(row)
        conn.commit()
        conn.execute("ANALYZE")
    return catalogue


def pgbench_rows(database_url: str, catalogue: Catalogue) -> None:
    """A lookup table the pgbench script reads: artist number -> ids (a primary-key read,
    as the API's own creation path reads the artist and the service)."""
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS bench_artists (n int PRIMARY KEY, artist_id uuid,"
            " artist_user_id uuid, service_id uuid, customer_id uuid)"
        )
        conn.execute("TRUNCATE bench_artists")
        with conn.cursor().copy("COPY bench_artists FROM STDIN") as cp:
            for n, a in enumerate(catalogue.artists):
                cp.write_row((n, a.id, a.user_id, a.service_id, catalogue.history_customer))
        conn.commit()
