"""Running the real coder over gold: over a sentence gold file, where each gold sentence gets
the events sitrep codes whose trigger starts inside it, over document gold, where each
gold article gets every event sitrep codes in it, or over toponym gold, where each gold
toponym gets the place resolved on its span and the place the pipeline found there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.evaluation.baselines import keyword_predictions, majority_predictions
from sitrep.evaluation.documents import (
    DocumentScores,
    PredictedEvent,
    gold_files,
    load_document_gold,
    reports_act,
    score_documents,
)
from sitrep.evaluation.gold import GoldRecord, load_gold
from sitrep.evaluation.score import Prediction, Scores, score
from sitrep.evaluation.select import Selection
from sitrep.evaluation.toponyms import ToponymScores, load_toponym_gold, score_article
from sitrep.parse import parse_articles
from sitrep.pipeline import Components, ProcessedArticle, pipeline, pipeline_with_parses
from sitrep.records import Article, Event
from sitrep.resolve.article_places import resolve_spans


@dataclass
class Evaluation:
    gold_path: str
    scores: Scores
    baselines: dict[str, Scores] = field(default_factory=dict)  # name -> scores
    selection: str | None = None  # the --select expression, if any
    failed: list[str] = field(default_factory=list)  # articles the pipeline could not code


@dataclass
class DocumentEvaluation:
    gold_path: str  # the folder, or "articles file + gold file"
    scores: DocumentScores
    selection: str | None = None
    failed: list[str] = field(default_factory=list)


@dataclass
class ToponymEvaluation:
    gold_path: str
    scores: ToponymScores
    selection: str | None = None
    failed: list[str] = field(default_factory=list)


def predict(records: Sequence[GoldRecord], components: Components | None = None,
            failed: list[str] | None = None) -> list[list[Prediction]]:
    """Predicted events per record. A `text` record is an article of its own; records
    pointing into the same file share one article, coded once. Articles the pipeline could
    not code are added to `failed` (see `failure`)."""
    articles: dict[str, Article] = {}
    for record in records:
        articles.setdefault(record.article_key, Article(
            text=record.article_text, outlet=record.outlet, published=record.published,
            source=record.article_key))
    events: dict[str, list[Event]] = {}
    for processed in pipeline(articles.values(), components):
        events[processed.article.source] = processed.events
        if failed is not None and processed.problem:
            failed.append(failure(processed))
    return [[Prediction.from_event(e) for e in events.get(r.article_key, [])
             if _told_in(e, r.sentence_start, r.sentence_end)]
            for r in records]


def failure(processed: ProcessedArticle) -> str:
    """"<article>: <what went wrong>" for an article the pipeline could not code: it counts
    as finding nothing, which the scores alone would not tell."""
    assert processed.problem is not None
    return f"{processed.article.source or processed.article.id}: {processed.problem.message}"


def _told_in(event: Event, start: int, end: int) -> bool:
    """Whether one of the event's mentions has its trigger in the sentence [start, end)."""
    return any(m.trigger.start is not None and start <= m.trigger.start < end
               for m in event.all_mentions())


def evaluate(gold_path: str | Path, components: Components | None = None, *,
             limit: int | None = None, with_baselines: bool = False,
             select: Selection | None = None) -> Evaluation:
    """Score a sentence gold file (SelectionError when `select` names ids it lacks)."""
    records = load_gold(gold_path)
    if select is not None:
        records = select.apply(records, lambda r: r.id, "record")
    records = records[:limit]
    failed: list[str] = []
    evaluation = Evaluation(str(gold_path), score(records, predict(records, components, failed)),
                            selection=select.expression if select else None, failed=failed)
    if with_baselines:
        evaluation.baselines = {
            "majority class": score(records, majority_predictions(records)),
            "keyword coder": score(records, keyword_predictions(records)),
        }
    return evaluation


def evaluate_documents(paths: Sequence[str | Path], components: Components | None = None, *,
                       select: Selection | None = None,
                       limit: int | None = None,
                       every_event: bool = False) -> DocumentEvaluation:
    """Code the gold articles (a folder, or its articles and gold files) with the real
    pipeline and score every article's events against its gold events: the events reported
    as acts (`reports_act`), or with `every_event` all of them."""
    gold = load_document_gold(paths)
    if select is not None:
        gold = select.apply(gold, lambda a: a.id, "article")
    gold = gold[:limit]
    processed = list(pipeline([g.article for g in gold], components))
    predicted = [[PredictedEvent.from_event(e) for e in p.events if every_event or reports_act(e)]
                 for p in processed]
    where = str(paths[0]) if len(paths) == 1 else " + ".join(map(str, gold_files(paths)))
    return DocumentEvaluation(where, score_documents(gold, predicted),
                              selection=select.expression if select else None,
                              failed=[failure(p) for p in processed if p.problem])


def evaluate_toponyms(path: str | Path, components: Components | None = None, *,
                      select: Selection | None = None, limit: int | None = None,
                      on_progress: Callable[[int, int], None] | None = None
                      ) -> ToponymEvaluation:
    """Score toponym gold (`sitrep.evaluation.toponyms`) both ways: each gold toponym
    resolved on its span, with its article parsed and read as a whole (`resolve_spans`),
    and the real pipeline run on each article to find the places itself.
    `on_progress(articles done, articles in all)` after each article."""
    gold = load_toponym_gold(path)
    if select is not None:
        gold = select.apply(gold, lambda a: a.id, "article")
    gold = gold[:limit]
    components = components or Components.load()
    articles = [g.article for g in gold]
    results, failed = [], []
    # the gold spans are resolved on the parse the pipeline made of the same text
    for g, (processed, doc) in zip(gold, pipeline_with_parses(articles, components),
                                   strict=True):
        if processed.problem:
            failed.append(failure(processed))
        if doc is None:  # the pipeline could not parse it: let the error show here
            [(doc, _)] = parse_articles(components.nlp, [g.article], batch_size=1)
        resolved = resolve_spans(doc, components.places, components.actors,
                                 [(t.start, t.end) for t in g.toponyms], text=g.text)
        results.append(score_article(g, resolved, processed.places, components.places,
                                     components.actors))
        if on_progress:
            on_progress(len(results), len(gold))
    return ToponymEvaluation(str(path), ToponymScores(results),
                             selection=select.expression if select else None, failed=failed)
