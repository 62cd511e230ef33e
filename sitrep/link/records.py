"""Typed records of the link stage: what it makes of stored articles
(`sitrep.records.StoredArticle`, with their event records and place names) — article
vectors, event mentions, and the stories, event clusters and series they form.

The link stage never touches the database: `sitrep.pipeline.link_stored` reads its inputs
from the store, calls the algorithms in this package, and writes their results back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any


def link_id(kind: str, seed: str) -> str:
    """A stable 16-hex-digit id for a story, event cluster or series, from what started it:
    re-linking the same articles in the same order gives the same ids."""
    return hashlib.sha256(f"{kind}:{seed}".encode()).hexdigest()[:16]


@dataclass
class ArticleVector:
    """An article's compact signature: its strongest terms and its index keys.

    `terms` holds the L2-normalised tf-idf weights of the article's top terms, `lead` the
    same for its title and lead alone (what story similarity is computed on); `keys` are
    what the candidate index stores: its top terms, plus "@USA" for actor codes and
    "#Korean Peninsula" for places.
    """

    article_id: str
    day: date | None
    terms: dict[str, float]
    keys: list[str]
    lead: dict[str, float] = field(default_factory=dict)


@dataclass
class Story:
    """Articles about the same news."""

    id: str
    title: str | None
    start: date | None
    end: date | None
    article_ids: list[str]
    outlets: list[str]

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "n_articles": len(self.article_ids),
            "outlets": self.outlets,
            "article_ids": self.article_ids,
        }


@dataclass
class EventMention:
    """One coded event, reduced to what decides whether two mentions are one real event."""

    event_id: str
    article_id: str
    outlet: str | None
    published: date | None
    event_type: str
    mode: str | None
    actor_code: str | None
    recipient_code: str | None
    # the codes of every party on each side: a compound actor's members ("South Korea and
    # the US") as well as its own code
    actor_codes: frozenset[str]
    recipient_codes: frozenset[str]
    modality: str
    event_date: date | None  # the record's event_date (first day for month precision)
    precision: str | None  # day | month | year | None
    # The days the event can have happened on (inclusive); None: too vague to match.
    earliest: date | None
    latest: date | None
    place: str | None
    place_country: str | None
    place_precision: str | None  # point, city, division, region, country (location record)
    lat: float | None
    lon: float | None
    words: frozenset[str]  # content words and numbers of its sentence
    activity: str | None  # recurring activity id (activities.toml), if the sentence names one
    # True when the activity is named by a word other than the trigger ("flew two B-1B
    # bombers"), which says more about the event than the trigger ("talks") does
    activity_named_apart: bool = False

    @property
    def timeline_date(self) -> date | None:
        return self.event_date or self.published


@dataclass
class EventCluster:
    """Mentions, from one or more articles, of one real-world event."""

    id: str
    mentions: list[EventMention]
    series_id: str | None = None

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    def _most_precise_date(self) -> EventMention | None:
        rank = {"day": 0, "month": 1, "year": 2}
        dated = [m for m in self.mentions if m.event_date is not None]
        return min(dated, key=lambda m: (rank.get(m.precision or "", 3), m.event_date),
                   default=None)

    def summary(self) -> dict[str, Any]:
        """The cluster's own attributes: the first known value of each, the most precise
        date, and counts."""
        def first_known(attr: str) -> Any:
            return next((getattr(m, attr) for m in self.mentions if getattr(m, attr)), None)

        dated = self._most_precise_date()
        placed = next((m for m in self.mentions if m.place), None)
        published = [m.published for m in self.mentions if m.published]
        activity = first_known("activity")
        return {
            "id": self.id,
            "event_type": self.first.event_type,
            "mode": first_known("mode"),
            "actor_code": first_known("actor_code"),
            "recipient_code": first_known("recipient_code"),
            "event_date": dated.event_date if dated else None,
            "date_precision": dated.precision if dated else None,
            "timeline_date": dated.event_date if dated else min(published, default=None),
            "place": placed.place if placed else None,
            "lat": placed.lat if placed else None,
            "lon": placed.lon if placed else None,
            "place_precision": placed.place_precision if placed else None,
            "activity": activity,
            "n_mentions": len(self.mentions),
            "n_articles": len({m.article_id for m in self.mentions}),
        }


@dataclass
class ClusterSketch:
    """A stored event cluster as its row describes it: enough to rule it out as a match for
    a new mention before reading its mentions."""

    id: str
    event_type: str
    actor_code: str | None
    recipient_code: str | None
    timeline_date: date | None
    precision: str | None
    lat: float | None
    lon: float | None


@dataclass
class Series:
    """Distinct events of one recurring activity by one actor (and recipient, for activities
    done to someone) in one area, with no long pause between them. Kept from its first event on; shown as a series once it
    has `min_events` events on at least two dates (`recurring`)."""

    id: str
    group: str  # "activity|ACTOR", or "activity|ACTOR|RECIPIENT"
    activity: str
    label: str  # "bomber flights", "talks with RUS"
    actor_code: str
    recipient_code: str | None
    area: str | None  # the place of the event that fixed its area
    lat: float | None
    lon: float | None
    n_events: int = 0
    # the first and last dates of its events: a series is continuous in time
    start: date | None = None
    end: date | None = None

    def include(self, day: date | None) -> None:
        """Widen the series' dates to a new event's."""
        if day is not None:
            self.start = min(self.start or day, day)
            self.end = max(self.end or day, day)

    @property
    def title(self) -> str:
        where = f" — {self.area}" if self.area else ""
        return f"{self.actor_code} {self.label}{where}"
