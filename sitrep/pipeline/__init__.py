"""The one pipeline every shell (CLI, API, Dask engine) runs.

`pipeline()` turns articles into coded events (parse -> extract -> resolve);
`ingest_into()` wraps it with the ingest stage before and the store and link steps after,
streaming in batches so that an interrupted run keeps what it finished and a re-run skips
it. Where the batches are coded (this process, local worker processes, a Dask cluster) is
the engine's business (`sitrep.engine`); storing always happens here, one transaction per
batch, and then `link_stored.update_links` links the batch just stored.
"""

from __future__ import annotations

import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc
from sqlalchemy.exc import OperationalError

from sitrep.extract import Lexicon, extract_events, extract_headline_events
from sitrep.ingest import ArticleOverrides, read_inputs
from sitrep.ingest.failures import describe_failure, failure_problem, log_failure, time_budget
from sitrep.ingest.limits import SECONDS_PER_ARTICLE
from sitrep.pipeline.link_stored import link_pending, update_links
from sitrep.parse import DEFAULT_BATCH_SIZE, load_model, parse_with_headlines
from sitrep.records import Article, ArticlePlace, Event, IngestProblem
from sitrep.resolve import resolve_article
from sitrep.resolve.actors import ActorDictionary
from sitrep.resolve.places import Gazetteer
from sitrep.store import Store


@dataclass
class ProcessedArticle:
    article: Article
    events: list[Event]
    places: list[ArticlePlace]
    # set when coding this article failed (it is not stored): the problem to report and the
    # traceback for the error log, as text (it may come from a worker process)
    problem: IngestProblem | None = None
    trace: str | None = None

    @classmethod
    def failed(cls, article: Article, error: Exception, stage: str) -> ProcessedArticle:
        problem = describe_failure(article.source or article.id, error, stage)
        return cls(article, [], [], problem, "".join(traceback.format_exception(error)))


@dataclass
class Components:
    """Everything the pipeline loads once: model, lexicon, actor dictionary, gazetteer."""

    nlp: Language
    lexicon: Lexicon
    actors: ActorDictionary
    places: Gazetteer

    @classmethod
    def load(cls, *, model: str | None = None, lexicon_files: Sequence[str | Path] = (),
             actor_files: Sequence[str | Path] = ()) -> Components:
        return cls(
            nlp=load_model(model),
            lexicon=Lexicon.load(lexicon_files) if lexicon_files else Lexicon.default(),
            actors=ActorDictionary.load(actor_files) if actor_files else ActorDictionary.default(),
            places=Gazetteer.default(),
        )


def pipeline(articles: Iterable[Article], components: Components | None = None, *,
             batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[ProcessedArticle]:
    """Parse, extract and resolve each article, lazily and in input order. An article whose
    coding fails or runs past its time budget comes out `failed` (with its problem); the
    others go on."""
    for processed, _ in pipeline_with_parses(articles, components, batch_size=batch_size):
        yield processed


def pipeline_with_parses(articles: Iterable[Article], components: Components | None = None, *,
                         batch_size: int = DEFAULT_BATCH_SIZE
                         ) -> Iterator[tuple[ProcessedArticle, Doc | None]]:
    """`pipeline`, each article with its parse (None if parsing it failed), for a caller
    that reads the parse too (evaluation) rather than parsing every text a second time."""
    components = components or Components.load()
    remaining = iter(articles)
    parsing: deque[Article] = deque()  # taken by the parser, not yet out

    def taken() -> Iterator[Article]:
        for article in remaining:
            parsing.append(article)
            yield article

    while True:
        try:
            for doc, article, headline in parse_with_headlines(components.nlp, taken(),
                                                               batch_size=batch_size):
                parsing.popleft()
                yield code_parsed(doc, article, headline, components), doc
            return
        except Exception:  # noqa: BLE001 - one article of the parser's batch failed
            if not parsing:
                raise  # the parser fails before any article: nothing to single out
            # parse the batch again one article at a time, to fail only that one
            batch = [*parsing]
            parsing.clear()
            for article in batch:
                yield _parse_alone(article, components)


def _parse_alone(article: Article, components: Components
                 ) -> tuple[ProcessedArticle, Doc | None]:
    try:
        with time_budget(SECONDS_PER_ARTICLE):
            [(doc, _, headline)] = parse_with_headlines(components.nlp, [article], batch_size=1)
    except Exception as error:  # noqa: BLE001 - the boundary: the batch goes on
        return ProcessedArticle.failed(article, error, "parsing"), None
    return code_parsed(doc, article, headline, components), doc


def code_parsed(doc: Doc, article: Article, headline: Doc | None,
                components: Components) -> ProcessedArticle:
    """Extract and resolve the events of one parsed article (its text's parse, its title's
    or None), within its time budget. Coding leaves the parse as it was, so one parse can
    be coded again under other metadata (another publication date)."""
    try:
        with time_budget(SECONDS_PER_ARTICLE):
            return _extract_and_resolve(doc, article, headline, components)
    except Exception as error:  # noqa: BLE001 - the boundary: the batch goes on
        return ProcessedArticle.failed(article, error, "coding")


def _extract_and_resolve(doc: Doc, article: Article, headline: Doc | None,
                         components: Components) -> ProcessedArticle:
    events = extract_events(doc, article, components.lexicon)
    headline_events = (extract_headline_events(headline, replace(article, text=article.title),
                                               components.lexicon)
                       if headline is not None else [])
    mentions = resolve_article(doc, article, events, actors=components.actors,
                               gazetteer=components.places, lexicon=components.lexicon,
                               headline=headline_events)
    return ProcessedArticle(article, events, mentions)


class Engine(Protocol):
    """Runs `pipeline` over batches of articles somewhere (see `sitrep.engine`)."""

    def run(self, batches: Iterable[list[Article]]) -> Iterator[list[ProcessedArticle]]:
        """Each batch's results, in input order."""
        ...


@dataclass
class IngestReport:
    articles_read: int = 0
    articles_new: int = 0
    articles_known: int = 0  # already in the store, or repeated within this input
    events_new: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)  # every article the input holds

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def ingest_into(
    store: Store,
    paths: Iterable[str | Path],
    *,
    overrides: ArticleOverrides | None = None,
    components: Components | None = None,
    engine: Engine | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_problem: Callable[[IngestProblem], None] | None = None,
    allow_private_urls: bool = False,
) -> IngestReport:
    """Read inputs, code the articles the store does not hold yet, and store them.

    Articles are committed in batches of `batch_size`: a run that is interrupted keeps
    every finished batch, and running the same command again picks up where it stopped.
    `engine` says where batches are coded (default: here, with `components`).
    """
    options: dict = {"max_bytes": max_bytes} if max_bytes else {}
    options["allow_private_urls"] = allow_private_urls  # for http(s) inputs
    return ingest_articles(store, read_inputs(paths, overrides, **options),
                           components=components, engine=engine, batch_size=batch_size,
                           on_progress=on_progress, on_problem=on_problem)


def ingest_articles(
    store: Store,
    items: Iterable[Article | IngestProblem],
    *,
    components: Components | None = None,
    engine: Engine | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_progress: Callable[[int], None] | None = None,
    on_problem: Callable[[IngestProblem], None] | None = None,
) -> IngestReport:
    """`ingest_into` for articles read already (feeds, URLs): problems are logged, articles
    the store holds are skipped, the others coded and stored batch by batch.

    Exactly once: each batch is stored in one transaction that skips articles stored
    meanwhile, and only articles the store lacks are sent to be coded, so a run killed at
    any point and run again ends with every article stored once.
    """
    report = IngestReport()
    seen: set[str] = set()

    def tell(problem: IngestProblem) -> None:
        report.problems.append(problem)
        store.record_problem(problem)
        if on_problem:
            on_problem(problem)

    # A run killed between storing a batch and linking it left articles unlinked, which the
    # re-run would skip as known: link them first, as the interrupted run would have.
    try:
        link_pending(store)
    except Exception as error:  # noqa: BLE001 - the new articles can still be stored
        tell(failure_problem("<stored articles>", error, stage="linking",
                             outcome="left unlinked; `sitrep link` links them"))

    def new_batches() -> Iterator[list[Article]]:
        pending: list[Article] = []
        for item in items:
            if isinstance(item, IngestProblem):
                tell(item)
                continue
            try:
                item.id  # noqa: B018 - the hash encodes the text: a lone surrogate fails here
            except Exception as error:  # noqa: BLE001 - the boundary: the batch goes on
                tell(failure_problem(item.source or "<article>", error, stage="hashing"))
                continue
            report.articles_read += 1
            report.article_ids.append(item.id)
            if item.content_hash in seen:
                report.articles_known += 1
                if on_progress:
                    on_progress(1)
                continue
            seen.add(item.content_hash)
            pending.append(item)
            if len(pending) >= batch_size:
                if batch := _unknown(store, pending, report, on_progress):
                    yield batch
                pending = []
        if batch := _unknown(store, pending, report, on_progress):
            yield batch

    if engine is None:
        components = components or Components.load()
        coded: Iterator[list[ProcessedArticle]] = (
            list(pipeline(batch, components, batch_size=batch_size)) for batch in new_batches()
        )
    else:
        coded = engine.run(new_batches())
    for processed in coded:
        for failed in (p for p in processed if p.problem is not None):
            log_failure(failed.problem, failed.trace or "")
            tell(failed.problem)
        coded_ok = [(p.article, p.events, p.places) for p in processed if p.problem is None]
        for problem in _flush(store, coded_ok, report, on_progress):
            tell(problem)
        if on_progress and len(coded_ok) < len(processed):
            on_progress(len(processed) - len(coded_ok))
    return report


def _unknown(store: Store, articles: list[Article], report: IngestReport,
             on_progress: Callable[[int], None] | None) -> list[Article]:
    if not articles:
        return []
    known = store.known_hashes(a.content_hash for a in articles)
    if known:
        report.articles_known += len(known)
        if on_progress:
            on_progress(len(known))
    return [article for article in articles if article.content_hash not in known]


def _flush(store: Store, batch: list[tuple[Article, list[Event], list[ArticlePlace]]],
           report: IngestReport,
           on_progress: Callable[[int], None] | None) -> list[IngestProblem]:
    """Store and link one coded batch; the problems of articles that could not be."""
    if not batch:
        return []
    problems: list[IngestProblem] = []
    stored = _store_batch(store, batch, report, problems)
    if on_progress:
        on_progress(len(batch))
    if not stored:
        return problems
    try:
        update_links(store, [article.id for article, _, _ in stored])
    except Exception as error:  # noqa: BLE001 - stored; `link` can link them later
        problems.append(failure_problem(
            ", ".join(a.source or a.id for a, _, _ in stored), error, stage="linking",
            outcome="stored, to be linked by `sitrep link`"))
    return problems


def _store_batch(store: Store, batch: list[tuple[Article, list[Event], list[ArticlePlace]]],
                 report: IngestReport, problems: list[IngestProblem],
                 ) -> list[tuple[Article, list[Event], list[ArticlePlace]]]:
    """Store a batch in one transaction; if that fails, one article at a time, so only the
    article that cannot be stored is left out (the database being unusable still raises)."""
    try:
        # The batch was filtered against the store just before parsing; another writer
        # adding the same article meanwhile is the only way `added` can fall short.
        added = store.add_batch(batch)
    except OperationalError:
        raise
    except Exception as error:  # noqa: BLE001 - the boundary: the batch goes on
        if len(batch) == 1:
            article = batch[0][0]
            problems.append(failure_problem(article.source or article.id, error,
                                            stage="storing"))
            return []
        return [item for one in batch for item in _store_batch(store, [one], report, problems)]
    report.articles_new += added
    report.articles_known += len(batch) - added
    report.events_new += sum(len(events) for _, events, _ in batch[:added])
    return batch
