"""API load: concurrent clients on loopback against /api/events over a large database.

    python bench/load.py [--events 200000] [--clients 100] [--seconds 30]
                         [--backend sqlite|postgresql|both]

The database is the VOA corpus (../shared/corpora, coded once) replayed with new ids and
shifted dates (`bench/corpus.py`) until it holds `--events` events; SQLite in
bench/results/load.db (kept and reused), PostgreSQL on a throwaway server started with
tests/postgres_server.py. The server is `sitrep serve` in its own process; the clients
(asyncio + httpx, one connection each) ask a mix of realistic queries: first pages, types,
actors, date ranges, newest first, deeper pages. Every request must answer 200 with JSON:
anything else counts as an error. Prints p50/p95/p99 latency and requests/s per backend and
writes them to bench/results/load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

import httpx

from corpus import REPO, coded_corpus, load_note, replayed

sys.path.insert(0, str(REPO / "tests"))  # the PostgreSQL server helper of the test suite

from sitrep.store import Store  # noqa: E402

RESULTS = REPO / "bench" / "results"
TYPES = ["ASSAULT", "ACCUSE", "CONSULT", "MOBILIZE", "COERCE", "REQUEST", "SUPPORT", "AGREE"]
ACTORS = ["USA", "RUS", "UKR", "CHN", "ISR", "IRN", "PRK", "president", "military"]


_CODED: list = []


def _coded() -> list:
    if not _CODED:  # parse the corpus once for every backend
        _CODED.extend(coded_corpus())
    return _CODED


def fill(store: Store, n_events: int) -> int:
    """Add replayed articles until the store holds at least `n_events` events."""
    have = store.counts()["events"]
    if have >= n_events:
        return have
    print(f"replaying the coded corpus to {n_events:,} events ...", flush=True)
    coded = _coded()
    start = store.counts()["articles"]
    batch = []
    for processed in replayed(coded, 10**9, start=start):
        batch.append((processed.article, processed.events, processed.places))
        have += len(processed.events)
        if len(batch) >= 200 or have >= n_events:
            store.add_batch(batch)
            batch = []
            print(f"  {have:,} events", end="\r", flush=True)
        if have >= n_events:
            break
    print()
    return store.counts()["events"]


def queries(first_day: date, days: int, rng: random.Random) -> list[dict]:
    mix = []
    for _ in range(500):
        kind = rng.randrange(7)
        if kind == 0:
            mix.append({})
        elif kind == 1:
            mix.append({"type": rng.choice(TYPES)})
        elif kind == 2:
            mix.append({"actor": rng.choice(ACTORS)})
        elif kind == 3:
            since = first_day + timedelta(days=rng.randrange(max(days, 1)))
            mix.append({"since": since.isoformat(),
                        "until": (since + timedelta(days=30)).isoformat()})
        elif kind == 4:
            mix.append({"sort": "-date"})
        elif kind == 5:
            mix.append({"offset": rng.randrange(0, 5000), "limit": 50})
        else:
            mix.append({"type": rng.choice(TYPES), "actor": rng.choice(ACTORS[:7]),
                        "sort": "-date"})
    return mix


async def run_clients(base: str, mix: list[dict], clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds

    async def client(number: int) -> None:
        rng = random.Random(number)
        async with httpx.AsyncClient(base_url=base, timeout=60,
                                     limits=httpx.Limits(max_connections=1)) as http:
            while time.monotonic() < deadline:
                params = rng.choice(mix)
                started = time.perf_counter()
                try:
                    response = await http.get("/api/events", params=params)
                    ok = response.status_code == 200 and "items" in response.json()
                    if not ok:
                        errors.append(f"{response.status_code} {params}")
                except (httpx.HTTPError, ValueError) as err:
                    errors.append(f"{type(err).__name__} {params}")
                latencies.append(time.perf_counter() - started)

    started = time.monotonic()
    await asyncio.gather(*(client(i) for i in range(clients)))
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "error_examples": errors[:5],
        "seconds": round(elapsed, 1),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
        "p99_ms": round(1000 * latencies[int(0.99 * (len(latencies) - 1))], 1),
    }


def serve(db: str, port: int) -> subprocess.Popen:
    command = [sys.executable, "-c", "from sitrep.cli import main; main()", "serve",
               "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=30).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"the server did not start: {process.stderr.read().decode()[-2000:]}")


def measure(name: str, db: str, args: argparse.Namespace) -> dict:
    with Store(db) as store:
        store.migrate()
        n_events = fill(store, args.events)
        dated = [e for e in store.events(limit=1000, offset=n_events - 1000)
                 if e["event_date"] or e["published"]]
        first = next(store.events(limit=1))
    first_day = date.fromisoformat(first["event_date"] or first["published"])
    last_day = date.fromisoformat(dated[-1]["event_date"] or dated[-1]["published"])
    mix = queries(first_day, (last_day - first_day).days, random.Random(7))
    from live_server import free_port

    port = free_port()
    process = serve(db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        asyncio.run(run_clients(base, mix[:20], 4, 2))  # warm caches and the pool
        print(f"{name}: {n_events:,} events, {args.clients} clients for {args.seconds} s; "
              f"{load_note()}", flush=True)
        result = asyncio.run(run_clients(base, mix, args.clients, args.seconds))
    finally:
        process.terminate()
        process.wait(timeout=30)
    result.update(backend=name, events=n_events, clients=args.clients)
    print(f"  {result['requests']:,} requests, {result['errors']} errors, "
          f"{result['rps']} req/s, p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
          f"p99 {result['p99_ms']} ms", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = []
    if args.backend in ("sqlite", "both"):
        results.append(measure("sqlite", str(RESULTS / "load.db"), args))
    if args.backend in ("postgresql", "both"):
        from postgres_server import PostgresServer, server_binaries

        binaries = server_binaries()
        if binaries is None:
            sys.exit("no PostgreSQL server binaries (apt-get install postgresql)")
        server = PostgresServer(binaries)
        try:
            results.append(measure("postgresql", server.start(), args))
        finally:
            server.stop()
    (RESULTS / "load.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
