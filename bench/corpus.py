"""Benchmark inputs made from the VOA corpus (read from ../shared at run time, never copied).

- `varied_records(n)`: the corpus repeated to `n` articles, each copy changed by one short
  closing line so that content-hash de-duplication does not skip it.
- `coded_corpus()`: the corpus run through the pipeline once; `replayed(coded, n)` turns it
  into `n` distinct coded articles (new ids, dates shifted copy by copy) to fill a store
  without parsing again.
- `load_note()`: the machine's load, to print next to every figure.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from sitrep.pipeline import Components, ProcessedArticle, pipeline
from sitrep.records import Article

DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "voa_stories.jsonl"


def corpus_records(path: Path = DEFAULT_CORPUS) -> list[dict]:
    if not path.exists():
        sys.exit(f"corpus not found: {path} (the VOA corpus lives in ../shared/corpora)")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def varied_records(n: int, path: Path = DEFAULT_CORPUS) -> list[dict]:
    """`n` records: the corpus over and over, copy k of each text ending in "(k)."."""
    rows = corpus_records(path)
    out = []
    for i in range(n):
        row = dict(rows[i % len(rows)])
        copy_number = i // len(rows)
        if copy_number:
            row["text"] = f"{row['text']}\n\n({copy_number}.)"
            row["id"] = f"{row.get('id')}-{copy_number}"
        out.append(row)
    return out


def write_jsonl(records: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def coded_corpus(components: Components | None = None,
                 path: Path = DEFAULT_CORPUS) -> list[ProcessedArticle]:
    """The corpus through the pipeline, as ingest reads it (JSON Lines metadata and all)."""
    from sitrep.ingest import read_inputs

    articles = [a for a in read_inputs([path]) if isinstance(a, Article)]
    return list(pipeline(articles, components or Components.load()))


def replayed(coded: list[ProcessedArticle], n: int, start: int = 0) -> Iterator[ProcessedArticle]:
    """Articles start..start+n-1 of an endless replay of `coded`: copy k has its own text
    (hence ids) and every date moved k weeks later, so the timeline keeps growing."""
    for i in range(start, start + n):
        base = coded[i % len(coded)]
        k = i // len(coded)
        if k == 0:
            yield base
            continue
        shift = timedelta(weeks=k)
        article = replace(base.article, text=f"{base.article.text}\n\n({k}.)",
                          published=base.article.published and base.article.published + shift)
        events = []
        for event in base.events:
            moved = copy.copy(event)
            moved.article_id = article.id
            moved.published = event.published and event.published + shift
            if event.date is not None:
                moved.date = replace(
                    event.date,
                    value=event.date.value and event.date.value + shift,
                    range_start=event.date.range_start and event.date.range_start + shift,
                    range_end=event.date.range_end and event.date.range_end + shift)
            events.append(moved)
        yield ProcessedArticle(article, events, base.places)


def load_note() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"
