"""Benchmark of search: 20,000 artists, 400,000 portfolio items, 200,000 bookings.

    .venv/bin/python bench/search.py                      # seed, fill the projection, measure
    .venv/bin/python bench/search.py --data /tmp/search   # seed once there, reuse it next time
    .venv/bin/python bench/search.py --shape "text only" --seconds 5
    .venv/bin/python bench/search.py --explain            # also print the EXPLAIN ANALYZE plans

The embedded PostgreSQL (as the local profile runs it), seeded with COPY (in a temporary
directory, or once in ``--data``); then ``inkslot serve --workers 2`` and one ``inkslot
worker``, the production topology (``--embedded-worker``: the worker ``inkslot serve`` starts
beside the API, as ``make run`` does). The worker fills the free-starts projection; then each query
shape runs for ``--seconds`` at 16 closed-loop keep-alive clients, spread evenly over the two
API processes (``bench/balanced.py``), the requests drawn from 300 varied queries per shape.
Client, API, worker and PostgreSQL share the machine's 2 cores; after each shape a line says
how many CPU ms per request each of them used. Prints; asserts nothing.

The projection holds a day: a fresh directory measures its first half hour, when each stored
first start still answers directly; a reused ``--data`` directory an hour on measures what
production sees most of the day (the first start worked out from the stored runs).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

import psycopg  # noqa: E402

from balanced import run_balanced  # noqa: E402
from booking_setup import (  # noqa: E402
    free_port,
    start_postgres,
    start_server,
    start_worker,
    stop_server,
)
from cpu import CpuMeter  # noqa: E402
from loadgen import build_request  # noqa: E402

ARTISTS = 20_000
ITEMS_PER_ARTIST = 20  # 400,000 portfolio items
BOOKINGS_PER_ARTIST = 10  # 200,000 bookings
STUDIOS = 400
CENTRE = (47.9186, 106.9177)  # Ulaanbaatar
STYLES = [
    "blackwork", "fine line", "realism", "traditional", "neo traditional", "japanese",
    "dotwork", "geometric", "watercolor", "lettering", "minimal", "botanical", "portrait",
    "tribal", "trash polka", "ornamental", "mongolian", "color", "script", "surrealism",
]  # fmt: skip
SYLLABLES = ["bat", "bold", "erdene", "ulzii", "tsetseg", "naraa", "anu", "temuujin", "saraa",
             "gan", "oyun", "khan", "munkh", "enkh", "jargal", "tuya", "dorj", "suren"]  # fmt: skip
# Mongolian names in Cyrillic, on purpose (RUF001 sees look-alike Latin letters).
CYRILLIC = ["Бат", "Болд", "Эрдэнэ", "Өлзий", "Цэцэг", "Нараа", "Ану", "Тэмүүжин", "Сараа", "Ган", "Оюун", "Мөнх", "Энх", "Жаргал", "Туяа", "Дорж", "Сүрэн"]  # fmt: skip  # noqa: RUF001, E501
WORDS = ["dragon", "peony", "wolf", "mountain", "koi", "rose", "skull", "tiger", "eagle",
         "lotus", "snake", "horse", "moon", "sun", "wave", "crane", "mandala", "compass",
         "swallow", "feather", "sleeve", "forearm", "calf", "back", "chest", "wrist", "healed",
         "fresh", "cover-up", "linework", "shading", "black", "grey", "colour",
         "ornament"]  # fmt: skip
CITIES = ["Ulaanbaatar"] * 8 + ["Darkhan", "Erdenet"]
ZONE = "Asia/Ulaanbaatar"
WORKERS = 2  # API processes


def _point(rng: random.Random, spread_km: float = 15.0) -> tuple[float, float]:
    dy, dx = rng.gauss(0, spread_km / 3) / 111.0, rng.gauss(0, spread_km / 3) / 75.0
    return CENTRE[0] + dy, CENTRE[1] + dx


def _name(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return f"{rng.choice(CYRILLIC)}-{rng.choice(CYRILLIC).lower()}"
    return f"{rng.choice(SYLLABLES).title()} {rng.choice(SYLLABLES).title()}"


def seed(url: str, rng: random.Random) -> list[tuple[UUID, list[UUID]]]:
    """Users, studios, artists (with rules, services, ratings), uploads and portfolio items,
    and bookings; returns each artist's id and service ids."""
    now = datetime.now(UTC)
    with psycopg.connect(url) as conn:
        cur = conn.cursor()
        users = _copy_users(cur)
        studios = _copy_studios(cur, rng)
        artists = _copy_artists(cur, rng, users, studios)
        _copy_services(cur, rng, artists)
        _copy_weekly_rules(cur, rng, artists)
        uploads = _copy_uploads(cur, users, artists)
        _copy_portfolio_items(cur, rng, uploads)
        _copy_bookings(cur, rng, now, users, artists)
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return artists


def _copy_users(cur: psycopg.Cursor[Any]) -> list[UUID]:
    """An account for each artist, then the one customer who holds every booking (last)."""
    users = [uuid4() for _ in range(ARTISTS + 1)]
    with cur.copy("COPY users (id, email, name, role, password_hash) FROM STDIN") as cp:
        for n, u in enumerate(users):
            role = "customer" if n == ARTISTS else "artist"
            cp.write_row((u, f"{role}-{u.hex}@bench.local", role, role, "!"))
    return users


def _copy_studios(cur: psycopg.Cursor[Any], rng: random.Random) -> list[UUID]:
    studios = [uuid4() for _ in range(STUDIOS)]
    with cur.copy("COPY studios (id, name, address, city, lat, lng) FROM STDIN") as cp:
        for s in studios:
            lat, lng = _point(rng)
            cp.write_row((s, f"{rng.choice(SYLLABLES).title()} Ink Studio", "Street 1",
                          "Ulaanbaatar", lat, lng))  # fmt: skip
    return studios


def _copy_artists(
    cur: psycopg.Cursor[Any], rng: random.Random, users: list[UUID], studios: list[UUID]
) -> list[tuple[UUID, list[UUID]]]:
    """Approved artists, 7 in 10 with a place of their own (the others at a studio's),
    some reviewed; each with the ids of the 1 to 3 services ``_copy_services`` adds."""
    artists: list[tuple[UUID, list[UUID]]] = []
    with cur.copy(
        "COPY artists (id, user_id, display_name, bio, styles, city, lat, lng, studio_id,"
        " time_zone, status, review_count, rating_total, minimum_notice_minutes)"
        " FROM STDIN"
    ) as cp:
        for n in range(ARTISTS):
            artist_id = uuid4()
            styles = rng.sample(STYLES, rng.randint(1, 3))
            city = rng.choice(CITIES)
            lat, lng = _point(rng) if rng.random() < 0.7 else (None, None)
            studio = rng.choice(studios) if lat is None or rng.random() < 0.3 else None
            reviews = rng.choice([0, 0, 3, 10, 40])
            total = sum(rng.choice([3, 4, 4, 5, 5]) for _ in range(reviews))
            bio = " ".join(rng.sample(WORDS, 8) + styles)
            services = [uuid4() for _ in range(rng.randint(1, 3))]
            artists.append((artist_id, services))
            cp.write_row((artist_id, users[n], _name(rng), bio, "{" + ",".join(
                f'"{s}"' for s in styles) + "}", city, lat, lng, studio, ZONE, "approved",
                reviews, total, 120))  # fmt: skip
    return artists


def _copy_services(
    cur: psycopg.Cursor[Any], rng: random.Random, artists: list[tuple[UUID, list[UUID]]]
) -> None:
    with cur.copy(
        "COPY services (id, artist_id, name, duration_minutes, price_amount, currency) FROM STDIN"
    ) as cp:
        for artist_id, services in artists:
            for s in services:
                minutes = rng.choice([60, 120, 180, 240])
                cp.write_row((s, artist_id, f"{minutes} min", minutes,
                              rng.randrange(50_000, 800_000, 10_000), "MNT"))  # fmt: skip


def _copy_weekly_rules(
    cur: psycopg.Cursor[Any], rng: random.Random, artists: list[tuple[UUID, list[UUID]]]
) -> None:
    """Eight hours on 2 to 6 days of the week, from 09:00, 10:00 or 11:00."""
    with cur.copy(
        "COPY weekly_rules (id, artist_id, day, start_minute, end_minute) FROM STDIN"
    ) as cp:
        for artist_id, _ in artists:
            for day in rng.sample(range(7), rng.randint(2, 6)):
                start = rng.choice([540, 600, 660])
                cp.write_row((uuid4(), artist_id, day, start, start + 480))


def _copy_uploads(
    cur: psycopg.Cursor[Any], users: list[UUID], artists: list[tuple[UUID, list[UUID]]]
) -> list[tuple[UUID, UUID]]:
    """``ITEMS_PER_ARTIST`` used portfolio uploads per artist: (upload id, artist id)."""
    uploads = []
    with cur.copy(
        "COPY uploads (id, owner_id, purpose, content_type, size, status, variants) FROM STDIN"
    ) as up:
        for n, (artist_id, _) in enumerate(artists):
            for _ in range(ITEMS_PER_ARTIST):
                u = uuid4()
                uploads.append((u, artist_id))
                up.write_row((u, users[n], "portfolio", "image/jpeg", 1, "used", "[]"))
    return uploads


def _copy_portfolio_items(
    cur: psycopg.Cursor[Any], rng: random.Random, uploads: list[tuple[UUID, UUID]]
) -> None:
    with cur.copy(
        "COPY portfolio_items (id, artist_id, upload_id, images, description, style_tags,"
        " position, like_count) FROM STDIN"
    ) as cp:
        for position, (u, artist_id) in enumerate(uploads):
            variants = json.dumps([{"name": "small", "key": f"portfolio/{u}/small.webp",
                                    "width": 400, "height": 500, "size": 1,
                                    "contentType": "image/webp"}])  # fmt: skip
            tags = rng.sample(["blackwork", "fine-line", "realism", "dotwork", "japanese",
                               "geometric", "botanical", "color"], 2)  # fmt: skip
            words = " ".join(rng.sample(WORDS, 4))
            cp.write_row((uuid4(), artist_id, u, variants, words, "{" + ",".join(tags) + "}",
                          position % ITEMS_PER_ARTIST, rng.randint(0, 50)))  # fmt: skip


def _copy_bookings(
    cur: psycopg.Cursor[Any],
    rng: random.Random,
    now: datetime,
    users: list[UUID],
    artists: list[tuple[UUID, list[UUID]]],
) -> None:
    """``BOOKINGS_PER_ARTIST`` confirmed two-hour bookings per artist on different days of
    the next 29, all by the one customer (the last user)."""
    customer = users[-1]
    with cur.copy(
        "COPY bookings (id, reference, artist_id, artist_user_id, customer_id, service_id,"
        " starts_at, ends_at, blocked, status, payment_status, requires_approval,"
        " approved, currency, deposit_amount, version, status_changed_at) FROM STDIN"
    ) as cp:
        for n, (artist_id, services) in enumerate(artists):
            days = rng.sample(range(1, 30), BOOKINGS_PER_ARTIST)
            for k, day in enumerate(days):
                start = (now + timedelta(days=day)).replace(hour=3, minute=0, second=0,
                                                            microsecond=0)  # fmt: skip
                end = start + timedelta(hours=2)
                cp.write_row((uuid4(), f"BEN-{n:05d}-{k}", artist_id, users[n], customer,
                              services[0], start, end, f"[{start.isoformat()},"
                              f"{end.isoformat()})", "confirmed", "unpaid", False, True,
                              "MNT", 0, 1, now))  # fmt: skip


def wait_for_projection(url: str, limit_s: float = 1800) -> float:
    """Seconds until every visible artist has a projection (the worker computes them)."""
    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn:
        while time.monotonic() - started < limit_s:
            row = conn.execute(
                "SELECT count(*) FROM search_calendars"
                " WHERE catalog_version >= wanted_version AND valid_until > now()"
            ).fetchone()
            if row is not None and row[0] >= ARTISTS:
                return time.monotonic() - started
            time.sleep(0.5)  # polling the worker's progress, not waiting for time
    raise SystemExit("the projection did not fill in time")


def shapes(rng: random.Random) -> dict[str, list[str]]:
    """300 query strings per shape."""

    def near() -> str:
        lat, lng = _point(rng, 10)
        return f"{lat:.4f},{lng:.4f}"

    def text() -> str:
        pick = rng.random()
        if pick < 0.4:
            return rng.choice(SYLLABLES + CYRILLIC)
        if pick < 0.7:
            return rng.choice(STYLES)
        return rng.choice(SYLLABLES)[:-1] + "x"  # a typo

    built: dict[str, list[dict[str, object]]] = {
        "text only": [{"q": text()} for _ in range(300)],
        "styles + near": [
            {"styles": ",".join(rng.sample(STYLES, 2)), "near": near(), "radiusKm": 3}
            for _ in range(300)
        ],
        "price + rating": [
            {
                "priceMin": (low := rng.randrange(50_000, 500_000, 50_000)),
                "priceMax": low + 200_000,
                "ratingMin": 4,
                "sort": "rating",
            }
            for _ in range(300)
        ],
        "free 7 d + near + styles": [
            {
                "freeWithinDays": 7,
                "near": near(),
                "radiusKm": 5,
                "styles": ",".join(rng.sample(STYLES, 2)),
            }
            for _ in range(300)
        ],
        "portfolio text": [{"q": " ".join(rng.sample(WORDS, 1))} for _ in range(300)],
    }
    paths = {}
    for name, queries in built.items():
        base = "/api/v1/portfolio" if name == "portfolio text" else "/api/v1/artists"
        paths[name] = [f"{base}?{urllib.parse.urlencode(q)}" for q in queries]
    return paths


def _cycle(paths: list[str], port: int) -> Callable[[int], bytes]:
    requests = [build_request("GET", p, f"127.0.0.1:{port}", {}) for p in paths]
    return lambda i: requests[i % len(requests)]


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--data", type=Path, help="keep the seeded database here and reuse it")
    parser.add_argument("--shape", action="append", help="measure only this shape (repeatable)")
    parser.add_argument(
        "--embedded-worker",
        action="store_true",
        help="the worker inkslot serve starts beside the API, as `make run` does (default: one"
        " `inkslot worker` beside the API, as production runs)",
    )
    return parser.parse_args()


def _seeded(data: Path, url: str) -> None:
    """Seed once per data directory (a marker file says it is done)."""
    marker = data / "seeded"
    if marker.exists():
        print("reusing the seeded database in", data)
        return
    started = time.monotonic()
    seed(url, random.Random(14))
    marker.write_text("20,000 artists\n")
    print(f"seeded in {time.monotonic() - started:.0f} s")


def _measure(args: argparse.Namespace, data: Path, url: str, postmaster: int) -> None:
    port = free_port()
    extra = {} if args.embedded_worker else {"INKSLOT_EMBEDDED_WORKER": "false"}
    process = start_server(data, url, port, workers=WORKERS, **extra)
    worker = None if args.embedded_worker else start_worker(data, url)
    try:
        filled = wait_for_projection(url)
        print(f"free-starts projection for {ARTISTS} artists ready after {filled:.0f} s")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        others = {"worker": worker.pid} if worker else {}
        meter = CpuMeter(process.pid, postmaster, others)
        for name, paths in shapes(random.Random(15)).items():
            if args.shape and name not in args.shape:
                continue
            make = _cycle(paths, port)
            run_balanced(name, "127.0.0.1", port, make, concurrency=args.clients,
                         duration=1.0, workers=WORKERS)  # warm-up  # fmt: skip
            before = meter.snapshot()
            result, split = run_balanced(name, "127.0.0.1", port, make,
                                         concurrency=args.clients, duration=args.seconds,
                                         workers=WORKERS)  # fmt: skip
            after = meter.snapshot()
            print(result.line(), flush=True)
            print(f"    connections per API process: {sorted(split.values(), reverse=True)}")
            print(CpuMeter.line(before, after, len(result.latencies_ms), result.seconds))
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=60)
        stop_server(process)


def main() -> None:
    args = _parse()
    with tempfile.TemporaryDirectory(prefix="inkslot-search-") as tmp:
        data = args.data or Path(tmp)
        data.mkdir(parents=True, exist_ok=True)
        server, url = start_postgres(data)
        try:
            _seeded(data, url)
            postmaster = int((server.pgdata / "postmaster.pid").read_text().split()[0])
            _measure(args, data, url, postmaster)
            if args.explain:
                explain(url)
        finally:
            server.stop()


RECOMMENDED = ("fine line", "geometric", "watercolor", "japanese", "minimal")
CITY = "Ulaanbaatar"
SIMILAR = "SELECT v.word FROM search_vocabulary v WHERE v.word %% %s UNION SELECT %s::text"


def explain(url: str) -> None:
    """EXPLAIN ANALYZE of one query per shape, as the adapter builds it."""
    from adapters.postgres.tuned.search import artist_search_sql, portfolio_search_sql
    from booking_domain.search import (
        ArtistQuery,
        ArtistSort,
        FreeWithin,
        Near,
        PortfolioQuery,
        StylesMatch,
    )
    from booking_domain.search.text import words

    now = datetime.now(UTC)
    lat, lng = CENTRE
    queries = {
        "text only": ArtistQuery(q="ulzii"),
        "styles + near": ArtistQuery(styles=("blackwork", "dotwork"), near=Near(lat, lng, 3)),
        "price + rating": ArtistQuery(
            price_min=100_000, price_max=300_000, rating_min=4, sort=ArtistSort.RATING
        ),
        "free 7 d + near + styles": ArtistQuery(
            free_within=FreeWithin(7), near=Near(lat, lng, 5), styles=("blackwork", "realism")
        ),
        # What a recommendation asks (``search/use_cases/recommending.py``): the customer's
        # top styles, in their city, by rating; with and without the flash designs' tags.
        "recommended, styles only": ArtistQuery(
            styles=RECOMMENDED, city=CITY, sort=ArtistSort.RATING, page_size=40
        ),
        "recommended, styles or flash": ArtistQuery(
            styles=RECOMMENDED,
            styles_match=StylesMatch.ANY_OR_FLASH,
            city=CITY,
            sort=ArtistSort.RATING,
            page_size=40,
        ),
    }
    with psycopg.connect(url, autocommit=True) as conn:
        for name, query in queries.items():
            similar = {
                word: [row[0] for row in conn.execute(SIMILAR, (word, word))]
                for word in words(query.q or "")
            }
            sql, params, _ = artist_search_sql(query.check(), now, similar)
            print(f"\n## {name}\n")
            for (line,) in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params):
                print(line)
        similar = {"dragon": [row[0] for row in conn.execute(SIMILAR, ("dragon", "dragon"))]}
        sql, params, _ = portfolio_search_sql(PortfolioQuery(q="dragon").check(), similar)
        print("\n## portfolio text\n")
        for (line,) in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params):
            print(line)


if __name__ == "__main__":
    main()
