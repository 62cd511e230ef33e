"""Running the real coder over a gold file: each gold sentence gets the events sitrep codes
whose trigger starts inside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.evaluation.baselines import keyword_predictions, majority_predictions
from sitrep.evaluation.gold import GoldRecord, load_gold
from sitrep.evaluation.score import Prediction, Scores, score
from sitrep.pipeline import Components, pipeline
from sitrep.records import Article, Event


@dataclass
class Evaluation:
    gold_path: str
    scores: Scores
    baselines: dict[str, Scores] = field(default_factory=dict)  # name -> scores


def predict(records: Sequence[GoldRecord], components: Components | None = None) -> list[list[Prediction]]:
    """Predicted events per record. A `text` record is an article of its own; records
    pointing into the same file share one article, coded once."""
    articles: dict[str, Article] = {}
    for record in records:
        articles.setdefault(record.article_key, Article(
            text=record.article_text, outlet=record.outlet, published=record.published,
            source=record.article_key))
    events: dict[str, list[Event]] = {}
    for processed in pipeline(articles.values(), components):
        events[processed.article.source] = processed.events
    return [[Prediction.from_event(e) for e in events.get(r.article_key, [])
             if e.trigger.start is not None and r.sentence_start <= e.trigger.start < r.sentence_end]
            for r in records]


def evaluate(gold_path: str | Path, components: Components | None = None, *,
             limit: int | None = None, with_baselines: bool = False) -> Evaluation:
    records = load_gold(gold_path)[:limit]
    evaluation = Evaluation(str(gold_path), score(records, predict(records, components)))
    if with_baselines:
        evaluation.baselines = {
            "majority class": score(records, majority_predictions(records)),
            "keyword coder": score(records, keyword_predictions(records)),
        }
    return evaluation
