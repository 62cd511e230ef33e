"""What the compare stage reads off one mention: the event record's details, the sentence's
content words and counted quantities, and whether the sentence asserts or denies."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.compare.knowledge import Knowledge, phrase_pattern
from sitrep.compare.records import Mention, Statement
from sitrep.compare.text import content_terms, stem
from sitrep.package_data import read_toml

NUMBER = re.compile(r"(?<![\w.-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.,]*\d)")
NEGATIVE_MODALITIES = ("denied", "negated")
# Characters of the sentence before and after an event's evidence span that describe it
# ("flew [two B-1B bombers over the Korean Peninsula on Thursday]").
EVENT_CONTEXT = (40, 90)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # stem of the counted noun
    approximate: bool
    aggregate: bool  # a running total over a period, not the count of one event
    text: str  # as written: "two B-1B bombers"


@dataclass
class Features:
    """One mention of an event or claim, with everything the aligner and rules compare."""

    mention: Mention
    statement: Statement
    terms: dict[str, float]
    quantities: list[Quantity] = field(default_factory=list)  # of the event's phrase, if any
    sentence_quantities: list[Quantity] = field(default_factory=list)
    negative: bool = False
    event: dict[str, Any] | None = None
    event_date: date | None = None
    date_precision: str | None = None
    place: dict[str, Any] | None = None

    @functools.cached_property
    def sentence_terms(self) -> dict[str, float]:
        """Content words of the whole sentence (`terms` of an event are its phrase's)."""
        return content_terms(self.statement.text)

    @property
    def actor_code(self) -> str | None:
        return _code(self.event, "actor")

    @property
    def recipient_code(self) -> str | None:
        return _code(self.event, "recipient")


def _code(event: dict[str, Any] | None, role: str) -> str | None:
    part = (event or {}).get(role) or {}
    return part.get("code")


def _party(event: dict[str, Any], role: str) -> str | None:
    part = event.get(role)
    if not part:
        return None
    return part.get("code") or part.get("text")


class Reader:
    """Reads features, with the word lists loaded once."""

    def __init__(self, knowledge: Knowledge) -> None:
        numbers = knowledge.rules["numbers"]
        self.approximators = phrase_pattern(numbers["approximators"])
        self.aggregates = phrase_pattern(numbers["aggregate_markers"])
        self.units = frozenset(numbers["units"])
        self.ignore_units = frozenset(numbers["ignore_units"])
        self.approximate_ratio = float(numbers["approximate_ratio"])
        self.denial = phrase_pattern(knowledge.rules["polarity"]["denial_words"])
        numbers_as_words = read_toml("dates.toml")["numbers"]
        self.number_words = {k: float(v) for k, v in numbers_as_words.items()
                             if k not in ("a", "an")}  # "a" counts nothing in "a navy"
        words = "|".join(sorted(self.number_words, key=len, reverse=True))
        self.number_word = re.compile(rf"\b({words})\b", re.IGNORECASE)

    def statement_features(self, statement: Statement) -> Features:
        mention = Mention(
            article_id=statement.article_id, statement_index=statement.index,
            sentence=statement.text, start=statement.start, end=statement.end,
            voice=statement.voice, source=statement.source.name if statement.source else None,
        )
        quantities = self.quantities(statement.text)
        return Features(mention, statement, content_terms(statement.text), quantities,
                        quantities, negative=bool(self.denial.search(statement.text)))

    def event_features(self, statement: Statement, event: dict[str, Any]) -> Features:
        features = self.statement_features(statement)
        location = event.get("location") or None
        features.mention = replace(
            features.mention, event_id=event["id"], event_type=event["event_type"],
            trigger=(event.get("trigger") or {}).get("text"),
            actor=_party(event, "actor"), recipient=_party(event, "recipient"),
            date=event.get("event_date"), place=place_name(location),
            modality=event.get("modality"),
        )
        features.event = event
        features.negative = event.get("modality") in NEGATIVE_MODALITIES
        if event.get("event_date"):
            features.event_date = date.fromisoformat(event["event_date"])
            features.date_precision = event.get("date_precision")
        features.place = location
        # the event's own phrase, not the whole sentence: a sentence may hold several events
        evidence = event.get("evidence") or {}
        if evidence.get("start") is not None:
            start = max(statement.start, evidence["start"] - EVENT_CONTEXT[0])
            end = min(statement.end, evidence["end"] + EVENT_CONTEXT[1])
            local = statement.text[start - statement.start:end - statement.start]
            features.terms = content_terms(local)
            features.quantities = self.quantities(local)
        return features

    def quantities(self, sentence: str) -> list[Quantity]:
        found = []
        for match in [*NUMBER.finditer(sentence), *self.number_word.finditer(sentence)]:
            raw = match.group(1)
            value = (self.number_words[raw.lower()] if raw.lower() in self.number_words
                     else float(raw.replace(",", "")))
            counted = self._unit(sentence, match.end())
            if counted is None:
                continue
            unit, end = counted
            before = sentence[max(0, match.start() - 25):match.start()]
            approximate = bool(self.approximators.search(before.split(",")[-1]))
            aggregate = bool(self.aggregates.search(sentence[max(0, match.start() - 60):
                                                             match.start()]))
            found.append(Quantity(value, unit, approximate, aggregate,
                                  sentence[match.start():end]))
        return found

    def _unit(self, sentence: str, start: int) -> tuple[str, int] | None:
        """The counted noun and where it ends: the last plural-looking or known unit word
        of the noun phrase after the number, which ends at punctuation or a function word
        ("two B-1B Lancer strategic bombers from", "three aircraft carrier strike groups in")."""
        unit = None
        for token in list(re.finditer(r"\S+", sentence[start:]))[:6]:
            raw = token.group()
            word = re.sub(r"[^\w-]", "", raw.lower())
            if not word or word in STOP_WORDS or word in self.ignore_units:
                break
            if word in self.units or (len(word) > 3 and word.endswith("s") and word.isalpha()
                                      and not word.endswith("ss")):
                stemmed = word if word in self.units else stem(word)
                unit = (stemmed, start + token.start() + len(raw.rstrip(",.;:!?)\"”")))
            if re.search(r"[,.;:!?)\"”]$", raw):
                break
        return unit

    def conflicting_counts(self, a: Quantity, b: Quantity) -> bool:
        if a.unit != b.unit or a.value == b.value or a.aggregate != b.aggregate:
            return False
        if a.approximate or b.approximate:
            low, high = sorted((a.value, b.value))
            return low == 0 or high / low > self.approximate_ratio
        return True


def distance_km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Great-circle distance of two resolved places, None if either has no coordinates."""
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def place_name(place: dict[str, Any] | None) -> str | None:
    if not place:
        return None
    return place.get("name") or place.get("text")
