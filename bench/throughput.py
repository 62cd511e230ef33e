"""End-to-end throughput of sitrep's pipeline as a ratio to raw spaCy, in one run.

    python bench/throughput.py [../shared/corpora/voa_stories.jsonl] [--repeat N]

Both sides parse the same texts with the same model and batch size; sitrep's side adds
extraction and resolution (not ingest or storage). Prints articles/s for each and the ratio.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sitrep.parse import DEFAULT_BATCH_SIZE, load_model
from sitrep.pipeline import Components, pipeline
from sitrep.records import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "voa_stories.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="use the corpus N times")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.corpus.read_text().splitlines() if line.strip()]
    texts = [r["text"] for r in rows] * args.repeat
    words = sum(len(t.split()) for t in texts)
    components = Components.load()
    nlp = load_model()
    list(nlp.pipe(texts[:4]))  # warm up

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE):
        pass
    raw = time.perf_counter() - start

    start = time.perf_counter()
    events = sum(len(p.events) for p in pipeline((Article(text=t) for t in texts), components))
    full = time.perf_counter() - start

    n = len(texts)
    print(f"{n} articles, {words:,} words, {events:,} events")
    print(f"raw spaCy nlp.pipe : {n / raw:6.2f} articles/s ({raw:.1f} s)")
    print(f"sitrep pipeline    : {n / full:6.2f} articles/s ({full:.1f} s)")
    print(f"ratio sitrep / raw : {raw / full:.2f}")


if __name__ == "__main__":
    main()
