"""Query latency on a large database: `Store.events` (what `sitrep events` runs) and the API's
`GET /api/events`, on SQLite and PostgreSQL, p50/p95 per kind of query.

    .venv/bin/python bench/query.py [--events 1000000] [--dir /tmp/sitrep-query]
                                    [--backends sqlite,postgresql] [--repeat 20] [--no-api]

The database is filled by replaying the VOA corpus's coded events (coded once here), copy
after copy with new ids and dates moved a week per copy, straight into the tables with
`Store.add_batch` (no parsing, no linking), until it holds --events events. A database
built before in --dir is reused. PostgreSQL: $SITREP_BENCH_POSTGRES_URL, else a throwaway
server on 127.0.0.1 (Debian's binaries, as the tests start it), whose data stays in --dir.
Each kind of query runs --repeat times with its parameters varied (event types, actors,
date windows at random points of the timeline), one page of 50 each.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from corpus import REPO, coded_corpus, load_note, replayed

from sitrep.store import Store

PAGE = 50
INSERT_CHUNK = 1000  # articles per transaction while filling


def fill(store: Store, target_events: int) -> None:
    have = store.counts()["events"]
    if have >= target_events:
        return
    print(f"filling {store.url.split('@')[-1]} to {target_events:,} events ...", flush=True)
    coded = coded_corpus()
    per_article = sum(len(p.events) for p in coded) / len(coded)
    need = int((target_events - have) / per_article) + len(coded)
    start_at = store.counts()["articles"]
    began = time.perf_counter()
    for i in range(start_at, start_at + need, INSERT_CHUNK):
        batch = [(p.article, p.events, p.places)
                 for p in replayed(coded, min(INSERT_CHUNK, start_at + need - i), start=i)]
        store.add_batch(batch)
    analyze(store)
    print(f"  {need:,} articles in {time.perf_counter() - began:.0f} s", flush=True)


def analyze(store: Store) -> None:
    with store.writing() as connection:
        connection.exec_driver_sql("ANALYZE")


def query_kinds(store: Store, rng: random.Random) -> dict[str, callable]:
    """Kinds of query -> a function giving varied keyword arguments of Store.events."""
    with store.reading() as connection:
        first, last = connection.exec_driver_sql(
            "SELECT min(timeline_date), max(timeline_date) FROM events").one()
        codes = Counter(dict(connection.exec_driver_sql(
            "SELECT actor_code, count(*) FROM events WHERE actor_code IS NOT NULL "
            "GROUP BY actor_code").all()))
        some_articles = [r[0] for r in connection.exec_driver_sql(
            "SELECT id FROM articles ORDER BY id LIMIT 500").all()]
        # the last events of pages deep in the timeline, to page on from (keyset)
        n_events = connection.exec_driver_sql("SELECT count(*) FROM events").scalar()
        anchors = [connection.exec_driver_sql(
            "SELECT id FROM events ORDER BY timeline_date, article_id, evidence_start, id "
            f"LIMIT 1 OFFSET {n_events * k // 4}").scalar() for k in (1, 2, 3)]
    first, last = (d if isinstance(d, date) else date.fromisoformat(d) for d in (first, last))
    span = (last - first).days
    common = [c for c, _ in codes.most_common(10)]
    rare = [c for c, n in codes.items() if n < 200][:10] or common
    types = ["ASSAULT", "ACCUSE", "CONSULT", "MOBILIZE", "REQUEST", "SANCTION", "PROTEST",
             "COERCE", "AGREE", "THREATEN"]

    def window(days: int) -> dict:
        since = first + timedelta(days=rng.randrange(max(1, span - days)))
        return {"since": since, "until": since + timedelta(days=days)}

    return {
        "first page, no filter": lambda: {},
        "type": lambda: {"types": [rng.choice(types)]},
        "two types": lambda: {"types": rng.sample(types, 2)},
        "30-day window": lambda: window(30),
        "type + 30-day window": lambda: {"types": [rng.choice(types)], **window(30)},
        "actor, common code": lambda: {"actor": rng.choice(common)},
        "actor, rare code": lambda: {"actor": rng.choice(rare)},
        "actor text, no match": lambda: {"actor": "air force"},
        "actor text, common": lambda: {"actor": rng.choice(["officials", "president"])},
        "actor text, rarer": lambda: {"actor": rng.choice(["militants", "forces"])},
        "recipient code": lambda: {"recipient": rng.choice(common)},
        "outlet": lambda: {"outlet": "voa"},
        "article": lambda: {"article_id": rng.choice(some_articles)},
        "page 100 (offset 4,950)": lambda: {"offset": 99 * PAGE},
        "page 10,000 (offset)": lambda: {"offset": 9_999 * PAGE},
        "deep page (keyset after=)": lambda: {"after": rng.choice(anchors)},
    }


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def time_store(store: Store, kinds: dict, repeat: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {}
    for name, make in kinds.items():
        for _ in range(repeat):
            kwargs = make()
            start = time.perf_counter()
            rows = list(store.events(limit=PAGE, **kwargs))
            timings.setdefault(name, []).append(time.perf_counter() - start)
            assert len(rows) <= PAGE
    return timings


def api_params(kwargs: dict) -> dict:
    params: dict = {"limit": PAGE}
    for key, value in kwargs.items():
        if key == "types":
            params["type"] = value
        elif key == "article_id":
            params["article"] = value
        else:
            params[key] = value.isoformat() if isinstance(value, date) else value
    return params


def time_api(store: Store, kinds: dict, repeat: int) -> dict[str, list[float]]:
    """The same queries through `GET /api/events`, served by uvicorn on 127.0.0.1."""
    import httpx
    import uvicorn

    from sitrep.serve.app import create_app
    from sitrep.serve.settings import Settings

    app = create_app(Settings(db=store.url), store)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    timings: dict[str, list[float]] = {}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
        client.get("/api/events", params={"limit": 1}).raise_for_status()
        for name, make in kinds.items():
            for _ in range(repeat):
                params = api_params(make())
                start = time.perf_counter()
                client.get("/api/events", params=params).raise_for_status()
                timings.setdefault(name, []).append(time.perf_counter() - start)
    server.should_exit = True
    thread.join()
    return timings


def postgres_url(folder: Path) -> tuple[str, object | None]:
    if url := os.environ.get("SITREP_BENCH_POSTGRES_URL"):
        return url, None
    sys.path.insert(0, str(REPO / "tests"))
    from postgres_server import PostgresServer, server_binaries

    binaries = server_binaries()
    if binaries is None:
        sys.exit("no PostgreSQL binaries; set SITREP_BENCH_POSTGRES_URL")
    server = PostgresServer(binaries, folder / "postgres")
    return server.start(), server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/sitrep-query"))
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-api", action="store_true")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)

    for backend in args.backends.split(","):
        server = None
        if backend == "sqlite":
            url = str(args.dir / "events.db")
        else:
            url, server = postgres_url(args.dir)
        try:
            store = Store(url)
            revision = store.schema_revision()
            store.migrate()
            if revision not in (None, store.schema_revision()):
                analyze(store)  # statistics for the indexes the migration built
            fill(store, args.events)
            counts = store.counts()
            kinds = query_kinds(store, random.Random(7))
            results = {"Store.events": time_store(store, kinds, args.repeat)}
            if not args.no_api:
                kinds = query_kinds(store, random.Random(7))
                results["GET /api/events"] = time_api(store, kinds, args.repeat)
            print(f"\n{backend}: {counts['articles']:,} articles, {counts['events']:,} events; "
                  f"{args.repeat} queries per kind, {PAGE} per page; {load_note()}")
            print(f"{'query':28}" + "".join(f" {k + ' p50/p95 ms':>28}" for k in results))
            for name in kinds:
                cells = []
                for timings in results.values():
                    if name not in timings:
                        cells.append("-")
                        continue
                    p50, p95 = percentiles(timings[name])
                    cells.append(f"{p50:10.1f} / {p95:8.1f}")
                print(f"{name:28}" + "".join(f" {c:>28}" for c in cells))
            for label, timings in results.items():
                p50, p95 = percentiles([t for ts in timings.values() for t in ts])
                print(f"all queries, {label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
            store.close()
        finally:
            if server is not None:
                server.stop()


if __name__ == "__main__":
    main()
