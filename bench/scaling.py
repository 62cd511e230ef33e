"""Scaling and memory: 1 vs 2 processes, raw spaCy against sitrep's engines, one run.

    .venv/bin/python bench/scaling.py [--articles 400] [--workers 2] [--batch-size 16]
                                      [--only raw-1,local-N,...] [--repeat 3]

Runs, each in a fresh process on the same texts (the VOA corpus repeated, varied slightly):
raw `nlp.pipe` with n_process=1 and n_process=N; sitrep `ingest_into` a fresh SQLite file
with the in-process engine, the local engine with N worker processes, and a Dask
LocalCluster of N single-threaded workers. The model is loaded before the clock starts:
in the main process for raw and sitrep-1, in the workers for local and Dask (`warm_up()`;
that start-up is timed and shown apart). Main CPU: what the main process itself spent
(reading, storing, linking, and shipping batches to and from the workers); all CPU: that of
every process of the run, workers included, while the clock runs. Idle CPU: what the
engine's processes (main included: a LocalCluster's scheduler runs there) spend per second
with nothing to do, measured for a few seconds after warm-up, before the clock. Memory: peak
RSS of the main process and of the largest worker (for Dask, each worker reports its own).

Single runs on a shared 2-core VM swing by 10 % or more: `--repeat R` runs the whole
sequence R times (forwards, then backwards, and so on; the two sides of a ratio run back to
back), prints every run, and the medians of rates and of per-repeat ratios. Each run's
stderr is kept in bench/results/scaling-RUN-REPEAT.log.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import load_note, varied_records, write_jsonl

RUNS = ("raw-1", "raw-N", "sitrep-1", "local-N", "dask-N")
LOGS = Path(__file__).resolve().parent / "results"  # each run's stderr, kept for a look
IDLE_SECONDS = 5.0


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def all_cpu_seconds() -> float:
    """CPU seconds spent so far by this process and its live children (workers)."""
    import psutil  # a dependency of distributed

    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.NoSuchProcess:
            pass
    return total


def idle_cpu_share(seconds: float = IDLE_SECONDS) -> float:
    """CPU seconds per second this process and its children spend while we sleep."""
    before = all_cpu_seconds()
    time.sleep(seconds)
    return (all_cpu_seconds() - before) / seconds


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
        start, cpu = time.perf_counter(), all_cpu_seconds()
        coded = 0
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            coded += 1
            if coded == len(texts):  # spaCy's workers are still alive here: count them
                result["all_cpu_seconds"] = all_cpu_seconds() - cpu
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
            time.sleep(1)  # let start-up's last messages settle
            result["idle_cpu"] = idle_cpu_share()
            start, cpu, everyone = time.perf_counter(), cpu_seconds(), all_cpu_seconds()
            report = ingest_into(store, [corpus], engine=engine, batch_size=batch_size)
            result["seconds"] = time.perf_counter() - start
            result["main_cpu_seconds"] = cpu_seconds() - cpu
            result["all_cpu_seconds"] = all_cpu_seconds() - everyone
            assert report.articles_new == len(texts), report
            if name == "dask-N":
                peaks = engine.client.run(peak_rss_mb)
                result["worker_peak_mb"] = max(peaks.values())
                result["workers_at_end"] = len(peaks)
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
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the whole sequence this many times and report medians")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: a single run
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.corpus, args.workers, args.batch_size)))
        return

    runs = args.only.split(",") if args.only else RUNS
    repeats: list[dict[str, dict]] = []
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        corpus = write_jsonl(varied_records(args.articles), Path(tmp) / "corpus.jsonl")
        LOGS.mkdir(exist_ok=True)
        for repeat in range(args.repeat):
            results: dict[str, dict] = {}
            for name in runs if repeat % 2 == 0 else runs[::-1]:
                before = load_note()
                log = LOGS / f"scaling-{name}-{repeat}.log"
                with log.open("w") as stderr:
                    done = subprocess.run(
                        [sys.executable, __file__, "--one", name, "--corpus", str(corpus),
                         "--workers", str(args.workers), "--batch-size", str(args.batch_size)],
                        stdout=subprocess.PIPE, stderr=stderr, text=True)
                if done.returncode:
                    sys.exit(f"{name} failed; its log: {log}")
                results[name] = json.loads(done.stdout.strip().splitlines()[-1])
                results[name]["load"] = before
                if results[name].get("workers_at_end", args.workers) < args.workers:
                    print(f"warning: {name} ended with {results[name]['workers_at_end']} "
                          f"of {args.workers} workers; see {log}")
            repeats.append({name: results[name] for name in runs})
    n = args.workers
    print(f"{args.articles} articles, batch size {args.batch_size}, N = {n}, "
          f"{args.repeat} repeat(s)")
    print(f"{'run':10} {'art/s':>7} {'seconds':>8} {'gain':>5} {'start s':>7} "
          f"{'idle CPU':>8} {'main CPU s':>10} {'all CPU s':>9} {'main MB':>8} {'worker MB':>9}  "
          "load before the run")
    for results in repeats:
        for name, r in results.items():
            print_run(name.replace("N", str(n)), r, results)
    ratios = {
        f"dask-{n} / local-{n}": gains(repeats, "dask-N", "local-N"),
        f"local-{n} gain": gains(repeats, "local-N", "sitrep-1"),
        f"raw-{n} gain": gains(repeats, "raw-N", "raw-1"),
        "sitrep-1 / raw-1": gains(repeats, "sitrep-1", "raw-1"),
        f"local-{n} / raw-{n} (the target: >= 0.8)": gains(repeats, "local-N", "raw-N"),
        # CPU seconds of every process per article, raw's over ours: what a busy machine
        # distorts least (it slows both alike), though it misses idle workers
        f"local-{n} / raw-{n} by CPU time": [
            r["raw-N"]["all_cpu_seconds"] / r["local-N"]["all_cpu_seconds"]
            for r in repeats if {"raw-N", "local-N"} <= r.keys()],
    }
    if args.repeat > 1:
        print("medians: " + ", ".join(
            f"{name.replace('N', str(n))} "
            f"{statistics.median(r[name]['articles_per_s'] for r in repeats):.2f} art/s"
            for name in runs))
    for label, values in ratios.items():
        if values:
            print(f"{label}: {statistics.median(values):.2f}"
                  + (f" (median; each repeat: {', '.join(f'{v:.2f}' for v in values)})"
                     if len(values) > 1 else ""))
    if all({"local-N", "sitrep-1"} <= r.keys() for r in repeats):
        with_start = [args.articles / (r["local-N"]["seconds"] + r["local-N"]["startup_seconds"])
                      / r["sitrep-1"]["articles_per_s"] for r in repeats]
        print(f"local-{n} gain counting worker start-up: {statistics.median(with_start):.2f}")


def gains(repeats: list[dict[str, dict]], run: str, base: str) -> list[float]:
    return [r[run]["articles_per_s"] / r[base]["articles_per_s"]
            for r in repeats if {run, base} <= r.keys()]


def print_run(label: str, r: dict, results: dict[str, dict]) -> None:
    base = results.get("raw-1" if label.startswith("raw") else "sitrep-1")
    gain = f"{r['articles_per_s'] / base['articles_per_s']:5.2f}" if base else "    -"
    worker = f"{r['worker_peak_mb']:9.0f}" if r.get("worker_peak_mb") else "        -"
    startup = f"{r['startup_seconds']:7.1f}" if "startup_seconds" in r else "      -"
    idle = f"{r['idle_cpu']:8.3f}" if "idle_cpu" in r else "       -"
    main_cpu = f"{r['main_cpu_seconds']:10.1f}" if "main_cpu_seconds" in r else " " * 9 + "-"
    all_cpu = f"{r['all_cpu_seconds']:9.1f}" if "all_cpu_seconds" in r else " " * 8 + "-"
    print(f"{label:10} {r['articles_per_s']:7.2f} {r['seconds']:8.1f} {gain} {startup} {idle} "
          f"{main_cpu} {all_cpu} {r['main_peak_mb']:8.0f} {worker}  {r['load']}")


if __name__ == "__main__":
    main()
