"""Typed records that pass between the pipeline's stages.

Every stage takes and returns these dataclasses; besides them, only a stage's own output
records go further, to what keeps or shows them (the link stage's stories, clusters and
series to `store/links.py`, a comparison to `serve`). One concept, one type: an article as
ingested is an `Article`, an article read back from the store with its event records (for
linking and comparing) a `StoredArticle`. `Event.to_record()` produces the event record
contract of the README ("The event record").
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from sitrep.package_data import read_toml

Severity = Literal["error", "warning", "skipped"]
Precision = Literal["day", "month", "year"]
Modality = Literal["asserted", "claimed", "denied", "planned", "hypothetical", "negated"]
# How closely a place's coordinates locate what happened there: the spot itself (a base, a
# firing range, a test site), somewhere in a town, in a province or county, in an area that
# is no administrative unit (a sea, strait, island, peninsula, continent), or anywhere in a
# country. A map shows a "country" point at the country's centre.
LocationPrecision = Literal["point", "city", "division", "region", "country"]


def event_types() -> tuple[str, ...]:
    """The PLOVER event types, in the codebook's order: the [types] tables of
    data/lexicon/events.toml, the one place they are written down."""
    return tuple(read_toml("lexicon/events.toml")["types"])

# The gazetteer's kinds of place (sitrep/resolve/places.py, Place.kind) by precision.
PRECISION_OF_KIND: dict[str, LocationPrecision] = {
    "base": "point", "range": "point", "site": "point",
    "city": "city", "capital": "city",
    "admin1": "division", "admin2": "division",
    **dict.fromkeys(("sea", "ocean", "strait", "gulf", "bay", "canal", "river", "lake",
                     "island", "peninsula", "region", "continent"), "region"),
    "country": "country", "demonym": "country",
}


def normalized_for_hash(text: str) -> str:
    """The form of an article's text that its content hash is taken over.

    Unicode NFC, whitespace runs collapsed, so that the same report saved with other line
    endings or indentation is recognised as the same article.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalized_for_hash(text).encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news report, as ingested: body text plus whatever metadata could be found."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None  # where it came from: a path, "path:line" for JSON Lines, a URL
    external_id: str | None = None  # the id the input gave it, if any
    dateline: str | None = None  # e.g. "SEOUL" from "SEOUL, Nov. 2 (Yonhap) --"
    language: str = "en"

    @functools.cached_property
    def content_hash(self) -> str:
        # cached: every event asks for its article's id; the text is not changed after ingest
        return content_hash(self.text)

    @property
    def id(self) -> str:
        """Stable id derived from the content: the same text always gets the same id."""
        return self.content_hash[:16]


@dataclass
class StoredArticle:
    """A stored article as the steps that run over the store read it (linking, comparing):
    its id, text and metadata, the event records coded for it (`Event.to_record()` dicts,
    as `Store.events` returns them) and, where the reader needs them, those records as the
    JSON text they are stored as and the gazetteer names of the places it mentions."""

    id: str
    text: str
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    event_json: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    @classmethod
    def from_store(cls, article: dict[str, Any], events: list[dict[str, Any]]) -> StoredArticle:
        """From `Store.article(id)` and `Store.events(article_id=id)`."""
        published = article.get("published")
        return cls(id=article["id"], text=article["text"], outlet=article.get("outlet"),
                   title=article.get("title"),
                   published=date.fromisoformat(published) if published else None,
                   events=list(events))


@dataclass
class IngestProblem:
    """Something about one input that a user must hear about. Never raised: reported."""

    source: str
    message: str
    severity: Severity = "error"
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class Span:
    """Character offsets into an article's text."""

    start: int
    end: int

    def to_record(self) -> dict[str, int]:
        # what dataclasses.asdict gives, without its recursive deep copy
        return {"start": self.start, "end": self.end}


@dataclass
class Entity:
    """An actor, recipient or source of a claim, as written and as resolved."""

    text: str
    code: str | None = None  # ISO 3166 alpha-3, or an IGO/NGO code
    sector: str | None = None  # GOV, MIL, MED, ...
    start: int | None = None
    end: int | None = None
    members: list[Entity] = field(default_factory=list)  # conjuncts of a compound actor
    # True when the phrase names an earlier event ("slammed the exercise"), not an actor:
    # the resolve stage replaces it with whoever did that event.
    is_event_reference: bool = False
    # For "it said", "the agency added", "he": the earlier, named party this phrase stands for.
    refers_to: Entity | None = None
    # A named person's surname, as the article goes on to call them ("Brudziński"): what
    # tells two people of one country apart.
    person: str | None = None
    # The named body a party is ("Hamas", "the Pentagon"), as the actor tables name it: what
    # tells two bodies of one country apart.
    body: str | None = None
    # Not written in the text but implied by the act: "was arrested" is done by the
    # authorities of where it happens, "protests broke out" by people there.
    implied: bool = False

    def to_record(self, *, with_sector: bool = True) -> dict[str, Any]:
        record: dict[str, Any] = {"text": self.text, "code": self.code}
        if with_sector:
            record["sector"] = self.sector
        record["span"] = (
            {"start": self.start, "end": self.end} if self.start is not None else None
        )
        if self.members:
            record["members"] = [m.to_record(with_sector=with_sector) for m in self.members]
        if self.refers_to is not None:
            record["refers_to"] = self.refers_to.text
        if self.implied:
            record["implied"] = True
        return record


@dataclass
class Location:
    """Where an event happened: a phrase of the text and, once resolved, the place it names."""

    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: LocationPrecision | None = None  # None until resolved
    start: int | None = None
    end: int | None = None
    # None: the event's own clause names it; else where the article gave it: "paragraph",
    # "dateline" or "setting" (sitrep/resolve/event_places.py)
    inferred_from: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "inferred_from": self.inferred_from,
        }

    @staticmethod
    def precision_of(kind: str) -> LocationPrecision | None:
        """How precisely a place of this gazetteer kind is located; None for a kind the
        table does not know, so that a new kind reads as unknown rather than as a guess."""
        return PRECISION_OF_KIND.get(kind)


@dataclass
class ArticlePlace:
    """A place an article mentions, resolved to a gazetteer entry (whether or not an event
    happened there): what maps and place filters are built from."""

    text: str  # as written
    name: str  # the gazetteer's name
    # the gazetteer's kind: country, capital, admin1, admin2, city, a feature kind (sea, ...),
    # or demonym: the country named by its adjective ("Russian"), a mention of the country
    # rather than of a place in it
    kind: str
    country: str | None  # ISO 3166 alpha-3; None for places in no one country (seas)
    lat: float
    lon: float
    start: int  # offsets of `text` in the article
    end: int

    @property
    def precision(self) -> LocationPrecision | None:
        return Location.precision_of(self.kind)

    def to_record(self, article_id: str) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "kind": self.kind,
            "precision": self.precision,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "article_id": article_id,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class ResolvedDate:
    """A date expression resolved against a reference date (usually publication)."""

    text: str
    value: date | None = None
    precision: Precision | None = None
    start: int | None = None  # offsets of the expression in the article text
    end: int | None = None
    # the calendar span the expression covers: one day, a month, a year, or a week
    # ("last week") that has no single date
    range_start: date | None = None
    range_end: date | None = None
    # not written in the event's own clause: taken from the discourse (a dated event the
    # sentence continues), at that date's precision
    inferred: bool = False


@dataclass
class Mention:
    """One place where an event is told: its trigger, in its sentence of the article, or
    in the article's headline (which is not part of the text: no offsets)."""

    sentence: str
    sentence_start: int | None
    trigger: Entity
    evidence: Span | None  # trigger plus the arguments read in this sentence
    headline: bool = False

    def to_record(self) -> dict[str, Any]:
        record = {"sentence": self.sentence,
                  "evidence": self.evidence.to_record() if self.evidence else None,
                  "trigger": {"text": self.trigger.text, "start": self.trigger.start,
                              "end": self.trigger.end}}
        if self.headline:
            record["headline"] = True
        return record


@dataclass
class Event:
    """One coded act of an article: the unit the event record describes.

    The extract stage makes one Event per mention; the resolve stage merges the mentions of
    one act (the verb and later "the attack", a repeated report) into one Event whose
    `trigger`, `sentence` and evidence are its best mention's and whose `mentions` lists them
    all in text order.
    """

    article_id: str
    event_type: str  # PLOVER type
    cameo: str  # CAMEO root code, "15" etc.
    trigger: Entity  # the word(s) that express the event; code/sector unused
    sentence: str
    sentence_start: int
    mode: str | None = None
    context: str | None = None
    actor: Entity | None = None
    recipient: Entity | None = None
    date: ResolvedDate | None = None
    location: Location | None = None
    modality: Modality = "asserted"
    attributed_to: Entity | None = None
    quote: bool = False  # the event is stated inside a direct quotation
    # PLOVER manual's type where it differs from event_type: planned cooperation -> AGREE,
    # a planned retreat -> CONCEDE (sitrep keeps the concrete type plus modality "planned")
    plover_type: str | None = None
    # Phrases that may name the event's place, best first; resolve keeps the first it knows.
    place_candidates: list[Location] = field(default_factory=list)
    # Told only in passing: a noun naming the cause or occasion of another act ("convicted
    # over their assault", "after the killings"). Such an act is no event of the article's
    # unless it is told again, given a time of its own, or planned with a place of its own
    # (the resolve stage).
    incidental: bool = False
    outlet: str | None = None
    published: date | None = None
    # every mention of this act, in text order; empty until the resolve stage merges them
    # (an Event straight from the extract stage is its own only mention)
    mentions: list[Mention] = field(default_factory=list)
    # told as background: an earlier act recalled, with a date of its own before the news
    background: bool = False

    @property
    def id(self) -> str:
        """Stable: the article, the first mention's trigger in the text and the type."""
        first = next((m.trigger for m in self.mentions if not m.headline), self.trigger)
        key = f"{self.article_id}:{first.start}:{self.event_type}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    @property
    def evidence(self) -> Span:
        """The smallest span of the sentence holding the trigger and the event's arguments
        (an argument found in another mention's sentence does not widen it)."""
        sentence_end = self.sentence_start + len(self.sentence)
        starts = [self.trigger.start]
        ends = [self.trigger.end]
        for part in (self.actor, self.recipient):
            if (part is not None and part.start is not None
                    and self.sentence_start <= part.start and part.end <= sentence_end):
                starts.append(part.start)
                ends.append(part.end)
        return Span(min(s for s in starts if s is not None), max(e for e in ends if e is not None))

    @property
    def reported_as_act(self) -> bool:
        """Whether the record reports this event as an act that happened or is planned:
        not what might happen (hypothetical), what did not (negated, unless PLOVER reads
        the refusal as an act of its own: "did not agree" is a REJECT) or what a source
        alleges (claimed: the allegation is the source's own speech act)."""
        if self.modality == "negated":
            return bool(self.plover_type) and self.plover_type != self.event_type
        return self.modality not in ("hypothetical", "claimed")

    def as_mention(self) -> Mention:
        return Mention(self.sentence, self.sentence_start, self.trigger, self.evidence)

    def all_mentions(self) -> list[Mention]:
        return self.mentions or [self.as_mention()]

    def text_mentions(self) -> list[Mention]:
        """The mentions in the article's text (not the headline's): they have offsets."""
        return [m for m in self.all_mentions() if not m.headline]

    def to_record(self) -> dict[str, Any]:
        """The event record contract (README, "The event record")."""
        evidence = self.evidence
        return {
            "id": self.id,
            "article_id": self.article_id,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "event_type": self.event_type,
            "plover_type": self.plover_type or self.event_type,
            "mode": self.mode,
            "context": self.context,
            "cameo": self.cameo,
            "actor": self.actor.to_record() if self.actor else None,
            "recipient": self.recipient.to_record() if self.recipient else None,
            "event_date": self.date.value.isoformat() if self.date and self.date.value else None,
            "date_precision": self.date.precision if self.date and self.date.value else None,
            "date_text": self.date.text if self.date else None,
            "date_inferred": bool(self.date and self.date.inferred),
            "date_range": (
                {"start": self.date.range_start.isoformat(), "end": self.date.range_end.isoformat()}
                if self.date and self.date.range_start else None
            ),
            "location": self.location.to_record() if self.location else None,
            "modality": self.modality,
            "attributed_to": (
                self.attributed_to.to_record(with_sector=False) if self.attributed_to else None
            ),
            "quote": self.quote,
            "background": self.background,
            "sentence": self.sentence,
            "evidence": evidence.to_record(),
            "trigger": {"text": self.trigger.text, "start": self.trigger.start,
                        "end": self.trigger.end},
            "mentions": [m.to_record() for m in self.all_mentions()],
        }
