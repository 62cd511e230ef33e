"""Document-level gold: real articles with every main event coded by hand (the format of
`news_dev`), scored by one-to-one matching of gold and predicted events per article.

Gold comes as two JSON Lines files, `articles.jsonl` (`id`, `url`, `title`, `outlet`,
`published`, `text`) and `gold.jsonl` (one event per line: `article_id`, `event_type`,
`accepted_types`, `actor`, `recipient`, `date`, `confidence`, `sentence`), or a folder
holding both.

Scoring rule (README, "Document-level gold"): at each level a prediction is compatible with a gold
event when its type is accepted (`type`), and its actor code is the gold's or one of its
list (`actor`; a gold actor of null wants a prediction without an actor code), and its
recipient (`recipient`; a gold null accepts any), and its date agrees at the gold's
precision (`date`; a prediction without a date counts as dated to publication). Per article
and level, a maximum one-to-one matching pairs gold and predicted events. Precision is
matched / predictions, recall matched / gold, over all events and over high-confidence
ones (predictions matched to a low-confidence gold event then count neither way).

The levels are matched from the deepest (`date`) to `type`, each matching grown from the
deeper one by augmenting paths: it is still a maximum at its own level, and a gold event
matched at a deeper level stays matched, usually to the same prediction, so a report can
give each gold event the deepest level it reached and the prediction that got it there.
Gold codes are compared whole ("UNESCO", "ISIS"), not cut to three letters as CAMEO codes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.evaluation.codes import codes_match
from sitrep.evaluation.gold import GoldError
from sitrep.records import Article, Entity, Event

LEVELS = ("type", "actor", "recipient", "date")
LEVEL_NAMES = {"type": "type", "actor": "type + actor", "recipient": "+ recipient",
               "date": "+ date", "same_sentence": "same sentence"}
SCOPES = ("all", "high")


@dataclass
class GoldEvent:
    id: str
    article_id: str
    event_type: str
    accepted_types: frozenset[str]
    actor: tuple[str, ...] | None  # None: an unknown actor (only an uncoded prediction fits)
    recipient: tuple[str, ...] | None  # None: not specified (any recipient fits)
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    confidence: str
    sentence: str
    sentence_start: int | None = None  # where the sentence begins in the article, if found
    note: str = ""

    @property
    def sentence_end(self) -> int | None:
        if self.sentence_start is None:
            return None
        return self.sentence_start + len(self.sentence)


@dataclass
class GoldArticle:
    id: str
    article: Article
    events: list[GoldEvent] = field(default_factory=list)


@dataclass(frozen=True)
class PredictedEvent:
    """What document scoring needs of one predicted event."""

    event_type: str
    actor_codes: tuple[str, ...]
    recipient_codes: tuple[str, ...]
    date_start: date | None  # the calendar span of the event's date, if it has one
    date_end: date | None
    trigger: str
    trigger_start: int | None
    sentence: str
    actor_text: str | None = None
    recipient_text: str | None = None
    date_text: str | None = None
    modality: str = "asserted"
    background: bool = False
    # where each mention's trigger starts: the event is told in every sentence holding one
    mention_starts: tuple[int, ...] = ()

    @classmethod
    def from_event(cls, event: Event) -> PredictedEvent:
        start = end = None
        if event.date is not None:
            # a week ("last week") has a range but no single value
            start = event.date.range_start or event.date.value
            end = event.date.range_end or start
        return cls(
            event_type=event.plover_type or event.event_type,
            actor_codes=_codes(event.actor), recipient_codes=_codes(event.recipient),
            date_start=start, date_end=end, trigger=event.trigger.text,
            trigger_start=event.trigger.start, sentence=event.sentence,
            actor_text=event.actor.text if event.actor else None,
            recipient_text=event.recipient.text if event.recipient else None,
            date_text=event.date.text if event.date else None,
            modality=event.modality, background=event.background,
            mention_starts=tuple(m.trigger.start for m in event.all_mentions()
                                 if m.trigger.start is not None))

    @property
    def date_span(self) -> str | None:
        """The event's date as text: a day, or "first..last" for a longer span."""
        if self.date_start is None:
            return None
        end = self.date_end
        return self.date_start.isoformat() if end in (None, self.date_start) else \
            f"{self.date_start}..{end}"

    def to_record(self) -> dict[str, Any]:
        return {"type": self.event_type, "trigger": self.trigger,
                "actor": self.actor_text, "actor_codes": list(self.actor_codes),
                "recipient": self.recipient_text, "recipient_codes": list(self.recipient_codes),
                "date": self.date_span, "date_text": self.date_text,
                "modality": self.modality, "background": self.background,
                "sentence": self.sentence}


def reports_act(event: Event) -> bool:
    """What document gold codes: the events the record reports as acts
    (`Event.reported_as_act`)."""
    return event.reported_as_act


def _codes(entity: Entity | None) -> tuple[str, ...]:
    if entity is None:
        return ()
    codes = [entity.code] + [m.code for m in entity.members]
    return tuple(dict.fromkeys(c for c in codes if c))


# --- reading -----------------------------------------------------------------------------

def is_document_gold(paths: Sequence[str | Path]) -> bool:
    """Whether `paths` name document-level gold: a folder, or two files (an articles and a
    gold file; `gold_files` tells which is which). Sentence gold is one file."""
    return len(paths) == 2 or (len(paths) == 1 and Path(paths[0]).is_dir())


def gold_files(paths: Sequence[str | Path]) -> tuple[Path, Path]:
    """(articles file, gold file) from a folder or from the two files in either order."""
    if len(paths) == 1:
        folder = Path(paths[0])
        articles, gold = folder / "articles.jsonl", folder / "gold.jsonl"
        for needed in (articles, gold):
            if not needed.is_file():
                raise GoldError(f"{folder}: a document gold folder needs {needed.name}")
        return articles, gold
    if len(paths) != 2:
        raise GoldError(f"document gold is a folder or two files, not {len(paths)} paths")
    first, second = (Path(p) for p in paths)
    holds_events = [_holds_gold_events(first), _holds_gold_events(second)]
    if holds_events == [False, True]:
        return first, second
    if holds_events == [True, False]:
        return second, first
    raise GoldError(f"{first}, {second}: expected an articles file (records with `text`) and "
                    f"a gold file (records with `event_type`)")


def _holds_gold_events(path: Path) -> bool:
    """Whether the first record of `path` is a gold event (GoldError on unreadable JSON)."""
    first = next(iter(_jsonl(path)), None)
    return first is not None and first[1].get("event_type") is not None


def _jsonl(path: Path) -> Iterable[tuple[str, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read: {error}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{where}: invalid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise GoldError(f"{where}: expected a JSON object")
        yield where, record


def _codes_field(value: Any, where: str, name: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
        return tuple(v.strip() for v in value)
    raise GoldError(f"{where}: `{name}` must be a code, a list of codes or null")


def _accepted_types(value: Any, event_type: str, where: str) -> frozenset[str]:
    # a bare string would otherwise be read letter by letter
    if not (isinstance(value, list) and all(isinstance(t, str) for t in value)):
        raise GoldError(f"{where}: `accepted_types` must be a list of PLOVER types")
    return frozenset({t.strip().upper() for t in value} | {event_type})


_GOLD_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _gold_date(value: Any, where: str) -> str | None:
    """The gold date as written, once it is known to be a real day, month or year (a bad
    one would otherwise fail only when a prediction is compared with it)."""
    if value is None:
        return None
    if isinstance(value, str) and _GOLD_DATE.fullmatch(value):
        try:
            date.fromisoformat((value + "-01-01")[:10])  # a month or a year: its first day
            return value
        except ValueError:
            pass
    raise GoldError(f"{where}: `date` must be YYYY-MM-DD, YYYY-MM, YYYY or null, not {value!r}")


def _confidence(value: Any, where: str) -> str:
    confidence = str(value or "high").lower()
    if confidence not in ("high", "low"):
        raise GoldError(f"{where}: `confidence` must be high or low, not {value!r}")
    return confidence


def _published(value: Any, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise GoldError(f"{where}: `published` {value!r} is not a date (YYYY-MM-DD)") from None


def _read_articles(path: Path) -> dict[str, GoldArticle]:
    articles: dict[str, GoldArticle] = {}
    for where, raw in _jsonl(path):
        key = str(raw.get("id") or raw.get("url") or "")
        text = raw.get("text")
        if not key or not isinstance(text, str) or not text.strip():
            raise GoldError(f"{where}: an article needs an `id` and a `text`")
        if key in articles:
            raise GoldError(f"{where}: article id {key!r} occurs twice")
        article = Article(text=text, title=raw.get("title"), outlet=raw.get("outlet"),
                          author=raw.get("author"), url=raw.get("url"),
                          published=_published(raw.get("published"), where),
                          source=key, external_id=key)
        articles[key] = GoldArticle(key, article)
    if not articles:
        raise GoldError(f"{path}: no articles")
    return articles


def _gold_event(raw: dict[str, Any], gold_article: GoldArticle, where: str) -> GoldEvent:
    event_type = str(raw.get("event_type") or "").strip().upper()
    if not event_type:
        raise GoldError(f"{where}: a gold event needs an `event_type`")
    sentence = str(raw.get("sentence") or "")
    found = gold_article.article.text.find(sentence) if sentence else -1
    return GoldEvent(
        id=str(raw.get("id") or f"{gold_article.id}-{len(gold_article.events) + 1}"),
        article_id=gold_article.id, event_type=event_type,
        accepted_types=_accepted_types(raw.get("accepted_types") or [], event_type, where),
        actor=_codes_field(raw.get("actor"), where, "actor"),
        recipient=_codes_field(raw.get("recipient"), where, "recipient"),
        date=_gold_date(raw.get("date"), where),
        confidence=_confidence(raw.get("confidence"), where),
        sentence=sentence, sentence_start=found if found >= 0 else None,
        note=str(raw.get("note") or ""))


def load_document_gold(paths: Sequence[str | Path]) -> list[GoldArticle]:
    """The gold articles in file order, each with its gold events; GoldError on bad input."""
    articles_path, gold_path = gold_files(paths)
    articles = _read_articles(articles_path)
    for where, raw in _jsonl(gold_path):
        key = str(raw.get("article_id") or "")
        if key not in articles:
            raise GoldError(f"{where}: `article_id` {key!r} is not in {articles_path.name}")
        articles[key].events.append(_gold_event(raw, articles[key], where))
    return list(articles.values())


# --- compatibility and matching ---------------------------------------------------------

def _date_agrees(gold: str, predicted: PredictedEvent, published: date | None) -> bool:
    start, end = predicted.date_start, predicted.date_end
    if start is None:
        if published is None:
            return False
        start = end = published
    end = end or start
    if len(gold) == 10:
        day = date.fromisoformat(gold)
        return start == end == day
    year = int(gold[:4])
    if len(gold) == 4:
        return start.year == end.year == year
    month = int(gold[5:7])
    return (start.year, start.month) == (end.year, end.month) == (year, month)


def agreement(gold: GoldEvent, predicted: PredictedEvent,
              published: date | None) -> dict[str, bool]:
    """Each of the gold event's fields on its own: does the prediction agree with it?"""
    if gold.actor is None:
        actor = not predicted.actor_codes  # an unknown actor: only an uncoded prediction
    else:
        actor = codes_match(gold.actor, predicted.actor_codes, whole=True)
    return {
        "type": predicted.event_type in gold.accepted_types,
        "actor": actor,
        "recipient": gold.recipient is None or codes_match(gold.recipient,
                                                           predicted.recipient_codes, whole=True),
        "date": gold.date is None or _date_agrees(gold.date, predicted, published),
    }


def depth(agrees: dict[str, bool]) -> int:
    """How many levels a pair is compatible at: 0 not even by type, 4 down to the date."""
    levels = 0
    for level in LEVELS:
        if not agrees[level]:
            break
        levels += 1
    return levels


def compatible(gold: GoldEvent, predicted: PredictedEvent, level: str,
               published: date | None) -> bool:
    """Whether `predicted` can stand for `gold` at `level` (and every level before it)."""
    return depth(agreement(gold, predicted, published)) > LEVELS.index(level)


def max_matching(n_gold: int, n_predicted: int, fits: Callable[[int, int], bool], *,
                 start: dict[int, int] | None = None,
                 rank: Callable[[int, int], int] | None = None) -> dict[int, int]:
    """A maximum one-to-one matching, gold index -> prediction index, grown by augmenting
    paths from `start` (a matching whose pairs fit). Every gold event of `start` stays
    matched; to keep its partner too where it can, a gold event takes a free prediction
    (highest `rank` first) before it displaces another's, and displaces one of `start`'s
    pairs last."""
    start = start or {}
    options = [sorted((j for j in range(n_predicted) if fits(i, j)),
                      key=lambda j, i=i: -rank(i, j) if rank else 0) for i in range(n_gold)]
    owner = {j: i for i, j in start.items()}  # prediction -> gold

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in owner:
                owner[j] = i
                return True
        for j in sorted(options[i], key=lambda j: start.get(owner[j]) == j):
            if j in seen:
                continue
            seen.add(j)
            if augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_gold):
        if i not in start:
            augment(i, set())
    return {i: j for j, i in owner.items()}


# --- scores ------------------------------------------------------------------------------

@dataclass
class Counts:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    def to_record(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "matched": self.matched, "predicted": self.predicted, "gold": self.gold}


@dataclass
class TypeCounts:
    gold: int = 0
    found: int = 0  # gold events of this type matched
    predicted: int = 0
    correct: int = 0  # predictions of this type matched

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_record(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "gold": self.gold, "found": self.found, "predicted": self.predicted,
                "correct": self.correct}


@dataclass
class ArticleResult:
    """One article's gold and predicted events, with each level's matching."""

    gold: GoldArticle
    predicted: list[PredictedEvent]
    matchings: dict[str, dict[int, int]]  # level -> gold index -> prediction index
    same_sentence: dict[int, int]  # type+actor matching within the gold event's sentence

    def counts(self, level: str, scope: str) -> Counts:
        matching = self.same_sentence if level == "same_sentence" else self.matchings[level]
        events = self.gold.events
        if scope == "all":
            return Counts(len(matching), len(self.predicted), len(events))
        high = {i for i, e in enumerate(events) if e.confidence == "high"}
        matched_low = sum(1 for i in matching if i not in high)
        return Counts(sum(1 for i in matching if i in high),
                      len(self.predicted) - matched_low, len(high))

    def deepest_level(self, gold_index: int) -> str | None:
        """The last level at which this gold event is matched, None if not even by type."""
        deepest = None
        for level in LEVELS:
            if gold_index in self.matchings[level]:
                deepest = level
        return deepest

    def partner(self, gold_index: int) -> int | None:
        """The prediction that matched this gold event at its deepest level (the same one
        at every level, unless keeping the matching maximum made a shallower level pair it
        differently)."""
        level = self.deepest_level(gold_index)
        return None if level is None else self.matchings[level][gold_index]

    def unmatched_predictions(self) -> list[int]:
        used = set(self.matchings["type"].values())
        return [j for j in range(len(self.predicted)) if j not in used]

    def to_record(self) -> dict[str, Any]:
        gold = []
        for i, event in enumerate(self.gold.events):
            gold.append({
                "id": event.id, "type": event.event_type,
                "accepted_types": sorted(event.accepted_types),
                "actor": list(event.actor) if event.actor else None,
                "recipient": list(event.recipient) if event.recipient else None,
                "date": event.date, "confidence": event.confidence,
                "sentence": event.sentence, "matched_to": self.partner(i),
                "matched_at": self.deepest_level(i),
                "wrong_fields": self.wrong_fields(i)})
        return {"article": self.gold.id, "title": self.gold.article.title,
                "gold": gold, "predicted": [p.to_record() for p in self.predicted],
                "spurious": self.unmatched_predictions()}

    def wrong_fields(self, gold_index: int) -> list[str]:
        """For a matched gold event: the fields its partner gets wrong (empty if missed)."""
        j = self.partner(gold_index)
        if j is None:
            return []
        agrees = agreement(self.gold.events[gold_index], self.predicted[j],
                           self.gold.article.published)
        return [field for field in LEVELS[1:] if not agrees[field]]


@dataclass
class DocumentScores:
    articles: list[ArticleResult]

    def counts(self, level: str, scope: str = "all") -> Counts:
        total = Counts()
        for result in self.articles:
            total.add(result.counts(level, scope))
        return total

    def per_type(self, level: str = "type") -> dict[str, TypeCounts]:
        """Per type: its gold events found (by the gold's primary type) and its predictions
        matched, at `level`."""
        table: dict[str, TypeCounts] = {}
        for result in self.articles:
            matching = result.matchings[level]
            for i, event in enumerate(result.gold.events):
                counts = table.setdefault(event.event_type, TypeCounts())
                counts.gold += 1
                counts.found += i in matching
            correct = set(matching.values())
            for j, predicted in enumerate(result.predicted):
                counts = table.setdefault(predicted.event_type, TypeCounts())
                counts.predicted += 1
                counts.correct += j in correct
        return dict(sorted(table.items()))

    @property
    def predicted(self) -> int:
        return sum(len(r.predicted) for r in self.articles)

    @property
    def without_actor(self) -> int:
        return sum(1 for r in self.articles for p in r.predicted if not p.actor_codes)

    def to_record(self) -> dict[str, Any]:
        levels = {scope: {level: self.counts(level, scope).to_record()
                          for level in (*LEVELS, "same_sentence")} for scope in SCOPES}
        return {
            "articles": len(self.articles), "gold_events": sum(len(r.gold.events)
                                                              for r in self.articles),
            "predicted_events": self.predicted,
            "without_actor_code": self.without_actor,
            "scores": levels,
            "per_type": {t: c.to_record() for t, c in self.per_type("type").items()},
            "per_type_actor": {t: c.to_record() for t, c in self.per_type("actor").items()},
            "by_article": [r.to_record() for r in self.articles],
        }


def score_article(gold: GoldArticle, predicted: list[PredictedEvent]) -> ArticleResult:
    events = gold.events
    depths = [[depth(agreement(e, p, gold.article.published)) for p in predicted]
              for e in events]
    matchings: dict[str, dict[int, int]] = {}
    deeper: dict[int, int] = {}
    for level in reversed(LEVELS):  # date first: each level grows the deeper one's matching
        needed = LEVELS.index(level) + 1
        deeper = max_matching(len(events), len(predicted),
                              lambda i, j, needed=needed: depths[i][j] >= needed,
                              start=deeper, rank=lambda i, j: depths[i][j])
        matchings[level] = deeper

    def same_sentence(i: int, j: int) -> bool:
        """Type and actor match, and one of the prediction's mentions is in the gold
        event's sentence."""
        event, p = events[i], predicted[j]
        if depths[i][j] < 2 or event.sentence_start is None:
            return False
        starts = p.mention_starts or ((p.trigger_start,) if p.trigger_start is not None else ())
        return any(event.sentence_start <= start < event.sentence_end for start in starts)

    return ArticleResult(gold, predicted, matchings,
                         max_matching(len(events), len(predicted), same_sentence))


def score_documents(gold: Sequence[GoldArticle],
                    predicted: Sequence[Sequence[PredictedEvent]]) -> DocumentScores:
    return DocumentScores([score_article(g, list(p))
                           for g, p in zip(gold, predicted, strict=True)])
