"""Growth: how ingest time, memory, database size and query latency grow from 1k to 10k to
100k articles.

    .venv/bin/python bench/growth.py [--sizes 1000,10000,100000] [--link-max 10000]

Parsing, extraction and resolution cost the same for the 100,000th article as for the
first (nothing in them depends on what is stored), so they are measured once, on the VOA
corpus (89 articles), per article. What grows with the database is measured at every size:
storing (`add_batch`, as ingest does per batch of 16, on replayed copies of the coded corpus
with new ids and shifted dates), the main process's peak RSS, the file's size and the
latency of three listings. Linking (`update_links` after each batch) is measured up to
--link-max articles; beyond, its cost per article is extrapolated linearly from the two
measured segments (it grows with the number of stored events it compares with), and the
table says so. Total = coding per article x N + storing + linking.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from corpus import coded_corpus, load_note, replayed

from sitrep.parse import DEFAULT_BATCH_SIZE
from sitrep.pipeline import Components
from sitrep.pipeline.link_stored import update_links
from sitrep.store import Store


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def listing_ms(store: Store) -> dict[str, float]:
    """Median of 5 of: first page, a type's first page, the page after the middle event."""
    with store.reading() as connection:
        middle = connection.exec_driver_sql(
            "SELECT id FROM events ORDER BY timeline_date, article_id, evidence_start, id "
            "LIMIT 1 OFFSET (SELECT count(*) / 2 FROM events)").scalar()
    queries = {"first page": {}, "type ASSAULT": {"types": ["ASSAULT"]},
               "keyset, middle": {"after": middle}}
    out = {}
    for name, kwargs in queries.items():
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            list(store.events(limit=50, **kwargs))
            samples.append(time.perf_counter() - start)
        out[name] = statistics.median(samples) * 1000
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/sitrep-growth"))
    parser.add_argument("--link-max", type=int, default=10_000)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    args.dir.mkdir(parents=True, exist_ok=True)
    db = args.dir / "growth.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    print(load_note(), "(start)")
    components = Components.load()
    start = time.perf_counter()
    coded = coded_corpus(components)
    coding_per_article = (time.perf_counter() - start) / len(coded)
    events_per_article = sum(len(p.events) for p in coded) / len(coded)
    print(f"coding (parse+extract+resolve), measured: {coding_per_article * 1000:.0f} ms per "
          f"article, {events_per_article:.1f} events per article")

    store = Store(db)
    store.migrate()
    rows = []
    done, stored, linked, link_rates = 0, 0.0, 0.0, []
    for size in sizes:
        segment_store = segment_link = 0.0
        for i in range(done, size, DEFAULT_BATCH_SIZE):
            batch = [(p.article, p.events, p.places)
                     for p in replayed(coded, min(DEFAULT_BATCH_SIZE, size - i), start=i)]
            began = time.perf_counter()
            store.add_batch(batch)
            segment_store += time.perf_counter() - began
            if size <= args.link_max:
                began = time.perf_counter()
                update_links(store, [article.id for article, _, _ in batch])
                segment_link += time.perf_counter() - began
        if size <= args.link_max:
            link_rates.append(((done + size) / 2, segment_link / (size - done)))
            link_note = "measured"
        else:  # marginal cost a + b*N through the last two measured segments, integrated
            (n1, r1), (n2, r2) = link_rates[-2:]
            slope = (r2 - r1) / (n2 - n1)
            segment_link = (r2 * (size - done) + slope * ((size - n2) ** 2 - (done - n2) ** 2) / 2)
            link_note = "extrapolated"
        stored += segment_store
        linked += segment_link
        n_new = size - done
        done = size
        counts = store.counts()
        rows.append((size, counts["events"], segment_store / n_new * 1000,
                     segment_link / n_new * 1000, link_note, coding_per_article * size,
                     stored, linked, coding_per_article * size + stored + linked, rss_mb(),
                     db.stat().st_size / 2**20, listing_ms(store)))
        print(f"  {size:,} articles ({load_note()})", flush=True)
    store.close()

    print(f"\n{'articles':>8} {'events':>9} | {'store':>6} {'link':>6} ms/article | "
          f"{'coding':>7} {'store':>6} {'link':>7} {'total':>7} s | {'RSS MB':>6} "
          f"{'db MB':>6} | listing ms: first page / type / keyset")
    for (size, n_events, store_ms, link_ms, note, coding, st, li, total, rss, mb,
         listing) in rows:
        ms = " / ".join(f"{v:.1f}" for v in listing.values())
        mark = "*" if note == "extrapolated" else " "
        print(f"{size:8,} {n_events:9,} | {store_ms:6.1f} {link_ms:6.1f}{mark}           | "
              f"{coding:7.0f} {st:6.0f} {li:7.0f}{mark}{total:7.0f}   | {rss:6.0f} {mb:6.0f} | {ms}")
    print("ms/article: mean over the articles added since the row above; coding = measured "
          "ms/article x N; * = linking extrapolated, not measured. " + load_note() + " (end)")


if __name__ == "__main__":
    main()
