"""What linking (stories, event clusters, series) costs per article, next to raw spaCy parsing,
and whether it stays flat as the store grows.

    python bench/linking.py [../shared/corpora/voa_stories.jsonl] [--scale N]

1. Codes the corpus (without linking), times raw `nlp.pipe` on the same texts, then links the
   stored articles in ingest-sized batches of 16 and prints both per-article costs and their
   ratio.
2. With `--scale N`: fills the store with N articles, copies of the corpus shifted a week per
   copy (text, events and places copied as rows, no parsing), links them all in batches of
   16, and prints the linking cost per article for each tenth of the run: candidate
   retrieval is indexed by key and date, so the cost should not grow with the store.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from sitrep.link.config import LinkConfig
from sitrep.parse import DEFAULT_BATCH_SIZE, load_model
from sitrep.pipeline import Components, pipeline
from sitrep.pipeline.link_stored import update_links
from sitrep.records import Article
from sitrep.store import Store
from sitrep.store.links import link_counts
from sitrep.store.schema import articles, events, places

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "voa_stories.jsonl"
BATCH = 16


def read_corpus(path: Path) -> list[Article]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [Article(text=r["text"], title=r.get("title"), outlet="voanews.com",
                    published=date.fromisoformat(r["published"][:10]) if r.get("published")
                    else None) for r in rows]


def link_all(store: Store, ids: list[str], config: LinkConfig) -> list[float]:
    """Link in ingest-sized batches; seconds per batch."""
    times = []
    for i in range(0, len(ids), BATCH):
        start = time.perf_counter()
        update_links(store, ids[i : i + BATCH], config)
        times.append(time.perf_counter() - start)
    return times


def stored_ids(store: Store) -> list[str]:
    query = select(articles.c.id).order_by(articles.c.published, articles.c.id)
    with store.reading() as connection:
        return list(connection.execute(query).scalars())


def copy_corpus(store: Store, n: int) -> None:
    """Add copies of the stored articles, a week apart per copy, until there are n."""
    with store.reading() as connection:
        originals = [dict(r) for r in connection.execute(select(articles)).mappings()]
        original_events = [dict(r) for r in connection.execute(select(events)).mappings()]
        original_places = [dict(r) for r in connection.execute(select(places)).mappings()]
    events_of: dict[str, list[dict]] = {}
    for row in original_events:
        events_of.setdefault(row["article_id"], []).append(row)
    places_of: dict[str, list[dict]] = {}
    for row in original_places:
        row.pop("id")
        places_of.setdefault(row["article_id"], []).append(row)

    def shift(value: date | None, days: int) -> date | None:
        return value + timedelta(days=days) if value else None

    def shift_iso(value: str | None, days: int) -> str | None:
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat() if value else None

    copies = n // len(originals)
    for k in range(1, copies):
        days = 7 * k
        new_articles, new_events, new_places = [], [], []
        for a in originals:
            text = f"{a['text']} (copy {k})"
            digest = hashlib.sha256(text.encode()).hexdigest()
            new_id = digest[:16]
            new_articles.append({**a, "id": new_id, "content_hash": digest, "text": text,
                                 "published": shift(a["published"], days)})
            for e in events_of.get(a["id"], []):
                record = json.loads(e["record"])
                record["id"] = hashlib.sha256(f"{new_id}:{e['id']}".encode()).hexdigest()[:16]
                record["article_id"] = new_id
                record["published"] = shift_iso(record["published"], days)
                record["event_date"] = shift_iso(record["event_date"], days)
                if record.get("date_range"):
                    record["date_range"] = {k2: shift_iso(v, days)
                                            for k2, v in record["date_range"].items()}
                new_events.append({**e, "id": record["id"], "article_id": new_id,
                                   "event_date": shift(e["event_date"], days),
                                   "published": shift(e["published"], days),
                                   "timeline_date": shift(e["timeline_date"], days),
                                   "record": json.dumps(record)})
            new_places += [{**p, "article_id": new_id} for p in places_of.get(a["id"], [])]
        with store.writing() as connection:
            connection.execute(insert(articles), new_articles)
            connection.execute(insert(events), new_events)
            if new_places:
                connection.execute(insert(places), new_places)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--scale", type=int, help="also link a store of this many articles")
    parser.add_argument("--db", help="database file to use (default: a temporary one)")
    args = parser.parse_args()
    corpus = read_corpus(args.corpus)
    config = LinkConfig.default()

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        store = Store(args.db or str(Path(tmp) / "link.db"))
        store.migrate()
        components = Components.load()
        for processed in pipeline(corpus, components):
            store.add_batch([(processed.article, processed.events, processed.places)])

        nlp = load_model()
        texts = [a.text for a in corpus]
        list(nlp.pipe(texts[:4]))  # warm up
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE):
            pass
        parse = (time.perf_counter() - start) / len(texts)

        ids = stored_ids(store)
        link = sum(link_all(store, ids, config)) / len(ids)
        counts = link_counts(store)
        print(f"{len(ids)} articles: {counts['stories']} stories, "
              f"{counts['event_clusters']} event clusters, {counts['series']} series")
        print(f"raw spaCy parse : {1000 * parse:7.1f} ms/article")
        print(f"linking         : {1000 * link:7.1f} ms/article (batches of {BATCH})")
        print(f"linking / parse : {100 * link / parse:6.1f} %")

        if args.scale:
            copy_corpus(store, args.scale)
            ids = [i for i in stored_ids(store) if i not in set(ids)]
            times = link_all(store, ids, config)
            tenth = max(1, len(times) // 10)
            print(f"\nlinking {len(ids)} more articles ({len(ids) + len(corpus)} stored):")
            for i in range(0, len(times), tenth):
                part = times[i : i + tenth]
                done = min(len(ids), (i + len(part)) * BATCH)
                print(f"  up to {done:7d}: {1000 * sum(part) / (len(part) * BATCH):6.2f} "
                      f"ms/article")
        store.close()


if __name__ == "__main__":
    main()
