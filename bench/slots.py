"""Benchmark of the scheduling core: free slots (docs/performance.md, "Scheduling core").

    .venv/bin/python bench/slots.py            # all scenarios, 3 processes each
    .venv/bin/python bench/slots.py --quick    # fewer iterations
    .venv/bin/python bench/slots.py --like-for-like [--against DIR]   # strings in, body out


Each scenario runs in several fresh worker processes one after another (never in parallel,
so they do not compete for cores); each worker warms up, then times many calls. Figures are
the median and p99 of all samples pooled. "total" is what a request pays: build the busy
timeline from the range's blocked spans, then compute the slots; "query" is free_slots alone
on a timeline built beforehand (scenario d keeps 50 000 bookings of history in it).
The cold figure (e) is import + first call in a fresh ``python -c`` interpreter.

``--like-for-like`` times what a slot pipeline does from strings in to strings out, the way
other schedulers are measured: parse the request's ``from``/``to`` strings and the stored
busy spans (ISO strings, as a calendar store hands them), compute, and serialise the
response body exactly as the API sends it. Two calendars: 30 days of Mon-Fri 09-17 in New
York, 60-min service on a 15-min grid, empty (638 slots) and with 200 busy spans.
``--against DIR`` times another checkout's ``src`` too, side by side in alternating fresh
processes, and prints the speed-up of this tree over it. Prints; asserts nothing.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID

ROOT = Path(__file__).resolve().parent.parent
# A side-by-side worker runs another tree's ``src`` (given as PYTHONPATH) instead of ours.
sys.path.insert(0, os.environ.get("PYTHONPATH") or str(ROOT / "src"))

TARGETS = {"a": 0.8, "b": 2.5, "c": 1.5, "c_kolkata": 1.5, "d": None}


def build(scenario: str) -> tuple[dict[str, object], list[object]]:
    """Inputs of one scenario: free_slots keyword arguments and the raw busy spans."""
    from zoneinfo import ZoneInfo

    from booking_domain.catalog import Service
    from booking_domain.scheduling import (
        DateOverride,
        Interval,
        LocalWindow,
        Schedule,
        SchedulingPolicy,
        WeeklyRule,
    )
    from booking_domain.shared import ArtistId, Money, ServiceId

    rng = random.Random(3)
    tz_name = "Asia/Kolkata" if scenario == "c_kolkata" else "America/New_York"
    tz = ZoneInfo(tz_name)
    days, n_busy = (90, 600) if scenario == "b" else (30, 200)
    # (c) crosses the March DST change (8 March 2026 in New York); the others start in January.
    first = date(2026, 2, 23) if scenario.startswith("c") else date(2026, 1, 5)  # Mondays
    with_extras = scenario.startswith("c")
    weekly = tuple(WeeklyRule.parse(day, "09:00", "17:00") for day in range(1, 6))
    overrides: tuple[DateOverride, ...] = ()
    if with_extras:
        overrides = (
            DateOverride(first + timedelta(days=2)),  # closed
            DateOverride(first + timedelta(days=5), (LocalWindow.parse("10:00", "14:00"),)),
            DateOverride(first + timedelta(days=9), (LocalWindow.parse("12:00", "20:00"),)),
            DateOverride(first + timedelta(days=16), (LocalWindow.parse("08:00", "11:00"),)),
        )
    policy = SchedulingPolicy(
        tz_name,
        slot_step=timedelta(minutes=15),
        minimum_notice=timedelta(hours=24 if with_extras else 0),
        horizon=timedelta(days=120),
    )
    buffer = timedelta(minutes=15 if with_extras else 0)
    service = Service(
        ServiceId(UUID(int=1)), ArtistId(UUID(int=2)), "session", timedelta(minutes=60),
        Money(20_000, "USD"), buffer_before=buffer, buffer_after=buffer,
    )  # fmt: skip
    start = datetime(first.year, first.month, first.day, tzinfo=tz)
    end = start + timedelta(days=days)

    def random_span(day_offset: int) -> Interval:
        day = first + timedelta(days=day_offset)
        local = datetime(day.year, day.month, day.day, 8, tzinfo=tz)
        begin = local + timedelta(minutes=5 * rng.randrange(0, 10 * 12))  # 08:00-18:00
        return Interval(begin, begin + timedelta(minutes=rng.randrange(15, 91)))

    busy = [random_span(rng.randrange(days)) for _ in range(n_busy)]
    kwargs: dict[str, object] = {
        "service": service,
        "policy": policy,
        "schedule": Schedule(weekly, overrides),
        "between": Interval(start, end),
        "now": start.astimezone(UTC),
    }
    if scenario == "d":  # 50 000 bookings over the surrounding years, plus the range's own
        # The range itself looks exactly like (a): history lies before and after it.
        offsets = [rng.choice((-1, 1)) * rng.randrange(days, 3 * 365) for _ in range(50_000)]
        history = [random_span(offset if offset > 0 else offset - days) for offset in offsets]
        busy = busy + history
    return kwargs, busy


CALENDARS = {"empty30": 0, "busy200": 200}


def like_for_like_inputs(calendar: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The request's query strings and the stored busy spans as ISO strings."""
    kwargs, busy = build("a")
    between = kwargs["between"]
    request = {
        "from": between.start.isoformat(),  # type: ignore[attr-defined]
        "to": between.end.isoformat(),  # type: ignore[attr-defined]
        "limit": "1000",
    }
    spans = [
        (span.start.astimezone(UTC).isoformat(), span.end.astimezone(UTC).isoformat())  # type: ignore[attr-defined]
        for span in busy[: CALENDARS[calendar]]
    ]
    return request, spans


def like_for_like_pipeline(calendar: str) -> Callable[[], bytes]:
    """One request, strings in and body bytes out, through the tree's own code: each tree
    computes and serialises the way its controller does (the tree's ``SlotsView`` path, or
    its rendered body where it has one)."""
    from types import SimpleNamespace

    import msgspec
    from litestar.serialization import encode_json

    from booking_domain.scheduling import BusyTimeline, bookability
    from booking_domain.scheduling.use_cases.slots import FreeSlots
    from booking_domain.shared.time import Interval
    from entrypoints.http.scheduling import dto

    kwargs, _ = build("a")
    request, spans = like_for_like_inputs(calendar)
    service, policy = kwargs["service"], kwargs["policy"]
    artist = SimpleNamespace(
        id=UUID(int=2),
        time_zone=policy.timezone,
        policy=policy,  # type: ignore[attr-defined]
    )
    now = kwargs["now"]
    schedule = kwargs["schedule"]
    try:
        from entrypoints.http.scheduling.slots_body import render_slots as render
    except ImportError:  # a tree from before the rendered body
        render = None
    by_epochs = getattr(bookability, "free_slot_epochs", None)

    def once() -> bytes:
        start = msgspec.convert(request["from"], datetime, strict=False)
        end = msgspec.convert(request["to"], datetime, strict=False)
        limit = int(request["limit"])
        lows = [datetime.fromisoformat(low).timestamp() for low, _ in spans]
        highs = [datetime.fromisoformat(high).timestamp() for _, high in spans]
        busy = BusyTimeline.of_epochs(lows, highs, lows)
        common = dict(
            service=service, policy=policy, schedule=schedule, busy=busy,
            between=Interval(start, end), now=now, limit=limit + 1,
        )  # fmt: skip
        if render is not None and by_epochs is not None:
            epochs = by_epochs(**common)
            nxt = bookability.from_epoch(epochs[limit]) if len(epochs) > limit else None
            found = FreeSlots(artist, service, tuple(epochs[:limit]), nxt)  # type: ignore[arg-type]
            body: bytes = render(found)
            return body
        starts = bookability.free_slots(**common)
        nxt = starts[limit] if len(starts) > limit else None
        found = FreeSlots(artist, service, starts[:limit], nxt)  # type: ignore[arg-type]
        return encode_json(dto.SlotsView.of(found))

    return once


def like_for_like_worker(calendar: str, iterations: int) -> None:
    once = like_for_like_pipeline(calendar)
    samples = []
    for i in range(iterations + iterations // 5):
        t0 = time.perf_counter()
        body = once()
        t1 = time.perf_counter()
        if i >= iterations // 5:
            samples.append((t1 - t0) * 1000)
    slots = body.count(b'"localStart"')
    print(json.dumps({"samples": samples, "slots": slots, "bytes": len(body)}))


def like_for_like(against: str | None, processes: int, iterations: int) -> None:
    trees = {"this": str(ROOT / "src")}
    if against:
        trees["against"] = str(Path(against).resolve() / "src")
    print(f"like-for-like, strings in -> body out; {processes} processes x {iterations} each")
    print(f"{'calendar':<10}{'tree':<9}{'median ms':>10}{'p99':>8}{'slots':>7}{'bytes':>8}")
    for calendar in CALENDARS:
        pooled: dict[str, list[float]] = {name: [] for name in trees}
        shape: dict[str, tuple[int, int]] = {}
        for _ in range(processes):  # alternate trees so both see the same machine
            for name, src in trees.items():
                out = subprocess.run(
                    [sys.executable, __file__, "--lfl-worker", calendar, str(iterations)],
                    check=True, capture_output=True, text=True,
                    env={**os.environ, "PYTHONPATH": src},
                ).stdout  # fmt: skip
                result = json.loads(out)
                pooled[name] += result["samples"]
                shape[name] = (result["slots"], result["bytes"])
        for name, samples in pooled.items():
            print(
                f"{calendar:<10}{name:<9}{statistics.median(samples):>10.3f}"
                f"{pct(samples, 99):>8.3f}{shape[name][0]:>7}{shape[name][1]:>8}"
            )
        if against:
            ratio = statistics.median(pooled["against"]) / statistics.median(pooled["this"])
            print(f"{calendar:<10}speed-up of this tree: {ratio:.2f}x")


def worker(scenario: str, iterations: int) -> None:
    from booking_domain.scheduling import BusyTimeline, free_slots

    kwargs, busy = build(scenario)
    timeline = BusyTimeline.of(busy)  # type: ignore[arg-type]
    in_range = [
        span
        for span in busy
        if span.end > kwargs["between"].start and span.start < kwargs["between"].end  # type: ignore[attr-defined]
    ]
    totals, queries = [], []
    for i in range(iterations + iterations // 5):
        t0 = time.perf_counter()
        slots = free_slots(busy=BusyTimeline.of(in_range), **kwargs)  # type: ignore[arg-type]
        t1 = time.perf_counter()
        free_slots(busy=timeline, **kwargs)  # type: ignore[arg-type]
        t2 = time.perf_counter()
        if i >= iterations // 5:  # the first fifth is warm-up
            totals.append((t1 - t0) * 1000)
            queries.append((t2 - t1) * 1000)
    print(json.dumps({"total": totals, "query": queries, "slots": len(slots)}))


COLD = """
import json, sys, time
sys.path.insert(0, {src!r})
t0 = time.perf_counter()
import booking_domain
t1 = time.perf_counter()
import booking_domain.bookings.lifecycle, booking_domain.disputes
from booking_domain.scheduling import BusyTimeline, free_slots
t2 = time.perf_counter()
sys.path.insert(0, {bench!r})
from slots import build
kwargs, busy = build("a")
t3 = time.perf_counter()
free_slots(busy=BusyTimeline.of(busy), **kwargs)
t4 = time.perf_counter()
print(json.dumps({{"package": (t1 - t0) * 1000, "modules": (t2 - t1) * 1000,
                  "first_call": (t4 - t3) * 1000}}))
"""


def cold() -> dict[str, object]:
    """Import and first call in a fresh interpreter that has imported nothing else."""
    code = COLD.format(src=str(ROOT / "src"), bench=str(ROOT / "bench"))
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def run(*args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def pct(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[int(q) - 1]


def main(quick: bool) -> None:
    processes, iterations = (2, 300) if quick else (3, 2000)
    print(f"free_slots, {processes} processes x {iterations} warm iterations (ms)")
    print(f"{'scenario':<12}{'total med':>10}{'p99':>8}{'query med':>11}{'p99':>8}  slots target")
    medians: dict[str, float] = {}
    for scenario, target in TARGETS.items():
        totals: list[float] = []
        queries: list[float] = []
        for _ in range(processes):
            result = run("--worker", scenario, str(iterations))
            totals += result["total"]  # type: ignore[arg-type]
            queries += result["query"]  # type: ignore[arg-type]
        medians[scenario] = statistics.median(totals)
        medians[scenario + "_query"] = statistics.median(queries)
        print(
            f"{scenario:<12}{medians[scenario]:>10.3f}{pct(totals, 99):>8.3f}"
            f"{statistics.median(queries):>11.3f}{pct(queries, 99):>8.3f}"
            f"  {result['slots']:>5} {'<= ' + str(target) if target else 'close to a'}"
        )
    print(f"b / a (total): {medians['b'] / medians['a']:.2f}x (target <= 3.5x)")
    print(f"d query / a query: {medians['d_query'] / medians['a_query']:.2f}x")
    colds = [cold() for _ in range(5)]
    for key in ("package", "modules", "first_call"):
        values = [float(c[key]) for c in colds]  # type: ignore[arg-type]
        print(f"cold {key:<11} median {statistics.median(values):7.2f} ms  max {max(values):.2f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1:2] == ["--lfl-worker"]:
        like_for_like_worker(sys.argv[2], int(sys.argv[3]))
    elif "--like-for-like" in sys.argv:
        against = sys.argv[sys.argv.index("--against") + 1] if "--against" in sys.argv else None
        quick = "--quick" in sys.argv
        like_for_like(against, processes=2 if quick else 4, iterations=300 if quick else 2000)
    else:
        main(quick="--quick" in sys.argv)
