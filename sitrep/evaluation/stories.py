"""Story linking scored on grouped gold: basil_dev's triplets (one news event told by three
outlets), as published and squashed into a few days (README, "Evaluation").

`link_stream` ingests coded articles as `sitrep ingest` does (in input order, linking every
batch) and rebuilds the links after; `story_scores` gives pairwise precision, recall, F1
and B-cubed F1 for one half of the triplets: a predicted pair counts against the precision
of each half it touches, so merging a tune and a check triplet costs both.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from sitrep.parse import DEFAULT_BATCH_SIZE, parse_with_headlines
from sitrep.pipeline import Components, ProcessedArticle, code_parsed
from sitrep.pipeline.link_stored import rebuild_links, update_links
from sitrep.records import Article
from sitrep.store import Store
from sitrep.store.links import story_of_article

HALVES = {"tune": range(0, 25), "check": range(25, 50)}
BASE_DAY = date(2030, 1, 1)  # where a squashed stream starts
BATCH = 16  # articles per ingest batch, in input order (not publication order)


def read_triplets(folder: Path) -> tuple[list[Article], dict[str, int]]:
    """basil_dev's articles, and each article's triplet keyed by its content id."""
    triplets = {a["id"]: a["triplet"] for a in
                json.loads((folder / "annotations.json").read_text(encoding="utf-8"))}
    articles, triplet_of = [], {}
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        article = Article(text=row["text"], title=row.get("title"), outlet=row.get("outlet"),
                          url=row.get("url"), published=date.fromisoformat(row["published"]),
                          external_id=row["id"])
        articles.append(article)
        triplet_of[article.id] = triplets[row["id"]]
    return articles, triplet_of


def squash(articles: Sequence[Article], triplet_of: Mapping[str, int], days: int
           ) -> list[Article]:
    """Every triplet moved to start within the first `days` days, its gaps kept."""
    first: dict[int, date] = {}
    last: dict[int, date] = {}
    for a in articles:
        t, day = triplet_of[a.id], a.published
        assert day is not None, "every article of a triplet is dated"
        first[t] = min(first.get(t, day), day)
        last[t] = max(last.get(t, day), day)
    moved = []
    for a in articles:
        t = triplet_of[a.id]
        room = max(1, days - (last[t] - first[t]).days)
        start = BASE_DAY + timedelta(days=t % room)
        moved.append(replace(a, published=start + (a.published - first[t])))  # type: ignore[operator]
    return moved


def code_streams(streams: Mapping[str, Sequence[Article]], components: Components
                 ) -> dict[str, list[ProcessedArticle]]:
    """Each stream coded as the pipeline codes it. The streams are the same articles in the
    same order, dated differently (`squash`), so each text is parsed once for all of them."""
    first, *others = streams.values()
    for other in others:
        if [(a.text, a.title) for a in other] != [(a.text, a.title) for a in first]:
            raise ValueError("the streams must hold the same texts in the same order")
    coded: dict[str, list[ProcessedArticle]] = {name: [] for name in streams}
    parsed = parse_with_headlines(components.nlp, first, batch_size=DEFAULT_BATCH_SIZE)
    for i, (doc, _, headline) in enumerate(parsed):
        for name, stream in streams.items():
            coded[name].append(code_parsed(doc, stream[i], headline, components))
    return coded


def link_stream(processed: Sequence[ProcessedArticle], database: Path
                ) -> tuple[dict[str, str], dict[str, str]]:
    """Store and link a coded stream as ingest does, then rebuild the links: each article's
    story before and after the rebuild."""
    store = Store(str(database))
    store.migrate()
    for i in range(0, len(processed), BATCH):
        batch = processed[i : i + BATCH]
        store.add_batch([(p.article, p.events, p.places) for p in batch])
        update_links(store, [p.article.id for p in batch])
    ids = [p.article.id for p in processed]
    before = {a: story_of_article(store, a) or "" for a in ids}
    rebuild_links(store)
    after = {a: story_of_article(store, a) or "" for a in ids}
    store.close()
    return before, after


def _pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for group in groups for p in combinations(sorted(group), 2)}


def _groups(assignment: Mapping[str, object]) -> dict[object, set[str]]:
    groups: dict[object, set[str]] = {}
    for article_id, group in assignment.items():
        groups.setdefault(group, set()).add(article_id)
    return groups


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def story_scores(predicted: Mapping[str, str], gold: Mapping[str, int], half: range
                 ) -> dict[str, float]:
    """Pairwise P/R/F1 and B-cubed F1 ("B3") for the articles of one half of the triplets."""
    members = {a for a, t in gold.items() if t in half}
    by_story, by_triplet = _groups(predicted), _groups(gold)
    predicted_pairs = {p for p in _pairs(by_story.values()) if p & members}
    gold_pairs = {p for p in _pairs(by_triplet.values()) if p <= members}
    hits = len(predicted_pairs & gold_pairs)
    precision = hits / len(predicted_pairs) if predicted_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    b_precision = b_recall = 0.0
    for article_id in members:
        story = by_story[predicted[article_id]]
        triplet = by_triplet[gold[article_id]]
        b_precision += len(story & triplet) / len(story)
        b_recall += len(story & triplet) / len(triplet)
    return {"P": precision, "R": recall, "F1": _f1(precision, recall),
            "B3": _f1(b_precision / len(members), b_recall / len(members))}


def kept_ids(before: Mapping[str, str], after: Mapping[str, str]) -> tuple[int, int, int]:
    """Stories a rebuild left with the same articles, how many of them kept their id, and
    how many stories there were before."""
    old = {frozenset(m): story for story, m in _groups(before).items()}
    new = {frozenset(m): story for story, m in _groups(after).items()}
    same = old.keys() & new.keys()
    return len(same), sum(old[g] == new[g] for g in same), len(old)
