"""Start-up cost of the resolve stage: time and resident memory to load every resolver.

    python bench/resolvers.py

Runs in a fresh interpreter; measures RSS (from /proc) before and after loading the actor
dictionary, the gazetteer and the date rules, and times each. Targets (issue [2/6]):
<= 150 MB and <= 2 s for all resolvers together.
"""

from __future__ import annotations

import time
from pathlib import Path


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


def main() -> None:
    import sitrep.records  # noqa: F401  (the records every stage shares, not a resolver)

    base = rss_mb()
    total = time.perf_counter()
    steps = []
    for name, load in (
        ("actor dictionary", lambda: __import__("sitrep.resolve.actors", fromlist=["x"])
         .ActorDictionary.default()),
        ("gazetteer", lambda: __import__("sitrep.resolve.places", fromlist=["x"])
         .Gazetteer.default()),
        ("date rules", lambda: __import__("sitrep.resolve.dates", fromlist=["x"])
         .find_date_expressions("on Monday")),
    ):
        before_mb, start = rss_mb(), time.perf_counter()
        load()
        steps.append((name, time.perf_counter() - start, rss_mb() - before_mb))
    elapsed = time.perf_counter() - total
    for name, seconds, mb in steps:
        print(f"{name:17}: {seconds:5.2f} s  {mb:6.1f} MB")
    print(f"{'all resolvers':17}: {elapsed:5.2f} s  {rss_mb() - base:6.1f} MB")


if __name__ == "__main__":
    main()
