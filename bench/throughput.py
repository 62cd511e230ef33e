"""End-to-end throughput of sitrep (ingest -> store) as a ratio to raw spaCy, in one run.

    .venv/bin/python bench/throughput.py [--articles 2000] [--chunks 10] [--batch-size 16]

The VOA corpus (../shared/corpora/voa_stories.jsonl) repeated to --articles, each copy
changed slightly so that none is skipped as already stored. Raw side: `nlp.pipe` over the
texts with the same model and batch size, nothing else. sitrep side: `ingest_into` a fresh
SQLite file, in this process: reading JSON Lines, parsing, extraction, resolution, storing
and linking. The two alternate chunk by chunk (each chunk's texts through one, then the
other; which goes first alternates too), so that a change in the machine's load falls on
both. Model and resolvers are loaded before the clock starts.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from corpus import load_note, varied_records, write_jsonl

from sitrep.engine import InProcess
from sitrep.parse import DEFAULT_BATCH_SIZE
from sitrep.pipeline import ingest_into
from sitrep.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--chunks", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    args = parser.parse_args()

    records = varied_records(args.articles)
    words = sum(len(r["text"].split()) for r in records)
    engine = InProcess(batch_size=args.batch_size)
    nlp = engine.spec.load().nlp  # the very model object sitrep's side uses
    list(nlp.pipe([r["text"] for r in records[:4]]))  # warm up
    print(load_note(), "(start)")

    raw = sitrep = 0.0
    events = stored = 0
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        store = Store(Path(tmp) / "bench.db")
        store.migrate()
        size = -(-len(records) // args.chunks)
        for n, i in enumerate(range(0, len(records), size)):
            chunk = records[i : i + size]
            path = write_jsonl(chunk, Path(tmp) / f"chunk{n}.jsonl")
            for side in ("raw", "sitrep") if n % 2 == 0 else ("sitrep", "raw"):
                start = time.perf_counter()
                if side == "raw":
                    for _ in nlp.pipe((r["text"] for r in chunk), batch_size=args.batch_size):
                        pass
                    raw += time.perf_counter() - start
                else:
                    report = ingest_into(store, [path], engine=engine,
                                         batch_size=args.batch_size)
                    sitrep += time.perf_counter() - start
                    events += report.events_new
                    stored += report.articles_new
        store.close()

    n = len(records)
    assert stored == n, f"only {stored} of {n} articles stored"
    print(f"{n} articles, {words:,} words, {events:,} events stored; batch size "
          f"{args.batch_size}; {load_note()} (end)")
    print(f"{'':28} {'articles/s':>10} {'seconds':>8}")
    print(f"{'raw spaCy nlp.pipe':28} {n / raw:10.2f} {raw:8.1f}")
    print(f"{'sitrep ingest -> store':28} {n / sitrep:10.2f} {sitrep:8.1f}")
    print(f"{'ratio sitrep / raw':28} {raw / sitrep:10.2f}")


if __name__ == "__main__":
    main()
