"""Scaling and memory: 1 vs 2 processes, raw spaCy against sitrep's engines, one run.

    .venv/bin/python bench/scaling.py [--articles 400] [--workers 2] [--batch-size 16]
                                      [--only raw-1,local-2,...]

Runs, each in a fresh process on the same texts (the VOA corpus repeated, varied slightly):
raw `nlp.pipe` with n_process=1 and n_process=N; sitrep `ingest_into` a fresh SQLite file
with the in-process engine, the local engine with N worker processes, and a Dask
LocalCluster of N single-threaded workers. The model is loaded before the clock starts:
in the main process for raw and sitrep-1, in the workers for local and Dask (`warm_up()`;
that start-up is timed and shown apart). Main CPU: what the main process itself spent
(reading, storing, linking, and shipping batches to and from the workers). Memory: peak
RSS of the main process and of the largest worker (for Dask, each worker reports its own).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import load_note, varied_records, write_jsonl

RUNS = ("raw-1", "raw-N", "sitrep-1", "local-N", "dask-N")


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_one(name: str, corpus: Path, workers: int, batch_size: int) -> dict:
    """One measurement, in this (fresh) process."""
    records = [json.loads(line) for line in corpus.read_text().splitlines()]
    texts = [r["text"] for r in records]
    result: dict = {"name": name}
    if name.startswith("raw"):
        from sitrep.parse import load_model

        nlp = load_model()
        list(nlp.pipe(texts[:2]))
        n_process = 1 if name == "raw-1" else workers
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            pass
        result["seconds"] = time.perf_counter() - start
        result["worker_peak_mb"] = peak_rss_mb(resource.RUSAGE_CHILDREN) if n_process > 1 \
            else None
    else:
        from sitrep.engine import DaskCluster, InProcess, LocalProcesses
        from sitrep.pipeline import ingest_into
        from sitrep.store import Store

        with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
            store = Store(Path(tmp) / "bench.db")
            store.migrate()
            if name == "sitrep-1":
                engine = InProcess(batch_size=batch_size)
            start = time.perf_counter()
            if name == "local-N":
                engine = LocalProcesses(workers=workers, batch_size=batch_size)
            elif name == "dask-N":
                engine = DaskCluster(workers=workers, batch_size=batch_size)
            engine.warm_up()  # workers load the model before the clock, as raw's main does
            result["startup_seconds"] = time.perf_counter() - start
            start, cpu = time.perf_counter(), cpu_seconds()
            report = ingest_into(store, [corpus], engine=engine, batch_size=batch_size)
            result["seconds"] = time.perf_counter() - start
            result["main_cpu_seconds"] = cpu_seconds() - cpu
            assert report.articles_new == len(texts), report
            if name == "dask-N":
                peaks = engine.client.run(peak_rss_mb)
                result["worker_peak_mb"] = max(peaks.values())
            engine.close()
            if name == "local-N":
                result["worker_peak_mb"] = peak_rss_mb(resource.RUSAGE_CHILDREN)
            store.close()
    result["main_peak_mb"] = peak_rss_mb()
    result["articles_per_s"] = len(texts) / result["seconds"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--only", help=f"comma-separated runs among {','.join(RUNS)}")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: a single run
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.corpus, args.workers, args.batch_size)))
        return

    runs = args.only.split(",") if args.only else RUNS
    results = {}
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        corpus = write_jsonl(varied_records(args.articles), Path(tmp) / "corpus.jsonl")
        for name in runs:
            before = load_note()
            done = subprocess.run(
                [sys.executable, __file__, "--one", name, "--corpus", str(corpus),
                 "--workers", str(args.workers), "--batch-size", str(args.batch_size)],
                capture_output=True, text=True, check=True)
            results[name] = json.loads(done.stdout.strip().splitlines()[-1])
            results[name]["load"] = before
    n = args.workers
    print(f"{args.articles} articles, batch size {args.batch_size}, N = {n}")
    print(f"{'run':10} {'art/s':>7} {'seconds':>8} {'gain':>5} {'start s':>7} "
          f"{'main CPU s':>10} {'main MB':>8} {'worker MB':>9}  load before the run")
    for name, r in results.items():
        base = results.get("raw-1" if name.startswith("raw") else "sitrep-1")
        gain = f"{r['articles_per_s'] / base['articles_per_s']:5.2f}" if base else "    -"
        worker = f"{r['worker_peak_mb']:9.0f}" if r.get("worker_peak_mb") else "        -"
        startup = f"{r['startup_seconds']:7.1f}" if "startup_seconds" in r else "      -"
        main_cpu = f"{r['main_cpu_seconds']:10.1f}" if "main_cpu_seconds" in r else " " * 9 + "-"
        print(f"{name.replace('N', str(n)):10} {r['articles_per_s']:7.2f} {r['seconds']:8.1f} "
              f"{gain} {startup} {main_cpu} {r['main_peak_mb']:8.0f} {worker}  {r['load']}")
    if {"local-N", "dask-N"} <= results.keys():
        print(f"dask / local: {results['dask-N']['articles_per_s'] / results['local-N']['articles_per_s']:.2f}")
    if {"raw-N", "local-N", "sitrep-1", "raw-1"} <= results.keys():
        local, one = results["local-N"], results["sitrep-1"]
        with_start = args.articles / (local["seconds"] + local["startup_seconds"])
        print(f"local-{n} gain {local['articles_per_s'] / one['articles_per_s']:.2f} "
              f"({with_start / one['articles_per_s']:.2f} counting worker start-up) vs raw "
              f"gain {results['raw-N']['articles_per_s'] / results['raw-1']['articles_per_s']:.2f}")


if __name__ == "__main__":
    main()
