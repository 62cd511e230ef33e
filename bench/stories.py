"""Story linking on a news stream: do the articles of one news event, and only they, share a
story?

    python bench/stories.py [--basil ../shared/benchmarks/basil_dev] [--days 5]

basil_dev has 50 triplets, each one US political event told by three outlets, published 0-4
days apart; the triplets are spread over ten years, so "published within a few days" alone
would group them. The benchmark therefore runs two streams through the real pipeline and
linker (a temporary SQLite store each):

- `dated`: the articles as published;
- `squashed`: every triplet moved into the same `--days` days (the gaps inside a triplet
  kept), a dense stream where only what the articles say can tell the events apart.

For each stream it prints, per half (tune = triplets 0-24, check = 25-49), pairwise
precision, recall and F1 over article pairs and B-cubed F1. A predicted pair counts against
the precision of each half it touches, so merging a tune and a check triplet costs both.
The stream is ingested in its file order, 16 articles a batch, linking each batch as
`sitrep ingest` does; then `rebuild_links` links it all again in publication order, and the
benchmark counts the stories that keep their articles and, of those, their ids.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from sitrep.linking import rebuild_links, update_links
from sitrep.pipeline import Components, ProcessedArticle, pipeline
from sitrep.records import Article
from sitrep.store import Store
from sitrep.store.links import story_of_article

DEFAULT_BASIL = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "basil_dev"
HALVES = {"tune": range(0, 25), "check": range(25, 50)}
BASE_DAY = date(2030, 1, 1)
BATCH = 16  # articles per ingest batch, in input order (not publication order)


def read_basil(folder: Path) -> tuple[list[Article], dict[str, int]]:
    """The articles, and each article's triplet keyed by its content id."""
    triplets = {a["id"]: a["triplet"] for a in
                json.loads((folder / "annotations.json").read_text())}
    articles, triplet_of = [], {}
    for line in (folder / "articles.jsonl").read_text().splitlines():
        row = json.loads(line)
        article = Article(text=row["text"], title=row.get("title"), outlet=row.get("outlet"),
                          url=row.get("url"), published=date.fromisoformat(row["published"]),
                          external_id=row["id"])
        articles.append(article)
        triplet_of[article.id] = triplets[row["id"]]
    return articles, triplet_of


def squash(articles: list[Article], triplet_of: Mapping[str, int], days: int
           ) -> list[Article]:
    """Every triplet moved to start within the first `days` days, its gaps kept."""
    first: dict[int, date] = {}
    last: dict[int, date] = {}
    for a in articles:
        t = triplet_of[a.id]
        first[t] = min(first.get(t, a.published), a.published)
        last[t] = max(last.get(t, a.published), a.published)
    moved = []
    for a in articles:
        t = triplet_of[a.id]
        room = max(1, days - (last[t] - first[t]).days)
        start = BASE_DAY + timedelta(days=t % room)
        moved.append(replace(a, published=start + (a.published - first[t])))
    return moved


def pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for group in groups for p in combinations(sorted(group), 2)}


def scores(predicted: Mapping[str, str], gold: Mapping[str, int], half: range
           ) -> dict[str, float]:
    """Pairwise P/R/F1 and B-cubed F1 for the articles of one half (see the docstring)."""
    members = {a for a, t in gold.items() if t in half}
    by_story: dict[str, set[str]] = {}
    for article_id, story in predicted.items():
        by_story.setdefault(story, set()).add(article_id)
    by_triplet: dict[int, set[str]] = {}
    for article_id, t in gold.items():
        by_triplet.setdefault(t, set()).add(article_id)
    predicted_pairs = {p for p in pairs(by_story.values()) if p & members}
    gold_pairs = {p for p in pairs(by_triplet.values()) if p <= members}
    hits = len(predicted_pairs & gold_pairs)
    precision = hits / len(predicted_pairs) if predicted_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    b_precision = b_recall = 0.0
    for article_id in members:
        story = by_story[predicted[article_id]]
        triplet = by_triplet[gold[article_id]]
        b_precision += len(story & triplet) / len(story)
        b_recall += len(story & triplet) / len(triplet)
    b_precision, b_recall = b_precision / len(members), b_recall / len(members)
    return {"P": precision, "R": recall, "F1": f1(precision, recall),
            "B3": f1(b_precision, b_recall)}


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def run_stream(processed: list[ProcessedArticle], folder: Path
               ) -> tuple[dict[str, str], dict[str, str]]:
    """Link a coded stream as ingest does, then rebuild the links: each article's story
    before and after the rebuild."""
    store = Store(str(folder / "stories.db"))
    store.migrate()
    for i in range(0, len(processed), BATCH):  # as `sitrep ingest` does: link every batch
        batch = processed[i : i + BATCH]
        store.add_batch([(p.article, p.events, p.places) for p in batch])
        update_links(store, [p.article.id for p in batch])
    before = {p.article.id: story_of_article(store, p.article.id) for p in processed}
    rebuild_links(store)
    after = {p.article.id: story_of_article(store, p.article.id) for p in processed}
    store.close()
    return before, after


def kept_ids(before: Mapping[str, str], after: Mapping[str, str]) -> tuple[int, int, int]:
    """Stories the rebuild left with the same articles, how many of them kept their id, and
    how many stories there were before."""
    def groups(story_of: Mapping[str, str]) -> dict[frozenset[str], str]:
        members: dict[str, set[str]] = {}
        for article_id, story in story_of.items():
            members.setdefault(story, set()).add(article_id)
        return {frozenset(m): story for story, m in members.items()}
    old, new = groups(before), groups(after)
    same = old.keys() & new.keys()
    return len(same), sum(old[g] == new[g] for g in same), len(old)


def show_mixed(predicted: Mapping[str, str], gold: Mapping[str, int], half: range,
               articles: list[Article]) -> None:
    """Print the stories of this half that are not exactly one triplet."""
    titles = {a.id: f"{a.published} {a.outlet:9.9} {a.title}" for a in articles}
    by_story: dict[str, list[str]] = {}
    for article_id, story in predicted.items():
        by_story.setdefault(story, []).append(article_id)
    for story, members in sorted(by_story.items()):
        triplets = {gold[a] for a in members}
        if not triplets & set(half) or (len(triplets) == 1 and len(members) == 3):
            continue
        print(f"  story {story}:")
        for a in sorted(members, key=lambda a: (gold[a], titles[a])):
            print(f"    t{gold[a]:02d} {titles[a][:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL)
    parser.add_argument("--days", type=int, default=5, help="days of the squashed stream")
    parser.add_argument("--show", choices=["tune"],
                        help="print this half's stories that are not exactly one triplet "
                        "(the check half's are never shown: it is scored, not read)")
    args = parser.parse_args()
    articles, triplet_of = read_basil(args.basil)
    components = Components.load()
    streams = {"dated": articles, "squashed": squash(articles, triplet_of, args.days)}
    print(f"{len(articles)} articles, {len(set(triplet_of.values()))} triplets")
    print(f"{'stream':9} {'half':6} {'P':>6} {'R':>6} {'F1':>6} {'B3':>6}  stories")
    for name, stream in streams.items():
        with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
            predicted, rebuilt = run_stream(list(pipeline(stream, components)), Path(tmp))
        for half_name, half in HALVES.items():
            s = scores(predicted, triplet_of, half)
            n = len({predicted[a] for a, t in triplet_of.items() if t in half})
            print(f"{name:9} {half_name:6} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} "
                  f"{s['B3']:6.3f}  {n}")
        same, kept, n = kept_ids(predicted, rebuilt)
        print(f"{name:9} rebuild_links: {same} of {n} stories keep their articles, "
              f"{kept} of them their id")
        if args.show:
            show_mixed(predicted, triplet_of, HALVES[args.show], stream)


if __name__ == "__main__":
    main()
