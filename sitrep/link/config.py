"""The link stage's tunables and vocabulary, read once from `sitrep/data/link/`."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.package_data import data_file, read_toml


@dataclass(frozen=True)
class Activity:
    """A recurring activity: which event types can be one, and the words that name it."""

    id: str
    label: str
    types: frozenset[str]
    pattern: re.Pattern[str]  # any of its terms, as whole words
    # "with", "on": the activity is done to someone, and its series are per recipient
    counterpart: str | None = None
    # whether two mentions naming it are tied ("B-1B bombers": yes; "talks": no)
    ties_events: bool = True
    # how far from a series' area and how long after (or before) its events an event of this
    # activity may be and still continue it; None: linking.toml's [series] default
    max_distance_km: float | None = None
    max_gap_days: int | None = None


@dataclass(frozen=True)
class LinkConfig:
    stories: dict[str, Any]
    events: dict[str, Any]
    series: dict[str, Any]
    stopwords: frozenset[str]
    activities: tuple[Activity, ...]
    # pairs of types the coder may give one act either way (joint drills: MOBILIZE/COOPERATE)
    interchangeable_types: frozenset[frozenset[str]]
    # token -> its content word ("" for a stop word), filled as texts are read
    word_memo: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # a stored event record's JSON -> its EventMention (link/events.py), so that neighbours
    # read again by the next batch are not parsed again
    mention_memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # event type -> `types_like` of it: asked for every pair of mentions compared
    types_memo: dict[str, frozenset[str]] = field(default_factory=dict, compare=False,
                                                  repr=False)

    @classmethod
    @functools.cache
    def default(cls) -> LinkConfig:
        settings = read_toml("link/linking.toml")
        words = data_file("link/stopwords.txt").read_text(encoding="utf-8")
        own = {w for line in words.splitlines() if not line.startswith("#")
               for w in line.lower().split()}
        vocabulary = read_toml("link/activities.toml")
        return cls(
            stories=settings["stories"],
            events=settings["events"],
            series=settings["series"],
            stopwords=frozenset(own | {w.lower() for w in STOP_WORDS}),
            activities=tuple(_activity(key, spec)
                             for key, spec in vocabulary["activity"].items()),
            interchangeable_types=frozenset(
                frozenset(pair) for pair in settings["events"]["interchangeable_types"]),
        )

    def types_like(self, event_type: str) -> frozenset[str]:
        """The type itself and those interchangeable with it."""
        found = self.types_memo.get(event_type)
        if found is None:
            found = self.types_memo[event_type] = frozenset(
                {event_type} | {t for pair in self.interchangeable_types if event_type in pair
                                for t in pair})
        return found

    def activity(self, activity_id: str) -> Activity | None:
        return next((a for a in self.activities if a.id == activity_id), None)


def _activity(key: str, spec: dict[str, Any]) -> Activity:
    # longest terms first, so that "nuclear test" wins over a shorter term it contains
    terms = sorted({t.lower() for t in spec["terms"]}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, terms)) + r")(?![\w-])")
    return Activity(key, spec.get("label", key.replace("_", " ")),
                    frozenset(t.upper() for t in spec["types"]), pattern,
                    spec.get("counterpart"), spec.get("ties_events", True),
                    spec.get("max_distance_km"), spec.get("max_gap_days"))
